#include "recognize/time_recognizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "recognize/number_parser.h"

namespace newsledger {

using recognize::Lexeme;
using recognize::LexKind;
using recognize::NumberMatch;

namespace {

// ---- Calendar arithmetic (proleptic Gregorian; H. Hinnant's algorithms) ----

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + static_cast<int>(era) * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int Weekday(int64_t days) {  // ISO: Monday 1 .. Sunday 7
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : dm[m - 1];
}

bool ValidDate(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  if (y == 0) return d <= (m == 2 ? 29 : DaysInMonth(2001, m));
  return d <= DaysInMonth(y, m);
}

void IsoWeek(int64_t days, int* iso_year, int* week) {
  int wd = Weekday(days);
  int64_t thursday = days - wd + 4;
  Ymd t = CivilFromDays(thursday);
  int64_t jan1 = DaysFromCivil(t.y, 1, 1);
  *iso_year = t.y;
  *week = static_cast<int>((thursday - jan1) / 7) + 1;
}

std::string Fmt(const char* f, int a) {
  char b[32];
  std::snprintf(b, sizeof b, f, a);
  return b;
}

std::string FmtDate(int y, int m = 0, int d = 0) {
  // Candidates format their value before the longest one wins: snprintf showed in the
  // profile, so the usual case (a 4-digit year, 2-digit month and day) is written by hand.
  if (y >= 1 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99 && (m || !d)) {
    char o[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                  static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                  static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
    return std::string(o, !m ? 4 : !d ? 7 : 10);
  }
  char b[32];
  if (y <= 0 && m && d) std::snprintf(b, sizeof b, "XXXX-%02d-%02d", m, d);
  else if (y <= 0 && m) std::snprintf(b, sizeof b, "XXXX-%02d", m);
  else if (y <= 0) std::snprintf(b, sizeof b, "XXXX");
  else if (y > 9999) return "";
  else if (m && d) std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  else std::snprintf(b, sizeof b, "%04d", y);
  return b;
}

std::string FmtDays(int64_t days) {
  Ymd t = CivilFromDays(days);
  return FmtDate(t.y, t.m, t.d);
}

std::string FmtWeek(int64_t days) {
  int y, w;
  IsoWeek(days, &y, &w);
  char b[32];
  std::snprintf(b, sizeof b, "%04d-W%02d", y, w);
  return b;
}

// std::stoi's reading (leading digits, an optional sign) without its exceptions: a
// token with no digits gives -1 and a run too long for an int gives INT_MAX, values
// every caller's range checks refuse.
int ToInt(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  bool negative = i < s.size() && s[i] == '-';
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
  int64_t v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    v = v * 10 + (s[i] - '0');
    if (v > INT32_MAX) return INT32_MAX;
  }
  return negative ? -static_cast<int>(v) : static_cast<int>(v);
}

std::optional<int64_t> ParseIsoDate(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(5, 2)),
      d = ToInt(s.substr(8, 2));
  if (!ValidDate(y, m, d)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

// "2025-11-17T16:12", "2025-11-17T16:12:00Z": seconds after midnight.
std::optional<int> ParseIsoClock(std::string_view s) {
  if (s.size() < 16 || s[10] != 'T' || s[13] != ':') return std::nullopt;
  for (int k : {11, 12, 14, 15})
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
  int h = (s[11] - '0') * 10 + (s[12] - '0'), m = (s[14] - '0') * 10 + (s[15] - '0'), sec = 0;
  if (s.size() >= 19 && s[16] == ':' && s[17] >= '0' && s[17] <= '9' && s[18] >= '0' && s[18] <= '9')
    sec = (s[17] - '0') * 10 + (s[18] - '0');
  if (h > 23 || m > 59 || sec > 59) return std::nullopt;
  return h * 3600 + m * 60 + sec;
}

// An instant (days since 1970-01-01 and seconds into that day, any sign) as TIMEX3
// "2025-11-17T16:12" (seconds only when not zero).
std::string FmtInstant(int64_t day, int64_t secs) {
  day += secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  secs -= (secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400)) * 86400;
  char b[16];
  if (secs % 60) std::snprintf(b, sizeof b, "T%02d:%02d:%02d", int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
  else std::snprintf(b, sizeof b, "T%02d:%02d", int(secs / 3600), int(secs / 60 % 60));
  return FmtDays(day) + b;
}

// ---- Word lists ----

enum class Tense : uint8_t { kNone, kPast, kPresent, kFuture };

const std::unordered_set<std::string_view>& IrregularPast() {
  static const std::unordered_set<std::string_view> s = {
      "was", "were", "had", "did", "said", "told", "went", "came", "saw", "took", "gave", "made", "began", "found",
      "met", "held", "left", "sent", "spent", "won", "lost", "rose", "fell", "kept", "brought", "bought",
      "thought", "felt", "became", "ran", "stood", "paid", "led", "knew", "wrote", "spoke", "broke", "chose",
      "drove", "flew", "grew", "hit", "struck", "shot", "fought", "caught", "taught", "sought", "sold", "built",
      "meant", "heard", "hung", "slid", "sank", "swore", "threw", "woke", "wore", "got", "forgot", "quit",
      "ago", "earlier", "last", "yesterday", "former", "previously"};
  return s;
}

const std::unordered_set<std::string_view>& NotPastEd() {
  static const std::unordered_set<std::string_view> s = {
      "need", "needed", "speed", "indeed", "united", "hundred", "based", "proceed", "exceed", "succeed", "feed",
      "seed", "breed", "bleed", "red", "bed", "shed", "wed", "weed", "embed", "greed", "reed", "freed",
      "alleged", "suspected", "designated", "detailed", "limited", "armed", "advanced", "expected", "scheduled",
      "planned", "proposed", "unexpected", "concerned", "related", "interested", "supposed", "used"};
  return s;
}

// Prefix words after which a month name is a month even in lower case ("in may").
const std::unordered_set<std::string_view>& MonthCue() {
  static const std::unordered_set<std::string_view> s = {
      "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "before",
      "after", "through", "from", "to", "during", "between", "and", "coming", "past", "previous", "end",
      "beginning", "start", "middle", "on", "every", "each", "throughout", "around", "circa", "that"};
  return s;
}

struct TM {
  uint32_t begin = 0, end = 0;  // lexemes
  TimeType type = TimeType::kDate;
  std::string value;
  std::string mod;
  std::string relation;
  std::optional<int64_t> day;   // the resolved day, for the discourse anchor
  int level = 0;                // 3 day, 2 month, 1 year: what `day` pins down
  bool explicit_full = false;   // an explicit full date (for LatestExplicitDate)
  bool anchor_free = true;      // resolved without the publication date
  // The calendar parts as written (month, day; year when written), so that a range can
  // lend one end's year to the other ("May to Oct 2020", "Nov 18-Dec 19, 2015").
  int wm = 0, wd = 0, wy = 0;
  bool weak = false;            // a time range of two bare hours: needs a date beside it
  bool marked = false;          // a clock time with a.m./p.m., o'clock or "in the evening"
};

}  // namespace

// Answers of TimeScan::Full by start lexeme (a few recent ones).
struct FullMemo {
  static constexpr int kSize = 4;
  uint32_t pos[kSize] = {UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX};
  std::optional<TM> tm[kSize];
  int next = 0;
};

// Tense markers of one sentence's lexemes [b, e), indexed by document lexeme: the
// lexemes are the whole document's (LexDocument), so a marker per document lexeme
// for each sentence would make the scan quadratic.
struct TenseMarks {
  std::vector<Tense> marks;
  uint32_t base = 0;
  void Reset(uint32_t b, uint32_t e) {
    base = b;
    marks.assign(e - b, Tense::kNone);
  }
  Tense& operator[](uint32_t i) { return marks[i - base]; }
};

namespace {

// Words outside the shared word table that still open or make a time: decades
// ("seventies"), "once a week". Tested by length and suffix, no lookup.
bool TimeWordOutsideTable(const Lexeme& x) {
  std::string_view w = x.low;
  return (w.size() >= 7 && w.ends_with("ties")) || w == "noughties" || w == "once" || w == "twice" ||
         w == "another" || w == "rest" || (w == "w" && x.glued() == false) || w == "moment" || w == "present";
}

// What the scan's prefilter (TimeScan::MayOpen) asks of one lexeme, computed once per
// document: kCueOpens, it may open a time expression (a number; a time word, number
// word or function word of the word table); kCueStrong, it is a time word or number by
// itself, so a function word shortly before it may open one too.
enum : uint8_t { kCueOpens = 1, kCueStrong = 2 };
uint8_t TimeCues(const Lexeme& x) {
  if (x.kind == LexKind::kNumber) return kCueOpens | kCueStrong;
  if (x.kind == LexKind::kQuote) return kCueStrong;  // opens by its position (MayOpen)
  if (x.kind != LexKind::kWord) return 0;
  const recognize::WordInfo* in = x.info;
  bool outside = TimeWordOutsideTable(x);
  uint8_t c = 0;
  if (outside || (in && (in->time_trigger || in->month || in->weekday || in->card >= 0 || in->ord >= 0 ||
                         in->time_unit || in->denom)))
    c |= kCueOpens;
  if (outside || (in && (in->time_strong || in->month || in->weekday || in->time_unit || in->card >= 0 ||
                         in->ord >= 0)))
    c |= kCueStrong;
  return c;
}

}  // namespace

// One sentence's scan. Scratch only; the recognizer itself has no state.
struct TimeScan {
  const Document& doc;
  const std::vector<Lexeme>& lx;
  uint32_t b, e;
  std::optional<int64_t> anchor;     // publication date (days)
  std::optional<int64_t>* discourse; // last resolved day
  bool has_xpos;
  TenseMarks tense;                  // per lexeme marker, computed lazily
  bool tense_ready = false;
  FullMemo memo{};
  // Seconds after midnight of the publication time, when doc.published carries a
  // clock time ("2025-11-17T16:12:00"): "in 5 minutes", "within 2 hours" resolve to it.
  std::optional<int> clock;

  const Lexeme& L(uint32_t i) const { return lx[i]; }
  // Inlined at every call so the length test and the compare against each literal
  // compile to a few instructions (the out-of-line call and memcmp topped the profile).
  [[gnu::always_inline]] bool Is(uint32_t i, std::string_view w) const { return i < e && lx[i].is(w); }
  bool IsWord(uint32_t i) const { return i < e && lx[i].kind == LexKind::kWord; }
  const recognize::WordInfo* Info(uint32_t i) const { return i < e ? lx[i].info : nullptr; }

  // ---- tense ----
  static bool IsModal(std::string_view w) {
    return w == "will" || w == "shall" || w == "would" || w == "could" || w == "can" || w == "may" ||
           w == "might" || w == "should" || w == "must";
  }

  // A modal points ahead ("could rise by Wednesday", "would visit on Friday") even in a
  // past-tense report, unless it carries a perfect ("would have met on Monday") or is
  // a negated "could", which reads as past ability ("could not attend on Tuesday").
  Tense ModalTense(uint32_t i) const {
    const std::string_view w = lx[i].low;
    if (w == "will" || w == "shall" || w == "ll") return Tense::kFuture;  // "will have finished by May"
    if (Is(i + 1, "have") || Is(i + 1, "ve")) return Tense::kPast;
    if (w == "could" && (Is(i + 1, "not") || Is(i + 1, "n't"))) return Tense::kNone;
    return Tense::kFuture;
  }

  // Whether a form of "be", "have" or "get" stands one or two words before lexeme i
  // ("was freed", "has not been seen", "got hurt").
  bool AuxiliaryBefore(uint32_t i) const {
    static const std::unordered_set<std::string_view> kAux = {
        "is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had", "having",
        "get", "gets", "got", "getting", "gotten"};
    for (uint32_t back = 1; back <= 2 && i >= b + back; ++back)
      if (lx[i - back].kind == LexKind::kWord && kAux.count(lx[i - back].low)) return true;
    return false;
  }

  void ComputeTense() {
    tense.Reset(b, e);
    for (uint32_t i = b; i < e; ++i) {
      const Lexeme& l = lx[i];
      if (l.kind != LexKind::kWord) continue;
      // "is set to last until Friday", "are due to meet on Monday": a plan ahead.
      if (i > b && (lx[i - 1].is("is") || lx[i - 1].is("are") || lx[i - 1].is("am")) && Is(i + 1, "to") &&
          (l.low == "set" || l.low == "due" || l.low == "scheduled" || l.low == "expected" || l.low == "slated" ||
           l.low == "poised" || l.low == "about")) {
        tense[i] = Tense::kFuture;
        continue;
      }
      // "with final results expected by Thursday", "talks, scheduled for Monday,":
      // a participle of planning with no auxiliary before it looks ahead.
      if ((l.low == "expected" || l.low == "scheduled" || l.low == "slated" || l.low == "due") && i > b &&
          !AuxiliaryBefore(i) && !IsModal(lx[i - 1].low) &&
          (Is(i + 1, "by") || Is(i + 1, "on") || Is(i + 1, "for") || Is(i + 1, "in") || Is(i + 1, "within") ||
           Is(i + 1, "before"))) {
        tense[i] = Tense::kFuture;
        continue;
      }
      if (has_xpos) {
        std::string_view x = recognize::XposAt(doc, l.start);
        if (x == "VBD") { tense[i] = Tense::kPast; continue; }
        if (x == "MD") {
          tense[i] = ModalTense(i);
          continue;
        }
        if (x == "VBZ" || x == "VBP") {
          tense[i] = (l.low == "has" || l.low == "have") ? Tense::kPast : Tense::kPresent;
          continue;
        }
        // A past participle with no auxiliary before it ("people marched through
        // Belgrade on Saturday", "results published on Monday"): the tagger often
        // reads a simple past so, and a participle that modifies a noun tells of the
        // past as well; the word rules below decide, as for untagged text.
        if (!x.empty() && !(x == "VBN" && !AuxiliaryBefore(i))) continue;
      }
      std::string_view w = l.low;
      if (IsModal(w) && w != "will" && w != "shall") {
        tense[i] = ModalTense(i);
      } else if (w == "will" || w == "shall" || (w == "ll" && i > b && lx[i - 1].kind == LexKind::kQuote) ||
          w == "tomorrow" || w == "upcoming" || w == "next" || w == "coming") {
        tense[i] = Tense::kFuture;
      } else if (w == "going" && Is(i + 1, "to") && i + 2 < e && lx[i + 2].kind == LexKind::kWord &&
                 !(lx[i + 2].info && lx[i + 2].info->month)) {
        tense[i] = Tense::kFuture;
      } else if (((w.size() >= 5 && w.ends_with("ed")) || IrregularPast().count(w)) && i > b &&
                 (lx[i - 1].is("is") || lx[i - 1].is("are") || lx[i - 1].is("am") || lx[i - 1].is("be") ||
                  lx[i - 1].is("been") || lx[i - 1].is("being"))) {
        // A participle after a form of "be" ("is sentenced", "is held"): the auxiliary
        // holds the tense.
      } else if (IrregularPast().count(w) ||
                 (w.size() >= 5 && w.ends_with("ed") && !NotPastEd().count(w))) {
        tense[i] = Tense::kPast;
      } else if (w == "has" || w == "have") {
        // Present perfect looks back; "will have", "to have", "have to" do not.
        bool modal = i > b && (lx[i - 1].is("will") || lx[i - 1].is("would") || lx[i - 1].is("could") ||
                               lx[i - 1].is("should") || lx[i - 1].is("may") || lx[i - 1].is("might") ||
                               lx[i - 1].is("must") || lx[i - 1].is("can") || lx[i - 1].is("to") ||
                               lx[i - 1].is("ll"));
        if (!Is(i + 1, "to") && !modal) tense[i] = Tense::kPast;
      } else if (w == "is" || w == "are" || w == "am") {
        tense[i] = Tense::kPresent;
      }
    }
    tense_ready = true;
  }

  bool IsDoubleQuote(uint32_t k) const {
    return lx[k].kind == LexKind::kQuote &&
           (lx[k].low == "\"" || lx[k].low == "\xE2\x80\x9C" || lx[k].low == "\xE2\x80\x9D");
  }

  static bool IsClauseOpener(std::string_view w) {
    return w == "if" || w == "unless" || w == "because" || w == "although" || w == "though" || w == "whereas";
  }

  Tense TenseAt(uint32_t a, uint32_t z) {
    if (!tense_ready) ComputeTense();
    // A marker before the time in its own clause (no comma between) is the time's
    // verb: "is set to last until Friday, the union said" is ahead, whatever the
    // reporting frame after the comma says.
    for (uint32_t k = a; k-- > b;) {
      if (lx[k].is(",") || lx[k].is(".") || lx[k].is(";") || IsDoubleQuote(k)) break;
      if (tense[k] == Tense::kFuture) return tense[k];
      if (tense[k] != Tense::kNone) break;
    }
    // Else the nearest marker; ties go left (the verb usually precedes its adjuncts).
    bool right_stop = false;
    for (uint32_t dist = 1; dist < e - b; ++dist) {
      bool left_ok = a >= b + dist, right_ok = !right_stop && z - 1 + dist < e;
      if (!left_ok && !right_ok) break;
      // A double quotation mark parts a quotation from its frame ("We expect it to
      // double in the second half," she said): neither lends the other its tense.
      if (left_ok) {
        uint32_t k = a - dist;
        if (lx[k].is(".") || lx[k].is(";") || IsDoubleQuote(k)) left_ok = false;
        else if (tense[k] != Tense::kNone) return tense[k];
      }
      if (right_ok && IsDoubleQuote(z - 1 + dist)) right_ok = false, right_stop = true;
      if (right_ok) {
        uint32_t k = z - 1 + dist;
        if (tense[k] != Tense::kNone) return tense[k];
        // "would strike on October 20 if the government did not ...": a conditional,
        // causal or concessive clause after the time has its own tense.
        if (IsClauseOpener(lx[k].low)) right_stop = true;
      }
    }
    return Tense::kNone;
  }

  // ---- resolution helpers ----
  // Year of a month(-day) without a year, by tense.
  int YearFor(int m, int d, uint32_t a, uint32_t z) {
    if (!anchor) return 0;
    Ymd A = CivilFromDays(*anchor);
    Tense t = TenseAt(a, z);
    int dd = d ? d : 1;
    if (t == Tense::kPast) {
      if (m > A.m || (m == A.m && d && dd > A.d)) return A.y - 1;
      return A.y;
    }
    if (t == Tense::kFuture) {
      if (m < A.m || (m == A.m && d && dd < A.d)) return A.y + 1;
      return A.y;
    }
    if (t == Tense::kPresent && d) {
      // "funds agencies through Sept. 30": a present-tense bound looks ahead, "since"
      // looks back.
      if (a > b && (Is(a - 1, "through") || Is(a - 1, "until") || Is(a - 1, "till") || Is(a - 1, "by") ||
                    Is(a - 1, "before")))
        return (m < A.m || (m == A.m && dd < A.d)) ? A.y + 1 : A.y;
      if (a > b && Is(a - 1, "since")) return (m > A.m || (m == A.m && dd > A.d)) ? A.y - 1 : A.y;
      // "when he is sentenced on Jan. 15" in a November story: the present tense
      // of a schedule or a state; the nearest such day, before or after.
      int best = A.y;
      int64_t best_gap = INT64_MAX;
      for (int y = A.y - 1; y <= A.y + 1; ++y) {
        if (!ValidDate(y, m, dd)) continue;
        int64_t gap = DaysFromCivil(y, m, dd) - *anchor;
        if (gap < 0) gap = -gap;
        if (gap < best_gap) best_gap = gap, best = y;
      }
      return best;
    }
    return A.y;
  }

  void SetDay(TM* t, int y, int m, int d) {
    if (y > 0 && ValidDate(y, m, d)) {
      t->day = DaysFromCivil(y, m, d);
      t->level = 3;
    }
  }

  // ---- matchers ----
  // A day-of-month at i: "17", "17th", "twenty-first", "first". Returns day and end.
  std::optional<std::pair<int, uint32_t>> DayAt(uint32_t i, bool words_ok) const {
    if (i >= e) return std::nullopt;
    if (lx[i].kind == LexKind::kNumber) {
      std::string_view s = lx[i].low;
      if (s.size() > 2 || s.find_first_of(",.") != std::string_view::npos) return std::nullopt;
      int d = ToInt(s);
      uint32_t k = i + 1;
      if (k < e && lx[k].glued() && (lx[k].is("st") || lx[k].is("nd") || lx[k].is("rd") || lx[k].is("th"))) ++k;
      if (d < 1 || d > 31) return std::make_pair(-1, k);
      return std::make_pair(d, k);
    }
    if (!words_ok) return std::nullopt;
    recognize::NumberOptions o;
    o.allow_fraction = false;
    o.allow_negative = false;
    auto m = recognize::ParseNumber(lx, i, e, o);
    if (m && m->words && m->value >= 1 && m->value <= 31 && m->value == std::floor(m->value)) {
      return std::make_pair(static_cast<int>(m->value), m->end);
    }
    return std::nullopt;
  }

  // A four-digit year at i (1000..2999), or an apostrophe year "'98".
  // Years in words: "nineteen seventy eight", "nineteen zero one", "twenty twenty",
  // "two thousand and eighteen", "two thousand".
  std::optional<std::pair<int, uint32_t>> YearWordsAt(uint32_t i) const {
    auto card = [&](uint32_t k) { return IsWord(k) && Info(k) ? int(Info(k)->card) : -1; };
    auto kind = [&](uint32_t k) { return IsWord(k) && Info(k) ? int(Info(k)->card_kind) : 0; };
    int c = card(i);
    if (c == 2 && Is(i + 1, "thousand")) {
      uint32_t k = i + 2;
      if (Is(k, "and")) ++k;
      int rest = 0;
      if (card(k) >= 0 && kind(k) == 3) {
        rest = card(k);
        ++k;
        if (Is(k, "-")) ++k;
        if (card(k) >= 1 && kind(k) == 1) { rest += card(k); ++k; }
      } else if (card(k) >= 1 && kind(k) <= 2) {
        rest = card(k);
        ++k;
      } else {
        k = i + 2;  // "two thousand" alone
      }
      return std::make_pair(2000 + rest, k);
    }
    // Century word then the two last digits.
    if (!(c >= 15 && c <= 20)) return std::nullopt;  // "ten thirty" is a clock time
    uint32_t k = i + 1;
    if (Is(k, "-")) ++k;
    int rest = -1;
    if ((Is(k, "oh") || Is(k, "zero")) && card(k + 1) >= 1 && kind(k + 1) == 1) {
      rest = card(k + 1);
      k += 2;
    } else if (card(k) >= 20 && kind(k) == 3) {
      rest = card(k);
      ++k;
      if (Is(k, "-")) ++k;
      if (card(k) >= 1 && kind(k) == 1) { rest += card(k); ++k; }
      else if (Is(k - 1, "-")) --k;
    } else if (card(k) >= 10 && kind(k) == 2) {
      rest = card(k);
      ++k;
    } else if (Is(k, "hundred")) {
      rest = 0;
      ++k;
      // "nineteen hundred (and) ninety three", "seventeen hundred thirty three"
      uint32_t q = Is(k, "and") ? k + 1 : k;
      if (card(q) >= 20 && kind(q) == 3) {
        rest = card(q);
        k = q + 1;
        if (Is(k, "-")) ++k;
        if (card(k) >= 1 && kind(k) == 1) { rest += card(k); ++k; }
        else if (Is(k - 1, "-")) --k;
      } else if (card(q) >= 1 && kind(q) <= 2) {
        rest = card(q);
        k = q + 1;
      }
    }
    if (rest < 0) return std::nullopt;
    return std::make_pair(c * 100 + rest, k);
  }

  std::optional<std::pair<int, uint32_t>> YearAt(uint32_t i, bool two_digit_ok) const {
    if (i >= e) return std::nullopt;
    if (lx[i].kind == LexKind::kQuote && i + 1 < e && lx[i + 1].glued() && lx[i + 1].kind == LexKind::kNumber &&
        lx[i + 1].low.size() == 2) {
      int y = ToInt(lx[i + 1].low);
      return std::make_pair(y < 50 ? 2000 + y : 1900 + y, i + 2);
    }
    if (lx[i].kind == LexKind::kWord) return YearWordsAt(i);
    if (lx[i].kind != LexKind::kNumber) return std::nullopt;
    std::string_view s = lx[i].low;
    if (s.size() == 4 && s.find_first_of(",.") == std::string_view::npos) {
      int y = ToInt(s);
      if (y >= 1000 && y <= 2999) return std::make_pair(y, i + 1);
    }
    if (two_digit_ok && s.size() == 2) {
      int y = ToInt(s);
      return std::make_pair(y < 50 ? 2000 + y : 1900 + y, i + 1);
    }
    return std::nullopt;
  }

  int MonthAt(uint32_t i, uint32_t* end, bool need_cue) const {
    if (i >= e || !lx[i].info || !lx[i].info->month) return 0;
    const Lexeme& l = lx[i];
    uint32_t k = i + 1;
    if (l.info->month_abbr || l.low == "sept") {
      // "Aug. 3" keeps its dot; a dot that ends the sentence ("second of Aug.") does not.
      if (k < e && lx[k].is(".") && lx[k].glued() && k + 1 < e) ++k;
    } else if (k < e && lx[k].is(".") && lx[k].glued() && k + 1 < e && lx[k + 1].kind == LexKind::kNumber) {
      ++k;  // "October. 2"
    }
    if (need_cue) {
      bool cue = i > b && MonthCue().count(lx[i - 1].low);
      if (i > b + 1 && lx[i - 1].kind == LexKind::kHyphen && lx[i - 2].is("mid")) cue = true;
      bool capital = l.upper_initial && !(l.low == "may" && (i == b || !lx[i].space_before)) &&
                     !(l.low == "march" && i > b && (lx[i - 1].is("to") || lx[i - 1].is("will")));
      if (l.low == "may" && i == b) capital = false;
      // Full month names in lower case read as months ("june next year") except the
      // ones that are common words.
      bool plain = !l.upper_initial && !l.info->month_abbr && l.low != "may" && l.low != "march" &&
                   l.low != "august" && l.low.size() > 3;
      if (l.low == "may" && !l.upper_initial && k < e && lx[k].kind == LexKind::kWord &&
          !(lx[k].info && (lx[k].info->time_strong || lx[k].info->card >= 0 || lx[k].info->ord >= 0)) &&
          !lx[k].is("of") && !lx[k].is("and") && !lx[k].is("to"))
        return 0;  // "this may take", "that may be"
      if (l.low == "may" && k < e && (lx[k].is("i") || lx[k].is("we") || lx[k].is("you") || lx[k].is("he") ||
                                      lx[k].is("she") || lx[k].is("they") || lx[k].is("it")))
        return 0;  // "May I ask"
      if (!cue && !capital && !plain) return 0;
      if (l.low == "may" && !cue) {
        // "May" capitalized mid-sentence is the month unless a verb follows ("Kim May said").
        if (k < e && lx[k].kind == LexKind::kWord && !lx[k].upper_initial && !lx[k].info) return 0;
      }
      if (l.info->month_abbr && !cue && !(k < e && (lx[k].kind == LexKind::kNumber))) return 0;
    }
    *end = k;
    return l.info->month;
  }

  // Explicit dates with a month name or digits; year optional.
  std::optional<TM> ExplicitDate(uint32_t i) {
    TM t;
    t.begin = i;
    uint32_t k = i;
    // Optional weekday prefix: "Monday, November 17, 2025", "Tue May 9", "Wed, 22 of Jan".
    int wd = 0;
    if (IsWord(k) && Info(k) && Info(k)->weekday && (lx[k].upper_initial || lx[k].low.size() > 3)) {
      uint32_t q = k + 1;
      if (Is(q, ".")) ++q;
      if (Is(q, ",")) ++q;
      uint32_t me = 0;
      if ((q < e && MonthAt(q, &me, false)) || (q < e && lx[q].kind == LexKind::kNumber)) {
        wd = Info(k)->weekday;
        k = q;
      }
    }
    int y = 0, m = 0, d = 0;
    uint32_t me = 0;
    bool matched = false;
    if ((m = MonthAt(k, &me, false))) {
      // Month Day [,] [Year]  /  Month Year  /  Month-Day  /  Month/Day
      uint32_t q = me;
      if (q < e && (lx[q].is("-") || lx[q].is("/")) && lx[q].glued()) ++q;
      else if (q < e && lx[q].is(".") && lx[q].glued() && q + 1 < e && lx[q + 1].glued()) ++q;  // "september.16th"
      if (q < e && lx[q].kind == LexKind::kNumber && lx[q].glued() && lx[q].low.size() >= 2 && lx[q].low.size() <= 3 &&
          lx[q].low[0] == '.' && lx[q].low.find_first_not_of("0123456789", 1) == std::string_view::npos) {
        // "september.16th": the lexer reads ".16" as a number.
        d = ToInt(lx[q].low.substr(1));
        t.end = q + 1;
        if (t.end < e && lx[t.end].glued() && (Is(t.end, "st") || Is(t.end, "nd") || Is(t.end, "rd") || Is(t.end, "th")))
          ++t.end;
        matched = d >= 1 && d <= 31;
      } else if (auto yr = YearAt(q, false); yr && !(q + 1 < e && lx[q + 1].glued() && lx[q + 1].kind == LexKind::kWord)) {
        y = yr->first;
        t.end = yr->second;
        matched = true;
      } else if (Is(q, ",") && YearAt(q + 1, false)) {  // "Dec, 2018"
        auto yr = YearAt(q + 1, false);
        y = yr->first;
        t.end = yr->second;
        matched = true;
      } else if (auto dd = DayAt(Is(q, ",") && q + 2 < e && lx[q + 2].glued() ? q + 1 : Is(q, "the") ? q + 1 : q, true);
                 dd && dd->first > 0 && !(dd->second < e && lx[dd->second].is(":")) &&
                 !(Is(q, ",") && dd->second == q + 2)) {  // "October, 1st" but not "May, 2"
        d = dd->first;
        uint32_t q2 = dd->second;
        t.end = q2;
        matched = true;
        uint32_t q3 = q2;
        if (Is(q3, ",") || ((Is(q3, "in") || Is(q3, "of")) && YearAt(q3 + 1, false))) ++q3;
        if (auto yr = YearAt(q3, false)) {
          y = yr->first;
          t.end = yr->second;
        } else if (q3 < e && lx[q3].kind == LexKind::kNumber && lx[q3].low.size() == 2 && Is(q2, ",")) {
          // "08/12,15" style is numeric; a month name then ", 15" is a day-range: skip.
        }
      } else if (q < e && lx[q].kind == LexKind::kNumber && lx[q].low.size() == 2 && lx[q].space_before) {
        // "August 99": a two-digit year after a month name.
        int yy = ToInt(lx[q].low);
        if (yy > 31) {
          y = yy < 50 ? 2000 + yy : 1900 + yy;
          t.end = q + 1;
          matched = true;
        }
      } else if (Is(q, "of") && q + 1 < e && lx[q + 1].kind == LexKind::kNumber && lx[q + 1].low.size() == 2 &&
                 lx[q + 1].low.find_first_not_of("0123456789") == std::string_view::npos &&
                 !(q + 2 < e && lx[q + 2].glued() && lx[q + 2].kind != LexKind::kPunct) &&
                 !(q + 2 < e && lx[q + 2].kind == LexKind::kWord && !lx[q + 2].upper_initial)) {
        // "April of 87": a two-digit year after "of" (not "May of 12 people").
        int yy = ToInt(lx[q + 1].low);
        y = yy < 50 ? 2000 + yy : 1900 + yy;
        t.end = q + 2;
        matched = true;
      }
      if (matched && d == 0 && y == 0) matched = false;
      if (matched && !d && Is(t.end, ",") && false) matched = false;
      if (matched && m && !MonthAt(k, &me, true) && !y && !d) matched = false;
    } else if (auto dd = DayAt(k, false); dd && dd->first > 0) {
      // Day [of] Month [,] [Year]: "17 November 2025", "17th of November", "1st Jan"
      uint32_t q = dd->second;
      if (Is(q, "of")) ++q;
      else if (Is(q, ".") && lx[q].glued() && q + 1 < e && lx[q + 1].info && lx[q + 1].info->month) ++q;  // "16. Nov."
      if (q < e && (m = MonthAt(q, &me, false)) && !(k > b && lx[k - 1].kind == LexKind::kSymbol)) {
        d = dd->first;
        t.end = me;
        matched = true;
        uint32_t q3 = me;
        if (Is(q3, ",") || ((Is(q3, "in") || Is(q3, "of")) && YearAt(q3 + 1, false))) ++q3;
        if (auto yr = YearAt(q3, false)) {
          y = yr->first;
          t.end = yr->second;
        } else if (Is(q3, "of") && (yr = YearAt(q3 + 1, true)) && lx[q3 + 1].kind == LexKind::kNumber &&
                   !(yr->second < e && lx[yr->second].glued() && lx[yr->second].kind != LexKind::kPunct)) {
          y = yr->first;  // "15 April of 87"
          t.end = yr->second;
        }
      }
    } else if (Is(k, "the") && DayAt(k + 1, true)) {
      auto d2 = DayAt(k + 1, true);
      uint32_t q = d2->second;
      if (Is(q, "of") && (m = MonthAt(q + 1, &me, false))) {
        d = d2->first;
        t.end = me;
        matched = true;
        uint32_t q3 = me;
        if (Is(q3, ",") || ((Is(q3, "in") || Is(q3, "of")) && YearAt(q3 + 1, false))) ++q3;
        if (auto yr = YearAt(q3, false)) {
          y = yr->first;
          t.end = yr->second;
        }
      }
    } else if (auto dw = DayAt(k, true); dw && dw->first > 0 && lx[k].kind == LexKind::kWord) {
      // "twenty second of June", "second of Aug"
      uint32_t q = dw->second;
      // Without "of" only with a year after the month: "fifteen August nineteen ninety".
      uint32_t me2 = 0;
      if (int m2 = Is(q, "of") ? 0 : MonthAt(q, &me2, false); m2 && YearAt(me2, false)) {
        m = m2;
        d = dw->first;
        auto yr = YearAt(me2, false);
        y = yr->first;
        t.end = yr->second;
        matched = true;
      } else if (Is(q, "of") && (m = MonthAt(q + 1, &me, false))) {
        d = dw->first;
        t.end = me;
        matched = true;
        uint32_t q3 = me;
        if (Is(q3, ",")) ++q3;
        if (auto yr = YearAt(q3, false)) {
          y = yr->first;
          t.end = yr->second;
        }
      }
    }
    if (!matched) return NumericDate(i, k, wd);
    t.begin = i;
    if (!wd) t.begin = k;
    FinishDate(&t, y, m, d);
    if (y && d) t.explicit_full = true;
    return t;
  }

  void FinishDate(TM* t, int y, int m, int d) {
    t->type = TimeType::kDate;
    t->wm = m;
    t->wd = d;
    t->wy = y;
    if (d && !ValidDate(y, m, d)) {
      t->value.clear();  // "February 30": kept without a value
      return;
    }
    if (!y) {
      y = YearFor(m, d, t->begin, t->end);
      t->anchor_free = false;
    }
    if (d && y > 0 && !ValidDate(y, m, d)) {
      // "February 29" in a year that has none: the year stays unspecified.
      t->value = FmtDate(0, m, d);
      return;
    }
    t->value = FmtDate(y, m, d);
    if (d && y > 0) SetDay(t, y, m, d);
  }

  // Numeric dates: 2025-11-17, 2015/08/12, 11/17/2025, 21/04/16, 9-18-15, 4/22, 2015-3, 3/2015.
  std::optional<TM> NumericDate(uint32_t i, uint32_t k, int wd) {
    if (k >= e || lx[k].kind != LexKind::kNumber) return std::nullopt;
    auto num = [&](uint32_t q) -> int {
      std::string_view s = lx[q].low;
      if (s.size() > 4 || s.find_first_of(",.") != std::string_view::npos) return -1;
      return ToInt(s);
    };
    auto sep = [&](uint32_t q) {
      return q < e && (lx[q].is("-") || lx[q].is("/") || lx[q].is(".")) && lx[q].glued() && q + 1 < e &&
             lx[q + 1].glued();
    };
    int a = num(k);
    if (a < 0) return std::nullopt;
    TM t;
    t.begin = wd ? i : k;
    std::string_view s0 = lx[k].low;
    if (sep(k + 1) && (lx[k + 2].kind == LexKind::kNumber || IsWord(k + 2))) {
      std::string sepc(lx[k + 1].low);
      // Numbers before the first separator glued to a word ("SCP-173") or to another
      // number run ("133-03-03-2020", "+86 138-2010-2015") are codes, not dates.
      if (k > b && lx[k].glued() && lx[k - 1].kind == LexKind::kWord) return std::nullopt;
      if (k > b + 1 && lx[k].glued() && lx[k - 1].low == sepc && lx[k - 2].kind == LexKind::kNumber)
        return std::nullopt;
      uint32_t me = 0;
      int mon_word = IsWord(k + 2) ? MonthAt(k + 2, &me, false) : 0;
      int bnum = mon_word ? mon_word : (lx[k + 2].kind == LexKind::kNumber ? num(k + 2) : -1);
      if (bnum < 0) return std::nullopt;
      uint32_t after2 = mon_word ? me : k + 3;
      bool third = after2 + 1 < e && lx[after2].low == sepc && lx[after2].glued() && lx[after2 + 1].glued() &&
                   lx[after2 + 1].kind == LexKind::kNumber;
      int y = 0, m = 0, d = 0;
      if (third) {
        int c = num(after2 + 1);
        if (c < 0) return std::nullopt;
        std::string_view s2 = lx[after2 + 1].low;
        if (s0.size() == 4) {  // Y-M-D
          y = a; m = bnum; d = c;
        } else if (mon_word && (s2.size() == 4 || s2.size() == 2)) {  // "05-Aug-2016"
          y = s2.size() == 4 ? c : (c < 50 ? 2000 + c : 1900 + c);
          m = mon_word; d = a;
        } else if (s2.size() == 4 || s2.size() == 2) {
          y = s2.size() == 4 ? c : (c < 50 ? 2000 + c : 1900 + c);
          if (a > 12 && bnum <= 12) { d = a; m = bnum; }   // 21/04/2016
          else { m = a; d = bnum; }                        // 02/22/2016 (US order)
        } else {
          return std::nullopt;
        }
        t.end = after2 + 2;
        if (after2 + 2 < e && lx[after2 + 2].glued() && lx[after2 + 2].kind != LexKind::kPunct) return std::nullopt;
        if (after2 + 3 < e && lx[after2 + 2].glued() && (lx[after2 + 2].kind == LexKind::kHyphen) &&
            lx[after2 + 3].kind == LexKind::kNumber)
          return std::nullopt;  // "2010-2015-86": a code
        t.explicit_full = true;
        t.type = TimeType::kDate;
        // Digits that make no calendar date ("2015-1-32", "123-12-1234") are no date at
        // all; a month name with a bad day ("Feb 30") is kept without a value.
        if (!ValidDate(y, m, d) && !(mon_word && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return std::nullopt;
        if (!ValidDate(y, m, d)) {
          t.value.clear();
          return t;
        }
        t.value = FmtDate(y, m, d);
        t.wy = y; t.wm = m; t.wd = d;
        SetDay(&t, y, m, d);
        return t;
      }
      std::string_view s2 = mon_word ? std::string_view() : lx[k + 2].low;
      t.end = after2;
      if (t.end < e && lx[t.end].glued() && (lx[t.end].kind == LexKind::kWord || lx[t.end].kind == LexKind::kNumber))
        return std::nullopt;
      // Two parts. Y-M ("2015-3", "2015/08"), M/Y ("3/2015"), M/D or D/M ("4/22", "22/04").
      if (s0.size() == 4 && a >= 1000 && bnum >= 1 && bnum <= 12 && s2.size() <= 2) {
        t.type = TimeType::kDate;
        t.value = FmtDate(a, bnum);
        t.wy = a; t.wm = bnum;
        return t;
      }
      if (s2.size() == 4 && a >= 1 && a <= 12 && (sepc == "/" || sepc == "-")) {
        t.type = TimeType::kDate;
        t.value = FmtDate(bnum, a);
        t.wy = bnum; t.wm = a;
        return t;
      }
      if (s0.size() <= 2 && s2.size() <= 2 && sepc != ".") {
        if (a > 12 && bnum <= 12) { d = a; m = bnum; }
        else { m = a; d = bnum; }
        if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
        // A lone "3/4" is a fraction and "10-15" a range unless a date word leads in.
        bool cue = wd || (k > b && lx[k - 1].info && lx[k - 1].info->weekday) || (k > b && (lx[k - 1].is("on") || lx[k - 1].is("since") || lx[k - 1].is("until") ||
                             lx[k - 1].is("by") || lx[k - 1].is("from") || lx[k - 1].is("before") ||
                             lx[k - 1].is("after") || lx[k - 1].is("in") || lx[k - 1].is("to")));
        if (sepc == "-" && !cue) return std::nullopt;
        static const int fr[] = {2, 3, 4, 5, 6, 8, 10, 16};
        bool fraction_like = false;
        for (int f : fr) fraction_like = fraction_like || (bnum == f && a < bnum);
        if (fraction_like && !cue) return std::nullopt;
        if (k > b && lx[k - 1].is("at")) return std::nullopt;
        t.type = TimeType::kDate;
        FinishDate(&t, 0, m, d);
        return t;
      }
    }
    return std::nullopt;
  }

  // Four-digit years and decades: "2024", "the 1990s", "'90s", "mid-2024" (mod by caller).
  std::optional<TM> Year(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the") && k + 1 < e) ++k;
    if (k < e && lx[k].kind == LexKind::kQuote && k + 2 < e && lx[k + 1].kind == LexKind::kNumber &&
        lx[k + 1].glued() && lx[k + 1].low.size() == 2 && Is(k + 2, "s") && lx[k + 2].glued()) {
      int yy = ToInt(lx[k + 1].low);
      TM t;
      t.begin = i;
      t.end = k + 3;
      t.value = Fmt("%03d", (yy < 30 ? 200 : 190) + yy / 10);
      return t;
    }
    // "the 70s", "70's", "the 1970's": decades.
    if (k + 1 < e && lx[k].kind == LexKind::kNumber && (lx[k].low.size() == 2 || lx[k].low.size() == 4) &&
        lx[k].low.back() == '0' && lx[k].low.find_first_of(",.") == std::string_view::npos) {
      uint32_t q = k + 1;
      if (lx[q].kind == LexKind::kQuote && lx[q].glued() && Is(q + 1, "s") && lx[q + 1].glued()) q += 2;
      else if (Is(q, "s") && lx[q].glued() && lx[k].low.size() == 2) q += 1;
      else if (Is(q, "s") && lx.size() > q && !lx[q].glued() && lx[k].low.size() == 4 && q + 1 >= e) q += 1;  // "1990 s"
      if (q > k + 1) {
        int n = ToInt(lx[k].low);
        TM t;
        t.begin = i;
        t.end = q;
        t.value = lx[k].low.size() == 4 ? Fmt("%03d", n / 10) : Fmt("%03d", (n < 30 ? 200 : 190) + n / 10);
        return t;
      }
    }
    auto yr = YearAt(k, false);
    if (!yr) return std::nullopt;
    uint32_t z = yr->second;
    // Numbers glued to words or other numbers are not years ("SCP-173", "2025-11").
    if (k > b && lx[k].glued() && (lx[k - 1].kind == LexKind::kWord || lx[k - 1].kind == LexKind::kNumber ||
                                   lx[k - 1].kind == LexKind::kSymbol))
      return std::nullopt;
    // "555-1212", "82-2100", "32-2015": digits after a number and a hyphen.
    if (k > b + 1 && lx[k].glued() && lx[k - 1].kind == LexKind::kHyphen && lx[k - 2].kind == LexKind::kNumber &&
        lx[k - 1].glued())
      return std::nullopt;
    if (k > b && (lx[k - 1].is("$") || lx[k - 1].is("€") || lx[k - 1].is("£"))) return std::nullopt;
    if (z < e && lx[z].glued() && lx[z].is("s")) {
      if (yr->first % 10 != 0) return std::nullopt;
      TM t;
      t.begin = i;
      t.end = z + 1;
      t.value = Fmt("%03d", yr->first / 10);
      return t;
    }
    if (z < e && lx[z].glued() && lx[z].kind != LexKind::kPunct && lx[z].kind != LexKind::kQuote) return std::nullopt;
    if (Is(z, "s") ) return std::nullopt;
    // Not a year: "2000 people", "1,500", "2024 percent", years as counts.
    if (z < e && lx[z].kind == LexKind::kWord && !lx[z].upper_initial) {
      std::string_view w = lx[z].low;
      if (w == "percent" || w == "people" || (w.size() > 3 && w.back() == 's' && !(lx[z].info && lx[z].info->month) &&
                                              w != "was" && w != "has" && w != "is" && w != "as" && w != "its" &&
                                              w != "this"))
        return std::nullopt;
    }
    if (z < e && (lx[z].is("%"))) return std::nullopt;
    if (Is(i, "the") && k == i + 1) {
      // "the 2024 election" keeps "the" out of the span.
      i = k;
    }
    TM t;
    t.begin = i;
    t.end = z;
    // "2016 June", "2016, Nov": a year then its month.
    {
      uint32_t q = z;
      if (Is(q, ",")) ++q;
      uint32_t me = 0;
      if (int m = q < e ? MonthAt(q, &me, false) : 0; m && !(me < e && lx[me].kind == LexKind::kNumber)) {
        if (!(lx[q].low == "may" && !lx[q].upper_initial) && !(lx[q].low == "march" && !lx[q].upper_initial)) {
          t.end = me;
          t.value = FmtDate(yr->first, m);
          t.wy = yr->first;
          t.wm = m;
          t.day = DaysFromCivil(yr->first, m, 1);
          t.level = 2;
          return t;
        }
      }
    }
    t.wy = yr->first;
    t.value = FmtDate(yr->first);
    t.day = DaysFromCivil(yr->first, 1, 1);
    t.level = 1;
    return t;
  }

  // "Q3", "Q1 2016", "2016 Q3", "the third quarter (of 2016)", "H1 2016", "the first half of 2025".
  std::optional<TM> Quarter(uint32_t i) {
    uint32_t k = i;
    int q = 0, h = 0;
    int y = 0;
    bool rel = false;
    if (auto yr = YearAt(k, false); yr && yr->second < e) {
      uint32_t q2 = yr->second;
      if (Is(q2, "the")) ++q2;
      else if (q2 + 1 < e && lx[q2].kind == LexKind::kHyphen && lx[q2].glued() && lx[q2 + 1].glued()) ++q2;  // "2017-q1"
      if (q2 < e && IsWord(q2) && lx[q2].low.size() == 1 && (lx[q2].is("q") || lx[q2].is("h")) && q2 + 1 < e &&
          lx[q2 + 1].glued() && lx[q2 + 1].kind == LexKind::kNumber) {
        int n = ToInt(lx[q2 + 1].low.substr(0, 2));
        if (lx[q2].is("q") && n >= 1 && n <= 4) q = n;
        if (lx[q2].is("h") && n >= 1 && n <= 2) h = n;
        if (q || h) {
          TM t;
          t.begin = i;
          t.end = q2 + 2;
          t.value = FmtDate(yr->first) + (q ? Fmt("-Q%d", q) : Fmt("-H%d", h));
          return t;
        }
      }
      if (q2 < e && Info(q2) && Info(q2)->ord >= 1 && Info(q2)->ord <= 4 && Is(q2 + 1, "quarter")) {
        TM t;
        t.begin = i;
        t.end = q2 + 2;
        t.value = FmtDate(yr->first) + Fmt("-Q%d", Info(q2)->ord);
        return t;
      }
      return std::nullopt;
    }
    uint32_t start = k;
    // "Q3"; lower-case "q3" only with a year ("q3 2019", "q1-2019").
    auto year_follows = [&](uint32_t z) {
      if (z < e && lx[z].kind == LexKind::kHyphen) ++z;
      return YearAt(z, false).has_value();
    };
    if (IsWord(k) && lx[k].low.size() == 1 && (lx[k].is("q") || lx[k].is("h")) && k + 1 < e && lx[k + 1].glued() &&
        lx[k + 1].kind == LexKind::kNumber && (lx[k].upper_initial || year_follows(k + 2))) {
      int n = lx[k + 1].low.size() == 1 ? lx[k + 1].low[0] - '0' : 0;
      if (lx[k].is("q") && n >= 1 && n <= 4) q = n;
      else if (lx[k].is("h") && n >= 1 && n <= 2) h = n;
      else return std::nullopt;
      k += 2;
    } else {
      if (Is(k, "the")) ++k;
      if (Is(k, "this") || Is(k, "current") || Is(k, "last") || Is(k, "next") || Is(k, "previous") ||
          Is(k, "past") || Is(k, "coming") || Is(k, "following") || Is(k, "upcoming")) {
        if (!Is(k + 1, "quarter")) return std::nullopt;
        if (!anchor) return std::nullopt;
        Ymd A = CivilFromDays(*anchor);
        int cq = (A.m - 1) / 3 + 1, cy = A.y;
        int delta = (Is(k, "last") || Is(k, "previous") || Is(k, "past")) ? -1
                    : (Is(k, "next") || Is(k, "coming") || Is(k, "following") || Is(k, "upcoming")) ? 1 : 0;
        cq += delta;
        if (cq == 0) { cq = 4; --cy; }
        if (cq == 5) { cq = 1; ++cy; }
        TM t;
        t.begin = start;
        t.end = k + 2;
        t.value = FmtDate(cy) + Fmt("-Q%d", cq);
        t.anchor_free = false;
        return t;
      }
      int ord = Info(k) ? Info(k)->ord : 0;
      if (k + 1 < e && lx[k].kind == LexKind::kNumber && lx[k].low.size() == 1 && lx[k + 1].glued() &&
          (Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd") || Is(k + 1, "th"))) {
        ord = lx[k].low[0] - '0';  // "1st quarter"
        ++k;
      }
      if (!(ord >= 1 && ord <= 4 && (Is(k + 1, "quarter") || (Is(k + 1, "half") && ord <= 2))))
        return std::nullopt;
      if (Is(k + 1, "quarter")) q = ord;
      else h = ord;
      k += 2;
      rel = true;
    }
    uint32_t z = k;
    if (Is(z, "of") || Is(z, ",") || (z < e && lx[z].kind == LexKind::kHyphen && lx[z].glued())) {
      if (auto yr = YearAt(z + 1, false)) { y = yr->first; z = yr->second; }
    } else if (auto yr = YearAt(z, false)) {
      y = yr->first;
      z = yr->second;
    }
    uint32_t z2 = z;
    if (!y && Is(z2, "of") && Is(z2 + 1, "the") && Is(z2 + 2, "year") && !Is(z2 + 3, "of") && anchor) {
      // "the first quarter of the year": the anchor's year.
      y = CivilFromDays(*anchor).y;
      z = z2 + 3;
    } else if (!y && (Is(z2, "this") || Is(z2, "next") || Is(z2, "last")) && Is(z2 + 1, "year") && anchor) {
      Ymd A = CivilFromDays(*anchor);
      y = A.y + (Is(z2, "next") ? 1 : Is(z2, "last") ? -1 : 0);
      z = z2 + 2;
    }
    if (!y && rel && anchor) {
      // "the first quarter": this year's unless the tense puts it in the past or future.
      Ymd A = CivilFromDays(*anchor);
      int cq = (A.m - 1) / 3 + 1;
      y = A.y;
      Tense t = TenseAt(start, z);
      int qq = q ? q : (h == 1 ? 1 : 3);
      if (t == Tense::kPast && qq > cq) y -= 1;
      if (t == Tense::kFuture && qq < cq) y += 1;
    }
    if (rel && !q && !h) return std::nullopt;
    if (h && !y && !rel) return std::nullopt;  // "H2" alone is too ambiguous
    TM t;
    t.begin = start;
    t.end = z;
    t.value = (y ? FmtDate(y) : std::string("XXXX")) + (q ? Fmt("-Q%d", q) : Fmt("-H%d", h));
    return t;
  }

  // "this week", "last month", "next year", "this October", "last Monday", "this summer", ...
  std::optional<TM> Relative(uint32_t i) {
    if (i + 1 < e) {
      std::string_view unit = lx[i + 1].low;
      TM t;
      t.begin = i;
      t.anchor_free = false;
      if (Is(i, "the") && unit == "weekend" && anchor && !Is(i + 2, "after") && !Is(i + 2, "of") &&
          !Is(i + 2, "before")) {
        // "over the weekend": in a past-tense sentence the one gone by, else the coming one.
        int64_t day = *anchor;
        if (TenseAt(i, i + 2) == Tense::kPast && Weekday(day) < 6) day -= 7;
        t.end = i + 2;
        t.value = FmtWeek(day) + "-WE";
        return t;
      }
      if (Is(i, "the") && anchor && Is(i + 2, "after") && (Is(i + 3, "next") || (Is(i + 3, "the") && Is(i + 4, "next")))) {
        // "the week after next", "the month after the next": two steps ahead.
        t.end = Is(i + 3, "next") ? i + 4 : i + 5;
        Ymd A = CivilFromDays(*anchor);
        if (unit == "week") t.value = FmtWeek(*anchor + 14);
        else if (unit == "weekend") t.value = FmtWeek(*anchor + 14) + "-WE";
        else if (unit == "month") t.value = FmtDate(A.m >= 11 ? A.y + 1 : A.y, (A.m + 1) % 12 + 1);
        else if (unit == "year") t.value = FmtDate(A.y + 2);
        else return std::nullopt;
        return t;
      }
    }
    uint32_t k = i;
    if (Is(k, "the") && k + 1 < e) ++k;
    int delta;
    bool disc = false;
    std::string_view w = k < e ? lx[k].low : std::string_view();
    if (w == "this" || w == "current" || (w == "the" ) ) delta = 0;
    else if (w == "last" || w == "past" || w == "previous" || w == "preceding") delta = -1;
    else if (w == "next" || w == "coming" || w == "upcoming" || w == "following") delta = 1;
    else if (w == "that" || w == "same") { delta = 0; disc = true; }
    else return std::nullopt;
    if (k > i && (w == "next" || w == "following" || w == "previous" || w == "preceding")) disc = true;  // "the next day"
    if (w == "the" || (k > i && w == "same")) disc = true;
    if (Is(k + 1, "same") && w == "that") ++k;
    // "this past Wednesday", "this coming Friday": the nearest one gone by / ahead.
    int nearest = 0;
    if (w == "this" && (Is(k + 1, "past") || Is(k + 1, "coming") || Is(k + 1, "upcoming"))) {
      nearest = Is(k + 1, "past") ? -1 : 1;
      ++k;
    } else if (w == "past" || w == "coming" || w == "upcoming") {
      nearest = w == "past" ? -1 : 1;
    }
    uint32_t u = k + 1;
    if (u >= e) return std::nullopt;
    const recognize::WordInfo* in = lx[u].info;
    std::optional<int64_t> base = disc && discourse_has() ? **discourse : anchor;
    if (disc && !base) base = anchor;
    TM t;
    t.begin = i;
    t.end = u + 1;
    t.anchor_free = false;
    // Weekday after: "last Monday", "this Friday", "next Sunday".
    if (in && in->weekday && !disc) {
      if (!base) {
        t.value = Fmt("XXXX-WXX-%d", in->weekday);
        return t;
      }
      int64_t monday = *base - (Weekday(*base) - 1);
      int64_t day = monday + (in->weekday - 1) + 7 * delta;
      if (nearest < 0) day = *base - ((Weekday(*base) - in->weekday + 7) % 7 == 0 ? 7 : (Weekday(*base) - in->weekday + 7) % 7);
      if (nearest > 0) day = *base + ((in->weekday - Weekday(*base) + 7) % 7 == 0 ? 7 : (in->weekday - Weekday(*base) + 7) % 7);
      t.end = u + 1;
      if (Is(t.end, ".") && lx[t.end].glued() && lx[u].low.size() <= 4) ++t.end;
      t.value = FmtDays(day);
      t.day = day;
      t.level = 3;
      return PartOfDay(t);
    }
    uint32_t month_end = 0;
    if (in && in->month && !disc && MonthAt(u, &month_end, true)) {
      if (!base) {
        t.value = FmtDate(0, in->month);
        return t;
      }
      Ymd A = CivilFromDays(*base);
      t.value = FmtDate(A.y + delta, in->month);
      return t;
    }
    static const std::unordered_map<std::string_view, const char*> seasons = {
        {"spring", "SP"}, {"summer", "SU"}, {"autumn", "FA"}, {"fall", "FA"}, {"winter", "WI"}};
    if (auto s = seasons.find(lx[u].low); s != seasons.end() && !disc) {
      if (!base) {
        t.value = std::string("XXXX-") + s->second;
        return t;
      }
      Ymd A = CivilFromDays(*base);
      t.value = FmtDate(A.y + delta) + "-" + s->second;
      return t;
    }
    std::string_view unit = lx[u].low;
    if (unit == "weekend" && !(w == "the" && (Is(u + 1, "after") || !discourse_has()))) {
      if (!base) { t.value = "XXXX-WXX-WE"; return t; }
      t.value = FmtWeek(*base + 7 * delta) + "-WE";
      return t;
    }
    if (w == "the" && !(unit == "day" || unit == "week" || unit == "month" || unit == "year" || unit == "weekend"))
      return std::nullopt;
    // "the day" alone needs a discourse date; "the week", "the month", "the year" without
    // one are the anchor's ("sales for the year").
    if (w == "the" && !discourse_has() && !(anchor && (unit == "week" || unit == "month" || unit == "year")))
      return std::nullopt;
    if (w == "past" && k == i) {
      // "past week" is the last seven days; keep it as the week before.
    }
    if (unit == "day" || unit == "night" || unit == "morning" || unit == "evening" || unit == "afternoon") {
      if (!disc && (w == "this" || w == "current")) {
        if (!base) return std::nullopt;
        t.value = FmtDays(*base);
        if (unit != "day") t.value += unit == "night" ? "TNI" : unit == "morning" ? "TMO" : unit == "evening" ? "TEV" : "TAF";
        t.day = *base;
        t.level = 3;
        return t;
      }
      if (unit == "night" && w == "last" && !disc) {
        if (!base) return std::nullopt;
        t.value = FmtDays(*base - 1) + "TNI";
        t.day = *base - 1;
        t.level = 3;
        return t;
      }
      if (unit != "day") return std::nullopt;
      if (!base) {
        t.value = "XXXX-XX-XX";
        return t;
      }
      int64_t day = *base + delta;
      if (w == "last" && !disc) day = *base - 1;
      t.value = FmtDays(day);
      t.day = day;
      t.level = 3;
      return t;
    }
    if (unit == "week" && base && !disc) {
      // "next week Sunday", "next week on Friday": that day of that week.
      uint32_t q = u + 1;
      if (Is(q, "on") || Is(q, ",")) ++q;
      if (IsWord(q) && Info(q) && Info(q)->weekday && (lx[q].low.size() > 3 || lx[q].upper_initial)) {
        int64_t monday = *base - (Weekday(*base) - 1) + 7 * delta;
        int64_t day = monday + Info(q)->weekday - 1;
        t.end = q + 1;
        if (Is(t.end, ".") && lx[t.end].glued() && lx[q].low.size() <= 4) ++t.end;
        t.value = FmtDays(day);
        t.day = day;
        t.level = 3;
        return PartOfDay(t);
      }
    }
    if (unit == "week") {
      if (!base) { t.value = "XXXX-WXX"; return t; }
      t.value = FmtWeek(*base + 7 * delta);
      return t;
    }
    if (unit == "month") {
      if (!base) { t.value = "XXXX-XX"; return t; }
      Ymd A = CivilFromDays(*base);
      int m = A.m + delta, y = A.y;
      if (m == 0) { m = 12; --y; }
      if (m == 13) { m = 1; ++y; }
      t.value = FmtDate(y, m);
      return t;
    }
    if (unit == "year") {
      if (!base) { t.value = "XXXX"; return t; }
      Ymd A = CivilFromDays(*base);
      t.value = FmtDate(A.y + delta);
      return t;
    }
    if (unit == "decade" && (!disc || w == "next" || w == "previous")) {
      if (!base) return std::nullopt;
      Ymd A = CivilFromDays(*base);
      t.value = Fmt("%03d", A.y / 10 + delta);
      return t;
    }
    return std::nullopt;
  }

  bool discourse_has() const { return discourse && discourse->has_value(); }

  // "Monday night", "tomorrow morning": a part of day after a day.
  TM PartOfDay(TM t) {
    uint32_t z = t.end;
    static const std::unordered_map<std::string_view, const char*> parts = {
        {"morning", "TMO"}, {"afternoon", "TAF"}, {"evening", "TEV"}, {"night", "TNI"}, {"overnight", "TNI"}};
    if (Is(z, "in") && Is(z + 1, "the") && z + 2 < e && parts.count(lx[z + 2].low)) z += 2;  // "Tuesday in the morning"
    if (z < e) {
      auto it = parts.find(lx[z].low);
      if (it != parts.end() && !t.value.empty()) {
        t.value += it->second;
        t.end = z + 1;
        t.type = TimeType::kDate;
      }
    }
    return t;
  }

  // "Tuesdays at 9am", "Mondays 10:30": a set of weekdays at a clock time.
  TM SetTime(TM t) {
    uint32_t z = t.end;
    if (Is(z, "at")) ++z;
    if (auto tm = TimeOfDay(z); tm && tm->value.size() >= 3 && tm->value[0] == 'T') {
      t.value += tm->value;
      t.end = tm->end;
    }
    return t;
  }

  // Weekdays: "Monday", "on Monday", "Monday night", "Mondays" (a set).
  std::optional<TM> WeekdayExpr(uint32_t i) {
    if (!IsWord(i) || !Info(i) || !Info(i)->weekday) {
      // Plural weekdays: "on Mondays".
      if (IsWord(i) && lx[i].low.size() > 6 && lx[i].low.back() == 's') {
        std::string_view sing = lx[i].low.substr(0, lx[i].low.size() - 1);
        const recognize::WordInfo* in = recognize::LookupWord(sing);
        if (in && in->weekday && sing.size() > 5) {
          TM t;
          t.begin = i;
          t.end = i + 1;
          t.type = TimeType::kSet;
          t.value = Fmt("XXXX-WXX-%d", in->weekday);
          return SetTime(t);
        }
      }
      return std::nullopt;
    }
    {
      // "Friday mornings", "tuesday afternoons": a set of parts of a weekday.
      static const std::unordered_map<std::string_view, const char*> parts = {
          {"mornings", "TMO"}, {"afternoons", "TAF"}, {"evenings", "TEV"}, {"nights", "TNI"}};
      if (auto it = parts.find(i + 1 < e ? lx[i + 1].low : std::string_view()); it != parts.end()) {
        TM t;
        t.begin = i;
        t.end = i + 2;
        t.type = TimeType::kSet;
        t.value = Fmt("XXXX-WXX-%d", Info(i)->weekday) + it->second;
        return t;
      }
    }
    const Lexeme& l = lx[i];
    if (l.low.size() <= 4 && !(l.upper_initial && (Is(i + 1, ".") || Is(i + 1, ","))) && !AbbrWeekdayCue(i)) {
      if (!(l.low == "tues" || l.low == "thurs" || l.low == "weds")) return std::nullopt;
    }
    int wd = l.info->weekday;
    TM t;
    t.begin = i;
    t.end = i + 1;
    if (l.low.size() <= 5 && Is(i + 1, ".") && lx[i + 1].glued()) t.end = i + 2;
    t.anchor_free = false;
    // "Thursday the 21st": the day of this or last month that is that weekday.
    // "Monday 21": the same with a bare day number (not a clock time).
    uint32_t dq = Is(t.end, "the") ? t.end + 1 : t.end;
    if (dq < e && (dq > t.end || (lx[dq].kind == LexKind::kNumber && lx[dq].low.size() <= 2 &&
                                  !(dq + 1 < e && (lx[dq + 1].is(":") || lx[dq + 1].kind == LexKind::kHyphen ||
                                                   lx[dq + 1].kind == LexKind::kDash || lx[dq + 1].is("/") ||
                                                   lx[dq + 1].is(".") || lx[dq + 1].is("to"))) &&
                                  !AmPm(dq + 1) && !(dq + 1 < e && lx[dq + 1].glued() && lx[dq + 1].kind == LexKind::kWord &&
                                                     !lx[dq + 1].is("st") && !lx[dq + 1].is("nd") &&
                                                     !lx[dq + 1].is("rd") && !lx[dq + 1].is("th"))))) {
      auto dd = DayAt(dq, true);
      // "on Monday 21 people died": a count, not a day.
      if (dd && dd->second < e && lx[dd->second].kind == LexKind::kWord && dq == t.end) {
        const Lexeme& n = lx[dd->second];
        bool timeish = n.info && (n.info->time_strong || n.info->month);
        if (!(n.is("at") || n.is("from") || n.is("between") || n.is("and") || n.is("or") || n.is("in") ||
              n.is("on") || (timeish && !n.info->month)))
          dd.reset();
      }
      if (dd && dd->first > 0 && anchor) {
        Ymd A = CivilFromDays(*anchor);
        Tense tn0 = TenseAt(i, dd->second);
        int dir = (tn0 == Tense::kFuture || tn0 == Tense::kPresent) ? 1 : -1;
        for (int back = 0; back < 12; ++back) {
          int y = A.y, m = A.m + dir * back;
          while (m <= 0) { m += 12; --y; }
          while (m > 12) { m -= 12; ++y; }
          if (ValidDate(y, m, dd->first) && Weekday(DaysFromCivil(y, m, dd->first)) == wd) {
            t.end = dd->second;
            t.value = FmtDate(y, m, dd->first);
            SetDay(&t, y, m, dd->first);
            return t;
          }
        }
      }
    }
    if (!anchor) {
      t.value = Fmt("XXXX-WXX-%d", wd);
      return PartOfDay(t);
    }
    {
      // "Friday next week", "Sunday of next week", "Tuesday this week".
      uint32_t q = t.end;
      if (Is(q, "of")) ++q;
      if ((Is(q, "this") || Is(q, "next") || Is(q, "last") || Is(q, "previous")) && Is(q + 1, "week")) {
        int delta = Is(q, "next") ? 1 : Is(q, "this") ? 0 : -1;
        int64_t day = *anchor - (Weekday(*anchor) - 1) + 7 * delta + wd - 1;
        t.end = q + 2;
        t.value = FmtDays(day);
        t.day = day;
        t.level = 3;
        return PartOfDay(t);
      }
    }
    Tense tn = TenseAt(i, t.end);
    int64_t a = *anchor;
    int aw = Weekday(a);
    int64_t day;
    if (tn == Tense::kFuture || tn == Tense::kPresent) {
      int diff = (wd - aw + 7) % 7;
      if (diff == 0 && tn == Tense::kFuture) diff = 7;
      day = a + diff;
    } else {
      int diff = (aw - wd + 7) % 7;
      day = a - diff;
    }
    t.value = FmtDays(day);
    t.day = day;
    t.level = 3;
    return PartOfDay(t);
  }

  // today, yesterday, tomorrow, tonight, now, the day before yesterday, ...
  std::optional<TM> Deictic(uint32_t i) {
    uint32_t k = i;
    int delta = 0;
    bool ok = false;
    const char* pod = nullptr;
    uint32_t z = k + 1;
    if (Is(k, "the") && Is(k + 1, "day") && (Is(k + 2, "before") || Is(k + 2, "after")) &&
        (Is(k + 3, "yesterday") || Is(k + 3, "tomorrow") || Is(k + 3, "tmrw"))) {
      delta = Is(k + 3, "yesterday") ? -2 : 2;
      z = k + 4;
      ok = true;
    } else if (Is(k, "the") && Is(k + 1, "day") && (Is(k + 2, "before") || Is(k + 2, "after")) &&
               (k + 3 >= e || lx[k + 3].kind == LexKind::kPunct)) {
      // "the day before", "the day after" alone: next to the last date of the discourse.
      std::optional<int64_t> base = discourse_has() ? **discourse : anchor;
      if (!base) return std::nullopt;
      TM t;
      t.begin = i;
      t.end = k + 3;
      int64_t day = *base + (Is(k + 2, "before") ? -1 : 1);
      t.value = FmtDays(day);
      t.day = day;
      t.level = 3;
      t.anchor_free = false;
      return t;
    } else if (Is(k, "today") || Is(k, "tonight") || Is(k, "tonite") || Is(k, "yesterday") || Is(k, "tomorrow") ||
               Is(k, "tmrw")) {
      delta = Is(k, "yesterday") ? -1 : (Is(k, "tomorrow") || Is(k, "tmrw")) ? 1 : 0;
      if (Is(k, "tonight") || Is(k, "tonite")) pod = "TNI";
      ok = true;
    } else if (Is(k, "now") && !(k > b && (lx[k - 1].is("from") || lx[k - 1].is("until") || lx[k - 1].is("by")))) {
      TM t;
      t.begin = i > b && (lx[i - 1].is("right") || lx[i - 1].is("just")) ? i - 1 : i;  // "right now"
      t.end = k + 1;
      t.value = "PRESENT_REF";
      return t;
    }
    if (!ok) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = z;
    t.anchor_free = false;
    if (!anchor) {
      t.value = "XXXX-XX-XX";
      if (pod) t.value += pod;
      return t;
    }
    int64_t day = *anchor + delta;
    t.value = FmtDays(day);
    if (pod) t.value += pod;
    t.day = day;
    t.level = 3;
    if (!pod) return PartOfDay(t);
    return t;
  }

  // Number of units at i: "three years", "a year", "two and a half hours", "few days".
  struct Amount {
    double n = 0;
    bool vague = false;  // "weeks", "several years"
    recognize::TimeUnit unit = recognize::kNoUnit;
    uint32_t end = 0;
    bool adjectival = false;  // "10-year"
  };
  std::optional<Amount> AmountAt(uint32_t i) const {
    if (i >= e) return std::nullopt;
    Amount a;
    uint32_t k = i;
    if ((Is(k, "a") || Is(k, "an") || Is(k, "one") || Is(k, "another")) && IsWord(k + 1) && Info(k + 1) && Info(k + 1)->time_unit &&
        !Info(k + 1)->time_unit_plural) {
      a.n = 1;
      k += 1;
    } else if ((Is(k, "a") && Is(k + 1, "couple") && Is(k + 2, "of")) || (Is(k, "couple") && Is(k + 1, "of"))) {
      a.n = 2;
      k += Is(k, "a") ? 3 : 2;
    } else if (Is(k, "couple") && Info(k + 1) && Info(k + 1)->time_unit_plural) {
      a.n = 2;  // "the next couple weeks"
      k += 1;
    } else if (Is(k, "half") && (Is(k + 1, "an") || Is(k + 1, "a")) && Info(k + 2) && Info(k + 2)->time_unit) {
      a.n = 0.5;
      k += 2;
    } else if (Is(k, "half") && Info(k + 1) && Info(k + 1)->time_unit && !Info(k + 1)->time_unit_plural) {
      a.n = 0.5;
      k += 1;
    } else if ((Is(k, "a") && Is(k + 1, "few")) || Is(k, "few") || Is(k, "several") || Is(k, "some") ||
               Is(k, "many")) {
      a.n = 3;
      a.vague = true;
      k += Is(k, "a") ? 2 : 1;
    } else if (IsWord(k) && Info(k) && Info(k)->time_unit && Info(k)->time_unit_plural) {
      a.vague = true;  // bare "weeks", "years"
    } else if (Is(k, "fortnight") || Is(k, "decade") || Is(k, "century")) {
      return std::nullopt;
    } else {
      recognize::NumberOptions o;
      o.allow_ordinal = false;
      o.allow_negative = false;
      auto m = recognize::ParseNumber(lx, k, e, o);
      if (!m || !m->has_value || m->value <= 0) return std::nullopt;
      a.n = m->value;
      k = m->end;
      if (k + 1 < e && lx[k].kind == LexKind::kHyphen && lx[k].glued() && lx[k + 1].glued()) {
        a.adjectival = true;
        ++k;
      }
    }
    if (!IsWord(k) || !Info(k) || !Info(k)->time_unit) return std::nullopt;
    // One-letter units only glued to digits: "3h", "3 h" (but "s" never alone).
    if (lx[k].low.size() == 1 && (lx[k].is("s") || !(k > i))) return std::nullopt;
    if (lx[k].is("s")) return std::nullopt;
    if (lx[k].is("second") && !(a.n > 0)) return std::nullopt;
    // "a second round", "one second wave": the ordinal, not the unit.
    if (lx[k].is("second") && k + 1 < e && lx[k + 1].kind == LexKind::kWord && !lx[k + 1].upper_initial &&
        !(lx[k + 1].is("and") || lx[k + 1].is("or") || lx[k + 1].is("of") || lx[k + 1].is("later") ||
          lx[k + 1].is("ago") || lx[k + 1].is("before") || lx[k + 1].is("after") || lx[k + 1].is("earlier") ||
          lx[k + 1].is("time") || lx[k + 1].is("from") || lx[k + 1].is("in")))
      return std::nullopt;
    a.unit = static_cast<recognize::TimeUnit>(Info(k)->time_unit);
    a.end = k + 1;
    // "and a half": "an hour and a half"
    if (Is(a.end, "and") && (Is(a.end + 1, "a") || Is(a.end + 1, "half")) ) {
      if (Is(a.end + 1, "half")) { a.n += 0.5; a.end += 2; }
      else if (Is(a.end + 2, "half")) { a.n += 0.5; a.end += 3; }
    }
    return a;
  }

  static std::string DurationValue(double n, recognize::TimeUnit u, bool vague) {
    std::string num = vague ? "X" : recognize::FormatNumber(n);
    switch (u) {
      case recognize::kSecond: return "PT" + num + "S";
      case recognize::kMinute: return "PT" + num + "M";
      case recognize::kHour: return "PT" + num + "H";
      case recognize::kDay: return "P" + num + "D";
      case recognize::kWeek: return "P" + num + "W";
      case recognize::kFortnight: return vague ? "PXW" : "P" + recognize::FormatNumber(2 * n) + "W";
      case recognize::kMonth: return "P" + num + "M";
      case recognize::kQuarter: return vague ? "PXQ" : "P" + recognize::FormatNumber(3 * n) + "M";
      case recognize::kYear: return "P" + num + "Y";
      case recognize::kDecade: return vague ? "PXDE" : "P" + recognize::FormatNumber(10 * n) + "Y";
      case recognize::kCentury: return vague ? "PXCE" : "P" + recognize::FormatNumber(100 * n) + "Y";
      default: return "";
    }
  }

  int64_t Shift(int64_t day, double n, recognize::TimeUnit u, int sign) const {
    // A count past 10,000 units ("99999999999 days ago") is bad input: bounded here so
    // that no conversion or product below can overflow.
    constexpr double kMaxUnits = 10000;
    int whole = !(n > -kMaxUnits) ? -static_cast<int>(kMaxUnits)
                : !(n < kMaxUnits) ? static_cast<int>(kMaxUnits)
                                   : static_cast<int>(n);
    switch (u) {
      case recognize::kDay: return day + sign * whole;
      case recognize::kWeek: return day + sign * 7 * whole;
      case recognize::kFortnight: return day + sign * 14 * whole;
      case recognize::kMonth: case recognize::kQuarter: case recognize::kYear: case recognize::kDecade:
      case recognize::kCentury: {
        int months = whole * (u == recognize::kMonth ? 1 : u == recognize::kQuarter ? 3 : u == recognize::kYear ? 12
                                                         : u == recognize::kDecade ? 120 : 1200);
        Ymd d = CivilFromDays(day);
        int total = d.y * 12 + (d.m - 1) + sign * months;
        int y = total / 12, m = total % 12 + 1;
        int dd = std::min(d.d, DaysInMonth(y, m));
        return DaysFromCivil(y, m, dd);
      }
      default: return day;
    }
  }

  // Durations and offsets: "three years", "two days ago", "in two weeks", "a week later",
  // "the past three years" (an interval), "every two days" (a set).
  std::optional<TM> DurationOrOffset(uint32_t i) {
    uint32_t k = i;
    // Sets: "every Monday", "every day", "each two days", "every three weeks".
    if (Is(k, "every") || Is(k, "each")) {
      uint32_t q = k + 1;
      int other = 1;
      if (Is(q, "other")) { other = 2; ++q; }  // "every other day"
      std::optional<TM> r;
      // "every Monday at 4pm", "every day at 7:13 p.m.", "every evening at 7": a set of
      // clock times keeps the time (TIMEX3 SET "T19:13"), with the weekday when given.
      auto at_time = [&](TM* t, bool keep) {
        uint32_t z = t->end;
        if (Is(z, "at")) ++z;
        if (auto tm = TimeOfDay(z); tm && tm->value.size() >= 3 && tm->value[0] == 'T') {
          std::string tv = tm->value;
          if (t->value == "TEV" || t->value == "TNI" || t->value == "TAF") {
            int hh = HourOf(tv);
            if (hh >= 1 && hh < 12) tv = WithHour(tv, hh + 12);
          }
          t->value = keep ? t->value + tv : tv;
          t->end = tm->end;
        }
      };
      if (IsWord(q) && Info(q) && Info(q)->weekday) {
        TM t;
        t.begin = i;
        t.end = q + 1;
        t.type = TimeType::kSet;
        t.value = Fmt("XXXX-WXX-%d", Info(q)->weekday);
        at_time(&t, true);
        return t;
      }
      if (Is(q, "weekend")) {
        TM t;
        t.begin = i;
        t.end = q + 1;
        t.type = TimeType::kSet;
        t.value = "XXXX-WXX-WE";
        return t;
      }
      if (IsWord(q) && Info(q) && Info(q)->time_unit && !Info(q)->time_unit_plural) {
        TM t;
        t.begin = i;
        t.end = q + 1;
        t.type = TimeType::kSet;
        t.value = DurationValue(other, static_cast<recognize::TimeUnit>(Info(q)->time_unit), false);
        if (Is(q, "day") && other == 1) at_time(&t, false);
        return t;
      }
      if (Is(q, "morning") || Is(q, "night") || Is(q, "evening") || Is(q, "afternoon")) {
        TM t;
        t.begin = i;
        t.end = q + 1;
        t.type = TimeType::kSet;
        t.value = std::string(Is(q, "morning") ? "TMO" : Is(q, "night") ? "TNI" : Is(q, "evening") ? "TEV" : "TAF");
        at_time(&t, false);
        return t;
      }
      if (auto a = AmountAt(q); a && !a->vague && other == 1) {
        TM t;
        t.begin = i;
        t.end = a->end;
        t.type = TimeType::kSet;
        t.value = DurationValue(a->n, a->unit, false);
        return t;
      }
      return std::nullopt;
    }
    // "once a week", "one a day", "twice a year" (TIMEX3 keeps the period; the count is freq).
    if ((Is(k, "once") || Is(k, "one") || Is(k, "twice")) && Is(k + 1, "a") && IsWord(k + 2) && Info(k + 2) &&
        Info(k + 2)->time_unit && !Info(k + 2)->time_unit_plural && lx[k + 2].low.size() > 2) {
      TM t;
      t.begin = i;
      t.end = k + 3;
      t.type = TimeType::kSet;
      t.value = DurationValue(1, static_cast<recognize::TimeUnit>(Info(k + 2)->time_unit), false);
      return t;
    }
    static const std::unordered_map<std::string_view, const char*> adverbs = {
        {"daily", "P1D"}, {"everyday", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually", "P1Y"},
        {"yearly", "P1Y"}, {"hourly", "PT1H"}, {"nightly", "TNI"}, {"biweekly", "P2W"}, {"quarterly", "P3M"}};
    if (auto it = IsWord(k) && Info(k) && Info(k)->time_strong ? adverbs.find(lx[k].low) : adverbs.end();
        it != adverbs.end() && (!lx[k].upper_initial || k == b || lx[k].all_upper)) {
      TM t;
      t.begin = i;
      t.end = k + 1;
      t.type = TimeType::kSet;
      t.value = it->second;
      return t;
    }
    // "all day", "all-week", "full year", "whole day"
    if ((Is(k, "all") || Is(k, "full") || Is(k, "whole")) && k + 1 < e) {
      uint32_t q = k + 1;
      if (lx[q].kind == LexKind::kHyphen && lx[q].glued()) ++q;
      if (IsWord(q) && Info(q) && Info(q)->time_unit && !Info(q)->time_unit_plural &&
          Info(q)->time_unit >= recognize::kDay && lx[q].low.size() > 2) {
        TM t;
        t.begin = i;
        t.end = q + 1;
        t.type = TimeType::kDuration;
        t.value = DurationValue(1, static_cast<recognize::TimeUnit>(Info(q)->time_unit), false);
        return t;
      }
    }
    // "the past/last/next three days": an interval ending (or starting) at the anchor.
    if (Is(k, "the") && (Is(k + 1, "past") || Is(k + 1, "last") || Is(k + 1, "next") || Is(k + 1, "previous"))) ++k;
    if ((Is(k, "past") || Is(k, "last") || Is(k, "next") || Is(k, "previous") || Is(k, "coming")) && k + 1 < e) {
      if (auto a = AmountAt(k + 1); a && (a->n != 1 || a->vague) && !a->adjectival && Info(a->end - 1) &&
                                    (Info(a->end - 1)->time_unit_plural || (a->n > 1 && lx[a->end - 1].glued()))) {
        TM t;
        t.begin = i;
        t.end = a->end;
        bool next = Is(k, "next") || Is(k, "coming");
        if (clock && anchor && !a->vague && a->unit < recognize::kDay && a->unit >= recognize::kSecond) {
          t.value = ClockInterval(next ? 1 : -1, a->n * UnitSeconds(a->unit));
          t.anchor_free = false;
          return t;
        }
        if (!anchor || a->vague || a->unit < recognize::kDay) {
          t.type = TimeType::kDuration;
          t.value = DurationValue(a->n, a->unit, a->vague);
          return t;
        }
        int64_t s = next ? *anchor + 1 : Shift(*anchor, a->n, a->unit, -1);
        int64_t z = next ? Shift(*anchor + 1, a->n, a->unit, 1) : *anchor;
        if (a->unit == recognize::kDecade && a->n == std::floor(a->n)) {
          // "the past two decades": whole decades before (after) the anchor's own.
          int y0 = CivilFromDays(*anchor).y / 10 * 10, n = static_cast<int>(a->n);
          s = next ? DaysFromCivil(y0 + 10, 1, 1) : DaysFromCivil(y0 - 10 * n, 1, 1);
          z = next ? DaysFromCivil(y0 + 10 + 10 * n, 1, 1) : DaysFromCivil(y0, 1, 1);
        }
        t.value = FmtDays(s) + "/" + FmtDays(z);
        t.anchor_free = false;
        return t;
      }
    }
    k = i;
    bool in_future = false;
    if (Is(k, "in") || Is(k, "within")) {
      in_future = Is(k, "in");
      ++k;
    }
    // Duration qualifiers: "more than two years", "less than an hour", "about three weeks".
    std::string mod;
    uint32_t kq = k;
    if (Is(kq, "more") && Is(kq + 1, "than")) { mod = "MORE_THAN"; kq += 2; }
    else if ((Is(kq, "less") || Is(kq, "fewer")) && Is(kq + 1, "than")) { mod = "LESS_THAN"; kq += 2; }
    else if (Is(kq, "over") && !in_future) { mod = "MORE_THAN"; kq += 1; }
    else if (Is(kq, "nearly") || Is(kq, "almost")) { mod = "LESS_THAN"; kq += 1; }
    else if (Is(kq, "about") || Is(kq, "around") || Is(kq, "roughly") || Is(kq, "some") || Is(kq, "approximately")) {
      if (AmountAt(kq + 1)) { mod = "APPROX"; kq += 1; }
    }
    auto a = AmountAt(kq);
    if (!a) return std::nullopt;
    if (a->vague && !mod.empty() && mod != "APPROX") {}
    uint32_t z = a->end;
    // Bare plurals ("weeks", "years") only with a cue: "for weeks", "weeks after", "years ago".
    if (a->vague && a->n == 0) {
      bool cue = (kq > b && (lx[kq - 1].is("for") || lx[kq - 1].is("within") || lx[kq - 1].is("over") ||
                             lx[kq - 1].is("in") || lx[kq - 1].is("during"))) ||
                 Is(z, "after") || Is(z, "before") || Is(z, "later") || Is(z, "earlier") || Is(z, "ago") ||
                 (kq > b && (lx[kq - 1].kind == LexKind::kDash));
      if (!cue) return std::nullopt;
    }
    // Combined durations: "1 year 1 month 21 days", "3 hours 30 minutes".
    std::string value;
    std::vector<Amount> parts = {*a};
    while (!a->vague && z < e) {
      uint32_t q = z;
      if (Is(q, "and") || Is(q, ",")) ++q;
      auto a2 = AmountAt(q);
      if (!a2 || a2->vague || a2->adjectival) break;
      parts.push_back(*a2);
      z = a2->end;
    }
    if (parts.size() > 1) {
      std::sort(parts.begin(), parts.end(), [](const Amount& x, const Amount& y) { return x.unit > y.unit; });
      std::string date, time;
      for (const Amount& p : parts) {
        std::string v = DurationValue(p.n, p.unit, false);
        if (v.rfind("PT", 0) == 0) time += v.substr(2);
        else date += v.substr(1);
      }
      value = "P" + date + (time.empty() ? "" : "T" + time);
    } else {
      value = DurationValue(a->n, a->unit, a->vague);
    }
    TM t;
    t.begin = i;
    t.end = z;
    t.type = TimeType::kDuration;
    t.value = value;
    t.mod = mod;
    if (a->adjectival) {
      // "a 10-year sentence" is a duration; "45-year-old" is an age, not a time.
      if (Is(z, "old") || (Is(z, "-") && Is(z + 1, "old"))) return std::nullopt;
      if (in_future) t.begin = kq;
      return t;
    }
    // Offsets from the anchor or the discourse date ("1 month 21 days ago": every part).
    auto shift_all = [&](int64_t day, int sign) {
      for (const Amount& p : parts) day = Shift(day, p.n, p.unit, sign);
      return day;
    };
    bool day_units = std::all_of(parts.begin(), parts.end(), [](const Amount& p) { return p.unit >= recognize::kDay; });
    if (auto r = ClockOffset(&t, parts, a->vague || !mod.empty(), in_future, kq, z)) return r;
    // "3 days starting from next Monday", "a week starting tomorrow": that interval.
    if ((Is(z, "starting") || Is(z, "beginning")) && !a->vague && mod.empty() && day_units) {
      uint32_t q = z + 1;
      if (Is(q, "from") || Is(q, "on")) ++q;
      std::optional<TM> d = q < e ? Core(q) : std::nullopt;
      if (d && d->day && d->level == 3 && DayValue(*d) && d->value.size() == 10) {
        t.end = d->end;
        t.type = TimeType::kDate;
        t.value = d->value + "/" + FmtDays(shift_all(*d->day, 1));
        t.anchor_free = false;
        return t;
      }
    }
    // "three weeks from tomorrow", "2 days after Christmas", "5 days before New Year".
    if ((Is(z, "from") || Is(z, "after") || Is(z, "before")) && !a->vague && mod.empty() && day_units &&
        !Is(z + 1, "now")) {
      std::optional<TM> d = Core(z + 1);
      if (d && d->day && d->level == 3 && DayValue(*d) && d->value.size() == 10) {
        int64_t day = shift_all(*d->day, Is(z, "before") ? -1 : 1);
        t.end = d->end;
        t.type = TimeType::kDate;
        t.value = FmtDays(day);
        t.day = day;
        t.level = 3;
        t.anchor_free = false;
        return t;
      }
    }
    if (Is(z, "ago") && !a->vague) {
      t.end = z + 1;
      t.type = TimeType::kDate;
      t.anchor_free = false;
      if (!anchor) { t.value = "PAST_REF"; return t; }
      int64_t day = shift_all(*anchor, -1);
      if (a->unit < recognize::kDay) return std::nullopt;
      t.value = FmtDays(day);
      if (a->vague) t.mod = "APPROX";
      t.day = day;
      t.level = 3;
      return t;
    }
    if (Is(z, "ago") && a->vague) {
      t.end = z + 1;
      t.type = TimeType::kDate;
      t.value = "PAST_REF";
      return t;
    }
    if ((Is(z, "later") || Is(z, "earlier") || (Is(z, "after") && Is(z + 1, "that")) ||
         (Is(z, "before") && Is(z + 1, "that"))) && !a->vague && a->unit >= recognize::kDay && mod.empty()) {
      std::optional<int64_t> base = discourse_has() ? **discourse : anchor;
      if (base) {
        int sign = (Is(z, "later") || Is(z, "after")) ? 1 : -1;
        int64_t day = shift_all(*base, sign);
        t.end = (Is(z, "after") || Is(z, "before")) ? z + 2 : z + 1;
        t.type = TimeType::kDate;
        t.value = FmtDays(day);
        t.day = day;
        t.level = 3;
        t.anchor_free = false;
        return t;
      }
    }
    if (Is(z, "from") && Is(z + 1, "now") && !a->vague && anchor && day_units) {
      int64_t day = shift_all(*anchor, 1);
      t.end = z + 2;
      t.type = TimeType::kDate;
      t.value = FmtDays(day);
      t.day = day;
      t.level = 3;
      return t;
    }
    if (Is(i, "within") && !a->vague && mod.empty() && anchor && day_units && TenseAt(i, z) != Tense::kPast) {
      // "within 5 days" (ahead): the interval from the anchor to the deadline.
      t.type = TimeType::kDate;
      t.value = FmtDays(*anchor) + "/" + FmtDays(shift_all(*anchor, 1));
      t.anchor_free = false;
      return t;
    }
    if (in_future && !a->vague && mod.empty() && anchor && day_units && TenseAt(i, z) != Tense::kPast &&
        !Is(z, "time")) {
      int64_t day = shift_all(*anchor, 1);
      t.type = TimeType::kDate;
      t.value = FmtDays(day);
      t.day = day;
      t.level = 3;
      t.anchor_free = false;
      return t;
    }
    if (in_future) t.begin = kq == k ? k : k;  // "in" stays out of a duration's span
    if (!mod.empty() && in_future) t.begin = k;
    return t;
  }

  // Times of day: "10:30", "10:30 a.m.", "5 p.m.", "5pm", "noon", "midnight", "7 o'clock".
  // An hour word or number 0..24 at i ("seven", "7"): (hour, end).
  std::optional<std::pair<int, uint32_t>> HourAt(uint32_t i) const {
    if (i >= e) return std::nullopt;
    if (lx[i].kind == LexKind::kNumber) {
      std::string_view s = lx[i].low;
      if (s.size() > 2 || s.find_first_of(",.") != std::string_view::npos) return std::nullopt;
      int h = ToInt(s);
      if (h > 24) return std::nullopt;
      return std::make_pair(h, i + 1);
    }
    if (IsWord(i) && Info(i) && Info(i)->card >= 1 && Info(i)->card <= 12) return std::make_pair(int(Info(i)->card), i + 1);
    return std::nullopt;
  }

  // After a clock time: "o'clock", "a.m."/"pm", "in the morning"/"in the evening", "at night".
  // Returns the new end and adjusts the hour.
  uint32_t ClockSuffix(uint32_t q, int* hh, bool* marked) const {
    if (Is(q, "o'clock") || Is(q, "oclock")) { ++q; *marked = true; }
    else if (Is(q, "o") && Is(q + 1, "'") && Is(q + 2, "clock")) { q += 3; *marked = true; }
    if (auto ap = AmPm(q)) {
      if (*hh < 1 || *hh > 12) return q;
      if (ap->first && *hh != 12) *hh += 12;
      if (!ap->first && *hh == 12) *hh = 0;
      *marked = true;
      return ap->second;
    }
    if (Is(q, "in") && Is(q + 1, "the") && (Is(q + 2, "afternoon") || Is(q + 2, "evening") || Is(q + 2, "morning"))) {
      if (!Is(q + 2, "morning") && *hh < 12) *hh += 12;
      *marked = true;
      return q + 3;
    }
    if (Is(q, "at") && Is(q + 1, "night")) {
      if (*hh >= 6 && *hh < 12) *hh += 12;
      *marked = true;
      return q + 2;
    }
    return q;
  }

  // Times of day: "10:30", "10:30 a.m.", "5 p.m.", "5pm", "9a", "noon", "12 noon",
  // "midnight", "7 o'clock", "six pm", "one in the morning", "half past seven",
  // "20 min past eight", "ten to six", "8.10 pm", "at 6.45", "11ish".
  std::optional<TM> TimeOfDay(uint32_t i) {
    uint32_t k = i;
    if (k >= e) return std::nullopt;
    if (lx[k].kind == LexKind::kWord && !(Info(k) && (Info(k)->card >= 0 || Info(k)->time_strong)) &&
        !Is(k, "mid") && !Is(k, "a"))
      return std::nullopt;  // only numbers, number words and a few time words start a clock time
    if (lx[k].kind != LexKind::kWord && lx[k].kind != LexKind::kNumber) return std::nullopt;
    TM t;
    t.begin = i;
    t.type = TimeType::kTime;
    if (Is(k, "noon") || Is(k, "midday") || Is(k, "midnight") || Is(k, "noonish")) {
      t.end = k + 1;
      t.value = (Is(k, "midnight")) ? "T00" : "T12";
      return t;
    }
    if (Is(k, "mid") && Is(k + 1, "night")) {
      t.end = k + 2;
      t.value = "T00";
      return t;
    }
    if (k < e && lx[k].is("12") && Is(k + 1, "noon")) {
      t.end = k + 2;
      t.value = "T12";
      return t;
    }
    // "half past seven", "a quarter to nine", "20 min past eight", "ten past 9".
    {
      int minutes = -1;
      uint32_t q = k;
      if (Is(q, "half")) { minutes = 30; ++q; }
      else if (Is(q, "quarter")) { minutes = 15; ++q; }
      else if (Is(q, "a") && Is(q + 1, "quarter")) { minutes = 15; q += 2; }
      else if (auto n = HourAt(q)) {
        recognize::NumberOptions o;
        o.allow_ordinal = false;
        o.allow_fraction = false;
        auto m = recognize::ParseNumber(lx, q, e, o);
        if (m && m->has_value && m->value >= 1 && m->value <= 59 && m->value == std::floor(m->value)) {
          minutes = static_cast<int>(m->value);
          q = m->end;
          if (Is(q, "min") || Is(q, "mins") || Is(q, "minutes") || Is(q, "minute")) ++q;
        }
      }
      if (minutes > 0 && (Is(q, "past") || Is(q, "to") || Is(q, "after")) && q > k) {
        bool to = Is(q, "to");
        if (auto h = HourAt(q + 1); h && h->first >= 1 && h->first <= 12 &&
                                    !(h->second < e && lx[h->second].is(":"))) {
          // "5 to 6pm" is a range: "to" only with a quarter or half, or minutes words.
          if (to && !(Is(k, "half") || Is(k, "quarter") || Is(k, "a") || Is(q - 1, "min") || Is(q - 1, "minutes") ||
                      Is(q - 1, "mins")))
            goto digits;
          int hh = h->first;
          int mm = minutes;
          if (to) { hh = hh == 1 ? 12 : hh - 1; mm = 60 - minutes; }
          bool marked = false;
          uint32_t z = ClockSuffix(h->second, &hh, &marked);
          t.marked = marked;
          t.end = z;
          t.value = Fmt("T%02d", hh) + Fmt(":%02d", mm);
          return t;
        }
      }
    }
  digits:
    if (k < e && IsWord(k) && Info(k) && Info(k)->card >= 1 && Info(k)->card <= 12) {
      // "six pm", "one in the morning", "seven o'clock", "nine thirty pm".
      int hh = Info(k)->card, mm = -1;
      uint32_t q = k + 1;
      if (IsWord(q) && Info(q) && Info(q)->card >= 10 && Info(q)->card <= 59 && Info(q)->card % 10 == 0 &&
          Info(q)->card_kind == 3) {
        mm = Info(q)->card;
        ++q;
        if (IsWord(q) && Info(q) && Info(q)->card >= 1 && Info(q)->card <= 9 && Info(q)->card_kind == 1) {
          mm += Info(q)->card;
          ++q;
        }
      }
      bool marked = false;
      uint32_t z = ClockSuffix(q, &hh, &marked);
      if (!marked) return std::nullopt;
      t.marked = true;
      t.end = z;
      t.value = Fmt("T%02d", hh) + (mm >= 0 ? Fmt(":%02d", mm) : std::string());
      return t;
    }
    if (k >= e || lx[k].kind != LexKind::kNumber) return std::nullopt;
    std::string_view s = lx[k].low;
    if (s.size() > 2 || s.find_first_of(",.") != std::string_view::npos) {
      // "1140 a.m."
      if (s.size() == 4 && s.find_first_of(",.") == std::string_view::npos) {
        uint32_t q = k + 1;
        auto ap = AmPm(q);
        if (!ap) return std::nullopt;
        int hh = ToInt(s.substr(0, 2)), mm = ToInt(s.substr(2));
        if (hh < 1 || hh > 12 || mm > 59) return std::nullopt;
        if (ap->first && hh != 12) hh += 12;
        if (!ap->first && hh == 12) hh = 0;
        t.end = ap->second;
        t.value = Fmt("T%02d", hh) + Fmt(":%02d", mm);
        return t;
      }
      // "8.10 pm", "2.30pm", "at 6.45": a dot between hours and minutes.
      size_t dot = s.find('.');
      if (dot != std::string_view::npos && dot >= 1 && dot <= 2 && s.size() == dot + 3 &&
          s.find(',') == std::string_view::npos) {
        int hh = ToInt(s.substr(0, dot)), mm = ToInt(s.substr(dot + 1));
        if (hh > 23 || mm > 59) return std::nullopt;
        bool marked = false;
        uint32_t z = ClockSuffix(k + 1, &hh, &marked);
        if (!marked) {
          // "at 6.45" alone; "at 6.45 percent" is a rate.
          uint32_t n = k + 1;
          bool clear = n >= e || lx[n].kind == LexKind::kPunct ||
                       (lx[n].info && (lx[n].info->time_strong || lx[n].info->weekday || lx[n].info->month)) ||
                       Is(n, "on");
          if (!(k > b && lx[k - 1].is("at")) || !clear || hh > 12) return std::nullopt;
        }
        t.end = z;
        t.value = Fmt("T%02d", hh) + Fmt(":%02d", mm);
        return t;
      }
      return std::nullopt;
    }
    if (k > b && lx[k].glued() && (lx[k - 1].kind == LexKind::kWord || lx[k - 1].kind == LexKind::kNumber ||
                                   lx[k - 1].is("$")))
      return std::nullopt;
    int hh = ToInt(s), mm = -1, ss = -1;
    uint32_t q = k + 1;
    if (q + 1 < e && lx[q].is(":") && lx[q].glued() && lx[q + 1].glued() && lx[q + 1].kind == LexKind::kNumber &&
        lx[q + 1].low.size() == 2) {
      mm = ToInt(lx[q + 1].low);
      q += 2;
      if (q + 1 < e && lx[q].is(":") && lx[q].glued() && lx[q + 1].kind == LexKind::kNumber && lx[q + 1].low.size() == 2) {
        ss = ToInt(lx[q + 1].low);
        q += 2;
      }
    }
    if (hh > 24 || mm > 59 || ss > 59) return std::nullopt;
    if (Is(q, "ish") && lx[q].glued() && hh <= 23) {  // "11ish"
      t.end = q + 1;
      t.value = Fmt("T%02d", hh) + (mm >= 0 ? Fmt(":%02d", mm) : std::string());
      return t;
    }
    bool marked = false;
    int h2 = hh;
    uint32_t z = ClockSuffix(q, &h2, &marked);
    t.marked = marked;
    if (!marked && mm < 0) {
      // "9a", "7p", "8:45a": a single glued letter.
      if ((Is(q, "a") || Is(q, "p")) && lx[q].glued() && !(q + 1 < e && lx[q + 1].glued() && !lx[q + 1].is("."))) {
        if (hh < 1 || hh > 12) return std::nullopt;
        h2 = Is(q, "p") ? (hh == 12 ? 12 : hh + 12) : (hh == 12 ? 0 : hh);
        z = q + 1;
        marked = true;
        t.marked = true;
      } else {
        return std::nullopt;
      }
    } else if (!marked && mm >= 0) {
      if ((Is(q, "a") || Is(q, "p")) && lx[q].glued() && !(q + 1 < e && lx[q + 1].glued() && !lx[q + 1].is("."))) {
        if (hh >= 1 && hh <= 12) h2 = Is(q, "p") ? (hh == 12 ? 12 : hh + 12) : (hh == 12 ? 0 : hh);
        z = q + 1;
      }
      if (hh > 23) return std::nullopt;  // "10:30" alone reads as a time (hours < 24)
    }
    t.end = z;
    t.value = Fmt("T%02d", h2);
    if (mm >= 0) t.value += Fmt(":%02d", mm);
    if (ss >= 0) t.value += Fmt(":%02d", ss);
    return t;
  }

  // "a.m."/"am"/"p.m."/"pm"/".am" at q: (is_pm, end).
  std::optional<std::pair<bool, uint32_t>> AmPm(uint32_t q) const {
    if (q >= e) return std::nullopt;
    if (Is(q, ".") && lx[q].glued() && q + 1 < e && lx[q + 1].glued() && (Is(q + 1, "am") || Is(q + 1, "pm")))
      ++q;  // "9.am"
    if (Is(q, "am") || Is(q, "pm")) {
      if (Is(q, "am") && lx[q].space_before && lx[q].upper_initial == false && !(q > b && lx[q - 1].kind == LexKind::kNumber) &&
          !(q > b && lx[q - 1].info && lx[q - 1].info->card >= 1))
        return std::nullopt;
      uint32_t z = q + 1;
      if (Is(z, ".") && lx[z].glued() && z + 1 < e && !(lx[z + 1].upper_initial && lx[z + 1].space_before)) ++z;
      return std::make_pair(Is(q, "pm"), z);
    }
    if ((Is(q, "a") || Is(q, "p")) && Is(q + 1, ".") && Is(q + 2, "m") && lx[q + 1].glued() && lx[q + 2].glued()) {
      uint32_t z = q + 3;
      if (Is(z, ".") && lx[z].glued()) ++z;
      return std::make_pair(Is(q, "p"), z);
    }
    if ((Is(q, "a") || Is(q, "p")) && Is(q + 1, "m") && !lx[q + 1].glued() && q > b &&
        (lx[q - 1].kind == LexKind::kNumber || (lx[q - 1].info && lx[q - 1].info->card >= 1)))
      return std::make_pair(Is(q, "p"), q + 2);  // "nine a m"
    return std::nullopt;
  }

  // Months alone and with a year-word: "April", "in May", "February of next year".
  std::optional<TM> MonthAlone(uint32_t i) {
    uint32_t me = 0;
    int m = MonthAt(i, &me, true);
    if (!m) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = me;
    int y = 0;
    uint32_t z = me;
    if (Is(z, "of")) ++z;
    if ((Is(z, "this") || Is(z, "next") || Is(z, "last")) && Is(z + 1, "year") && anchor) {
      Ymd A = CivilFromDays(*anchor);
      y = A.y + (Is(z, "next") ? 1 : Is(z, "last") ? -1 : 0);
      t.end = z + 2;
    } else if (Is(me, "in") && YearAt(me + 1, false)) {  // "June in 2017"
      auto yr = YearAt(me + 1, false);
      y = yr->first;
      t.end = yr->second;
    } else if (Is(z - (z > me ? 1 : 0), "of") && z > me) {
      if (auto yr = YearAt(z, false)) { y = yr->first; t.end = yr->second; }
    }
    t.wm = m;
    t.wy = y;
    if (!y) {
      y = YearFor(m, 0, i, t.end);
      t.anchor_free = false;
    }
    t.value = FmtDate(y, m);
    if (y > 0) {
      t.day = DaysFromCivil(y, m, 1);
      t.level = 2;
    }
    return t;
  }

  // Seasons: "summer", "the summer", "summer 2016", "summer of 2016", "fall 2025".
  std::optional<TM> Season(uint32_t i) {
    static const std::unordered_map<std::string_view, std::pair<const char*, int>> seasons = {
        {"spring", {"SP", 3}}, {"summer", {"SU", 6}}, {"autumn", {"FA", 9}}, {"fall", {"FA", 9}},
        {"winter", {"WI", 12}}};
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    if (!IsWord(k)) return std::nullopt;
    auto it = seasons.find(lx[k].low);
    if (it == seasons.end()) return std::nullopt;
    uint32_t z = k + 1;
    int y = 0;
    if (Is(z, "of") && YearAt(z + 1, false)) ++z;
    if (auto yr = YearAt(z, false)) { y = yr->first; z = yr->second; }
    bool cue = k > b && MonthCue().count(lx[k - 1].low);
    if (lx[k].is("fall") && !y && !(k > i || cue)) return std::nullopt;  // "prices fall"
    if (lx[k].is("spring") && !y && !(k > i || cue)) return std::nullopt;
    // "expected revenue to fall", "rise and fall": a verb, when the tagger says so.
    if ((lx[k].is("fall") || lx[k].is("spring")) && !y && k == i && recognize::UposAt(doc, lx[k].start) == "VERB")
      return std::nullopt;
    TM t;
    t.begin = i;
    t.end = z;
    if (!y && anchor) {
      Ymd A = CivilFromDays(*anchor);
      Tense tn = TenseAt(i, z);
      y = A.y;
      if (tn == Tense::kPast && it->second.second > A.m) y -= 1;
      if (tn == Tense::kFuture && it->second.second + 2 < A.m) y += 1;
      t.anchor_free = false;
    }
    t.value = (y ? FmtDate(y) : std::string("XXXX")) + "-" + it->second.first;
    return t;
  }

  // Holidays, with an optional year: "Christmas", "Christmas Eve 2024", "New Year's Day".
  // force_year: that year's date, whatever the tense (for "next Easter", "last Halloween").
  std::optional<TM> Holiday(uint32_t i, int force_year = 0) {
    // offset: days after the nth weekday ("Black Friday" is the day after Thanksgiving).
    struct H { std::vector<std::string_view> words; int m, d; int nth_wd = 0, nth = 0; int offset = 0; };
    static const std::vector<H> hs = {
        {{"christmas", "eve"}, 12, 24}, {{"christmas", "day"}, 12, 25}, {{"christmas"}, 12, 25},
        {{"new", "year", "'", "s", "eve"}, 12, 31}, {{"new", "year", "’", "s", "eve"}, 12, 31},
        {{"new", "year", "'", "s", "day"}, 1, 1}, {{"new", "year", "’", "s", "day"}, 1, 1},
        {{"new", "years", "eve"}, 12, 31}, {{"new", "years", "day"}, 1, 1},
        {{"halloween"}, 10, 31}, {{"independence", "day"}, 7, 4}, {{"fourth", "of", "july"}, 7, 4},
        {{"valentine", "'", "s", "day"}, 2, 14}, {{"valentine", "’", "s", "day"}, 2, 14},
        {{"veterans", "day"}, 11, 11}, {{"boxing", "day"}, 12, 26}, {{"may", "day"}, 5, 1},
        {{"thanksgiving"}, 11, 0, 4, 4}, {{"thanksgiving", "day"}, 11, 0, 4, 4},
        {{"labor", "day"}, 9, 0, 1, 1}, {{"memorial", "day"}, 5, 0, 1, -1},
        {{"martin", "luther", "king", "day"}, 1, 0, 1, 3}, {{"presidents", "day"}, 2, 0, 1, 3},
        {{"mother", "'", "s", "day"}, 5, 0, 7, 2}, {{"mother", "’", "s", "day"}, 5, 0, 7, 2},
        {{"father", "'", "s", "day"}, 6, 0, 7, 3}, {{"father", "’", "s", "day"}, 6, 0, 7, 3},
        {{"easter"}, 0, 0}, {{"easter", "sunday"}, 0, 0}, {{"easter", "monday"}, 0, 1},
        {{"black", "friday"}, 11, 0, 4, 4, 1}, {{"earth", "day"}, 4, 22}, {{"juneteenth"}, 6, 19},
        {{"new", "year", "day"}, 1, 1}, {{"international", "workers", "'", "day"}, 5, 1},
        {{"international", "workers", "’", "day"}, 5, 1}, {{"international", "women", "'", "s", "day"}, 3, 8},
        {{"international", "women", "’", "s", "day"}, 3, 8}, {{"saint", "patrick"}, 3, 17},
        {{"saint", "patrick", "'", "s", "day"}, 3, 17}, {{"saint", "patrick", "’", "s", "day"}, 3, 17},
        {{"st", "patrick", "'", "s", "day"}, 3, 17}, {{"st", ".", "patrick", "'", "s", "day"}, 3, 17},
        {{"st", "patrick", "’", "s", "day"}, 3, 17}, {{"st", ".", "patrick", "’", "s", "day"}, 3, 17}};
    // Lower case is fine ("christmas eve", "easter 2018") except for "may day".
    if (!IsWord(i) || (!lx[i].upper_initial && lx[i].is("may"))) return std::nullopt;
    const H* best = nullptr;
    uint32_t best_end = 0;
    for (const H& h : hs) {
      if (lx[i].low != h.words[0]) continue;
      uint32_t k = i;
      bool ok = true;
      for (std::string_view w : h.words) {
        if (k >= e || lx[k].low != w) { ok = false; break; }
        ++k;
      }
      if (ok && k > best_end) { best = &h; best_end = k; }
    }
    if (!best) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = best_end;
    int y = force_year;
    // "Christmas 2024", "the fourth of July of 1995", "Independence Day, 1995", "Christmas
    // of this year".
    if (!force_year) {
      uint32_t q = best_end;
      if (Is(q, "of") || Is(q, ",")) ++q;
      if (auto yr = YearAt(q, false)) {
        y = yr->first;
        t.end = yr->second;
      } else if (Is(best_end, "of") && (Is(q, "this") || Is(q, "next") || Is(q, "last")) && Is(q + 1, "year") &&
                 anchor) {
        y = CivilFromDays(*anchor).y + (Is(q, "next") ? 1 : Is(q, "last") ? -1 : 0);
        t.end = q + 2;
      }
    }
    auto date_in = [&](int year, int* m, int* d) {
      if (best->m == 0) {  // Easter (anonymous Gregorian algorithm)
        int a = year % 19, bb = year / 100, c = year % 100, dd = bb / 4, ee = bb % 4, f = (bb + 8) / 25,
            g = (bb - f + 1) / 3, h = (19 * a + bb - dd - g + 15) % 30, ii = c / 4, k = c % 4,
            l = (32 + 2 * ee + 2 * ii - h - k) % 7, mm = (a + 11 * h + 22 * l) / 451;
        *m = (h + l - 7 * mm + 114) / 31;
        *d = (h + l - 7 * mm + 114) % 31 + 1;
        if (best->d) {  // "Easter Monday": days after Easter Sunday
          Ymd x = CivilFromDays(DaysFromCivil(year, *m, *d) + best->d);
          *m = x.m;
          *d = x.d;
        }
        return;
      }
      *m = best->m;
      if (best->d) { *d = best->d; return; }
      if (best->nth > 0) {
        int64_t first = DaysFromCivil(year, best->m, 1);
        int diff = (best->nth_wd - Weekday(first) + 7) % 7;
        *d = 1 + diff + 7 * (best->nth - 1) + best->offset;
      } else {
        int dim = DaysInMonth(year, best->m);
        int64_t last = DaysFromCivil(year, best->m, dim);
        int diff = (Weekday(last) - best->nth_wd + 7) % 7;
        *d = dim - diff;
      }
    };
    int m = 0, d = 0;
    if (!y) {
      if (!anchor) {
        if (best->m && best->d) t.value = FmtDate(0, best->m, best->d);
        else t.value = "";
        return t;
      }
      Ymd A = CivilFromDays(*anchor);
      y = A.y;
      date_in(y, &m, &d);
      Tense tn = TenseAt(i, t.end);
      int64_t cand = DaysFromCivil(y, m, d);
      if (tn == Tense::kPast && cand > *anchor) { --y; date_in(y, &m, &d); }
      if (tn == Tense::kFuture && cand < *anchor) { ++y; date_in(y, &m, &d); }
      t.anchor_free = false;
    } else {
      date_in(y, &m, &d);
    }
    t.value = FmtDate(y, m, d);
    SetDay(&t, y, m, d);
    return t;
  }

  // "week 10", "the week of April 10th" (the date itself, as the spec of weeks goes).
  std::optional<TM> WeekOf(uint32_t i) {
    if (Is(i, "week") && i + 1 < e && lx[i + 1].kind == LexKind::kNumber && lx[i + 1].low.size() <= 2 &&
        lx[i + 1].low.find_first_not_of("0123456789") == std::string_view::npos) {
      int w = ToInt(lx[i + 1].low);
      if (w < 1 || w > 53) return std::nullopt;
      TM t;
      t.begin = i;
      t.end = i + 2;
      int y = anchor ? CivilFromDays(*anchor).y : 0;
      t.value = (y ? FmtDate(y) : std::string("XXXX")) + Fmt("-W%02d", w);
      return t;
    }
    return std::nullopt;
  }

  // Parts of the day alone: "in the morning", "in the evenings", "at night", and after
  // "early"/"late" ("early morning"): TIMEX3 TMO, TAF, TEV, TNI, TDT (daytime).
  std::optional<TM> PartOfDayAlone(uint32_t i) {
    static const std::unordered_map<std::string_view, const char*> parts = {
        {"morning", "TMO"}, {"mornings", "TMO"}, {"afternoon", "TAF"}, {"afternoons", "TAF"},
        {"evening", "TEV"}, {"evenings", "TEV"}, {"night", "TNI"}, {"nights", "TNI"}, {"daytime", "TDT"}};
    uint32_t k = i;
    bool lead = false;
    if (!IsWord(k)) return std::nullopt;
    if (Is(k, "in") && Is(k + 1, "the")) { k += 2; lead = true; }
    else if (Is(k, "at") && Is(k + 1, "night")) { k += 1; lead = true; }
    if (!IsWord(k)) return std::nullopt;
    if (!lead && !(k > b && (lx[k - 1].is("early") || lx[k - 1].is("late") || lx[k - 1].is("the") ||
                             (lx[k - 1].is("mid") && !lx[k].is("night")))))
      return std::nullopt;
    auto it = parts.find(lx[k].low);
    if (it == parts.end()) return std::nullopt;
    if (lead && Is(k + 1, "at")) {
      // "in the morning at 7", "in the afternoon at 5:30": the clock time, in that half.
      bool bare = false;
      if (auto c = ClockAt(k + 2, &bare)) {
        int hh = HourOf(c->value);
        if (it->second[1] != 'M' && hh >= 1 && hh < 12 && !c->marked) hh += 12;
        TM t;
        t.begin = i;
        t.end = c->end;
        t.type = TimeType::kTime;
        t.value = WithHour(c->value, hh);
        return t;
      }
    }
    // "in the morning session" is still the morning; "in the night sky" too: keep it simple.
    TM t;
    t.begin = i;
    t.end = k + 1;
    t.type = TimeType::kTime;
    t.value = it->second;
    return t;
  }

  // "the first Friday of July", "second Monday of next month", "third Tuesday" (this month).
  std::optional<TM> NthWeekday(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    if (!IsWord(k) || !Info(k)) return std::nullopt;
    int nth = Info(k)->ord;
    if (Is(k, "last")) nth = -1;
    if (!(nth == -1 || (nth >= 1 && nth <= 5))) return std::nullopt;
    if (!IsWord(k + 1) || !Info(k + 1) || !Info(k + 1)->weekday || lx[k + 1].low.size() < 6) return std::nullopt;
    int wd = Info(k + 1)->weekday;
    uint32_t z = k + 2;
    int y = 0, m = 0;
    if ((Is(z, "of") || Is(z, "in")) && z + 1 < e) {
      uint32_t me = 0;
      if ((m = MonthAt(z + 1, &me, false))) {
        z = me;
        if (auto yr = YearAt(z, false)) { y = yr->first; z = yr->second; }
        else y = YearFor(m, 0, i, z);
      } else if (auto r = Relative(z + 1); r && r->value.size() == 7 && r->value[4] == '-') {
        y = ToInt(r->value.substr(0, 4));
        m = ToInt(r->value.substr(5, 2));
        z = r->end;
      } else {
        return std::nullopt;
      }
    } else {
      if (nth == -1 || !anchor) return std::nullopt;  // "last Friday" is Relative's
      // "second Sunday" alone is this month's; "a second Sunday", "his first Monday" are not.
      if (k == i && (i == b || lx[i - 1].kind != LexKind::kWord || (lx[i - 1].info && !lx[i - 1].info->time_unit) ||
                     lx[i - 1].upper_initial || Is(i - 1, "his") || Is(i - 1, "her") || Is(i - 1, "their") ||
                     Is(i - 1, "its") || Is(i - 1, "our") || Is(i - 1, "my") || Is(i - 1, "your")))
        return std::nullopt;
      Ymd A = CivilFromDays(*anchor);
      y = A.y;
      m = A.m;
    }
    if (y <= 0) return std::nullopt;
    int d;
    if (nth > 0) {
      int diff = (wd - Weekday(DaysFromCivil(y, m, 1)) + 7) % 7;
      d = 1 + diff + 7 * (nth - 1);
    } else {
      int dim = DaysInMonth(y, m);
      d = dim - (Weekday(DaysFromCivil(y, m, dim)) - wd + 7) % 7;
    }
    if (d > DaysInMonth(y, m)) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = z;
    t.value = FmtDate(y, m, d);
    SetDay(&t, y, m, d);
    t.anchor_free = false;
    return t;
  }

  // "the first week of 2015", "last week of 2016", "the third week of next year".
  std::optional<TM> WeekOfYear(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    int nth = 0;
    if (k + 1 < e && lx[k].kind == LexKind::kNumber && lx[k].low.size() == 1 && lx[k + 1].glued() &&
        (Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd") || Is(k + 1, "th"))) {
      nth = lx[k].low[0] - '0';  // "3rd week of Jan"
      ++k;
    } else {
      if (!IsWord(k) || !Info(k)) return std::nullopt;
      nth = Is(k, "last") ? -1 : Info(k)->ord;
    }
    if (!(nth == -1 || (nth >= 1 && nth <= 53)) || !Is(k + 1, "week")) return std::nullopt;
    uint32_t z = k + 2;
    if (Is(z, "of") || Is(z, "in")) ++z;
    int y = 0;
    {
      // "the first week of January 2015", "last week of Dec", "the third week of this
      // month": weeks of the month by the ISO rule (MonthWeekMonday).
      uint32_t me = 0;
      int m = 0;
      if (z > k + 2 && (m = MonthAt(z, &me, false))) {
        uint32_t zz = me;
        if (auto yr = YearAt(zz, false)) { y = yr->first; zz = yr->second; }
        else y = YearFor(m, 0, i, zz);
        if (y > 0) {
          if (nth > 5) return std::nullopt;
          int64_t day = MonthWeekMonday(y, m, nth);
          TM t;
          t.begin = i;
          t.end = zz;
          t.value = FmtWeek(day);
          t.anchor_free = false;
          return t;
        }
      } else if (z > k + 2 && (Is(z, "this") || Is(z, "next") || Is(z, "last")) && Is(z + 1, "month") && anchor &&
                 nth <= 5) {
        Ymd A = CivilFromDays(*anchor);
        int mm = A.m + (Is(z, "next") ? 1 : Is(z, "last") ? -1 : 0), yy = A.y;
        if (mm == 0) { mm = 12; --yy; }
        if (mm == 13) { mm = 1; ++yy; }
        int64_t day = MonthWeekMonday(yy, mm, nth);
        TM t;
        t.begin = i;
        t.end = z + 2;
        t.value = FmtWeek(day);
        t.anchor_free = false;
        return t;
      }
    }
    if (auto yr = YearAt(z, false)) { y = yr->first; z = yr->second; }
    else if ((Is(z, "this") || Is(z, "next") || Is(z, "last")) && Is(z + 1, "year") && anchor) {
      y = CivilFromDays(*anchor).y + (Is(z, "next") ? 1 : Is(z, "last") ? -1 : 0);
      z += 2;
    } else {
      return std::nullopt;
    }
    int iy, w;
    if (nth == -1) IsoWeek(DaysFromCivil(y, 12, 28), &iy, &w);
    else { iy = y; w = nth; }
    TM t;
    t.begin = i;
    t.end = z;
    t.value = FmtDate(iy) + Fmt("-W%02d", w);
    return t;
  }

  // "the 20th of next month", "31st of this month", "23 in next month".
  std::optional<TM> DayOfRelativeMonth(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    auto dd = DayAt(k, true);
    if (!dd || dd->first <= 0) return std::nullopt;
    uint32_t q = dd->second;
    if (Is(q, "of") || Is(q, "in")) ++q;
    if (!(Is(q, "this") || Is(q, "next") || Is(q, "last") || Is(q, "previous") || Is(q, "the")) ||
        !Is(q + 1, "month"))
      return std::nullopt;
    std::optional<TM> r = Relative(q);
    if (Is(q, "the") && anchor) {  // "the 26th day of the month": this month
      r = TM{};
      r->end = q + 2;
      r->value = FmtDays(*anchor).substr(0, 7);
    }
    if (!r || r->value.size() != 7 || r->value[4] != '-' || r->value[0] == 'X') return std::nullopt;
    int y = ToInt(r->value.substr(0, 4)), m = ToInt(r->value.substr(5, 2));
    TM t;
    t.begin = i;
    t.end = r->end;
    t.anchor_free = false;
    t.wd = dd->first;
    t.wm = m;
    if (!ValidDate(y, m, dd->first)) {
      t.value.clear();
      return t;
    }
    t.value = FmtDate(y, m, dd->first);
    SetDay(&t, y, m, dd->first);
    return t;
  }

  // "the 27th", "the 21st", "the 27." alone: that day of this month, or of the month
  // before (past tense) or after (future) when it has gone by / not come yet.
  std::optional<TM> DayAlone(uint32_t i) {
    if (!Is(i, "the") || i + 1 >= e || lx[i + 1].kind != LexKind::kNumber) return std::nullopt;
    auto dd = DayAt(i + 1, false);
    if (!dd || dd->first <= 0) return std::nullopt;
    uint32_t z = dd->second;
    bool suffix = z > i + 2;
    bool alone = z >= e || lx[z].kind == LexKind::kPunct || Is(z, "from") || Is(z, "between") || Is(z, "at");
    if (!suffix && !alone) return std::nullopt;
    if (Is(z, "of") || Is(z, "century") || (z < e && lx[z].kind == LexKind::kWord && !Is(z, "and") && !Is(z, "or") &&
                                            !Is(z, "to") && !Is(z, "at") && !Is(z, "from") && !Is(z, "between")))
      return std::nullopt;
    TM t;
    t.begin = i;
    t.end = z;
    t.wd = dd->first;
    t.anchor_free = false;
    if (!anchor) {
      t.value = Fmt("XXXX-XX-%02d", dd->first);
      return t;
    }
    Ymd A = CivilFromDays(*anchor);
    int y = A.y, m = A.m;
    Tense tn = TenseAt(i, z);
    if (tn == Tense::kPast && dd->first > A.d) { if (--m == 0) { m = 12; --y; } }
    if (tn == Tense::kFuture && dd->first < A.d) { if (++m == 13) { m = 1; ++y; } }
    t.wm = m;
    if (!ValidDate(y, m, dd->first)) {
      t.value = Fmt("XXXX-XX-%02d", dd->first);
      return t;
    }
    t.value = FmtDate(y, m, dd->first);
    SetDay(&t, y, m, dd->first);
    return t;
  }

  // "the seventies", "the nineteen seventies", "the noughties": decades in words.
  std::optional<TM> DecadeWords(uint32_t i) {
    static const std::unordered_map<std::string_view, int> tens = {
        {"twenties", 2}, {"thirties", 3}, {"forties", 4}, {"fifties", 5}, {"sixties", 6},
        {"seventies", 7}, {"eighties", 8}, {"nineties", 9}, {"noughties", 0}};
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    int century = 19;
    if (Is(k, "nineteen")) { ++k; }
    else if (Is(k, "eighteen")) { century = 18; ++k; }
    if (!IsWord(k)) return std::nullopt;
    auto it = tens.find(lx[k].low);
    if (it == tens.end() || k == i) return std::nullopt;  // "the" or a century word leads in
    if (it->second == 0) century = 20;
    TM t;
    t.begin = i;
    t.end = k + 1;
    t.value = Fmt("%02d", century) + Fmt("%d", it->second);
    return t;
  }

  // "the 21st century", "15th century": TIMEX3 "20", "14" (the hundreds digits).
  std::optional<TM> Century(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    int n = 0;
    uint32_t z = k;
    if (k < e && lx[k].kind == LexKind::kNumber && lx[k].low.size() <= 2 &&
        lx[k].low.find_first_not_of("0123456789") == std::string_view::npos && k + 1 < e && lx[k + 1].glued() &&
        (lx[k + 1].is("st") || lx[k + 1].is("nd") || lx[k + 1].is("rd") || lx[k + 1].is("th"))) {
      n = ToInt(lx[k].low);  // digits only: ".5th" is a number too
      z = k + 2;
    } else if (IsWord(k) && Info(k) && Info(k)->ord >= 1) {
      n = Info(k)->ord;
      z = k + 1;
    }
    if (n < 1 || n > 30 || !Is(z, "century")) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = z + 1;
    t.value = Fmt("%02d", n - 1);
    return t;
  }

  // "9 tonight", "10, this evening": a bare hour before a day with a part of the day.
  std::optional<TM> HourThenPart(uint32_t i) {
    auto h = BareHour(i);
    if (!h || HourOf(h->value) < 1 || HourOf(h->value) > 12) return std::nullopt;
    // "at 9 tonight", "back 10, tonight"; "building 4 this afternoon" is a name.
    if (i > b && lx[i - 1].kind == LexKind::kWord && !(lx[i - 1].is("at") || lx[i - 1].is("by") ||
        lx[i - 1].is("around") || lx[i - 1].is("until") || lx[i - 1].is("till") || lx[i - 1].is("back") ||
        lx[i - 1].is("about")))
      return std::nullopt;
    uint32_t q = h->end;
    if (Is(q, ",")) ++q;
    if (!(Is(q, "tonight") || Is(q, "tonite") || Is(q, "this"))) return std::nullopt;
    std::optional<TM> d = Core(q);
    if (!d || !DayValue(*d) || d->value.size() != 13 || d->value.compare(10, 3, "TMO") == 0) return std::nullopt;
    TM t = *d;
    t.begin = i;
    t.type = TimeType::kTime;
    t.value = JoinDateTime(d->value, WithHour(h->value, HourOf(h->value) + 12));
    return t;
  }

  // "the rest of the week", "rest of this month", "remainder of the year": from the
  // publication date to the end of its week, month or year.
  std::optional<TM> RestOf(uint32_t i) {
    uint32_t k = i;
    if (Is(k, "the")) ++k;
    if (!(Is(k, "rest") || Is(k, "remainder"))) return std::nullopt;
    uint32_t q = k + 1;
    if (Is(q, "of")) ++q;
    if (Is(q, "the") || Is(q, "this") || Is(q, "my") || Is(q, "current")) ++q;
    if (!anchor || !(Is(q, "week") || Is(q, "month") || Is(q, "year"))) return std::nullopt;
    Ymd A = CivilFromDays(*anchor);
    int64_t end = Is(q, "week") ? *anchor + (7 - Weekday(*anchor))
                  : Is(q, "month") ? DaysFromCivil(A.y, A.m, DaysInMonth(A.y, A.m)) : DaysFromCivil(A.y, 12, 31);
    TM t;
    t.begin = i;
    t.end = q + 1;
    t.value = FmtDays(*anchor) + "/" + FmtDays(end);
    t.anchor_free = false;
    return t;
  }

#include "recognize/time_period_rules.inc"

  // The best core expression at i (longest).
  std::optional<TM> Core(uint32_t i) {
    std::optional<TM> best;
    auto take = [&](std::optional<TM> c) {
      if (c && c->end > c->begin && (!best || c->end > best->end || (c->end == best->end && c->begin < best->begin)))
        best = std::move(c);
    };
    const Lexeme& l = lx[i];
    if (l.kind == LexKind::kNumber || l.kind == LexKind::kQuote) {
      take(LengthFromDay(i));
      take(ExplicitDate(i));
      take(SpacedYearMonth(i));
      take(DottedDate(i));
      take(CommaYearDate(i));
      take(WeekOfYear(i));
      take(NthDayOf(i));
      take(NumericDayRange(i));
      take(MonthNumberOf(i));
      take(Year(i));
      take(Quarter(i));
      take(TimeOfDay(i));
      take(DurationOrOffset(i));
      take(DayOfRelativeMonth(i));
      take(Century(i));
      take(ModelRules(i));
      if (!best) take(HourThenPart(i));
      return best;
    }
    if (l.kind != LexKind::kWord) return std::nullopt;
    const recognize::WordInfo* in = l.info;
    if (!in) {
      if (Is(i, "w")) take(PeriodOfDate(i));  // "w/c 4 Feb"
      take(ModelRules(i));
      take(DecadeWords(i));
      take(DurationOrOffset(i));
      take(RestOf(i));
      return best;
    }
    take(LengthFromDay(i));
    if (in && (in->month || in->weekday || in->card >= 0 || in->ord >= 0)) take(ExplicitDate(i));
    if (in && in->month) take(MonthAlone(i));
    if (in && in->weekday) take(WeekdayExpr(i));
    if (!in || !in->weekday) take(WeekdayExpr(i));  // plural weekdays
    take(Deictic(i));
    take(Relative(i));
    take(Quarter(i));
    take(Season(i));
    take(Holiday(i));
    take(WeekOf(i));
    take(PeriodRules(i));
    take(PartOfDayAlone(i));
    if (Is(i, "the") || Is(i, "rest") || Is(i, "remainder")) take(RestOf(i));
    take(NthWeekday(i));
    take(WeekOfYear(i));
    take(DayOfRelativeMonth(i));
    take(DayAlone(i));
    take(DecadeWords(i));
    take(Century(i));
    // "year 2008", "the year 2019", "calendar year 2008": the word "year" joins the span.
    {
      uint32_t q = i;
      if (Is(q, "the")) ++q;
      if (Is(q, "calendar")) ++q;
      if (Is(q, "year") && q + 1 < e && lx[q + 1].kind == LexKind::kNumber) {
        if (auto y = Year(q + 1); y && y->value.size() == 4) {
          y->begin = Is(i, "the") ? i + 1 : i;
          take(y);
        }
      }
    }
    take(TimeOfDay(i));
    take(DurationOrOffset(i));
    if (Is(i, "the") || (in && in->card >= 2)) take(Year(i));
    take(ModelRules(i));
    return best;
  }

  // Mods before a core: "early", "mid", "mid-", "late", "the end of", "around", ...
  std::optional<std::pair<std::string, uint32_t>> ModAt(uint32_t i) const {
    // Every pattern opens with one of these letters: skip the table for other words.
    if (i >= e || lx[i].kind != LexKind::kWord) return std::nullopt;
    switch (lx[i].low[0]) {
      case 't': case 'e': case 'b': case 's': case 'm': case 'l': case 'a': case 'r': case 'c': break;
      default: return std::nullopt;
    }
    struct P { std::vector<std::string_view> w; const char* mod; };
    static const std::vector<P> ps = {
        {{"the", "end", "of"}, "END"}, {{"end", "of"}, "END"}, {{"the", "beginning", "of"}, "START"},
        {{"beginning", "of"}, "START"}, {{"the", "start", "of"}, "START"}, {{"start", "of"}, "START"},
        {{"the", "middle", "of"}, "MID"}, {{"middle", "of"}, "MID"}, {{"the", "early", "part", "of"}, "START"},
        {{"the", "latter", "part", "of"}, "END"}, {{"early", "in", "the"}, "START"}, {{"late", "in", "the"}, "END"},
        {{"later", "in", "the"}, "END"}, {{"earlier", "in", "the"}, "START"}, {{"later"}, "END"},
        {{"earlier"}, "START"}, {{"early"}, "START"}, {{"late"}, "END"}, {{"mid", "-"}, "MID"},
        {{"mid"}, "MID"}, {{"around"}, "APPROX"}, {{"about"}, "APPROX"}, {{"circa"}, "APPROX"},
        {{"approximately"}, "APPROX"}, {{"roughly"}, "APPROX"}};
    for (const P& p : ps) {
      uint32_t k = i;
      bool ok = true;
      for (std::string_view w : p.w) {
        if (k >= e || lx[k].low != w) { ok = false; break; }
        ++k;
      }
      if (ok) return std::make_pair(std::string(p.mod), k);
    }
    return std::nullopt;
  }

  // Full() is asked for the same start by Range() and Run(), and for a range's second
  // end again when the scan reaches it: one remembered answer per start, forgotten
  // when the discourse date moves (it changes what "the same day" means).
  std::optional<TM> Full(uint32_t i) {
    for (int m = 0; m < FullMemo::kSize; ++m)
      if (memo.pos[m] == i) return memo.tm[m];
    std::optional<TM> r = FullUncached(i);
    memo.pos[memo.next] = i;
    memo.tm[memo.next] = r;
    memo.next = (memo.next + 1) % FullMemo::kSize;
    return r;
  }

  std::optional<TM> FullUncached(uint32_t i) {
    std::optional<TM> core;
    std::string mod;
    // "how about Monday", "what about 3pm": a suggestion, not an approximation.
    bool suggestion = (Is(i, "about")) && i > b && (lx[i - 1].is("how") || lx[i - 1].is("what"));
    if (auto m = ModAt(i); m && !suggestion) {
      core = Core(m->second);
      if (core && core->type != TimeType::kDuration && core->type != TimeType::kSet && core->begin == m->second &&
          core->value != "PRESENT_REF") {
        core->mod = m->first;
        core->begin = i;
      } else if (core && core->type == TimeType::kDuration && m->first == "APPROX" && core->begin == m->second) {
        core->mod = "APPROX";
        core->begin = i;
      } else {
        core.reset();
      }
      if (!core && anchor) {
        // "the end of the week", "later in the year", "end of month": a part of the
        // publication date's own period.
        uint32_t q = m->second;
        if (Is(q, "the")) ++q;
        std::string_view u = q < e ? lx[q].low : std::string_view();
        // A word after the unit may be its own ("the end of the year before", "the day
        // after next"), unless the tagger reads it as opening another phrase or clause
        // ("by the end of the year after reporting a loss", "... as planned").
        auto opens_clause = [&](uint32_t z) {
          if (z >= e || lx[z].kind != LexKind::kWord || lx[z].is("of")) return false;
          const std::string_view pos = recognize::UposAt(doc, lx[z].start);
          if (pos != "ADP" && pos != "SCONJ" && pos != "CCONJ") return false;
          if (!(lx[z].is("after") || lx[z].is("before"))) return true;
          const std::string_view next = z + 1 < e ? recognize::UposAt(doc, lx[z + 1].start) : std::string_view();
          return z + 1 < e && !lx[z + 1].is("next") && !lx[z + 1].is("last") && !lx[z + 1].is("that") &&
                 (next == "VERB" || next == "DET" || next == "PRON" || next == "PROPN");
        };
        if ((u == "week" || u == "month" || u == "year" || u == "day") &&
            !(q + 1 < e && !opens_clause(q + 1) &&
              (lx[q + 1].is("of") || lx[q + 1].is("before") || lx[q + 1].is("after") ||
               lx[q + 1].kind == LexKind::kWord))) {
          TM t;
          t.begin = i;
          t.end = q + 1;
          t.anchor_free = false;
          t.value = u == "week" ? FmtWeek(*anchor) : u == "month" ? FmtDays(*anchor).substr(0, 7)
                    : u == "year" ? FmtDays(*anchor).substr(0, 4) : FmtDays(*anchor);
          bool later = Is(i, "later") || Is(i, "earlier");
          t.mod = later ? "" : m->first;
          core = t;
        }
      } else if (core && (Is(i, "later") || Is(i, "earlier")) && core->type != TimeType::kTime) {
        core->mod.clear();  // "later this month" is this month
      }
    }
    if (!core) core = Core(i);
    if (!core) return std::nullopt;
    // Date + time: "Monday at 3 p.m.", "November 17 at 10:30", "tomorrow 8:00am",
    // "Monday 8-9am", "yesterday afternoon from 3-8pm".
    if (core->level == 3 && DayValue(*core) && core->value.size() <= 13) {
      uint32_t q = core->end;
      std::string rel;  // "Thursday before 5pm", "Feb 1st no later than 6:00"
      std::optional<TM> tm = TimeAfterDay(&q, &rel);
      if (tm && q < e) {
        if (!rel.empty()) core->relation = rel;
        std::string tv = tm->value;
        bool pm_part = core->value.size() == 13 && core->value.compare(10, 3, "TMO") != 0;
        if (pm_part) {
          // "tonight at 10", "Monday evening 7-9": the hours of the afternoon and evening.
          size_t slash = tv.find('/');
          auto pm = [&](std::string x) {
            int hh = HourOf(x);
            return hh >= 1 && hh < 12 && !(core->value.compare(10, 3, "TNI") == 0 && hh < 4) ? WithHour(x, hh + 12) : x;
          };
          tv = slash == std::string::npos ? pm(tv) : pm(tv.substr(0, slash)) + "/" + pm(tv.substr(slash + 1));
        }
        core->value = JoinDateTime(core->value, tv);
        core->type = TimeType::kTime;
        core->end = tm->end;
      }
    } else if (core->type == TimeType::kTime && core->value[0] == 'T') {
      // Time + date: "3 p.m. Monday", "8am this morning", "10 tonight".
      if (auto d = DateAfterTime(*core)) {
        core = d;
      } else {
        // "3pm each day", "6am everyday", "9am daily": a set of clock times.
        uint32_t q = core->end;
        if ((Is(q, "each") || Is(q, "every")) && Is(q + 1, "day")) q += 2;
        else if (Is(q, "everyday") || Is(q, "daily")) q += 1;
        if (q > core->end) {
          core->end = q;
          core->type = TimeType::kSet;
        }
      }
    } else if (core->type == TimeType::kSet && (core->value == "P1D") && core->end < e) {
      // "everyday 6am", "daily at 9".
      uint32_t q = core->end;
      if (Is(q, "at")) ++q;
      if (auto tm = TimeOfDay(q); tm && tm->value.size() >= 3 && tm->value[0] == 'T' && !Is(core->begin, "every")) {
        core->value = tm->value;
        core->end = tm->end;
      }
    }
    return core;
  }

  // An hour without a clock mark ("5", "eleven"): only as one end of a time range.
  std::optional<TM> BareHour(uint32_t i) const {
    if (i >= e) return std::nullopt;
    int h = -1;
    if (lx[i].kind == LexKind::kNumber) {
      std::string_view s = lx[i].low;
      if (s.size() > 2 || s.find_first_of(",.") != std::string_view::npos) return std::nullopt;
      if (i + 1 < e && lx[i + 1].glued() && (lx[i + 1].kind == LexKind::kWord || lx[i + 1].kind == LexKind::kNumber))
        return std::nullopt;
      h = ToInt(s);
    } else if (IsWord(i) && Info(i) && Info(i)->card >= 1 && Info(i)->card <= 12) {
      h = Info(i)->card;
    }
    if (h < 0 || h > 24) return std::nullopt;
    TM t;
    t.begin = i;
    t.end = i + 1;
    t.type = TimeType::kTime;
    t.value = Fmt("T%02d", h);
    return t;
  }

  std::optional<TM> ClockAt(uint32_t i, bool* bare) {
    if (auto t = TimeOfDay(i); t && t->value.size() >= 3 && t->value[0] == 'T') {
      *bare = false;
      return t;
    }
    if (auto t = WordClock(i)) {  // "three thirty"
      *bare = false;
      return t;
    }
    *bare = true;
    return BareHour(i);
  }

  static int HourOf(const std::string& v) { return ToInt(v.substr(1, 2)); }
  static std::string WithHour(const std::string& v, int h) { return Fmt("T%02d", h) + v.substr(3); }

  // Time ranges: "5 to 6pm", "from 10:30 to 3", "between 5 and 6 in the afternoon",
  // "8-9am". A bare hour takes the other end's half of the day; two bare hours make a
  // range only beside a date (the caller checks `weak`).
  std::optional<TM> TimeRange(uint32_t i) {
    uint32_t k = i;
    bool from = Is(k, "from"), between = Is(k, "between");
    if (from || between) ++k;
    bool ba = false, bz = false;
    auto a = ClockAt(k, &ba);
    if (!a) return std::nullopt;
    uint32_t s = a->end;
    bool sep = between ? (Is(s, "and") || Is(s, "to") || (s < e && lx[s].kind == LexKind::kHyphen))
                       : (Is(s, "to") || Is(s, "till") || Is(s, "until") || Is(s, "through") || Is(s, "thru") ||
                          (s < e && (lx[s].kind == LexKind::kHyphen || lx[s].kind == LexKind::kDash)));
    if (!sep) return std::nullopt;
    auto z = ClockAt(s + 1, &bz);
    if (!z) return std::nullopt;
    int ha = HourOf(a->value), hz = HourOf(z->value);
    bool ma = !ba && a->marked, mz = !bz && z->marked;  // ends with a.m./p.m. or the like
    if (!ma && mz && hz >= 12 && ha < 12 && ha + 12 <= hz) ha += 12;         // "5 to 6pm", "2:00 to 2:30 pm"
    else if (!mz && ma && ha >= 12 && hz < 12 && hz + 12 > ha) hz += 12;    // "3pm to 5"
    else if (!mz && hz < ha && hz < 12 && hz + 12 > ha) hz += 12;           // "from 10:30 to 3"
    TM t;
    t.begin = i;
    t.end = z->end;
    t.type = TimeType::kTime;
    t.value = WithHour(a->value, ha) + "/" + WithHour(z->value, hz);
    t.weak = ba && bz;
    return t;
  }

  // A day (YYYY-MM-DD, maybe with a part of day) and a clock time or time range.
  static std::string JoinDateTime(const std::string& date, const std::string& time) {
    std::string d = date.substr(0, std::min<size_t>(date.find('T'), date.size()));
    size_t slash = time.find('/');
    if (slash == std::string::npos) return d + time;
    return d + time.substr(0, slash) + "/" + d + time.substr(slash + 1);
  }

  static bool DayValue(const TM& d) {
    return d.type == TimeType::kDate && d.value.size() >= 10 && d.value[4] == '-' && d.value[7] == '-' &&
           d.value.find('/') == std::string::npos;
  }

  // A date after a time or time range: "5pm on Monday", "3:00 to 4:00 tomorrow".
  std::optional<TM> DateAfterTime(const TM& tm) {
    uint32_t q = tm.end;
    if (Is(q, "local") && Is(q + 1, "time")) q += 2;  // "3 p.m. local time on Thursday"
    if (Is(q, "on") || Is(q, ",") || Is(q, "of")) ++q;
    if (q >= e) return std::nullopt;
    std::optional<TM> d = Core(q);
    if (!d || !DayValue(*d)) return std::nullopt;
    TM t = tm;
    std::string tv = tm.value;
    if (d->value.size() == 13 && d->value.compare(10, 3, "TMO") != 0 && d->value.compare(10, 3, "TDT") != 0) {
      // "between 7 and 9 last night", "10 tonight": the evening hours.
      auto pm = [&](const std::string& x) {
        int hh = HourOf(x);
        return hh >= 1 && hh < 12 && !(d->value.compare(10, 3, "TNI") == 0 && hh < 4) ? WithHour(x, hh + 12) : x;
      };
      size_t slash = tv.find('/');
      tv = slash == std::string::npos ? pm(tv) : pm(tv.substr(0, slash)) + "/" + pm(tv.substr(slash + 1));
    }
    t.value = JoinDateTime(d->value, tv);
    t.end = d->end;
    t.day = d->day;
    t.level = d->level;
    t.weak = false;
    return t;
  }

  // "from 4 to 22 this month", "between 3 and 12 of Sept", "4-22 January, 1995": a bare
  // day before a full date takes that date's month and year.
  std::optional<TM> DayRange(uint32_t i) {
    uint32_t k = i;
    bool from = Is(k, "from"), between = Is(k, "between");
    if (from || between) ++k;
    if (Is(k, "the")) ++k;
    auto dd = DayAt(k, true);
    if (!dd || dd->first <= 0) return std::nullopt;
    uint32_t s = dd->second;
    bool sep = between ? (Is(s, "and") || (s < e && lx[s].kind == LexKind::kHyphen))
                       : (Is(s, "to") || Is(s, "till") || Is(s, "until") || Is(s, "through") || Is(s, "thru") ||
                          (s < e && (lx[s].kind == LexKind::kHyphen || lx[s].kind == LexKind::kDash)));
    if (!sep) return std::nullopt;
    std::optional<TM> z = Full(s + 1);
    if (!z || !DayValue(*z) || z->value.size() != 10 || !z->wd) return std::nullopt;
    if (dd->first > z->wd) return std::nullopt;
    TM t = *z;
    t.begin = i;
    t.value = z->value.substr(0, 8) + Fmt("%02d", dd->first) + "/" + z->value;
    return t;
  }

  // Hours and minutes of a duration at q ("2.5 hrs", "3 hours 30 minutes"): minutes, end.
  std::optional<std::pair<double, uint32_t>> ClockSpan(uint32_t q) const {
    double minutes = 0;
    uint32_t z = q;
    while (auto a = AmountAt(z)) {
      if (a->vague || (a->unit != recognize::kHour && a->unit != recognize::kMinute)) break;
      minutes += a->unit == recognize::kHour ? a->n * 60 : a->n;
      z = a->end;
    }
    if (z == q || minutes <= 0 || minutes > 24 * 60) return std::nullopt;
    return std::make_pair(minutes, z);
  }

  // "from 10 am for 3 hours", "for 2 hours from 2pm": a clock time and a length.
  std::optional<TM> ClockForSpan(uint32_t i) {
    std::optional<TM> start;
    uint32_t end = 0;
    double minutes = 0;
    bool bare = false;
    if (Is(i, "from")) {
      start = ClockAt(i + 1, &bare);
      if (!start || !Is(start->end, "for")) return std::nullopt;
      auto sp = ClockSpan(start->end + 1);
      if (!sp) return std::nullopt;
      minutes = sp->first;
      end = sp->second;
    } else if (Is(i, "for")) {
      auto sp = ClockSpan(i + 1);
      if (!sp || !Is(sp->second, "from")) return std::nullopt;
      start = ClockAt(sp->second + 1, &bare);
      if (!start) return std::nullopt;
      minutes = sp->first;
      end = start->end;
    } else {
      return std::nullopt;
    }
    int h = HourOf(start->value), m = start->value.size() >= 6 ? ToInt(start->value.substr(4, 2)) : 0;
    int total = h * 60 + m + static_cast<int>(minutes + 0.5);
    TM t;
    t.begin = i;
    t.end = end;
    t.type = TimeType::kTime;
    t.value = start->value + "/" + Fmt("T%02d", (total / 60) % 24) + Fmt(":%02d", total % 60);
    return t;
  }

  // A range: "from A to B", "between A and B", "A to B", "A-B", "A through B".
  std::optional<TM> Range(uint32_t i) {
    std::optional<TM> best;
    auto take = [&](std::optional<TM> c) {
      if (c && c->end > c->begin && (!best || c->end > best->end)) best = std::move(c);
    };
    take(ClockForSpan(i));
    if (auto tr = TimeRange(i)) {
      auto wd = DateAfterTime(*tr);
      if (wd) take(wd);
      else if (!tr->weak) take(tr);
    }
    take(DayRange(i));
    uint32_t k = i;
    bool from = Is(k, "from"), between = Is(k, "between");
    if (from || between) ++k;
    // Years: "2014-2018", "2014~2018".
    if (k + 2 < e && lx[k].kind == LexKind::kNumber && lx[k].low.size() == 4 &&
        (lx[k + 1].kind == LexKind::kHyphen || lx[k + 1].kind == LexKind::kDash || lx[k + 1].is("~")) &&
        lx[k + 1].glued() && lx[k + 2].glued() && lx[k + 2].kind == LexKind::kNumber && lx[k + 2].low.size() == 4 &&
        !(k + 3 < e && lx[k + 3].glued() && lx[k + 3].kind != LexKind::kPunct) &&
        !(k > b && lx[k].glued() && lx[k - 1].kind != LexKind::kPunct)) {
      auto y1 = YearAt(k, false), y2 = YearAt(k + 2, false);
      if (y1 && y2 && y1->first < y2->first) {
        TM t;
        t.begin = i;
        t.end = k + 3;
        t.value = FmtDate(y1->first) + "/" + FmtDate(y2->first);
        t.wy = y2->first;
        take(t);
      }
    }
    std::optional<TM> a = Full(k);
    if (!a) {
      // A month abbreviation opening a range: "Jan-Feb 2017", "Nov to Dec".
      uint32_t me = 0;
      if (int m = MonthAt(k, &me, false); m && me < e && (lx[me].kind == LexKind::kHyphen || Is(me, "to"))) {
        TM t;
        t.begin = k;
        t.end = me;
        t.wm = m;
        int y = YearFor(m, 0, k, me);
        t.value = FmtDate(y, m);
        t.anchor_free = false;
        a = t;
      }
    }
    if (!a || a->type == TimeType::kDuration || a->type == TimeType::kSet) return best;
    uint32_t s = a->end;
    bool sep = Is(s, "to") || Is(s, "through") || Is(s, "until") || Is(s, "till") || Is(s, "thru") ||
               (s < e && (lx[s].kind == LexKind::kHyphen || lx[s].kind == LexKind::kDash));
    if (between) sep = Is(s, "and") || Is(s, "through") || Is(s, "to") || (s < e && lx[s].kind == LexKind::kHyphen);
    if (!sep) return best;
    std::optional<TM> z = Full(s + 1);
    // "November 19-20", "from 4 to 22 this month": a bare day after a month-day.
    if (!z && a->level == 3 && a->value.size() == 10) {
      // Also an ordinal in words, with or without "the" ("April 9th through seventeenth",
      // "from April 27 to the third": a smaller day is in the next month).
      uint32_t sq = Is(s + 1, "the") ? s + 2 : s + 1;
      bool words = sq < e && lx[sq].kind == LexKind::kWord && lx[sq].info && lx[sq].info->ord >= 1;
      if (auto dd = DayAt(sq, words); dd && dd->first > 0 && (sq == s + 1 || dd->second > sq + 1 || words)) {
        TM t = *a;
        t.begin = from || between ? i : a->begin;
        std::string ym = a->value.substr(0, 8);
        int d1 = ToInt(a->value.substr(8, 2));
        if (dd->first <= d1 && (words || sq > s + 1) && a->day) {
          Ymd x = CivilFromDays(*a->day + DaysInMonth(CivilFromDays(*a->day).y, CivilFromDays(*a->day).m));
          ym = FmtDate(x.y, x.m) + "-";
        }
        t.end = dd->second;
        t.value = a->value + "/" + ym + Fmt("%02d", dd->first);
        take(t);
        return best;
      }
    }
    if (!z || z->type == TimeType::kDuration || z->type == TimeType::kSet) return best;
    if (!(from || between) && !(a->type == z->type)) return best;
    if (!(from || between) && (lx[s].kind == LexKind::kHyphen) && a->value.size() != z->value.size() &&
        !(a->wm && z->wm))
      return best;
    // One end's written year serves both: "May to Oct 2020", "Nov-Feb 2017".
    auto refit = [&](TM* x, int y) {
      if (!x->wm || x->wy || !y) return;
      x->value = FmtDate(y, x->wm, x->wd);
      x->wy = y;
    };
    if (a->wm && !a->wy && z->wy) refit(&*a, z->wm && a->wm > z->wm ? z->wy - 1 : z->wy);
    if (z->wm && !z->wy && a->wy) refit(&*z, a->wm && z->wm < a->wm ? a->wy + 1 : a->wy);
    // "from next Monday to Friday": an end resolved before its start is the next one.
    if (a->day && z->day && a->level == 3 && z->level == 3 && *z->day < *a->day && !z->anchor_free && !z->wm &&
        DayValue(*z) && z->value.size() == 10 && *a->day - *z->day < 7) {
      z->day = *z->day + 7;
      z->value = FmtDays(*z->day);
    }
    // "between January 22 and now": now is the publication date.
    if (anchor && a->value == "PRESENT_REF") a->value = FmtDays(*anchor);
    if (anchor && z->value == "PRESENT_REF") z->value = FmtDays(*anchor);
    TM t;
    t.begin = i;
    t.end = z->end;
    t.type = a->type;
    if (a->value.empty() || z->value.empty()) t.value.clear();
    else t.value = a->value + "/" + z->value;
    t.day = z->day;
    t.level = z->level;
    t.anchor_free = a->anchor_free && z->anchor_free;
    take(t);
    return best;
  }

#include "recognize/time_model_rules.inc"

  // The scan's prefilter: false when no time expression (nor a relation word opening
  // one) can start at lexeme i, so the grammar is not tried there. Most lexemes are
  // refused by their cue bits (TimeCues, computed once per document); tests run the
  // scan without the prefilter (TimeRecognizer::AnnotateExhaustive) and compare.
  bool MayOpen(uint32_t i) const {
    const Lexeme& l = lx[i];
    // A quotation mark or apostrophe opens only a clipped year ("'98", "’90s"); the
    // "s" of a possessive or contraction ("the mill’s", "it's") opens nothing. Both are
    // frequent in news text.
    if (l.kind == LexKind::kQuote) return i + 1 < e && lx[i + 1].kind == LexKind::kNumber && lx[i + 1].glued();
    if (!(cues[i] & kCueOpens)) return false;
    if (l.kind != LexKind::kWord) return true;
    if (l.glued() && i > b && lx[i - 1].kind == LexKind::kQuote && l.is("s")) return false;
    // A function word ("the", "in", "a", "since") opens a time expression only when a
    // time word or a number follows closely.
    if (cues[i] & kCueStrong) return true;
    for (uint32_t k = i + 1; k < e && k <= i + 5; ++k)
      if (cues[k] & kCueStrong) return true;
    return false;
  }

  void Run(std::vector<TM>* out) {
    uint32_t i = b;
    uint32_t last_end = b;
    while (i < e) {
      const Lexeme& l = lx[i];
      if (!exhaustive && !MayOpen(i)) {
        ++i;
        continue;
      }
      std::string relation;
      uint32_t k = i;
      // Relation words (compared inline: a set lookup per position showed in the profile).
      auto rel = [](const Lexeme& x) {
        return x.is("since") || x.is("until") || x.is("till") || x.is("before") || x.is("after") || x.is("by") ||
               x.is("through") || x.is("starting") || x.is("beginning");
      };
      // "no later than", "later than", "earlier than", "no earlier than": bounds too.
      if (Is(k, "no") && (Is(k + 1, "later") || Is(k + 1, "earlier")) && Is(k + 2, "than")) {
        relation = Is(k + 1, "later") ? "until" : "since";
        k += 3;
      } else if ((Is(k, "later") || Is(k, "earlier")) && Is(k + 1, "than")) {
        relation = Is(k, "later") ? "after" : "before";
        k += 2;
      } else if (IsWord(k) && rel(l) && !((l.low == "beginning" || l.low == "starting") && Is(k + 1, "of"))) {
        relation = std::string(l.low);
        ++k;
        if (relation == "starting" || relation == "beginning") {
          if (Is(k, "in") || Is(k, "on") || Is(k, "from")) ++k;
          relation = "since";
        }
      }
      std::optional<TM> best;
      if (k < e) {
        best = Range(k);
        std::optional<TM> f = Full(k);
        if (f && (!best || f->end > best->end)) best = f;
      }
      if (!best && relation.empty() && k > b && k > last_end && (lx[k - 1].is("later") || lx[k - 1].is("earlier")) &&
          Is(k, "in")) {
        best = Full(k - 1);  // "later in the year", "earlier in the week"
        if (best && best->begin != k - 1) best.reset();
      }
      if (!best && !relation.empty()) {
        ++i;
        continue;
      }
      if (!best) {
        ++i;
        continue;
      }
      // Words that are no trigger by themselves but open a time expression ("later
      // this month", "earlier in the week"): tried only once a time follows them.
      if (relation.empty() && best->begin == k && k > b && k > last_end &&
          (lx[k - 1].is("later") || lx[k - 1].is("earlier"))) {
        if (auto f = Full(k - 1); f && f->end >= best->end) best = f;
      }
      // "no later than March 20", "earlier than 2019": bounds whose words are no triggers.
      if (relation.empty() && best->begin == k && k > b + 1 && k - 1 > last_end && lx[k - 1].is("than") &&
          (lx[k - 2].is("later") || lx[k - 2].is("earlier"))) {
        bool no = k > b + 2 && lx[k - 3].is("no");
        relation = lx[k - 2].is("later") ? (no ? "until" : "after") : (no ? "since" : "before");
      }
      // "the end of the week", "the next quarter": the article stays out of the span, as
      // in the spec's extents ("same week", "same year"; "the last 3 weeks", "the next day",
      // "the same day" keep it).
      if (Is(best->begin, "the") && best->begin + 2 < best->end + 1) {
        uint32_t q = best->begin + 1;
        bool unit_next = (Is(q + 1, "quarter") || Is(q + 1, "quarters") ||
                          (q + 1 < e && lx[q + 1].info && lx[q + 1].info->time_unit && !lx[q + 1].info->time_unit_plural &&
                           !Is(q + 1, "decade") && !Is(q + 1, "day"))) && !Is(q + 2, "of");
        // "the last 3 months", "the next two days" (not decades, which the spec keeps).
        bool count_next = q + 1 < e &&
                          (lx[q + 1].kind == LexKind::kNumber || (lx[q + 1].info && lx[q + 1].info->card >= 2) ||
                           Is(q + 1, "couple")) &&
                          best->end > q + 2 && !Is(best->end - 1, "decades") && !Is(q + 3, "of");
        if (Is(q, "end") || Is(q, "beginning") || Is(q, "middle") || Is(q, "start") ||
            (Is(q, "same") && q + 2 == best->end && (Is(q + 1, "week") || Is(q + 1, "month") || Is(q + 1, "year"))) ||
            ((Is(q, "next") || Is(q, "coming") || Is(q, "following") || Is(q, "last") || Is(q, "previous") ||
              Is(q, "past")) && (unit_next || count_next)))
          best->begin = q;
      }
      if (relation.empty()) TrailingBound(&*best, &relation);  // "2012 or later"
      if (!relation.empty()) best->relation = relation == "till" ? "until" : relation;
      if (best->day && best->level == 3) *discourse = best->day;
      else if (best->day && !discourse->has_value()) *discourse = best->day;
      memo = FullMemo{};
      out->push_back(*best);
      i = std::max(best->end, i + 1);
      last_end = i;
    }
  }

  // Tests: try every lexeme, without MayOpen (declared last: TimeScan is built with
  // positional initialisers).
  bool exhaustive = false;
  const uint8_t* cues = nullptr;  // TimeCues of every lexeme of the document
};

namespace {

void Recognize(const Document& doc, std::optional<int64_t> anchor, std::vector<TM>* found,
               std::vector<Span>* spans, std::optional<int> clock = std::nullopt, bool exhaustive = false) {
  // The lexing is shared with the quantity recognizer (one pass per document).
  const recognize::LexedDocument& lexed = recognize::LexDocument(doc);
  const std::vector<Lexeme>& lx = lexed.lexemes;
  bool has_xpos = !doc.tokens.empty() && !doc.tokens.front().xpos.empty();
  std::vector<uint8_t> cues(lx.size());
  for (size_t k = 0; k < lx.size(); ++k) cues[k] = TimeCues(lx[k]);
  std::optional<int64_t> discourse;
  for (size_t r = 0; r < lexed.ranges.size(); ++r) {
    uint32_t b = lexed.first[r], e = lexed.first[r + 1];
    if (b == e) continue;
    TimeScan scan{doc, lx, b, e, anchor, &discourse, has_xpos, {}, false, {}, anchor ? clock : std::nullopt};
    scan.exhaustive = exhaustive;
    scan.cues = cues.data();
    size_t before = found->size();
    scan.Run(found);
    for (size_t k = before; k < found->size(); ++k) {
      const TM& t = (*found)[k];
      spans->push_back({lx[t.begin].start, lx[t.end - 1].end});
    }
  }
}

}  // namespace

std::optional<std::string> LatestExplicitDate(const Document& doc) {
  std::vector<TM> found;
  std::vector<Span> spans;
  Recognize(doc, std::nullopt, &found, &spans);
  std::optional<int64_t> best;
  for (const TM& t : found)
    if (t.explicit_full && t.day && t.level == 3 && (!best || *t.day > *best)) best = t.day;
  if (!best) return std::nullopt;
  return FmtDays(*best);
}

void TimeRecognizer::annotate(Document& doc) const { Annotate(doc, false); }

void TimeRecognizer::AnnotateExhaustive(Document& doc) const { Annotate(doc, true); }

void TimeRecognizer::Annotate(Document& doc, bool exhaustive) const {
  if (doc.published.empty()) {
    if (auto d = LatestExplicitDate(doc)) {
      doc.published = *d;
      doc.published_inferred = true;
    }
  }
  std::optional<int64_t> anchor = ParseIsoDate(doc.published);
  std::vector<TM> found;
  std::vector<Span> spans;
  Recognize(doc, anchor, &found, &spans, ParseIsoClock(doc.published), exhaustive);
  for (size_t k = 0; k < found.size(); ++k) {
    TimeExpr t;
    t.span = spans[k];
    t.type = found[k].type;
    t.value = found[k].value;
    t.mod = found[k].mod;
    t.relation = found[k].relation;
    doc.times.push_back(std::move(t));
  }
  std::stable_sort(doc.times.begin(), doc.times.end(),
                   [](const TimeExpr& a, const TimeExpr& b) { return a.span.start < b.span.start; });
}

}  // namespace newsledger

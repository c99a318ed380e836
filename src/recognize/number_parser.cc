#include "recognize/number_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "text/utf8.h"

namespace newsledger::recognize {
namespace {

using Table = std::unordered_map<std::string_view, WordInfo>;

// Built once; string literals outlive the table, so keys can be views.
const Table& Words() {
  static const Table table = [] {
    Table t;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                           "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                           "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i) {
      t[units[i]].card = static_cast<int16_t>(i);
      t[units[i]].card_kind = i < 10 ? 1 : 2;
    }
    t["nought"].card = 0; t["nought"].card_kind = 1;
    t["naught"].card = 0; t["naught"].card_kind = 1;
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) {
      t[tens[i]].card = static_cast<int16_t>(20 + 10 * i);
      t[tens[i]].card_kind = 3;
    }
    t["fourty"] = t["forty"];
    struct Scale { const char* w; double v; };
    for (Scale s : {Scale{"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
                    {"trillion", 1e12}, {"lakh", 1e5}, {"lakhs", 1e5}, {"crore", 1e7}, {"crores", 1e7},
                    {"dozen", 12}, {"mln", 1e6}, {"bln", 1e9}, {"tln", 1e12}, {"mn", 1e6}, {"bn", 1e9},
                    {"tn", 1e12}, {"trn", 1e12}, {"mil", 1e6}, {"mm", 1e6}, {"k", 1e3}, {"dzs", 12}, {"dozs", 12},
                    {"dz", 12}, {"dozens", 12}, {"hundreds", 1e2}, {"thousands", 1e3}, {"millions", 1e6}, {"billions", 1e9}})
      t[s.w].scale = s.v;
    const char* ords[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                          "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                          "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    for (int i = 1; i < 20; ++i) t[ords[i]].ord = static_cast<int16_t>(i);
    t["nineth"].ord = 9;
    const char* tenths[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                            "eightieth", "ninetieth"};
    for (int i = 0; i < 8; ++i) t[tenths[i]].ord = static_cast<int16_t>(20 + 10 * i);
    for (Scale s : {Scale{"hundredth", 1e2}, {"thousandth", 1e3}, {"millionth", 1e6}, {"billionth", 1e9},
                    {"trillionth", 1e12}})
      t[s.w].ord_scale = s.v;
    // Plural ordinals are fraction denominators ("thirds", "fifths", "hundredths").
    for (int i = 3; i < 20; ++i) {
      std::string_view w = ords[i];
      static std::vector<std::string> plurals;  // storage for the keys built here
      plurals.reserve(64);
      plurals.push_back(std::string(w) + "s");
      WordInfo& e = t[plurals.back()];
      e.ord = static_cast<int16_t>(i);
      e.denom_plural = true;
    }
    for (int i = 0; i < 8; ++i) {
      static std::vector<std::string> plurals2;
      plurals2.reserve(16);
      plurals2.push_back(std::string(tenths[i]) + "s");
      WordInfo& e = t[plurals2.back()];
      e.ord = static_cast<int16_t>(20 + 10 * i);
      e.denom_plural = true;
    }
    for (Scale s : {Scale{"hundredths", 1e2}, {"thousandths", 1e3}, {"millionths", 1e6}, {"billionths", 1e9},
                    {"trillionths", 1e12}}) {
      t[s.w].ord_scale = s.v;
      t[s.w].denom_plural = true;
    }
    t["firsts"].ord = 1; t["firsts"].denom_plural = true;
    t["seconds"].ord = 2;  // a time unit more often than a denominator; see time_unit
    t["half"].denom = 2; t["halves"].denom = 2; t["halves"].denom_plural = true;
    t["quarter"].denom = 4; t["quarters"].denom = 4; t["quarters"].denom_plural = true;

    const char* months[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                            "september", "october", "november", "december"};
    const char* abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
      t[months[i]].month = static_cast<int8_t>(i + 1);
      if (std::string_view(abbr[i]) != "may") {
        t[abbr[i]].month = static_cast<int8_t>(i + 1);
        t[abbr[i]].month_abbr = true;
      }
    }
    t["sept"].month = 9; t["sept"].month_abbr = true;
    const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    const char* dabbr[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i) {
      t[days[i]].weekday = static_cast<int8_t>(i + 1);
      t[dabbr[i]].weekday = static_cast<int8_t>(i + 1);
    }
    t["tues"].weekday = 2; t["thur"].weekday = 4; t["thurs"].weekday = 4; t["weds"].weekday = 3;
    struct Unit { const char* w; TimeUnit u; bool plural; };
    for (Unit u : {Unit{"second", kSecond, false}, {"seconds", kSecond, true}, {"sec", kSecond, false},
                   {"secs", kSecond, true}, {"s", kSecond, false}, {"minute", kMinute, false},
                   {"minutes", kMinute, true}, {"min", kMinute, false}, {"mins", kMinute, true},
                   {"hour", kHour, false}, {"hours", kHour, true}, {"hr", kHour, false}, {"hrs", kHour, true},
                   {"h", kHour, false}, {"day", kDay, false}, {"days", kDay, true}, {"week", kWeek, false},
                   {"weeks", kWeek, true}, {"fortnight", kFortnight, false}, {"fortnights", kFortnight, true},
                   {"month", kMonth, false}, {"months", kMonth, true}, {"year", kYear, false},
                   {"years", kYear, true}, {"yr", kYear, false}, {"yrs", kYear, true},
                   {"decade", kDecade, false}, {"decades", kDecade, true}, {"century", kCentury, false},
                   {"centuries", kCentury, true}}) {
      t[u.w].time_unit = u.u;
      t[u.w].time_unit_plural = u.plural;
    }
    for (const char* w :
         {"the", "this", "last", "next", "past", "previous", "preceding", "current", "coming", "upcoming",
          "following", "that", "same", "today", "tonight", "yesterday", "tomorrow", "tmrw", "now", "noon", "midday",
          "midnight", "noonish", "every", "each", "daily", "everyday", "weekly", "monthly", "annually", "yearly",
          "hourly", "nightly", "biweekly", "quarterly", "all", "full", "whole", "in", "within", "more", "less",
          "fewer", "over", "nearly", "almost", "about", "around", "roughly", "some", "approximately", "a", "an",
          "couple", "half", "few", "several", "many", "early", "late", "mid", "end", "beginning", "start", "middle",
          "circa", "spring", "summer", "autumn", "fall", "winter", "q", "h", "week", "weekend", "from", "between",
          "since", "until", "till", "before", "after", "by", "through", "starting", "christmas", "new", "halloween",
          "independence", "valentine", "veterans", "boxing", "thanksgiving", "labor", "memorial", "martin",
          "presidents", "mother", "father", "easter", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
          "saturdays", "sundays", "decade", "black", "earth", "juneteenth", "international", "saint"})
      t[w].time_trigger = true;
    for (const char* w :
         {"today", "tonight", "yesterday", "tomorrow", "tmrw", "now", "noon", "midday", "midnight", "noonish",
          "daily", "everyday", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly",
          "quarterly", "spring", "summer", "autumn", "fall", "winter", "week", "weekend", "decade", "christmas",
          "halloween", "easter", "thanksgiving", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays",
          "saturdays", "sundays", "quarter", "half", "q", "h", "new", "independence", "valentine", "veterans",
          "boxing", "labor", "memorial", "martin", "presidents", "mother", "father", "morning", "afternoon",
          "evening", "night", "mornings", "afternoons", "evenings", "nights", "daytime"}) {
      t[w].time_trigger = true;
      t[w].time_strong = true;
    }
    for (const char* w :
         {"no", "not", "a", "an", "as", "in", "upwards", "upward", "more", "greater", "higher", "larger", "bigger",
          "just", "well", "over", "above", "exceeding", "exceed", "surpass", "less", "fewer", "lower", "smaller",
          "under", "below", "at", "up", "nearly", "almost", "close", "approximately", "estimated", "about",
          "around", "roughly", "some", "approx", "circa", "between", "from", "minus", "negative", "tens", "dozens",
          "scores", "hundreds", "thousands", "millions", "billions", "trillions", "several", "few", "handful",
          "us", "usd", "c", "ca", "cad", "au", "aud", "hk", "nz", "nzd", "s", "mex", "mx", "mxn", "r", "u", "dollar",
          "dollars", "half", "quarter", "equal", "equals", "equaling", "equalling", "rmb", "eur", "gbp", "jpy",
          "cny", "inr", "chf"})
      t[w].qty_trigger = true;
    return t;
  }();
  return table;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

double VulgarValue(uint32_t cp) {
  switch (cp) {
    case 0x00BD: return 0.5;
    case 0x00BC: return 0.25;
    case 0x00BE: return 0.75;
    case 0x2153: return 1.0 / 3;
    case 0x2154: return 2.0 / 3;
    case 0x2155: return 0.2;
    case 0x2156: return 0.4;
    case 0x2157: return 0.6;
    case 0x2158: return 0.8;
    case 0x2159: return 1.0 / 6;
    case 0x215A: return 5.0 / 6;
    case 0x215B: return 0.125;
    case 0x215C: return 0.375;
    case 0x215D: return 0.625;
    case 0x215E: return 0.875;
    default: return 0;
  }
}

}  // namespace

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// The word table as an open-addressing index (FNV-1a, linear probing, load <= 1/4):
// Lex looks up every word of the text, and std::unordered_map's string hashing and
// node chasing showed in the benchmark profile. Words longer than the longest key are
// rejected without hashing.
struct FlatWords {
  std::vector<std::pair<std::string_view, const WordInfo*>> slots;
  size_t mask = 0, max_len = 0;
  // Length, first and last (up to) four bytes: no loop over the word.
  static uint64_t Hash(std::string_view s) {
    uint32_t a = 0, b = 0;
    size_t n = s.size();
    if (n >= 4) {
      // Constant-size copies compile to two loads (a variable size called memcpy twice
      // per word, which showed in the profile).
      std::memcpy(&a, s.data(), 4);
      std::memcpy(&b, s.data() + n - 4, 4);
    } else {
      for (size_t k = 0; k < n; ++k) a = a << 8 | static_cast<unsigned char>(s[k]);
      b = a;
    }
    uint64_t h = (static_cast<uint64_t>(a) << 32 | b) ^ (s.size() * 0x9E3779B97F4A7C15ull);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 29);
  }
  FlatWords() {
    const Table& t = Words();
    size_t n = 16;
    while (n < t.size() * 4) n <<= 1;
    slots.assign(n, {std::string_view(), nullptr});
    mask = n - 1;
    for (const auto& [k, v] : t) {
      max_len = std::max(max_len, k.size());
      size_t i = Hash(k) & mask;
      while (slots[i].second) i = (i + 1) & mask;
      slots[i] = {k, &v};
    }
  }
  const WordInfo* Find(std::string_view w) const {
    if (w.size() > max_len || w.empty()) return nullptr;
    size_t i = Hash(w) & mask;
    while (slots[i].second) {
      if (slots[i].first == w) return slots[i].second;
      i = (i + 1) & mask;
    }
    return nullptr;
  }
};

}  // namespace

const WordInfo* LookupWord(std::string_view lower) {
  static const FlatWords index;
  return index.Find(lower);
}

void Lex(std::string_view text, std::string_view lower, Span range, std::vector<Lexeme>* out) {
  uint32_t i = range.start;
  uint32_t end = std::min<uint32_t>(range.end, static_cast<uint32_t>(text.size()));
  bool space = true, newline = false;
  auto push = [&](uint32_t s, uint32_t e, LexKind k) {
    Lexeme l;
    l.start = s;
    l.end = e;
    l.low = lower.substr(s, e - s);
    l.kind = k;
    l.space_before = space;
    l.newline_before = newline;
    space = false;
    newline = false;
    out->push_back(l);
    return &out->back();
  };
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') {
        space = true;
        if (c == '\n') newline = true;
        ++i;
        continue;
      }
      if (IsDigit(static_cast<char>(c))) {
        uint32_t j = i;
        while (j < end && IsDigit(text[j])) ++j;
        while (j + 1 < end && (text[j] == ',' || text[j] == '.') && IsDigit(text[j + 1])) {
          ++j;
          while (j < end && IsDigit(text[j])) ++j;
        }
        push(i, j, LexKind::kNumber);
        i = j;
        continue;
      }
      if (c == '.' && i + 1 < end && IsDigit(text[i + 1]) && (i == 0 || !IsDigit(text[i - 1]))) {
        // ".25": a number without its leading zero.
        uint32_t j = i + 1;
        while (j < end && IsDigit(text[j])) ++j;
        push(i, j, LexKind::kNumber);
        i = j;
        continue;
      }
      if (IsAsciiAlpha(static_cast<char>(c))) {
        uint32_t j = i;
        bool all_upper = true;
        int letters = 0;
        while (j < end) {
          unsigned char d = static_cast<unsigned char>(text[j]);
          if (d < 0x80) {
            if (!IsAsciiAlpha(static_cast<char>(d))) break;
            if (d >= 'a') all_upper = false;
            ++letters;
            ++j;
          } else {
            int len = 1;
            uint32_t cp = text::DecodeAt(text, j, &len);
            if (text::Classify(cp) != text::CharClass::kLetter) break;
            if (!text::IsUpper(cp)) all_upper = false;
            ++letters;
            j += len;
          }
        }
        Lexeme* l = push(i, j, LexKind::kWord);
        l->upper_initial = c <= 'Z';
        l->all_upper = all_upper && letters >= 2;
        l->info = LookupWord(l->low);
        i = j;
        continue;
      }
      LexKind k = LexKind::kPunct;
      if (c == '-') k = LexKind::kHyphen;
      else if (c == '"' || c == '\'' || c == '`') k = LexKind::kQuote;
      else if (c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '~' ||
               c == '&' || c == '#' || c == '*' || c == '@' || c == '|')
        k = LexKind::kSymbol;
      push(i, i + 1, k);
      ++i;
      continue;
    }
    int len = 1;
    uint32_t cp = text::DecodeAt(text, i, &len);
    text::CharClass cls = text::Classify(cp);
    if (cls == text::CharClass::kSpace || cls == text::CharClass::kOther) {
      if (cls == text::CharClass::kSpace) space = true;
      i += len;
      continue;
    }
    if (double v = VulgarValue(cp); v > 0) {
      Lexeme* l = push(i, i + len, LexKind::kFraction);
      l->vulgar = v;
      i += len;
      continue;
    }
    if (cls == text::CharClass::kLetter) {
      uint32_t j = i;
      bool upper = text::IsUpper(cp), all_upper = true;
      int letters = 0;
      while (j < end) {
        int l2 = 1;
        uint32_t cp2 = text::DecodeAt(text, j, &l2);
        if (cp2 < 0x80 ? !IsAsciiAlpha(static_cast<char>(cp2)) : text::Classify(cp2) != text::CharClass::kLetter)
          break;
        if (cp2 < 0x80 ? cp2 >= 'a' : !text::IsUpper(cp2)) all_upper = false;
        ++letters;
        j += l2;
      }
      Lexeme* l = push(i, j, LexKind::kWord);
      l->upper_initial = upper;
      l->all_upper = all_upper && letters >= 2;
      l->info = LookupWord(l->low);
      i = j;
      continue;
    }
    LexKind k = LexKind::kPunct;
    switch (cls) {
      case text::CharClass::kHyphen: k = LexKind::kHyphen; break;
      case text::CharClass::kDash: k = LexKind::kDash; break;
      case text::CharClass::kQuote: k = LexKind::kQuote; break;
      case text::CharClass::kSymbol: k = LexKind::kSymbol; break;
      case text::CharClass::kDigit: k = LexKind::kWord; break;  // non-ASCII digits: not read as numbers
      default: break;
    }
    push(i, i + len, k);
    i += len;
  }
}

std::optional<double> ParseDigits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  // Plain digits (most numbers: years, days, counts) up to 15 of them: the value is an
  // integer a double holds exactly, the same strtod gives, without its cost.
  if (s.size() <= 15) {
    uint64_t v = 0;
    size_t k = 0;
    while (k < s.size() && IsDigit(s[k])) v = v * 10 + static_cast<uint64_t>(s[k++] - '0');
    if (k == s.size()) return static_cast<double>(v);
  }
  size_t commas = 0, dots = 0;
  for (char c : s) {
    if (c == ',') ++commas;
    else if (c == '.') ++dots;
  }
  char decimal = 0;
  if (commas && dots) {
    decimal = s.find_last_of(",.") == s.rfind('.') ? '.' : ',';
  } else if (dots == 1) {
    decimal = '.';
  } else if (commas == 1) {
    size_t p = s.find(',');
    size_t after = s.size() - p - 1;
    if (after != 3) decimal = ',';  // "1,3" "5,00": a decimal comma
  }
  char group = decimal == '.' ? ',' : decimal == ',' ? '.' : (commas ? ',' : '.');
  // Check the groups of the integer part: first 1-3 digits, then 3-digit groups, or
  // Indian style (2-digit groups then a final 3-digit group).
  size_t int_end = decimal ? s.rfind(decimal) : s.size();
  std::string_view ip = s.substr(0, int_end);
  if (ip.find(decimal ? (decimal == '.' ? '.' : ',') : '\0') != std::string_view::npos && decimal) return std::nullopt;
  std::vector<size_t> groups;
  size_t start = 0;
  for (size_t k = 0; k <= ip.size(); ++k) {
    if (k == ip.size() || ip[k] == group) {
      groups.push_back(k - start);
      start = k + 1;
    } else if (ip[k] == ',' || ip[k] == '.') {
      return std::nullopt;  // a second kind of separator inside the integer part
    }
  }
  if (groups.size() > 1) {
    if (groups[0] < 1 || groups[0] > 3 || groups.back() != 3) return std::nullopt;
    bool indian = false;
    for (size_t g = 1; g + 1 < groups.size(); ++g) {
      if (groups[g] == 2) indian = true;
      else if (groups[g] != 3 || indian) return std::nullopt;
    }
  }
  std::string clean;
  clean.reserve(s.size());
  int significant = 0;
  bool leading = true;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k];
    if (IsDigit(c)) {
      if (c != '0') leading = false;
      if (!leading) ++significant;
      clean.push_back(c);
    } else if (k == int_end) {
      clean.push_back('.');
      leading = leading && true;
    }
  }
  // Trailing zeros after the decimal point are not significant digits.
  if (decimal) {
    size_t k = clean.size();
    while (k > 0 && clean[k - 1] == '0') { --k; --significant; }
  }
  if (significant > 15) return std::nullopt;
  char* endp = nullptr;
  double v = std::strtod(clean.c_str(), &endp);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

namespace {

// Ordinal suffix glued to digits: "1st", "22nd", "3rd", "11th".
bool OrdinalSuffixFits(std::string_view digits, std::string_view suf) {
  if (digits.empty() || digits.find_first_of(",.") != std::string_view::npos) return false;
  int last = digits.back() - '0';
  int tens = digits.size() >= 2 ? digits[digits.size() - 2] - '0' : 0;
  if (tens == 1) return suf == "th";
  if (last == 1) return suf == "st";
  if (last == 2) return suf == "nd" || suf == "d";
  if (last == 3) return suf == "rd" || suf == "d";
  return suf == "th";
}

struct WordState {
  double total = 0, current = 0;
  int last_kind = 0;         // 0 none, 1 unit, 2 teen, 3 tens, 4 hundred, 5 big scale
  double last_big = 1e18;    // the last big scale used (thousand, million...)
};

}  // namespace

namespace {
std::optional<NumberMatch> ParseNumberCore(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end,
                                           const NumberOptions& opt);
}  // namespace

// Ratios read as fractions: "one in five", "two out of three", "1 over 3" (a share of a
// whole; "over" only when nothing follows, as in "the answer is 1 over 3").
std::optional<NumberMatch> ParseNumber(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end,
                                       const NumberOptions& opt) {
  std::optional<NumberMatch> m = ParseNumberCore(lx, i, end, opt);
  if (!m || !opt.ratios || !opt.allow_fraction || m->ordinal || m->fraction || m->from_fraction ||
      !m->has_value || m->value != std::floor(m->value) || m->end + 1 >= end)
    return m;
  uint32_t k = m->end, d = 0;
  int kind = 0;
  if (lx[k].is("over")) kind = 1, d = k + 1;
  else if (lx[k].is("out") && lx[k + 1].is("of") && k + 2 < end) kind = 2, d = k + 2;
  else if (lx[k].is("in")) kind = 3, d = k + 1;
  if (!kind) return m;
  NumberOptions o2;
  o2.allow_negative = o2.allow_ordinal = o2.allow_fraction = o2.ratios = false;
  auto den = ParseNumberCore(lx, d, end, o2);
  if (!den || !den->has_value || den->value <= 0 || den->value != std::floor(den->value)) return m;
  double num = std::fabs(m->value);
  if (kind != 1 && den->value <= num) return m;
  const Lexeme& dl = lx[den->begin];
  if (dl.kind == LexKind::kNumber && dl.low.size() == 4 && den->end == den->begin + 1) return m;  // "2 in 2019"
  uint32_t after = den->end;
  if (kind == 1 && after < end && lx[after].kind != LexKind::kPunct) return m;
  if (kind == 3 && after < end && lx[after].info && (lx[after].info->time_unit || lx[after].info->month))
    return m;  // "12 in 24 hours"
  m->value /= den->value;
  m->fraction = true;
  m->end = den->end;
  return m;
}

namespace {
std::optional<NumberMatch> ParseNumberCore(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end,
                                           const NumberOptions& opt) {
  if (i >= end) return std::nullopt;
  NumberMatch m;
  m.begin = i;
  uint32_t k = i;
  bool negative = false;
  // Signs: "-5" (a hyphen glued to the number, after a space) and "minus five".
  if (opt.allow_negative && k + 1 < end && (lx[k].kind == LexKind::kHyphen || lx[k].kind == LexKind::kDash) &&
      (lx[k].space_before || (k > 0 && lx[k - 1].kind == LexKind::kSymbol)) && lx[k + 1].glued() &&
      lx[k + 1].kind == LexKind::kNumber) {  // "-5", "<-30"

    negative = true;
    ++k;
  } else if (opt.allow_negative && k + 1 < end && (lx[k].is("minus") || lx[k].is("negative"))) {
    negative = true;
    ++k;
  }

  const Lexeme& first = lx[k];
  if (first.kind == LexKind::kFraction) {
    m.value = first.vulgar;
    m.fraction = true;
    m.end = k + 1;
    m.negative = negative;
    if (negative) m.value = -m.value;
    return m;
  }
  if (first.kind == LexKind::kNumber) {
    std::optional<double> v = ParseDigits(first.low);
    if (!v && first.low.find('.') != std::string_view::npos) {
      // "192.168.1.2": not a number we can read.
      return std::nullopt;
    }
    m.has_value = v.has_value();
    m.value = v.value_or(0);
    k++;
    // Digits grouped by spaces: "1 234 567", "40 000", "1 234 567.89" (a first group of
    // 1-3 digits, then groups of exactly 3 separated by one space, thin or no-break).
    if (m.has_value && first.low.size() <= 3 && first.low.find_first_of(",.") == std::string_view::npos) {
      std::string joined(first.low);
      uint32_t g = k;
      while (g < end && lx[g].kind == LexKind::kNumber && lx[g].space_before && !lx[g].newline_before &&
             lx[g].start - lx[g - 1].end <= 3 && lx[g].low.size() >= 3 &&
             lx[g].low.find(',') == std::string_view::npos &&
             (lx[g].low.size() == 3 || (lx[g].low[3] == '.' && lx[g].low.find('.', 4) == std::string_view::npos))) {
        joined.append(lx[g].low);
        ++g;
        if (joined.back() != '.' && joined.find('.') != std::string::npos) break;  // decimals end it
      }
      if (g > k) {
        std::optional<double> jv = ParseDigits(joined);
        if (jv) {
          m.value = *jv;
          k = g;
        } else if (joined.size() > 15) {
          m.has_value = false;
          k = g;
        }
      }
    }
    // Ordinal suffix.
    if (opt.allow_ordinal && k < end && lx[k].glued() && lx[k].kind == LexKind::kWord &&
        OrdinalSuffixFits(first.low, lx[k].low)) {
      m.ordinal = true;
      m.end = k + 1;
      m.negative = negative;
      return m;
    }
    // "1.3x10^6", "6.23x10^-4"
    if (k + 3 < end && lx[k].is("x") && lx[k].glued() && lx[k + 1].is("10") && lx[k + 1].glued() &&
        lx[k + 2].is("^") && lx[k + 2].glued()) {
      uint32_t e = k + 3;
      bool eneg = false;
      while (e < end && (lx[e].is("-") || lx[e].is("+")) && lx[e].glued()) {
        if (lx[e].is("-")) eneg = !eneg;
        ++e;
      }
      if (e < end && lx[e].kind == LexKind::kNumber && lx[e].glued()) {
        std::optional<double> p = ParseDigits(lx[e].low);
        double r = p ? m.value * std::pow(10.0, eneg ? -*p : *p) : HUGE_VAL;
        m.has_value = m.has_value && p && std::isfinite(r);
        m.value = m.has_value ? r : 0;
        m.end = e + 1;
        if (negative && m.has_value) m.value = -m.value;
        m.negative = negative;
        return m;
      }
    }
    // Scientific and power forms: "1e10", "1.1^23", "10^400".
    if (k + 1 < end && lx[k].glued() && lx[k].is("^") && lx[k + 1].glued()) {
      uint32_t e = k + 1;
      bool eneg = false;
      while (e < end && (lx[e].is("-") || lx[e].is("+")) && lx[e].glued()) {
        if (lx[e].is("-")) eneg = !eneg;
        ++e;
      }
      if (e < end && lx[e].kind == LexKind::kNumber && lx[e].glued()) {
        std::optional<double> p = ParseDigits(lx[e].low);
        double r = p ? std::pow(m.value, eneg ? -*p : *p) : HUGE_VAL;
        m.has_value = m.has_value && p && std::isfinite(r);
        m.value = m.has_value ? r : 0;
        m.end = e + 1;
        if (negative && m.has_value) m.value = -m.value;
        m.negative = negative;
        return m;
      }
    }
    if (k + 1 < end && lx[k].glued() && lx[k].is("e") && lx[k + 1].glued()) {
      uint32_t e = k + 1;
      bool eneg = false;
      if ((lx[e].is("-") || lx[e].is("+")) && e + 1 < end) {
        eneg = lx[e].is("-");
        ++e;
      }
      if (lx[e].kind == LexKind::kNumber && lx[e].glued() && lx[e].low.find_first_of(",.") == std::string_view::npos) {
        std::optional<double> p = ParseDigits(lx[e].low);
        double r = p ? m.value * std::pow(10.0, eneg ? -*p : *p) : HUGE_VAL;
        m.has_value = m.has_value && p && std::isfinite(r);
        m.value = m.has_value ? r : 0;
        m.end = e + 1;
        if (negative && m.has_value) m.value = -m.value;
        m.negative = negative;
        return m;
      }
    }
    // Fractions: "3/4", "2 1/4".
    if (opt.allow_fraction) {
      auto frac_at = [&](uint32_t a, double* out) -> bool {
        if (a + 2 >= end) return false;
        const Lexeme& n = lx[a];
        if (n.kind != LexKind::kNumber || !lx[a + 1].is("/") || lx[a + 2].kind != LexKind::kNumber) return false;
        if (!lx[a + 1].glued() && !(lx[a + 1].space_before && lx[a + 2].space_before)) return false;
        if (a + 3 < end && lx[a + 3].is("/") ) return false;  // a date 5/17/2018
        std::optional<double> num = ParseDigits(n.low), den = ParseDigits(lx[a + 2].low);
        if (!num || !den || *den == 0) return false;
        int d = static_cast<int>(*den);
        if (*den != d) return false;
        static const int ok[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100};
        bool good = false;
        for (int o : ok) good = good || o == d;
        if (!good || *num >= *den) return false;
        *out = *num / *den;
        return true;
      };
      double f = 0;
      if (frac_at(k - 1, &f)) {
        m.value = f;
        m.fraction = true;
        m.end = k + 2;
        m.negative = negative;
        if (negative) m.value = -m.value;
        return m;
      }
      if (m.has_value && k < end && lx[k].space_before && first.low.find_first_of(",.") == std::string_view::npos &&
          frac_at(k, &f)) {
        m.value += f;
        m.end = k + 3;
        m.negative = negative;
        if (negative) m.value = -m.value;
        return m;
      }
    }
    // Scales: "1.2 million", "10k", "$38m" is the caller's business (currency context).
    double mult = 1;
    while (k < end && lx[k].kind == LexKind::kWord) {
      const Lexeme& w = lx[k];
      double s = 0;
      if (w.end - w.start == 1) {
        // One-letter scales only glued to the digits: 10k, 10K, 10M, 1.2B, 10G; a
        // lower-case m, b or g is a metre, a bit or a gram.
        // A space before them only at the end of a phrase ("2.33 k", "1,674.5 G").
        bool spaced_ok = !w.glued() && !w.newline_before && w.start - lx[k - 1].end == 1 &&
                         (k + 1 >= end || lx[k + 1].kind == LexKind::kPunct) && (w.upper_initial || w.low == "k") &&
                         first.low.find_first_of(",.") != std::string_view::npos;  // not "Article 5 B.
        if ((w.glued() || spaced_ok) && mult == 1) {
          if (w.low == "k") s = 1e3;
          else if (w.upper_initial && w.low == "m") s = 1e6;
          else if (w.upper_initial && (w.low == "b" || w.low == "g")) s = 1e9;
          else if (w.low == "b" && w.glued() && first.low.find('.') != std::string_view::npos) s = 1e9;  // "1.2b"
          else if (w.upper_initial && w.low == "t") s = 1e12;
        }
      } else if (w.info && w.info->scale > 0) {
        s = w.info->scale;
        if (w.low == "mm" && !w.glued() && !w.all_upper) s = 0;
      }
      if (s == 0) break;
      if (mult == 1 || s >= 1e3) {
        mult *= s;
        m.multiplied = true;
        ++k;
      } else {
        break;
      }
    }
    m.value *= mult;
    if (!std::isfinite(m.value)) m.has_value = false;
    m.end = k;
    if (m.multiplied && m.has_value && mult >= 100 && k < end && !opt.inner) {
      NumberOptions o2;
      o2.allow_negative = o2.allow_ordinal = o2.ratios = false;
      o2.allow_fraction = opt.allow_fraction;
      // "4 thousand 3 hundred and 21": a smaller scaled part follows (recursion bounded
      // by the decreasing scales).
      if (lx[k].kind == LexKind::kNumber && lx[k].space_before && k + 1 < end &&
          lx[k].low.find_first_of(",.") == std::string_view::npos && lx[k + 1].kind == LexKind::kWord &&
          lx[k + 1].info && lx[k + 1].info->scale >= 100 && lx[k + 1].info->scale < mult) {
        auto sub = ParseNumber(lx, k, end, o2);
        if (sub && sub->multiplied && sub->has_value && !sub->fraction && sub->value < mult) {
          m.value += sub->value;
          m.end = k = sub->end;
        }
      } else if (lx[k].is("and") && k + 1 < end) {
        // "3 hundred and 21", "3 hundred and one", "6 crore and two hundred",
        // "3 million and a half" (a half million), but not "3 hundred and 2 hundred".
        o2.inner = true;
        auto sub = ParseNumber(lx, k + 1, end, o2);
        if (sub && sub->has_value && sub->from_fraction) {
          m.value += sub->multiplied ? sub->value : sub->value * mult;
          m.end = sub->end;
        } else if (sub && sub->has_value && !sub->fraction && sub->value >= 1 && sub->value < mult &&
                   sub->value == std::floor(sub->value)) {
          m.value += sub->value;
          m.end = sub->end;
        }
      }
    }
    m.negative = negative;
    if (negative) m.value = -m.value;
    return m;
  }

  // Spelled-out numbers.
  WordState st;
  uint32_t last_good = k;
  double last_good_value = 0;
  bool any = false;
  bool ordinal = false, fraction = false, multiplied = false, from_fraction = false, plural = false;
  double frac_scale = 1;
  uint32_t j = k;
  bool pending_a = false;      // "a" / "an" before hundred, thousand, dozen, million
  double before_tens = 0;      // the value before the last tens word ("one hundred | thirty fifths")
  bool big_scale_last = false; // the last word read was thousand, million...
  bool after_and = false;      // the last word read was an inner "and"
  // An ordinal that can serve as a denominator after a count: "one | twenty-fifth",
  // "three | twenty-firsts", "one | one hundred fifth". A singular one must end the
  // phrase ("a twenty-first century" is an ordinal, not 1/21).
  auto denominator_at = [&](uint32_t at) -> std::optional<NumberMatch> {
    if (!opt.allow_fraction) return std::nullopt;
    NumberOptions o2;
    o2.allow_fraction = false;
    o2.allow_negative = false;
    o2.plural_ordinal = true;
    auto r = ParseNumber(lx, at, end, o2);
    if (!r || !r->ordinal || !r->words || !r->has_value || r->value <= 1) return std::nullopt;
    if (!r->plural && !(r->end >= end || lx[r->end].is("of") || lx[r->end].kind == LexKind::kPunct))
      return std::nullopt;
    return r;
  };
  while (j < end) {
    const Lexeme& w = lx[j];
    if (w.kind == LexKind::kHyphen && any && j + 1 < end && lx[j + 1].kind == LexKind::kWord) {
      ++j;  // "twenty-one", "two-thirds"
      continue;
    }
    if (w.kind != LexKind::kWord && w.kind != LexKind::kNumber) break;
    if (!any && (w.is("a") || w.is("an")) && !pending_a) {
      pending_a = true;
      ++j;
      continue;
    }
    if (w.is("and") && any && j + 1 < end) {
      // "and" + a fraction: "one hundred and three quarters", "two and a half",
      // "twenty and three fifths", "one million and a half" (of the million),
      // "five and a half million" (all of it in millions), "one billion and a half million".
      if (opt.allow_fraction && !opt.inner) {
        NumberOptions o2 = opt;
        o2.allow_negative = false;
        o2.allow_ordinal = false;
        o2.inner = true;
        auto f = ParseNumber(lx, j + 1, end, o2);
        // Only a proper fraction is added ("one hundred and thirty fifths" is 130/5).
        if (f && f->from_fraction && f->words && f->has_value && (f->multiplied || f->value < 1)) {
          double head = st.total + st.current;
          bool head_scaled = st.last_big < 1e18;
          double v;
          if (f->multiplied && !head_scaled) v = (head + f->value / f->scale) * f->scale;
          else if (f->multiplied) v = head + f->value;
          else if (big_scale_last) v = head + f->value * st.last_big;
          else v = head + f->value;
          multiplied = multiplied || f->multiplied || big_scale_last;
          last_good = f->end;
          last_good_value = v;
          fraction = false;
          break;
        }
      }
      const Lexeme& nx = lx[j + 1];
      if (st.last_kind >= 4 && nx.kind == LexKind::kWord && nx.info && nx.info->card >= 1) {
        ++j;  // "one hundred and six"
        after_and = true;
        continue;
      }
      break;
    }
    const WordInfo* in = w.info;
    if (!in) break;
    if (in->card >= 0 && w.kind == LexKind::kWord) {
      int ck = in->card_kind;
      bool ok = !pending_a &&
                (st.last_kind == 0 || st.last_kind >= 4 || (st.last_kind == 3 && ck == 1 && in->card > 0));
      if (!ok) {
        // "a twenty-first", "one twenty-fifth", "three twenty-firsts", "one one hundred fifth".
        if ((any || pending_a) && !ordinal) {
          if (auto d = denominator_at(j)) {
            last_good_value = (any ? st.total + st.current : 1) / d->value;
            last_good = d->end;
            fraction = from_fraction = true;
            any = true;
          }
        }
        break;
      }
      // "one hundred thirty fifths" is 100/35, "one hundred and thirty fifths" 130/5.
      if (ck == 3) before_tens = after_and ? 0 : st.total + st.current;
      after_and = false;
      st.current += in->card;
      st.last_kind = ck;
      any = true;
      big_scale_last = false;
      ++j;
      last_good = j;
      last_good_value = st.total + st.current;
      continue;
    }
    if (in->scale > 0 && w.kind == LexKind::kWord && w.low.size() > 2) {
      double s = in->scale;
      // A bare "hundred" opens a number only before a larger scale ("hundred thousand").
      bool bare_hundred = !any && !pending_a && s == 100 && j + 1 < end && lx[j + 1].kind == LexKind::kWord &&
                          lx[j + 1].info && lx[j + 1].info->scale >= 1e3 && lx[j + 1].low.back() != 's';
      if (!any && !pending_a && !bare_hundred) break;
      double base = (any ? st.current : 1);
      if (s == 100) {
        if (st.last_kind == 4) break;
        st.current = (base == 0 ? 1 : base) * 100;
        st.last_kind = 4;
        big_scale_last = false;
      } else {
        if (s >= st.last_big && st.last_big < 1e18) break;
        double seg = base == 0 ? 1 : base;
        if (s == 12) {
          // "a dozen", "three dozen(s)"; "half a dozen" is read by the fraction path
          st.current = seg * 12;
          st.last_kind = 5;
          big_scale_last = false;
        } else {
          st.total += seg * s;
          st.current = 0;
          st.last_kind = 5;
          st.last_big = s;
          big_scale_last = true;
        }
      }
      multiplied = true;
      any = true;
      pending_a = false;
      ++j;
      last_good = j;
      last_good_value = st.total + st.current;
      continue;
    }
    bool ord_word = (in->ord >= 0 || in->ord_scale > 0);
    if (opt.allow_fraction &&
        (in->denom || in->denom_plural || ((in->ord >= 3 || in->ord_scale > 0) && (any || pending_a)))) {
      // Fractions: "two-thirds", "three quarters", "a half", "one third", "half", "a fifth",
      // "a hundredth", "one hundred thirty fifths" (100/35).
      double d = in->denom ? in->denom : (in->ord > 0 ? in->ord : in->ord_scale);
      double num = any ? st.total + st.current : 1;
      bool frac_ok = d > 0;
      if (in->denom_plural && in->ord >= 1 && in->ord <= 9 && st.last_kind == 3 && before_tens > 0) {
        d = (num - before_tens) + in->ord;  // a compound denominator: thirty + fifths
        num = before_tens;
      }
      if (in->denom_plural && !any && !pending_a && !in->denom) frac_ok = false;
      // "two third", "twenty fifth", "one hundred twenty first": ordinals, not fractions.
      if (!in->denom_plural && !in->denom && any && num != 1) frac_ok = false;
      if (!any && !pending_a && !in->denom) frac_ok = false;
      if (!any && !pending_a && in->denom == 4 &&
          !(j + 1 < end && (lx[j + 1].is("of") || (lx[j + 1].info && lx[j + 1].info->scale >= 1e3))))
        frac_ok = false;
      if (!any && pending_a && !in->denom &&
          !(j + 1 >= end || lx[j + 1].is("of") || lx[j + 1].kind == LexKind::kPunct))
        frac_ok = false;  // "a third term" is an ordinal
      if (frac_ok) {
        st.current = num / d;
        st.total = 0;
        fraction = from_fraction = true;
        any = true;
        pending_a = false;
        ++j;
        last_good = j;
        last_good_value = st.current;
        // "half a million", "half a dozen", "two thirds of a million", "quarter million"
        uint32_t q = j;
        if (q < end && lx[q].is("of") && q + 2 < end && lx[q + 1].is("a")) ++q;
        if (q < end && (lx[q].is("a") || lx[q].is("an"))) ++q;
        if (q < end && lx[q].info && lx[q].info->scale >= 12 && lx[q].kind == LexKind::kWord &&
            lx[q].low.size() > 2 && lx[q].info->scale != 100) {
          frac_scale = lx[q].info->scale;
          last_good_value = st.current * frac_scale;
          fraction = false;
          multiplied = true;
          last_good = q + 1;
        }
        break;
      }
      if (!ord_word || in->denom_plural) break;
    }
    if (opt.allow_ordinal && ord_word && (!in->denom_plural || opt.plural_ordinal)) {
      if (pending_a && !any) break;
      if (in->ord >= 0) {
        bool ok = st.last_kind == 0 || st.last_kind >= 4 || (st.last_kind == 3 && in->ord < 10 && in->ord > 0);
        if (!ok) break;
        st.current += in->ord;
      } else {
        st.current = (st.current == 0 ? 1 : st.current) * in->ord_scale;
      }
      ordinal = true;
      plural = in->denom_plural;
      any = true;
      ++j;
      last_good = j;
      last_good_value = st.total + st.current;
      break;
    }
    break;
  }
  if (!any || last_good == k) return std::nullopt;
  // Decimals read digit by digit: "five point two five", "nought point eleven",
  // "two hundred point seventy-one", "one point five million".
  if (!ordinal && !fraction && !from_fraction && last_good + 1 < end && lx[last_good].is("point") &&
      last_good_value == std::floor(last_good_value)) {
    uint32_t p = last_good + 1;
    std::string digits;
    while (p < end && lx[p].kind == LexKind::kWord && lx[p].info && lx[p].info->card_kind == 1) {
      digits.push_back(static_cast<char>('0' + lx[p].info->card));
      ++p;
    }
    if (digits.empty() && lx[p].kind == LexKind::kWord && lx[p].info && lx[p].info->card >= 10) {
      NumberOptions o2;
      o2.allow_fraction = o2.allow_ordinal = o2.allow_negative = false;
      auto d = ParseNumber(lx, p, end, o2);
      if (d && d->value < 100 && !d->multiplied) {
        digits = FormatNumber(d->value);
        p = d->end;
      }
    }
    if (!digits.empty()) {
      last_good_value += std::strtod(("0." + digits).c_str(), nullptr);
      last_good = p;
      if (p < end && lx[p].kind == LexKind::kWord && lx[p].info && lx[p].info->scale >= 1e3 && lx[p].low.size() > 2) {
        last_good_value *= lx[p].info->scale;
        multiplied = true;
        last_good = p + 1;
      }
    }
  }
  m.end = last_good;
  m.value = last_good_value;
  m.words = true;
  m.ordinal = ordinal;
  m.plural = plural;
  m.fraction = fraction;
  m.from_fraction = from_fraction;
  m.scale = frac_scale;
  m.multiplied = multiplied;
  m.negative = negative;
  if (negative) m.value = -m.value;
  if (!std::isfinite(m.value)) m.has_value = false;
  return m;
}
}  // namespace

bool OneIsPronoun(const std::vector<Lexeme>& lx, uint32_t i, uint32_t begin, uint32_t end) {
  if (i >= end || !lx[i].is("one")) return false;
  if (i > begin) {
    std::string_view p = lx[i - 1].low;
    if (p == "the" || p == "this" || p == "that" || p == "which" || p == "each" || p == "every" || p == "any" ||
        p == "no" || p == "another" || p == "last" || p == "next" || p == "previous" || p == "current")
      return true;
  }
  return i + 1 < end && (lx[i + 1].is("another") || lx[i + 1].is("you"));
}

std::optional<RelativeOrdinal> ParseRelativeOrdinal(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end) {
  if (i >= end || lx[i].kind != LexKind::kWord) return std::nullopt;
  auto is = [&](uint32_t k, std::string_view w) { return k < end && lx[k].is(w); };
  RelativeOrdinal r;
  r.begin = i;
  if (is(i, "the")) {
    // "the last but one", "the second to last", "the one before the last (one)"
    if (is(i + 1, "last") && is(i + 2, "but") && is(i + 3, "one")) {
      r.end = i + 4, r.from_end = true, r.offset = -1;
      return r;
    }
    if (is(i + 1, "one") && is(i + 2, "before") && is(i + 3, "the") && is(i + 4, "last")) {
      r.end = is(i + 5, "one") ? i + 6 : i + 5, r.from_end = true, r.offset = -1;
      return r;
    }
    if (i + 3 < end && lx[i + 1].info && lx[i + 1].info->ord >= 2 && !lx[i + 1].info->denom_plural &&
        is(i + 2, "to") && is(i + 3, "last")) {
      r.end = i + 4, r.from_end = true, r.offset = 1 - lx[i + 1].info->ord;
      return r;
    }
    return std::nullopt;
  }
  if (is(i, "next") && is(i + 1, "to") && is(i + 2, "last")) {
    r.end = i + 3, r.from_end = true, r.offset = -1;
    return r;
  }
  if (is(i, "last") && is(i + 1, "but") && is(i + 2, "one")) {
    r.end = i + 3, r.from_end = true, r.offset = -1;
    return r;
  }
  if (is(i, "penultimate") || is(i, "antepenultimate")) {
    r.end = i + 1, r.from_end = true, r.offset = is(i, "penultimate") ? -1 : -2;
    return r;
  }
  if (is(i, "last")) {
    r.end = i + 1, r.from_end = true, r.offset = 0;
    return r;
  }
  if (is(i, "next") || is(i, "previous") || is(i, "current")) {
    r.end = is(i + 1, "one") ? i + 2 : i + 1;
    r.offset = is(i, "next") ? 1 : is(i, "previous") ? -1 : 0;
    return r;
  }
  return std::nullopt;
}

namespace {
// The lexings of the last few documents: the pipeline runs each stage over a batch of
// documents (extract's serial batch is 16) before the next stage, so the time and
// quantity recognizers see a document 16 calls apart.
struct LexCache {
  static constexpr size_t kEntries = 32;
  struct Entry {
    std::string text;  // the text lexed, to recognise it on a later call
    LexedDocument lexed;
    bool valid = false;
  };
  Entry entries[kEntries];
  size_t next = 0;  // the entry to replace next (oldest first)
};
LexCache& ThreadLexCache() {
  thread_local LexCache cache;
  return cache;
}
}  // namespace

const LexedDocument& LexDocument(const Document& doc) {
  LexCache& c = ThreadLexCache();
  std::vector<Span> ranges = WorkRanges(doc);
  for (LexCache::Entry& e : c.entries) {
    bool same = e.valid && e.text.size() == doc.text.size() && e.lexed.ranges.size() == ranges.size() &&
                std::equal(ranges.begin(), ranges.end(), e.lexed.ranges.begin(),
                           [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }) &&
                std::memcmp(e.text.data(), doc.text.data(), doc.text.size()) == 0;
    if (same) return e.lexed;
  }
  LexCache::Entry& e = c.entries[c.next];
  c.next = (c.next + 1) % LexCache::kEntries;
  e.text = doc.text;
  LexedDocument& l = e.lexed;
  l.lower = LowerAscii(e.text);
  l.ranges = std::move(ranges);
  l.lexemes.clear();
  l.lexemes.reserve(e.text.size() / 4 + 16);
  l.first.assign(1, 0);
  for (Span r : l.ranges) {
    Lex(e.text, l.lower, r, &l.lexemes);
    l.first.push_back(static_cast<uint32_t>(l.lexemes.size()));
  }
  // A lexeme never starts a range glued to the previous one.
  for (size_t r = 0; r + 1 < l.first.size(); ++r)
    if (l.first[r] < l.lexemes.size()) l.lexemes[l.first[r]].space_before = true;
  e.valid = true;
  return l;
}

void ForgetLexedDocument() {
  for (LexCache::Entry& e : ThreadLexCache().entries) {
    e.valid = false;
    e.text.clear();
  }
}

std::vector<Span> WorkRanges(const Document& doc) {
  std::vector<Span> out;
  if (!doc.sentences.empty()) {
    out.reserve(doc.sentences.size());
    for (const Sentence& s : doc.sentences) out.push_back(s.span);
    return out;
  }
  uint32_t n = static_cast<uint32_t>(doc.text.size()), i = 0;
  while (i < n) {
    uint32_t e = i;
    while (e < n && doc.text[e] != '\n') ++e;
    if (e > i) out.push_back({i, e});
    i = e + 1;
  }
  return out;
}

namespace {
const Token* TokenAt(const Document& doc, uint32_t start) {
  const auto& t = doc.tokens;
  auto it = std::lower_bound(t.begin(), t.end(), start,
                             [](const Token& tok, uint32_t s) { return tok.span.start < s; });
  if (it == t.end() || it->span.start != start) return nullptr;
  return &*it;
}
}  // namespace

std::string_view UposAt(const Document& doc, uint32_t start) {
  const Token* t = TokenAt(doc, start);
  return t ? std::string_view(t->upos) : std::string_view();
}

std::string_view XposAt(const Document& doc, uint32_t start) {
  const Token* t = TokenAt(doc, start);
  return t ? std::string_view(t->xpos) : std::string_view();
}

std::string FormatNumber(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace newsledger::recognize

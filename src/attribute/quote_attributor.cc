// quote_attributor.cc: direct and indirect quotes, their speakers, cues and sources.
//
// Works in four passes over one Document, all token-based (see the header):
//  1. pair quotation marks per paragraph into outer direct quotes (nested single
//     quotes stay inside; an unclosed quote continues when the next paragraph opens
//     with a quotation mark);
//  2. collect name mentions (from the entity recognizer when it ran, else from
//     capitalised runs) used to resolve pronouns, short names and "the agency";
//  3. build one frame per reporting word outside quotes: its source phrase (left of
//     the cue, after it when inverted, or elided and inherited), its content clause,
//     and "according to" phrases; then resolve every frame's speaker in text order;
//  4. attach each direct quote to a frame (after it, before it, the frame whose
//     content holds it, the nearest frame in its sentence, or its paragraph's last
//     speaker) and emit the quotes ordered by start.
#include "attribute/quote_attributor.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "text/dateline.h"
#include "text/utf8.h"

namespace newsledger {
namespace {

constexpr uint32_t kNo = UINT32_MAX;

enum class Mark : uint8_t { kNone, kDOpen, kDClose, kDAmbig, kSOpen, kSClose, kSAmbig };

Mark ClassifyMark(std::string_view t) {
  if (t == "\"") return Mark::kDAmbig;
  if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x9E" || t == "\xC2\xAB") return Mark::kDOpen;   // “ „ «
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::kDClose;                         // ” »
  if (t == "\xE2\x80\x98" || t == "\xE2\x80\xB9") return Mark::kSOpen;                      // ‘ ‹
  if (t == "\xE2\x80\x99" || t == "\xE2\x80\xBA") return Mark::kSClose;                     // ’ ›
  if (t == "'") return Mark::kSAmbig;
  return Mark::kNone;
}

uint32_t FirstCp(std::string_view w) {
  if (w.empty()) return 0;
  int len = 0;
  return text::DecodeAt(w, 0, &len);
}

bool UpperStart(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return text::IsUpper(FirstCp(w));
}

bool LowerStart(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return text::IsLower(FirstCp(w));
}

bool AlphaStart(std::string_view w) { return UpperStart(w) || LowerStart(w); }

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// A lower-cased ASCII copy of a short word, in a caller-owned buffer; non-ASCII bytes
// are kept. Words longer than the buffer come back truncated, which never matches a
// lexicon entry (all are short).
struct Lower {
  std::array<char, 24> buf;
  size_t n = 0;
  explicit Lower(std::string_view w) {
    n = std::min(w.size(), buf.size());
    for (size_t i = 0; i < n; ++i) {
      char c = w[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (w.size() > buf.size()) n = 0;  // too long for any lexicon
  }
  std::string_view view() const { return std::string_view(buf.data(), n); }
};

bool IsPossessive(std::string_view t) { return t == "'s" || t == "\xE2\x80\x99s" || t == "’" || t == "'"; }

bool IsPronoun(std::string_view lw) {
  return lw == "he" || lw == "she" || lw == "they" || lw == "it" || lw == "we" || lw == "i";
}

bool IsPersonPronoun(std::string_view lw) { return lw == "he" || lw == "she"; }

// Lexicon classes of a token, looked up once per token (QuoteScan::flags_).
enum LexFlag : uint32_t {
  kTitle = 1u << 0, kOrgWord = 1u << 1, kStopInitial = 1u << 2, kCommonNoun = 1u << 3, kDocNoun = 1u << 4,
  kMedia = 1u << 5, kPrep = 1u << 6, kBoundary = 1u << 7, kAdverbWord = 1u << 8, kTime = 1u << 9,
  kThatOnly = 1u << 10, kOrgNoun = 1u << 11,
  kCueShift = 12,  // bits 12..14: CueKind
};

struct Resolved {
  std::string text, id;
  Span span;
  bool person = false;  // a named person (for pronoun resolution)
  bool named = false;   // a name rather than a descriptive phrase
};

struct DirectQuote {
  uint32_t open = kNo, close = kNo;  // mark tokens; close == kNo when unterminated
  uint32_t last_tok = kNo;           // last token inside (close - 1, or paragraph end)
  Span span;
  int frame = -1;
  Resolved speaker;
  std::string cue, reported_by;
  Span cue_span;
  bool keep = true;
};

struct Frame {
  uint32_t cue = kNo, cue_last = kNo;
  uint32_t sent = 0;
  QuoteAttributor::CueKind kind = QuoteAttributor::CueKind::kSpeech;
  uint32_t sb = kNo, se = kNo;  // source phrase tokens [sb, se], when written
  bool inherit = false;         // source elided ("..., adding", "and said")
  bool inverted = false;        // "said X"
  bool subordinate = false;     // "While X argues ..., ...": content ends at a comma
  bool according = false, account = false;
  uint32_t content_b = kNo, content_e = kNo;  // content tokens [b, e]
  std::string reported_by;
  Resolved speaker;
  bool drop = false;
  bool has_content() const { return content_b != kNo; }
};

struct Mention {
  uint32_t first, last, sent;
  bool subject = false;
  bool person = false;
  bool org = false;
  std::string canonical, id;
};

}  // namespace

// Per-document scratch; the attributor itself stays const.
class QuoteScan {
 public:
  QuoteScan(const QuoteAttributor& qa, Document& doc) : qa_(qa), doc_(doc) {}
  void Run();

 private:
  using CueKind = QuoteAttributor::CueKind;

  std::string_view T(uint32_t i) const { return doc_.view(doc_.tokens[i].span); }
  Lower L(uint32_t i) const { return Lower(T(i)); }
  bool Is(uint32_t i, std::string_view lw) const { return L(i).view() == lw; }
  bool IsPunct(uint32_t i) const {
    TokenKind k = doc_.tokens[i].kind;
    return k == TokenKind::kPunct || k == TokenKind::kQuote;
  }
  bool IsQuoteMark(uint32_t i) const { return ClassifyMark(T(i)) != Mark::kNone && !IsApostropheTok(i); }
  bool IsApostropheTok(uint32_t i) const { return is_apostrophe_[i]; }
  bool IsWord(uint32_t i) const {
    TokenKind k = doc_.tokens[i].kind;
    return (k == TokenKind::kWord || k == TokenKind::kAbbreviation) && AlphaStart(T(i));
  }
  bool IsCap(uint32_t i) const { return IsWord(i) && UpperStart(T(i)); }
  bool Has(uint32_t i, uint32_t flag) const { return (flags_[i] & flag) != 0; }
  bool IsTitle(uint32_t i) const { return Has(i, kTitle); }
  bool InQuote(uint32_t i) const { return tok_quote_[i] >= 0; }
  uint32_t SentBegin(uint32_t s) const { return sents_[s].token_begin; }
  uint32_t SentEnd(uint32_t s) const { return sents_[s].token_end; }
  Span Bytes(uint32_t a, uint32_t b) const { return {doc_.tokens[a].span.start, doc_.tokens[b].span.end}; }
  std::string Text(uint32_t a, uint32_t b) const { return std::string(doc_.view(Bytes(a, b))); }
  bool IsTimeWord(uint32_t i) const { return Has(i, kTime); }
  bool IsAdverb(uint32_t i) const {
    Lower l = L(i);
    std::string_view w = l.view();
    if (Has(i, kAdverbWord)) return true;
    if (w.size() <= 4 || !EndsWith(w, "ly") || !LowerStart(T(i))) return false;
    // Quantity and manner words that open a content or a noun phrase.
    static constexpr std::string_view kNot[] = {"only", "family", "supply", "rally", "ally", "nearly",
                                                 "roughly", "early", "likely", "merely", "barely", "fully",
                                                 "partly", "mostly", "largely", "approximately", "daily", "weekly",
                                                 "monthly", "yearly", "quarterly", "hardly", "scarcely", "elderly",
                                                 "holy", "assembly", "july", "italy", "anomaly", "monopoly"};
    for (std::string_view n : kNot)
      if (w == n) return false;
    return true;
  }
  bool IsIngWord(uint32_t i) const {
    if (!IsWord(i) || !LowerStart(T(i))) return false;
    Lower l = L(i);
    std::string_view w = l.view();
    if (w.size() < 6 || !EndsWith(w, "ing")) return false;
    static constexpr std::string_view kNot[] = {"during", "including", "according", "nothing", "something",
                                                 "anything", "everything", "morning", "evening", "building",
                                                 "thing", "spring", "string", "ceiling", "funding", "wedding"};
    for (std::string_view n : kNot)
      if (w == n) return false;
    return true;
  }
  CueKind CueOf(uint32_t i) const { return static_cast<CueKind>((flags_[i] >> kCueShift) & 7u); }
  // A verb that carries tense (VBD, VBZ, VBP, MD in Penn tags): what a clause needs.
  bool IsFiniteVerb(uint32_t i) const {
    const std::string& x = doc_.tokens[i].xpos;
    return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
  }
  // Whether a finite verb stands in [from, last] (and before `se`), stopping at
  // punctuation when `stop_at_punct`: a clause follows.
  bool FiniteVerbAhead(uint32_t from, uint32_t last, uint32_t se, bool stop_at_punct) const {
    for (uint32_t k = from; k < se && k <= last; ++k) {
      if (stop_at_punct && IsPunct(k)) return false;
      if (IsFiniteVerb(k)) return true;
    }
    return false;
  }
  bool IsDeterminer(uint32_t i) const {
    Lower l = L(i);
    std::string_view w = l.view();
    return w == "the" || w == "a" || w == "an" || w == "this" || w == "its" || w == "his" || w == "her" ||
           w == "their" || w == "our";
  }

  // Passes.
  void PairQuotes();
  void AddQuote(uint32_t open, uint32_t close, uint32_t last_tok, uint32_t end_byte);
  void BuildMentions();
  void FindFrames(uint32_t s);
  void ResolveFrames();
  void AttachDirectQuotes();
  void Emit();

  // Frame parts.
  bool LeftSource(uint32_t cue, uint32_t sb, Frame* f);
  bool NounPhraseLeft(uint32_t from, uint32_t sb, uint32_t* a, uint32_t* b);
  bool RightNounPhrase(uint32_t i, uint32_t se, uint32_t* a, uint32_t* b) const;
  void RightContent(Frame* f, uint32_t se);
  uint32_t ContentEnd(uint32_t start, uint32_t se, bool stop_at_comma, bool noun_phrase) const;
  uint32_t Trim(uint32_t b, uint32_t e) const;
  uint32_t ClauseStart(uint32_t s) const;
  void AccordingFrame(uint32_t c, uint32_t s);

  // Speakers.
  Resolved ResolvePhrase(uint32_t a, uint32_t b, uint32_t sent);
  Resolved ResolvePronoun(uint32_t tok, uint32_t sent);
  Resolved ResolveName(uint32_t a, uint32_t b);
  Resolved FromEntity(const Entity& e, Span span) const;
  const Entity* EntityCovering(uint32_t tok) const;
  uint32_t NameRunLeft(uint32_t head, uint32_t lo) const;
  uint32_t NameRunLeftRaw(uint32_t head, uint32_t lo) const;
  Resolved SentenceSubject(uint32_t s, uint32_t before);
  std::string SourceName(uint32_t a, uint32_t b) const;

  const QuoteAttributor& qa_;
  Document& doc_;
  std::vector<Sentence> sents_;  // the segmenter's sentences, split errors mended
  std::vector<uint32_t> tok_sent_;
  std::vector<int32_t> tok_quote_;
  std::vector<bool> is_apostrophe_;
  std::vector<uint32_t> flags_;  // LexFlag bits per token
  std::vector<DirectQuote> quotes_;
  std::vector<Frame> frames_;
  std::vector<Mention> mentions_;
};

// ---------------------------------------------------------------- quote pairing

void QuoteScan::AddQuote(uint32_t open, uint32_t close, uint32_t last_tok, uint32_t end_byte) {
  DirectQuote q;
  q.open = open;
  q.close = close;
  q.last_tok = last_tok;
  q.span = {doc_.tokens[open].span.end, end_byte};
  if (q.span.empty() || last_tok == kNo || last_tok <= open) return;
  // At least one word inside.
  bool word = false;
  for (uint32_t t = open + 1; t <= last_tok && !word; ++t) word = IsWord(t) || doc_.tokens[t].kind == TokenKind::kNumber;
  if (!word) return;
  int32_t idx = static_cast<int32_t>(quotes_.size());
  uint32_t hi = close != kNo ? close : last_tok;
  for (uint32_t t = open; t <= hi; ++t) tok_quote_[t] = idx;
  quotes_.push_back(std::move(q));
}

void QuoteScan::PairQuotes() {
  const std::string& text = doc_.text;
  auto space_before = [&](uint32_t t) {
    uint32_t b = doc_.tokens[t].span.start;
    return b == 0 || text[b - 1] == ' ' || text[b - 1] == '\n' || text[b - 1] == '\t' || text[b - 1] == '(' ||
           static_cast<unsigned char>(text[b - 1]) >= 0x80;  // dash, quote mark, no-break space
  };
  auto letter_after = [&](uint32_t t) {
    uint32_t e = doc_.tokens[t].span.end;
    return e < text.size() && AlphaStart(std::string_view(text).substr(e, 4));
  };
  // Token range of each paragraph, from its sentences.
  size_t np = doc_.paragraphs.size();
  std::vector<uint32_t> pb(np, kNo), pe(np, kNo);
  for (const Sentence& s : sents_) {
    if (s.paragraph >= np || s.token_end <= s.token_begin) continue;
    if (pb[s.paragraph] == kNo) pb[s.paragraph] = s.token_begin;
    pe[s.paragraph] = s.token_end;
  }
  struct Open {
    uint32_t tok;
    bool dbl;
  };
  std::vector<Open> stack;
  uint32_t pending = kNo, pending_last = kNo, pending_end = 0;
  for (size_t p = 0; p < np; ++p) {
    if (pb[p] == kNo) continue;
    stack.clear();
    uint32_t t = pb[p];
    if (pending != kNo) {
      Mark m = ClassifyMark(T(t));
      if (m == Mark::kDOpen || m == Mark::kDAmbig) {
        stack.push_back({pending, true});  // the opening mark repeated: same quote
        ++t;
      } else {
        AddQuote(pending, kNo, pending_last, pending_end);
      }
      pending = kNo;
    }
    for (; t < pe[p]; ++t) {
      Mark m = ClassifyMark(T(t));
      if (m == Mark::kNone) continue;
      bool dbl_open = std::any_of(stack.begin(), stack.end(), [](const Open& o) { return o.dbl; });
      if (m == Mark::kDAmbig) m = dbl_open ? Mark::kDClose : Mark::kDOpen;
      switch (m) {
        case Mark::kDOpen:
          stack.push_back({t, true});
          break;
        case Mark::kDClose: {
          if (!dbl_open) break;  // stray closing mark
          while (!stack.back().dbl) stack.pop_back();
          uint32_t open = stack.back().tok;
          stack.pop_back();
          if (stack.empty()) AddQuote(open, t, t - 1, doc_.tokens[t].span.start);
          break;
        }
        case Mark::kSOpen:
          if (letter_after(t) || (t + 1 < pe[p] && doc_.tokens[t + 1].kind == TokenKind::kNumber))
            stack.push_back({t, false});
          break;
        case Mark::kSClose:
        case Mark::kSAmbig: {
          bool single_top = !stack.empty() && !stack.back().dbl;
          if (single_top && !space_before(t)) {
            uint32_t open = stack.back().tok;
            stack.pop_back();
            // A top-level single-quoted passage (British style) is a quote of its own.
            if (stack.empty()) AddQuote(open, t, t - 1, doc_.tokens[t].span.start);
          } else if (m == Mark::kSAmbig && space_before(t) && letter_after(t)) {
            stack.push_back({t, false});
          } else {
            is_apostrophe_[t] = true;
          }
          break;
        }
        default:
          break;
      }
    }
    // A double quote still open at the end of the paragraph may continue in the next.
    for (const Open& o : stack) {
      if (o.dbl) {
        pending = o.tok;
        pending_last = pe[p] - 1;
        pending_end = doc_.tokens[pe[p] - 1].span.end;
        break;
      }
    }
    // Unclosed single marks were apostrophes.
    for (const Open& o : stack)
      if (!o.dbl) is_apostrophe_[o.tok] = true;
  }
  if (pending != kNo) AddQuote(pending, kNo, pending_last, pending_end);
  // An unterminated quote needs some length to be believed.
  for (DirectQuote& q : quotes_) {
    if (q.close != kNo) continue;
    uint32_t words = 0;
    for (uint32_t t = q.open + 1; t <= q.last_tok; ++t) words += IsWord(t);
    if (words < 3) q.keep = false;
  }
}

// ---------------------------------------------------------------- mentions

void QuoteScan::BuildMentions() {
  // A name introduced as an organisation: "the newspaper De Standaard", "Lumora, the
  // video streaming service,".
  auto org_context = [&](uint32_t first, uint32_t last) {
    if (first > 0 && LowerStart(T(first - 1)) && Has(first - 1, kOrgNoun)) return true;
    if (last + 2 < doc_.tokens.size() && T(last + 1) == ",") {
      for (uint32_t k = last + 2; k < doc_.tokens.size() && k <= last + 8; ++k) {
        if (T(k) == "," || T(k) == "." || T(k) == ";") return k > last + 2 && LowerStart(T(k - 1)) && Has(k - 1, kOrgNoun);
        if (k == last + 2 && !(Is(k, "the") || Is(k, "a") || Is(k, "an"))) return false;
      }
    }
    return false;
  };
  auto subject_position = [&](uint32_t first, uint32_t sent) {
    if (first <= SentBegin(sent)) return true;
    uint32_t p = first - 1;
    if (IsTitle(p) && p > SentBegin(sent)) {
      while (p > SentBegin(sent) && IsTitle(p)) --p;
      if (IsTitle(p)) return true;
    }
    Lower l = L(p);
    if (Has(p, kPrep) || IsPossessive(T(p)) || l.view() == "of") return false;
    return true;
  };
  if (!doc_.entities.empty()) {
    // Entities from the recognizer: map spans to tokens.
    for (const Entity& e : doc_.entities) {
      if ((e.type != EntityType::kPerson && e.type != EntityType::kOrg) || e.pronoun) continue;
      auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), e.span.start,
                                 [](const Token& t, uint32_t v) { return t.span.start < v; });
      if (it == doc_.tokens.end()) continue;
      uint32_t first = static_cast<uint32_t>(it - doc_.tokens.begin());
      uint32_t last = first;
      while (last + 1 < doc_.tokens.size() && doc_.tokens[last + 1].span.end <= e.span.end) ++last;
      if (InQuote(first)) continue;
      Mention m;
      m.first = first;
      m.last = last;
      m.sent = tok_sent_[first];
      if (first < SentBegin(m.sent)) continue;  // in a skipped dateline: nobody's voice
      // An organisation word overrides a person label ("Corvane Steel").
      bool org_word = org_context(first, last);
      for (uint32_t k = first; k <= last; ++k) org_word |= Has(k, kOrgWord);
      // Part of a hyphenated compound ("Tri" of "Tri‑State") is nobody's name.
      auto joined = [&](uint32_t h, uint32_t other) {
        return h < doc_.tokens.size() && other < doc_.tokens.size() && doc_.tokens[h].kind == TokenKind::kPunct &&
               T(h) != "," && T(h) != "." && doc_.tokens[h].span.start == doc_.tokens[h - 1].span.end &&
               doc_.tokens[h].span.end == doc_.tokens[h + 1].span.start && IsCap(other);
      };
      bool fragment = joined(last + 1, last + 2) || (first >= 2 && joined(first - 1, first - 2));
      m.person = e.type == EntityType::kPerson && !org_word && !fragment;
      m.org = e.type == EntityType::kOrg || org_word;
      m.subject = subject_position(first, m.sent);
      m.canonical = e.canonical.empty() ? std::string(doc_.view(e.span)) : e.canonical;
      m.id = e.id;
      mentions_.push_back(std::move(m));
    }
  }
  // Capitalised runs, titles dropped, where the recognizer found nothing.
  std::vector<bool> taken(doc_.tokens.size(), false);
  for (const Mention& m : mentions_)
    for (uint32_t k = m.first; k <= m.last; ++k) taken[k] = true;
  for (uint32_t s = 0; s < sents_.size(); ++s) {
    uint32_t sb = SentBegin(s), se = SentEnd(s);
    uint32_t t = sb;
    while (t < se) {
      if (InQuote(t) || taken[t] || !IsCap(t) || IsTitle(t) || (t == sb && Has(t, kStopInitial)) ||
          (doc_.tokens[t].kind == TokenKind::kAbbreviation && T(t).size() > 2)) {
        ++t;
        continue;
      }
      bool titled = t > sb && IsTitle(t - 1);
      uint32_t a = t, b = t;
      uint32_t k = t + 1;
      while (k < se) {
        if (IsCap(k) && !taken[k] && !IsTitle(k) && doc_.tokens[k].kind != TokenKind::kAbbreviation) {
          b = k++;
          continue;
        }
        // Hyphen joining two capitalised parts without spaces ("Jean‑Baptiste").
        if (k + 1 < se && doc_.tokens[k].kind == TokenKind::kPunct && !doc_.tokens[k - 1].space_after &&
            !doc_.tokens[k].space_after && IsCap(k + 1)) {
          b = k + 1;
          k += 2;
          continue;
        }
        break;
      }
      Mention m;
      m.first = a;
      m.last = b;
      m.sent = s;
      m.subject = subject_position(a, s);
      bool org = org_context(a, b);
      for (uint32_t x = a; x <= b; ++x) org |= Has(x, kOrgWord);
      m.org = org;
      std::string name = Text(a, b);
      if (!org && (titled || b > a)) {
        m.person = true;
        m.canonical = name;
      } else if (!org && a == b) {
        // A short name: the last name of an earlier person.
        for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
          if (it->person && it->last > it->first && T(it->last) == T(a)) {
            m.person = true;
            m.canonical = it->canonical;
            break;
          }
        }
        if (!m.person) m.canonical = name;
      } else {
        m.canonical = name;
      }
      mentions_.push_back(std::move(m));
      t = k;
    }
  }
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const Mention& a, const Mention& b) { return a.first < b.first; });
}

// ---------------------------------------------------------------- frames

// The noun phrase ending at `from` (inclusive), scanning left to a boundary.
bool QuoteScan::NounPhraseLeft(uint32_t from, uint32_t sb, uint32_t* a, uint32_t* b) {
  // "At one point they told me": a third-person subject pronoun is the whole noun
  // phrase ("I" and "we" outside quotation marks are the writer, left as they were).
  const Lower head_lower = L(from);
  const std::string_view head = head_lower.view();
  if (!InQuote(from) && (head == "he" || head == "she" || head == "they" || head == "it")) {
    *a = *b = from;
    return true;
  }
  uint32_t i = from;
  uint32_t start = kNo;
  int n = 0;
  while (true) {
    if (InQuote(i) || IsQuoteMark(i)) break;
    Lower l = L(i);
    std::string_view w = l.view();
    if (w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93")
      break;
    // "X said the vote showed ...": another reporting verb ends the source of this one.
    if (i < from && CueOf(i) != CueKind::kNone && LowerStart(T(i)) && doc_.tokens[i].upos != "NOUN" &&
        doc_.tokens[i].upos != "ADJ")
      break;
    if (Has(i, kBoundary)) {
      // "critics in the legislature and civil liberties groups": a short verbless phrase before
      // "and" belongs to a coordinated subject.
      if (w == "and" && start != kNo && !IsPronoun(L(start).view()) && i > sb) {
        uint32_t j = i - 1, len = 0;
        bool ok = true;
        while (true) {
          Lower lj = L(j);
          std::string_view wj = lj.view();
          if (wj == ";" || wj == ",") break;
          if (InQuote(j) || IsQuoteMark(j) || CueOf(j) != CueKind::kNone || Has(j, kBoundary) ||
              (LowerStart(T(j)) && (EndsWith(wj, "ed") || wj == "has" || wj == "have" || wj == "is" ||
                                    wj == "are" || wj == "was" || wj == "were"))) {
            ok = false;
            break;
          }
          ++len;
          if (j == sb) break;
          --j;
        }
        if (ok && len > 0 && len <= 4) {
          start = (j == sb && L(j).view() != ";" && L(j).view() != ",") ? j : j + 1;
          break;
        }
      }
      break;
    }
    if (++n > 12) return false;
    start = i;
    if (i == sb) break;
    --i;
  }
  if (start == kNo) return false;
  // Drop leading adverbs ("However").
  while (start < from && IsAdverb(start)) ++start;
  // "with hundreds of infections reported": a prepositional phrase is no source.
  if (Has(start, kPrep)) return false;
  *a = start;
  *b = from;
  // The head must be a word.
  return IsWord(from);
}

// Finds the source written left of the cue. Returns false when none is written.
bool QuoteScan::LeftSource(uint32_t cue, uint32_t sb, Frame* f) {
  if (cue == sb) return false;
  uint32_t i = cue - 1;
  // Auxiliaries and adverbs between the source and the cue.
  while (i > sb) {
    Lower l = L(i);
    std::string_view w = l.view();
    if (w == "has" || w == "have" || w == "had" || w == "would" || w == "will" || w == "could" || w == "may" ||
        w == "might" || w == "did" || w == "does" || w == "do" || w == "also" || w == "later" || IsAdverb(i) ||
        w == "then" || w == "again" || w == "earlier" || w == "further" || w == "separately") {
      --i;
      continue;
    }
    if (IsTimeWord(i) && i > sb && Is(i - 1, "on")) {
      i -= 2;
      continue;
    }
    break;
  }
  Lower li = L(i);
  // "... by the alliance, which said ...", "Ana Ruiz, who said ...": the antecedent
  // before the comma, not the sentence's subject, is the source.
  // The antecedent runs left over words ("of" too) to a verb, a preposition, a
  // conjunction or punctuation.
  if ((li.view() == "which" || li.view() == "who") && i >= sb + 2 && Is(i - 1, ",")) {
    const uint32_t b = i - 2;
    if (!IsWord(b)) return false;
    uint32_t a = b;
    while (a > sb && b - a < 8) {
      const uint32_t k = a - 1;
      const std::string& u = doc_.tokens[k].upos;
      if (!IsWord(k) || (Has(k, kPrep) && !Is(k, "of")) || Has(k, kBoundary) || u == "VERB" || u == "AUX") break;
      --a;
    }
    f->sb = a;
    f->se = b;
    return true;
  }
  if (li.view() == ",") {
    // "NP, APPOSITIVE, said": the appositive is a name (the speaker) or a description
    // to skip ("who runs ...", "speaking on condition ...", "58", "however").
    uint32_t j = i;
    while (j > sb && !(Is(j - 1, ",") || IsQuoteMark(j - 1) || Is(j - 1, ";"))) --j;
    if (j >= i) return false;
    uint32_t segb = j, sege = i - 1;
    bool name = true;
    for (uint32_t k = segb; k <= sege; ++k) {
      bool connector = doc_.tokens[k].kind == TokenKind::kPunct && !doc_.tokens[k].space_after;
      if (!(IsCap(k) || connector)) name = false;
    }
    // "Sen. Jane Doe, D-Wash., said": a party and state tag describes the name before it.
    if (name && sege >= segb + 2 && T(segb).size() == 1 && (T(segb) == "D" || T(segb) == "R" || T(segb) == "I") &&
        (T(segb + 1) == "-" || T(segb + 1) == "\xE2\x80\x93"))
      name = false;
    if (name && segb > sb && Is(segb - 1, ",")) {
      f->sb = segb;
      f->se = sege;
      return true;
    }
    // "NP, former police chief Gary Whitcombe, said": descriptors, then a name of two
    // or more words.
    if (!name && segb > sb && Is(segb - 1, ",") && IsCap(sege) && LowerStart(T(segb))) {
      uint32_t na = NameRunLeft(sege, segb);
      bool descriptors = true;
      for (uint32_t k = segb; k < na; ++k)
        if (!(IsWord(k) && (LowerStart(T(k)) || IsTitle(k))) || Has(k, kBoundary) || Has(k, kPrep)) descriptors = false;
      if (descriptors && na > segb && sege > na) {
        f->sb = na;
        f->se = sege;
        return true;
      }
    }
    if (segb == sb || !Is(segb - 1, ",")) return false;
    // Participle "reported by X": X relays the statement.
    if (Is(segb, "reported") && segb + 1 <= sege && Is(segb + 1, "by")) f->reported_by = SourceName(segb + 2, sege);
    uint32_t a, b;
    if (segb < 2 || !NounPhraseLeft(segb - 2, sb, &a, &b)) return false;
    f->sb = a;
    f->se = b;
    if (a > sb && Has(a - 1, kBoundary) && L(a - 1).view() != "that" && L(a - 1).view() != "and")
      f->subordinate = true;
    return true;
  }
  uint32_t a, b;
  if (!NounPhraseLeft(i, sb, &a, &b)) return false;
  if (doc_.tokens[b].kind == TokenKind::kNumber) return false;
  f->sb = a;
  f->se = b;
  if (a > sb) {
    Lower w_l1 = L(a - 1);
    std::string_view w = w_l1.view();
    if (w == "while" || w == "although" || w == "though" || w == "as" || w == "because" || w == "if" ||
        w == "when" || w == "since" || w == "whereas")
      f->subordinate = true;
  }
  return true;
}

bool QuoteScan::RightNounPhrase(uint32_t i, uint32_t se, uint32_t* a, uint32_t* b) const {
  uint32_t j = i;
  while (j < se && j - i < 9) {
    Lower l = L(j);
    std::string_view w = l.view();
    if (IsPunct(j) && !(doc_.tokens[j].kind == TokenKind::kPunct && !doc_.tokens[j].space_after && j > i &&
                        !doc_.tokens[j - 1].space_after && j + 1 < se && IsCap(j + 1)))
      break;
    if (Has(j, kPrep) && w != "of" && w != "for") break;
    if (IsTimeWord(j) || w == "that") break;
    ++j;
  }
  if (j == i) return false;
  *a = i;
  *b = j - 1;
  return IsWord(j - 1);
}

uint32_t QuoteScan::Trim(uint32_t b, uint32_t e) const {
  while (e > b) {
    std::string_view w = T(e);
    if (doc_.tokens[e].kind == TokenKind::kPunct &&
        (w == "." || w == "," || w == ";" || w == ":" || w == "!" || w == "?" || w == "\xE2\x80\x94" ||
         w == "\xE2\x80\x93" || w == "-" || w == "--"))
      --e;
    else
      break;
  }
  return e;
}

// Last content token from `start` to the end of its clause.
uint32_t QuoteScan::ContentEnd(uint32_t start, uint32_t se, bool stop_at_comma, bool noun_phrase) const {
  uint32_t last = start;
  auto prev_comma = [&](uint32_t j) {
    // The previous token, looking through a closing quotation mark, is a comma.
    if (j == 0) return false;
    uint32_t p = j - 1;
    if (IsQuoteMark(p) && p > start) --p;
    return p >= start && T(p) == ",";
  };
  uint32_t j = start;
  while (j < se) {
    int32_t q = tok_quote_[j];
    if (q >= 0 && quotes_[q].open == j) {
      uint32_t hi = quotes_[q].close != kNo ? quotes_[q].close : quotes_[q].last_tok;
      if (hi >= se) return Trim(start, se - 1);
      last = hi;
      j = hi + 1;
      continue;
    }
    Lower l = L(j);
    std::string_view w = l.view();
    if (j > start) {
      if (w == ";") break;
      if (stop_at_comma && w == ",") break;
      if (noun_phrase && (w == "and" || w == "," || w == "but")) break;
      if (w == "according" && prev_comma(j)) break;
      if (IsIngWord(j) && prev_comma(j)) break;
      if ((w == "but" || w == "though" || w == "although" || w == "while" || w == "whereas") && prev_comma(j)) break;
      if ((w == "a" || w == "an") && prev_comma(j) && j + 1 < se) {
        Lower n_l2 = L(j + 1);
        std::string_view n = n_l2.view();
        if (n == "figure" || n == "claim" || n == "number" || n == "toll" || n == "estimate" || n == "far" ||
            n == "sharp" || n == "move" || n == "statement" || n == "charge" || n == "assertion" ||
            n == "view" || n == "decision" || n == "remark" || n == "comment" || n == "position")
          break;
      }
      if (w == "and" && j + 1 < se) {
        Lower n(T(j + 1));
        std::string_view nw = n.view();
        if ((CueOf(j + 1) != CueKind::kNone && !Is(j + 1, "that")) || nw == "urged" || nw == "asked" ||
            nw == "declined" || nw == "refused" || nw == "pledged" || nw == "vowed" || nw == "called")
          break;
      }
      // "..., and she warned that ...": a new source and cue close the content.
      if ((w == "," || w == "and" || w == "but") && j + 2 < se) {
        uint32_t k = j + 1;
        if (Is(k, "and") || Is(k, "but")) ++k;
        if (k + 1 < se && !InQuote(k) && (IsPronoun(L(k).view()) || IsCap(k))) {
          uint32_t v = k + 1;
          while (v < se && v <= k + 3 && (IsCap(v) || IsAdverb(v))) ++v;
          CueKind ck = v < se ? CueOf(v) : CueKind::kNone;
          if (ck != CueKind::kNone && ck != CueKind::kFrameOnly && LowerStart(T(v)) && !IsIngWord(v)) break;
        }
      }
      // "..., he said" / "..., officials said": an attribution closes the content.
      if (w == "," && j + 1 < se) {
        for (uint32_t k = j + 1; k < se && k <= j + 5; ++k) {
          if (T(k) == "," || IsQuoteMark(k)) break;
          CueKind ck = CueOf(k);
          if ((ck == CueKind::kSpeech || ck == CueKind::kTell) && !IsIngWord(k) && k + 1 < se &&
              (IsPunct(k + 1) || IsTimeWord(k + 1) || Has(k + 1, kPrep))) {
            return Trim(start, j - 1);
          }
        }
      }
    }
    last = j;
    ++j;
  }
  return Trim(start, last);
}

uint32_t QuoteScan::ClauseStart(uint32_t s) const {
  uint32_t b = SentBegin(s);
  uint32_t e = SentEnd(s);
  // Skip an opening conjunction.
  if (b + 1 < e && (Is(b, "but") || Is(b, "and") || Is(b, "yet"))) ++b;
  return b;
}

void QuoteScan::RightContent(Frame* f, uint32_t se) {
  uint32_t i = f->cue_last + 1;
  CueKind kind = f->kind;
  if (kind == CueKind::kFrameOnly) return;
  if (kind == CueKind::kTell) {
    // The object: "reporters", "county leaders", "The Associated Press".
    uint32_t j = i;
    while (j < se && j - i < 6 && IsWord(j) && !Has(j, kPrep) && !Is(j, "that") &&
           !IsTimeWord(j) && !(IsAdverb(j) && j > i))
      ++j;
    // "told reporters the strikes were a response": without "that", a determiner or a
    // subject pronoun after the object's first word opens the reported clause (an
    // object has no determiner inside it), provided a verb follows in the clause.
    for (uint32_t k = i + 1; k < j; ++k) {
      Lower lk = L(k);
      if (!IsDeterminer(k) && !IsPronoun(lk.view())) continue;
      if (IsPossessive(T(k - 1))) continue;  // "told the mayor's office"
      if (FiniteVerbAhead(k + 1, k + 8, se, false)) {
        j = k;
        break;
      }
    }
    if (j > i && f->reported_by.empty()) {
      // "told The Times", "told CNBC", "told the newspaper De Standaard": a news outlet
      // that relays the statement.
      uint32_t na = i;
      bool media = false;
      for (uint32_t k = i; k < j; ++k) {
        if (LowerStart(T(k)) && (Has(k, kMedia) || Is(k, "newspaper") || Is(k, "paper") || Is(k, "broadcaster") ||
                                 Is(k, "channel") || Is(k, "station") || Is(k, "magazine"))) {
          media = k + 1 < j && IsCap(k + 1);
          na = k + 1;
        } else if (IsCap(k)) {
          std::string_view w = T(k);
          bool acronym = w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
          const Entity* e = EntityCovering(k);
          media |= Has(k, kMedia) || acronym || (e && e->type == EntityType::kOrg);
        }
      }
      if (media) f->reported_by = SourceName(na, j - 1);
    }
    i = j;
  }
  bool qualifier = false;  // content opens with a preposition qualifying a number
  for (int guard = 0; guard < 24 && i < se; ++guard) {
    Lower l = L(i);
    std::string_view w = l.view();
    // "said at least 14 people were hurt, ... and that crews ...", "said about 300",
    // "said up to 40": a preposition that qualifies a number opens the reported clause.
    auto number = [&](uint32_t k) { return k < se && doc_.tokens[k].kind == TokenKind::kNumber; };
    if ((Has(i, kPrep) || w == "up") &&
        (number(i + 1) || ((Is(i + 1, "least") || Is(i + 1, "most") || Is(i + 1, "to")) && number(i + 2)))) {
      // ... when a clause follows ("were hurt"), not a bare object ("explain up to 30%").
      if (FiniteVerbAhead(i + 2, i + 10, se, true)) {
        qualifier = true;
        break;
      }
    }
    if (IsTimeWord(i) || IsAdverb(i) || w == "again" || w == "also" || w == "later" || w == "earlier") {
      ++i;
      continue;
    }
    if ((w == "last" || w == "this" || w == "next" || w == "late" || w == "early" || w == "that") && i + 1 < se &&
        IsTimeWord(i + 1)) {
      i += 2;
      continue;
    }
    if (w == "the" && i + 2 < se && IsTimeWord(i + 2)) {  // "the same day", "the next morning"
      i += 3;
      continue;
    }
    if (doc_.tokens[i].kind == TokenKind::kNumber) {  // "ruling 4-3 that"
      uint32_t j = i;
      while (j < se && j < i + 4 && (doc_.tokens[j].kind == TokenKind::kNumber || T(j) == "-")) ++j;
      if (j < se && Is(j, "that")) {
        i = j;
        continue;
      }
    }
    if (Has(i, kPrep) && kind != CueKind::kStance) {
      // "on Tuesday", "in a statement", "in an interview with the Phoenix Business Journal".
      uint32_t k = i + 1;
      if (k < se && (Is(k, "late") || Is(k, "early"))) ++k;
      if (k < se && IsTimeWord(k)) {
        i = k + 1;
        continue;
      }
      if (k < se && IsDeterminer(k)) ++k;
      if (k < se && IsWord(k) && LowerStart(T(k)) && k + 1 < se && Has(k + 1, kDocNoun)) ++k;
      if (k < se && Has(k, kDocNoun)) {
        ++k;
        if (k + 1 < se && Is(k, "with")) {
          uint32_t a = k + 1;
          if (IsDeterminer(a)) ++a;
          uint32_t b = a;
          while (b < se && (IsCap(b) || (Is(b, "of") && b + 1 < se && IsCap(b + 1)))) ++b;
          if (b > a) {
            if (f->reported_by.empty()) f->reported_by = SourceName(k + 1, b - 1);
            k = b;
          }
        }
        // "in a report published on Wednesday that": the participle's phrase runs on
        // to the content's "that" (found below).
        bool participle = k < se && doc_.tokens[k].xpos == "VBN";
        if (!participle && (k >= se || IsPunct(k) || Is(k, "that") || !Has(k, kPrep))) {
          i = k;
          continue;
        }
      }
      // "in a statement that", "in the Cabinet Room on March 3, 2024, that".
      uint32_t j = i + 1;
      for (; j < se && j <= i + 16; ++j) {
        if (IsQuoteMark(j) || T(j) == ";") return;
        // "in a note that", "on a conference call that": a cue word as a noun is fine.
        if (CueOf(j) != CueKind::kNone && !IsDeterminer(j - 1) && doc_.tokens[j].upos != "NOUN" &&
            !(doc_.tokens[j].xpos == "VBN" && Has(j - 1, kDocNoun)))
          return;
        if (Is(j, "that")) break;
      }
      if (j >= se || j > i + 16 || !Is(j, "that")) return;
      i = j;
      continue;
    }
    break;
  }
  if (i >= se) return;
  Lower l = L(i);
  std::string_view w = l.view();
  uint32_t start;
  if (qualifier) {
    start = i;
  } else if (w == "that") {
    bool complementizer = true;
    if (kind == CueKind::kStance && i + 1 < se) {
      Lower n_l3 = L(i + 1);
      std::string_view n = n_l3.view();
      complementizer = n == "the" || n == "a" || n == "an" || IsPronoun(n) || n == "there" || n == "his" ||
                       n == "her" || n == "its" || n == "their" || IsCap(i + 1) ||
                       doc_.tokens[i + 1].kind == TokenKind::kNumber;
    }
    start = complementizer ? i + 1 : i;
  } else if (IsQuoteMark(i)) {
    int32_t q = tok_quote_[i];
    if (q < 0) return;
    uint32_t hi = quotes_[q].close != kNo ? quotes_[q].close : quotes_[q].last_tok;
    // The whole rest of the sentence is the quotation: a direct quote, not an indirect one.
    uint32_t k = hi + 1;
    while (k < se && IsPunct(k)) ++k;
    if (k >= se) return;
    start = i;
  } else if (IsPunct(i) || w == "to" || w == "for" || w == "by" || w == "of" || w == "about" || w == "out" ||
             w == "on" || w == "up" || w == "as" || w == "off" || Has(i, kBoundary) || w == "was" ||
             w == "were" || w == "is" || w == "are" || w == "has" || w == "have" || w == "had" || w == "will" ||
             w == "would" || w == "could" || w == "should" || w == "can" || w == "may" || w == "might") {
    // "a pace they said was ...": the subject of the content was moved away.
    return;
  } else {
    start = i;
  }
  if (start >= se) return;
  uint32_t end = ContentEnd(start, se, f->subordinate, kind == CueKind::kStance);
  uint32_t words = 0;
  for (uint32_t k = start; k <= end; ++k) words += IsWord(k) || doc_.tokens[k].kind == TokenKind::kNumber;
  if (end < start || words < 2) return;
  // "claimed victory shortly after midnight", "missile warning data in real time": a
  // bare content with no verb in it is the speech verb's object (or the cue word is
  // a noun), not a reported clause (with the tagger's parts of speech; untagged text
  // keeps it). A quotation inside it keeps it. A stance verb's object is its content
  // by design ("rejected the idea").
  if (kind != CueKind::kStance && start == i && !qualifier && w != "that" && !IsQuoteMark(start) &&
      !doc_.tokens[start].upos.empty()) {
    bool verb = false;
    for (uint32_t k = start; k <= end && !verb; ++k) {
      const std::string& u = doc_.tokens[k].upos;
      verb = u == "VERB" || u == "AUX" || IsQuoteMark(k);
    }
    if (!verb) return;
  }
  // A content that is exactly one direct quote is that quote's frame.
  if (tok_quote_[start] >= 0 && tok_quote_[start] == tok_quote_[end] && quotes_[tok_quote_[start]].open == start)
    return;
  f->content_b = start;
  f->content_e = end;
}

std::string QuoteScan::SourceName(uint32_t a, uint32_t b) const {
  while (a < b && LowerStart(T(a)) && (Is(a, "the") || Is(a, "a") || Is(a, "an"))) ++a;
  if (a > b) return "";
  return Text(a, b);
}

void QuoteScan::AccordingFrame(uint32_t c, uint32_t s) {
  uint32_t sb = SentBegin(s), se = SentEnd(s);
  uint32_t xa = c + 2, xb = xa;
  if (xa >= se) return;
  while (xb < se && !IsQuoteMark(xb) && T(xb) != "," && T(xb) != "." && T(xb) != ";" && T(xb) != ":" &&
         xb - xa < 14)
    ++xb;
  if (xb == xa) return;
  uint32_t after = xb;  // first token after the phrase
  --xb;
  Frame f;
  f.cue = c;
  f.cue_last = c + 1;
  f.sent = s;
  f.according = true;
  f.kind = CueKind::kSpeech;
  f.sb = xa;
  f.se = xb;
  // "X’s account (of ...)": X relays; the quotes of the sentence are its report.
  for (uint32_t k = xa + 1; k + 1 <= xb; ++k) {
    if (IsPossessive(T(k)) && Has(k + 1, kDocNoun)) {
      f.account = true;
      f.se = k - 1;
      f.reported_by = SourceName(xa, k - 1);
      break;
    }
  }
  // "according to the regional police commander, Supt. Abena Mensah."
  if (after < se && T(after) == "," && after + 1 < se && (IsCap(after + 1) || IsTitle(after + 1))) {
    uint32_t k = after + 1;
    while (k < se && (IsCap(k) || IsTitle(k) ||
                      (T(k) == "." && IsTitle(k - 1) && !doc_.tokens[k - 1].space_after && k + 1 < se &&
                       IsCap(k + 1)) ||
                      (doc_.tokens[k].kind == TokenKind::kPunct && !doc_.tokens[k].space_after && k + 1 < se &&
                       IsCap(k + 1))))
      ++k;
    if (k >= se || IsPunct(k)) {
      uint32_t e = Trim(after + 1, k - 1);
      if (IsCap(e)) {
        f.sb = after + 1;
        f.se = e;
        after = k;
      }
    }
  }
  uint32_t cs = ClauseStart(s);
  if (c == cs || (c == sb + 1 && IsPunct(sb))) {
    // "According to X, CONTENT."
    if (after < se && T(after) == ",") {
      uint32_t start = after + 1;
      if (start < se) {
        uint32_t end = ContentEnd(start, se, false, false);
        if (end > start) {
          f.content_b = start;
          f.content_e = end;
        }
      }
    }
  } else if (c > sb && (T(c - 1) == "," || (IsQuoteMark(c - 1) && c > sb + 1 && T(c - 2) == ","))) {
    // "CONTENT, according to X": the clause before; when another frame's content ends
    // right there, it is that content.
    uint32_t end = Trim(cs, c - 1);
    uint32_t start = cs;
    for (auto it = frames_.rbegin(); it != frames_.rend() && it->sent == s; ++it) {
      if (it->has_content() && it->content_e + 3 >= c && it->content_e < c) {
        start = it->content_b;
        end = it->content_e;
        break;
      }
    }
    if (end > start) {
      f.content_b = start;
      f.content_e = end;
    }
  }
  frames_.push_back(std::move(f));
}

void QuoteScan::FindFrames(uint32_t s) {
  uint32_t sb = SentBegin(s), se = SentEnd(s);
  for (uint32_t c = sb; c < se; ++c) {
    if (InQuote(c) || !IsWord(c)) continue;
    if (CueOf(c) == CueKind::kNone && !(T(c)[0] == 'a' || T(c)[0] == 'A')) continue;  // fast path
    Lower l = L(c);
    std::string_view w = l.view();
    if (w == "according" && c + 1 < se && Is(c + 1, "to")) {
      size_t before = frames_.size();
      AccordingFrame(c, s);
      // Words inside the phrase ("its annual reports") are no cues.
      c = frames_.size() > before ? std::max(c + 1, frames_.back().se) : c + 1;
      continue;
    }
    CueKind kind = CueOf(c);
    if (kind == CueKind::kNone || !LowerStart(T(c))) continue;  // "Tri‑State" is no verb
    const std::string& upos = doc_.tokens[c].upos;
    if ((upos == "NOUN" || upos == "ADJ" || upos == "PROPN") && c > sb) {
      const std::string& prev_upos = doc_.tokens[c - 1].upos;
      if (prev_upos == "DET" || prev_upos == "ADJ" || prev_upos == "NUM") continue;
    }  // "an automatic recount"
    Lower prev_l(c > sb ? T(c - 1) : std::string_view());
    Lower next_l(c + 1 < se ? T(c + 1) : std::string_view());
    std::string_view prev = prev_l.view(), next = next_l.view();
    if (prev == "to" || prev == "not" || prev == "n't" || prev == "n’t" || prev == "never" || prev == "cannot" ||
        prev == "the" || prev == "a" || prev == "an" || prev == "this" || prev == "that" || prev == "its" ||
        prev == "his" || prev == "her" || prev == "their" || prev == "our" || prev == "my")
      continue;
    bool passive = prev == "was" || prev == "were" || prev == "been" || prev == "being" || prev == "is" ||
                   prev == "are" || prev == "be";
    if (passive && next != "that") continue;
    if (c > sb && Has(c - 1, kPrep)) continue;  // "against alleged traffickers"

    if (next == "by" && (w == "reported" || w == "quoted" || w == "cited")) continue;
    bool ing = IsIngWord(c);
    // "ask" frames a question only: "“Why?” she asked." / "“Why?” asked X" / "asked: “...”";
    // "asked how much ...", "asked not to be named", "would ask lawmakers" are not.
    if (w == "ask" || w == "asks" || w == "asked") {
      bool after_quote = c > sb && (IsQuoteMark(c - 1) || (T(c - 1) == "," && c > sb + 1 && IsQuoteMark(c - 2)));
      bool before_punct = c + 1 >= se || T(c + 1) == "." || T(c + 1) == "," || T(c + 1) == ":";
      bool subject_then_quote = c > sb + 1 && IsQuoteMark(c - 2) && (IsPronoun(prev) || IsCap(c - 1));
      if (!(after_quote || (before_punct && (subject_then_quote || c + 1 >= se || T(c + 1) != ","))))
        continue;
    }
    if (kind == CueKind::kFrameOnly) {
      // "called X “...”", "described (X) as “...”": only with a quotation close by.
      bool ok = false;
      for (uint32_t k = c + 1; k < se && k <= c + 8; ++k) {
        if (IsQuoteMark(k) && tok_quote_[k] >= 0 && quotes_[tok_quote_[k]].open == k) {
          ok = true;
          break;
        }
        if (T(k) == "," || T(k) == ";" || T(k) == ".") break;
      }
      if (!ok) continue;
    }
    // Verbs that report speech only with a clause: "announced that", "pledged that";
    // "declared a state of emergency" has no content (the frame may still close a
    // sentence: "..., the union announced").
    bool object_only = false;
    if (Has(c, kThatOnly)) {
      uint32_t k = c + 1;
      while (k < se && k <= c + 10 && !IsPunct(k) && !Is(k, "that")) ++k;
      object_only = k >= se || !Is(k, "that");
    }
    Frame f;
    f.cue = c;
    f.cue_last = c;
    f.sent = s;
    f.kind = kind;
    if (passive) {
      // "Residents were told that ...": no source written.
    } else if (ing) {
      f.inherit = true;  // "..., adding", "saying"
    } else if (!LeftSource(c, sb, &f)) {
      uint32_t p = c > sb ? c - 1 : kNo;
      bool after_quote = p != kNo && (IsQuoteMark(p) || (T(p) == "," && p > sb && IsQuoteMark(p - 1)));
      if (p == kNo || after_quote || T(p) == ",") {
        // "“...,” said X" / "CONTENT, said X": the source follows.
        uint32_t a, b;
        if (RightNounPhrase(c + 1, se, &a, &b)) {
          f.inverted = true;
          f.sb = a;
          f.se = b;
          if (!after_quote && p != kNo && T(p) == ",") {
            uint32_t cs = ClauseStart(s);
            uint32_t end = Trim(cs, p);
            if (end > cs && !(tok_quote_[cs] >= 0 && tok_quote_[cs] == tok_quote_[end])) {
              f.content_b = cs;
              f.content_e = end;
            }
          }
        } else if (p != kNo && T(p) == ",") {
          f.inherit = true;
        } else {
          continue;
        }
      } else {
        f.inherit = true;  // "and said", "... she reiterated"
      }
    }
    if (!f.inverted) {
      RightContent(&f, se);
      if (object_only) f.content_b = f.content_e = kNo;
      // "CONTENT, X said (on Monday)": the source follows a comma and nothing follows
      // the cue but adverbials.
      if (!f.has_content() && f.sb != kNo && f.sb > sb && T(f.sb - 1) == "," && !f.subordinate) {
        uint32_t k = c + 1;
        while (k < se && !IsPunct(k)) {
          if (!(IsTimeWord(k) || IsAdverb(k) || IsWord(k))) break;
          ++k;
        }
        bool tail = k >= se || T(k) == "." || T(k) == ";" || T(k) == "!" || T(k) == "?" ||
                    (T(k) == "," && !(k + 1 < se && IsQuoteMark(k + 1)));
        // Adverbials only: prepositions, time words, articles, nouns of a place or event.
        bool adverbial = true;
        if (k > c + 1) {
          Lower first_l4 = L(c + 1);
          std::string_view first = first_l4.view();
          adverbial = Has(c + 1, kPrep) || IsTimeWord(c + 1) || IsAdverb(c + 1) || first == "last" ||
                      first == "this" || first == "late" || first == "early";
          if (kind == CueKind::kTell) adverbial = true;  // "told reporters"
        }
        uint32_t cs = ClauseStart(s);
        // "Asked whether ..., he replied": an introductory participle, not a content.
        Lower first_l = L(cs);
        bool intro = IsIngWord(cs) || (UpperStart(T(cs)) && EndsWith(first_l.view(), "ed") && cs + 1 < se &&
                                       (Is(cs + 1, "whether") || Is(cs + 1, "about") || Is(cs + 1, "on") ||
                                        Is(cs + 1, "if") || Is(cs + 1, "by") || Is(cs + 1, "for")));
        // A clause that opens with a whole quotation is that quotation's frame.
        bool quoted = tok_quote_[cs] >= 0 && quotes_[tok_quote_[cs]].open == cs;
        if (tail && adverbial && !intro && !quoted && f.sb - 1 > cs) {
          uint32_t end = Trim(cs, f.sb - 1);
          bool direct = tok_quote_[cs] >= 0 && quotes_[tok_quote_[cs]].open == cs &&
                        tok_quote_[cs] == tok_quote_[end == cs ? cs : (IsQuoteMark(end) ? end : end)];
          if (!direct && !IsQuoteMark(end) && end > cs) {
            f.content_b = cs;
            f.content_e = end;
          } else if (!direct && IsQuoteMark(end) && !(tok_quote_[cs] >= 0 && tok_quote_[cs] == tok_quote_[end])) {
            f.content_b = cs;
            f.content_e = end;
          }
        }
      }
    }
    frames_.push_back(std::move(f));
  }
}

// ---------------------------------------------------------------- speakers

const Entity* QuoteScan::EntityCovering(uint32_t tok) const {
  const Span& s = doc_.tokens[tok].span;
  for (const Entity& e : doc_.entities)
    if (e.span.start <= s.start && s.end <= e.span.end) return &e;
  return nullptr;
}

Resolved QuoteScan::FromEntity(const Entity& e, Span span) const {
  Resolved r;
  r.text = e.canonical.empty() ? std::string(doc_.view(e.span)) : e.canonical;
  r.id = e.id;
  r.span = span;
  r.named = true;
  r.person = e.type == EntityType::kPerson;
  return r;
}

uint32_t QuoteScan::NameRunLeft(uint32_t head, uint32_t lo) const {
  uint32_t a = NameRunLeftRaw(head, lo);
  // "Secretary of State Marco Rubio", "Minister of Health Ana Ruiz": after "TITLE of",
  // the first capitalised word names the office.
  if (a >= 2 && a + 2 <= head && Is(a - 1, "of") && IsTitle(a - 2) && !Has(head, kOrgWord)) ++a;
  return a;
}

uint32_t QuoteScan::NameRunLeftRaw(uint32_t head, uint32_t lo) const {
  uint32_t a = head;
  // In an organisation's name a title word is part of it ("Justice Department").
  bool org = Has(head, kOrgWord);
  while (a > lo) {
    uint32_t p = a - 1;
    if (IsCap(p) && (org || !IsTitle(p)) && !(p == SentBegin(tok_sent_[p]) && Has(p, kStopInitial))) {
      a = p;
      continue;
    }
    // "Jean‑Baptiste", "Department of Water Resources", "Brennan & Co."
    if (p > lo &&
        (((Is(p, "of") || Is(p, "for")) && Has(p - 1, kOrgWord)) || T(p) == "&" ||
         (org && T(p) == "\xE2\x80\x99" && EndsWith(T(p - 1), "s")) ||  // "Supporters’ Trust"
         (doc_.tokens[p].kind == TokenKind::kPunct && !doc_.tokens[p].space_after &&
          !doc_.tokens[p - 1].space_after)) &&
        IsCap(p - 1) && (org || !IsTitle(p - 1))) {
      a = p - 1;
      continue;
    }
    break;
  }
  return a;
}

Resolved QuoteScan::ResolveName(uint32_t a, uint32_t b) {
  Resolved r;
  r.span = Bytes(a, b);
  r.named = true;
  if (const Entity* e = EntityCovering(b); e && !e->pronoun) {
    // The recognizer may miss part of a name ("Radio" of "Radio Norte", "Jean‑" of
    // "Jean‑Baptiste"): a longer capitalised run keeps the entity's id, not its name.
    if (e->span.start > doc_.tokens[a].span.start && e->span.end <= doc_.tokens[b].span.end) {
      Resolved longer = FromEntity(*e, r.span);
      longer.text = Text(a, b);
      return longer;
    }
    return FromEntity(*e, r.span);
  }
  r.text = Text(a, b);
  // A short name resolves to the fuller name of the same mention or person.
  for (const Mention& m : mentions_) {
    if (m.first <= a && b <= m.last) {
      if (m.person) {
        r.person = true;
        r.text = m.canonical;
        r.id = m.id;
      }
      break;
    }
  }
  // An acronym ("FA") for an earlier name whose words it spells ("Football Association").
  std::string_view word = T(b);
  bool acronym = a == b && word.size() >= 2 && word.size() <= 6 &&
                 std::all_of(word.begin(), word.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
  if (acronym && !r.person) {
    for (const Mention& m : mentions_) {
      if (m.first >= a || m.last == m.first) continue;
      std::string initials;
      for (uint32_t k = m.first; k <= m.last; ++k)
        if (IsCap(k)) initials += T(k)[0];
      if (initials == word) {
        r.text = m.canonical;
        r.id = m.id;
        return r;
      }
    }
  }
  if (!r.person && a == b) {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->first >= a) continue;
      if (it->person && it->last > it->first && T(it->last) == T(b)) {
        r.person = true;
        r.text = it->canonical;
        r.id = it->id;
        break;
      }
    }
  }
  if (!r.person) {
    bool org = false;
    for (uint32_t k = a; k <= b; ++k) org |= Has(k, kOrgWord);
    r.person = !org && b > a && doc_.tokens[b].kind != TokenKind::kAbbreviation;
  }
  return r;
}

Resolved QuoteScan::ResolvePronoun(uint32_t tok, uint32_t sent) {
  Resolved r;
  r.span = doc_.tokens[tok].span;
  Lower w_l5 = L(tok);
  std::string_view w = w_l5.view();
  // The recognizer's own link, used when the attribution context below finds nobody:
  // for a speaker pronoun the nearest source or subject is the better guide.
  const Entity* linked = nullptr;
  for (const Entity& e : doc_.entities) {
    if (!e.pronoun || e.span.start > r.span.start || r.span.end > e.span.end) continue;
    if (IsPersonPronoun(w) && e.type != EntityType::kPerson) break;  // "he" names a person
    linked = &e;
    break;
  }
  if (IsPersonPronoun(w) || w == "i") {
    const Mention* best = nullptr;
    // 1. a person in subject position earlier in the same sentence; 2. in the three
    // sentences before; 3. any person mentioned in the five sentences before.
    for (int pass = 0; pass < 3 && !best; ++pass) {
      for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
        const Mention& m = *it;
        if (m.first >= tok || !m.person) continue;
        if (pass == 0 && (m.sent != sent || !m.subject)) continue;
        if (pass == 1 && (m.sent == sent || m.sent + 3 < sent || !m.subject)) continue;
        if (pass == 2 && m.sent + 5 < sent) continue;
        best = &m;
        break;
      }
    }
    // Named speakers of earlier frames count as subject mentions too.
    const Frame* fr = nullptr;
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      if (it->cue >= tok || it->sent + 3 < sent) continue;
      if (it->speaker.person && it->sb != kNo) {
        fr = &*it;
        break;
      }
    }
    bool inside = best && fr && fr->has_content() && fr->content_b <= best->first && best->last <= fr->content_e;
    if (fr && (!best || fr->sb > best->last || inside)) {
      r.text = fr->speaker.text;
      r.id = fr->speaker.id;
      r.person = true;
      r.named = true;
      return r;
    }
    if (best) {
      r.text = best->canonical;
      r.id = best->id;
      r.person = true;
      r.named = true;
    } else if (linked) {
      return FromEntity(*linked, r.span);
    }
    return r;
  }
  // they / it / we: the last source that was not a person, nearby.
  for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
    if (it->cue >= tok || it->sent + 3 < sent) continue;
    if (!it->speaker.text.empty() && !it->speaker.person) {
      r = it->speaker;
      r.span = doc_.tokens[tok].span;
      return r;
    }
  }
  if (linked) return FromEntity(*linked, r.span);
  return r;
}

// The speaker named by the phrase [a, b].
Resolved QuoteScan::ResolvePhrase(uint32_t a, uint32_t b, uint32_t sent) {
  // The head is the last word before a post-modifier ("a spokesman for ...").
  uint32_t head = b;
  for (uint32_t k = a + 1; k <= b; ++k) {
    Lower w_l6 = L(k);
    std::string_view w = w_l6.view();
    bool joins = (w == "of" || w == "for") && IsCap(k - 1) && k + 1 <= b && IsCap(k + 1) &&
                 k - 1 != SentBegin(sent) && Has(k - 1, kOrgWord);
    // "Secretary of State Maren Holt": an office, then the name.
    if (w == "of" && IsTitle(k - 1) && k + 2 <= b) {
      bool caps = true;
      for (uint32_t x = k + 1; x <= b; ++x) caps &= IsCap(x);
      joins |= caps;
    }
    if (w == "," || (qa_.prepositions_.count(w) && !joins)) {
      head = k - 1;
      break;
    }
  }
  while (head > a && IsPossessive(T(head))) --head;
  Lower hl = L(head);
  std::string_view hw = hl.view();
  if (IsPronoun(hw) && head == b && a == b) return ResolvePronoun(head, sent);
  if (const Entity* e = EntityCovering(head); e) {
    if (e->pronoun) return FromEntity(*e, Bytes(a, b));
    uint32_t na = NameRunLeft(head, a);
    // "Seismologist Hernando Tavera": a capitalised word the tagger reads as a common
    // noun before a person's name is a role, not more of the name.
    while (e->type == EntityType::kPerson && doc_.tokens[na].span.start < e->span.start &&
           doc_.tokens[na].upos == "NOUN")
      ++na;
    if (doc_.tokens[na].span.start < e->span.start) return ResolveName(na, head);  // a longer name
    return FromEntity(*e, Bytes(a, b));
  }
  bool sentence_initial_common = head == SentBegin(sent) && qa_.common_nouns_.count(hw);
  const std::string& upos = doc_.tokens[head].upos;
  bool proper = IsCap(head) && !sentence_initial_common && (upos.empty() || upos == "PROPN" || head != SentBegin(sent));
  if (head == SentBegin(sent) && upos.empty() && IsCap(head) && !sentence_initial_common && a == b) {
    // A lone capitalised word opening the sentence: a name if it names someone seen
    // before or is not a plural common noun.
    proper = !EndsWith(hw, "s") || hw == "reuters";
    for (const Mention& m : mentions_)
      if (m.first < head && T(m.last) == T(head)) proper = true;
  }
  if (proper) {
    uint32_t na = NameRunLeft(head, a);
    return ResolveName(na, head);
  }
  // "The NBC report", "provisional CDC data": the name behind a document.
  if (qa_.document_nouns_.count(hw)) {
    // "according to its annual reports": the owner is the sentence's subject.
    if (Is(a, "its") || Is(a, "their")) {
      Resolved subject = SentenceSubject(sent, a);
      if (!subject.text.empty()) return subject;
    }
    for (uint32_t k = b + 1; k-- > a;) {
      if (k == head) continue;
      if (IsCap(k) && !(k == SentBegin(sent) && Has(k, kStopInitial))) {
        uint32_t na = NameRunLeft(k, a);
        return ResolveName(na, k);
      }
    }
    // "a statement from the opposition": the document's author speaks.
    if (head + 2 <= b && (Is(head + 1, "from") || Is(head + 1, "by"))) return ResolvePhrase(head + 2, b, sent);
  }
  Resolved r;
  r.span = Bytes(a, b);
  // "the agency", "the diplomat": a definite description of someone named before.
  if (b == a + 1 && Is(a, "the")) {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      if (it->sent + 4 < sent) break;
      if (it->sb == kNo || it->speaker.named || it->speaker.text.empty()) continue;
      if (EndsWith(it->speaker.text, std::string(" ") + std::string(hw))) return it->speaker;
    }
    if (qa_.org_nouns_.count(hw)) {
      // An organisation whose name has the noun or is followed by it ("the union"
      // after "the FNV union"), the latest one ...
      const Mention* named = nullptr;
      for (const Mention& m : mentions_) {
        if (m.first >= a) break;
        if (!m.org) continue;
        for (uint32_t k = m.first; k <= m.last + 1 && k < doc_.tokens.size(); ++k)
          if (L(k).view() == hw) named = &m;
      }
      if (named) {
        r.text = named->canonical;
        r.id = named->id;
        r.named = true;
        return r;
      }
      // ... else the organisation the article talks about most (all its mentions,
      // short ones included), the latest one on a tie.
      const Mention* best = nullptr;
      size_t best_count = 0;
      for (const Mention& m : mentions_) {
        if (m.first >= a) break;
        // A lone capitalised word that no entity covers and that modifies the noun after
        // it is no organisation to point back to ("State lawmakers cut ...").
        if (!m.org || (m.id.empty() && m.first == m.last && m.last + 1 < doc_.tokens.size() &&
                       IsWord(m.last + 1) && LowerStart(T(m.last + 1))))
          continue;
        std::string_view first_word = T(m.first);
        size_t count = 0;
        for (const Mention& o : mentions_) {
          if (o.first >= a) break;
          if ((!m.id.empty() && o.id == m.id) || o.canonical == m.canonical ||
              (o.first == o.last && T(o.first) == first_word))
            ++count;
        }
        if (count >= best_count) {
          best = &m;
          best_count = count;
        }
      }
      if (best) {
        r.text = best->canonical;
        r.id = best->id;
        r.named = true;
        return r;
      }
    }
  }
  r.text = Text(a, b);
  return r;
}

Resolved QuoteScan::SentenceSubject(uint32_t s, uint32_t before) {
  uint32_t b = SentBegin(s);
  // Skip an introductory phrase ("Pressed on process, ") when the sentence opens with one.
  if (b < before && (Has(b, kPrep) || IsIngWord(b) || EndsWith(L(b).view(), "ed") ||
                     Has(b, kBoundary))) {
    uint32_t k = b;
    while (k < before && T(k) != ",") ++k;
    if (k < before) b = k + 1;
  }
  if (b >= before || InQuote(b)) return {};
  if (IsPronoun(L(b).view())) return ResolvePronoun(b, s);
  uint32_t k = b;
  if (Is(k, "the") || Is(k, "a") || Is(k, "an")) ++k;
  uint32_t e = k;
  // "Secretary of State Jane Doe": "of" joins two capitalised runs of one name.
  while (e < before && (IsCap(e) || (e > k && IsPossessive(T(e))) ||
                        (e > k && Is(e, "of") && e + 1 < before && IsCap(e + 1))))
    ++e;
  // A common noun phrase when the tagger has run: "A federal judge ... blocked",
  // "State lawmakers cut ...": adjectives and nouns up to the noun before the verb.
  auto nominal = [&](uint32_t t) {
    const std::string& u = doc_.tokens[t].upos;
    return IsWord(t) && CueOf(t) == CueKind::kNone && (u == "NOUN" || u == "PROPN");
  };
  if (e == k || !IsPossessive(T(e - 1))) {
    uint32_t h = e;
    while (h < before && h < k + 6 &&
           (nominal(h) || (doc_.tokens[h].upos == "ADJ" && h + 1 < before && nominal(h + 1))))
      ++h;
    if (h > e && nominal(h - 1)) e = h;
  }
  if (e == k) return {};
  // "Farmers' groups", "Mexico's health ministry": the possessor's noun follows.
  if (IsPossessive(T(e - 1))) {
    uint32_t h = e;
    while (h < before && h < e + 3 && IsWord(h) && LowerStart(T(h)) && doc_.tokens[h].upos != "VERB" &&
           doc_.tokens[h].upos != "AUX" && CueOf(h) == CueKind::kNone)
      ++h;
    e = h;
  }
  return ResolvePhrase(b, e - 1, s);
}

void QuoteScan::ResolveFrames() {
  for (size_t i = 0; i < frames_.size(); ++i) {
    Frame& f = frames_[i];
    if (f.sb != kNo) {
      f.speaker = ResolvePhrase(f.sb, f.se, f.sent);
    } else if (f.inherit) {
      bool found = false;
      for (size_t j = i; j-- > 0;) {
        if (frames_[j].sent != f.sent) break;
        if (!frames_[j].according && !frames_[j].speaker.text.empty()) {
          f.speaker = frames_[j].speaker;
          if (f.reported_by.empty()) f.reported_by = frames_[j].reported_by;
          found = true;
          break;
        }
      }
      if (!found) f.speaker = SentenceSubject(f.sent, f.cue);
    }
  }
  // "said ..., according to a statement released on Tuesday": the document is the
  // medium of the sentence's other source, not a source of its own.
  for (Frame& f : frames_) {
    if (!f.according || f.account || f.speaker.named) continue;
    bool document = false, name = false;
    for (uint32_t k = f.sb; k <= f.se; ++k) {
      document |= Has(k, kDocNoun);
      name |= IsCap(k) && !IsTimeWord(k) && !(k == SentBegin(f.sent) && Has(k, kStopInitial));
    }
    if (!document || name) continue;
    for (const Frame& g : frames_)
      if (&g != &f && g.sent == f.sent && !g.according && g.has_content()) f.drop = true;
  }
  // "according to X’s account": X relays every quote of its sentence.
  for (Frame& f : frames_) {
    if (!f.according || !f.account) continue;
    bool other = false;
    for (Frame& g : frames_) {
      if (&g == &f || g.sent != f.sent || g.according) continue;
      other = true;
      if (g.reported_by.empty()) g.reported_by = f.reported_by;
    }
    if (other) f.drop = true;
  }
  // "Reuters reported that he suggested ...": the inner statement is the quote, and
  // the reporter relays it.
  for (Frame& f : frames_) {
    Lower w_l7 = L(f.cue);
    std::string_view w = w_l7.view();
    bool report = w == "reported" || w == "reports" || w == "reporting" || w == "report";
    if (!report || !f.has_content()) continue;
    bool inner = false;
    for (Frame& g : frames_) {
      if (&g == &f || g.sent != f.sent || g.sb == kNo || g.sb != f.content_b) continue;
      if (g.cue > f.content_e) continue;
      g.reported_by = f.speaker.text;
      inner = true;
    }
    if (inner)
      f.drop = true;
    else if (f.reported_by.empty())
      f.reported_by = f.speaker.text;
  }
}

// ---------------------------------------------------------------- direct quotes

void QuoteScan::AttachDirectQuotes() {
  auto cue_text = [&](const Frame& f) {
    return f.according ? std::string("according to") : std::string(T(f.cue));
  };
  auto take = [&](DirectQuote& q, int fi) {
    const Frame& f = frames_[fi];
    q.frame = fi;
    q.speaker = f.speaker;
    q.cue = cue_text(f);
    q.cue_span = Bytes(f.cue, f.cue_last);
    q.reported_by = f.reported_by;
  };
  for (size_t qi = 0; qi < quotes_.size(); ++qi) {
    DirectQuote& q = quotes_[qi];
    if (!q.keep) continue;
    uint32_t s_open = tok_sent_[q.open];
    uint32_t hi = q.close != kNo ? q.close : q.last_tok;
    uint32_t s_close = tok_sent_[hi];
    int found = -1;
    // A. "“...,” X said" / "“...,” said X".
    if (q.close != kNo) {
      uint32_t t = q.close + 1;
      uint32_t limit = SentEnd(s_close);
      // A sentence split right after the quotation ("“...?” he asked.") is read through
      // when the next sentence of the paragraph opens in lower case.
      if (s_close + 1 < sents_.size() && t == limit &&
          sents_[s_close + 1].paragraph == sents_[s_close].paragraph && t < doc_.tokens.size() &&
          LowerStart(T(t)))
        limit = SentEnd(s_close + 1);
      while (t < limit && doc_.tokens[t].kind == TokenKind::kPunct && T(t) != "(") ++t;
      if (t >= limit) t = kNo;
      // A frame after the closing mark takes only a quotation that ends like speech
      // ("...,”", "...?”", "...”,"); a partial quote ("“likely” ask ...") runs on.
      uint32_t before = q.close - 1;
      bool speech_end = before > q.open && (T(before) == "," || T(before) == "." || T(before) == "!" ||
                                            T(before) == "?" || T(before) == "\xE2\x80\xA6" || T(before) == "\xE2\x80\x94");
      if (!speech_end && !(q.close + 1 < doc_.tokens.size() && (T(q.close + 1) == "," || T(q.close + 1) == ".")))
        t = kNo;
      for (size_t fi = 0; fi < frames_.size() && found < 0; ++fi) {
        const Frame& f = frames_[fi];
        if (t == kNo || f.cue < q.close || f.cue > q.close + 12 || f.according) continue;
        if ((f.inverted && f.cue == t) || (!f.inverted && f.sb == t)) {
          // Only adverbs or auxiliaries between the source and the cue.
          found = static_cast<int>(fi);
        }
      }
    }
    // B. "X said, “...”" / "She added: "...""
    if (found < 0 && q.open > SentBegin(s_open)) {
      uint32_t t = q.open - 1;
      bool sep = T(t) == "," || T(t) == ":";
      for (size_t fi = frames_.size(); fi-- > 0 && found < 0;) {
        const Frame& f = frames_[fi];
        if (f.sent != s_open || f.cue >= q.open || f.according) continue;
        if (f.has_content() && f.content_e >= q.open) break;  // C handles it
        if (q.open - f.cue_last > 10) break;
        bool clean = true;
        for (uint32_t k = f.cue_last + 1; k < q.open; ++k)
          if (IsQuoteMark(k) || Is(k, "that")) clean = false;
        if (clean && (sep || f.cue_last + 1 == q.open)) found = static_cast<int>(fi);
        break;
      }
      // "X said the vote showed “...”": a frame with no named source inside a named
      // speaker's content leaves the quotation to that speaker (C).
      if (found >= 0 && !frames_[found].speaker.named) {
        const Frame& inner = frames_[found];
        for (const Frame& g : frames_)
          if (&g != &inner && g.has_content() && !g.according && g.speaker.named && g.content_b <= inner.cue &&
              inner.cue <= g.content_e && g.content_e + 1 >= hi) {
            found = -1;
            break;
          }
      }
    }
    // C. inside the content of an indirect quote.
    if (found < 0) {
      uint32_t best_b = 0;
      for (size_t fi = 0; fi < frames_.size(); ++fi) {
        const Frame& f = frames_[fi];
        if (!f.has_content() || f.according) continue;
        if (f.content_b <= q.open && hi <= f.content_e + 1 && (found < 0 || f.content_b >= best_b)) {
          found = static_cast<int>(fi);
          best_b = f.content_b;
        }
      }
    }
    // D. the nearest frame in the sentence: before the quote, else after it.
    if (found < 0) {
      for (size_t fi = frames_.size(); fi-- > 0;) {
        const Frame& f = frames_[fi];
        if (f.sent == s_open && f.cue < q.open && !f.according) {
          found = static_cast<int>(fi);
          break;
        }
      }
      if (found < 0) {
        for (size_t fi = 0; fi < frames_.size(); ++fi) {
          const Frame& f = frames_[fi];
          if (f.sent == s_close && f.cue > hi && !f.according) {
            found = static_cast<int>(fi);
            break;
          }
        }
      }
    }
    if (found >= 0) {
      take(q, found);
      continue;
    }
    // F. "X accused the government of lying: “...”": a quotation opened after a colon
    // speaks for the named subject of the clause the colon ends; its verb is the cue.
    if (q.open > SentBegin(s_open) + 2 && T(q.open - 1) == ":") {
      uint32_t sb = SentBegin(s_open), v = sb;
      while (v < q.open - 1 && doc_.tokens[v].upos != "VERB") ++v;
      if (v > sb && v < q.open - 1 && !InQuote(sb)) {
        Resolved r = ResolvePhrase(sb, v - 1, s_open);
        if (r.named) {
          q.speaker = r;
          q.cue = std::string(T(v));
          q.cue_span = Bytes(v, v);
          continue;
        }
      }
    }
    // Short quotes with no reporting verb around are scare quotes or titles.
    uint32_t words = 0;
    for (uint32_t k = q.open + 1; k <= q.last_tok; ++k) words += IsWord(k);
    // E. A quotation standing alone continues the last speaker of its paragraph.
    uint32_t para = sents_[s_open].paragraph;
    bool alone = q.open == SentBegin(s_open);
    if (alone) {
      for (size_t pj = qi; pj-- > 0;) {
        const DirectQuote& p = quotes_[pj];
        if (!p.keep) continue;
        uint32_t pp = sents_[tok_sent_[p.open]].paragraph;
        uint32_t pend = sents_[tok_sent_[p.close != kNo ? p.close : p.last_tok]].paragraph;
        if (pend + 1 < para) break;
        if (p.frame >= 0 || !p.speaker.text.empty()) {
          if (pp == para || pend == para || (pend + 1 == para)) {
            q.speaker = p.speaker;
            q.cue = p.cue;
            q.cue_span = p.cue_span;
            q.reported_by = p.reported_by;
            q.frame = p.frame;
          }
        }
        break;
      }
    }
    if (q.frame < 0 && words <= 3) q.keep = false;
  }
}

void QuoteScan::Emit() {
  auto outlet_of = [&](uint32_t tok) {
    uint32_t p = sents_[tok_sent_[tok]].paragraph;
    if (p < doc_.paragraphs.size() && !doc_.paragraphs[p].source.empty()) return doc_.paragraphs[p].source;
    return doc_.outlet;
  };
  std::vector<Quote> out;
  for (const DirectQuote& q : quotes_) {
    if (!q.keep) continue;
    Quote o;
    o.span = q.span;
    o.direct = true;
    o.speaker = q.speaker.text;
    o.speaker_id = q.speaker.id;
    o.speaker_span = q.speaker.text.empty() ? Span{} : q.speaker.span;
    o.cue = q.cue;
    o.cue_span = q.cue_span;
    uint32_t p0 = sents_[tok_sent_[q.open]].paragraph;
    o.outlet = outlet_of(q.open);
    if (p0 < doc_.paragraphs.size() && doc_.paragraphs[p0].source.empty())
      o.outlet = outlet_of(q.close != kNo ? q.close : q.last_tok);
    o.reported_by = q.reported_by;
    out.push_back(std::move(o));
  }
  for (const Frame& f : frames_) {
    if (f.drop || !f.has_content()) continue;
    Quote o;
    o.span = Bytes(f.content_b, f.content_e);
    o.direct = false;
    o.speaker = f.speaker.text;
    o.speaker_id = f.speaker.id;
    o.speaker_span = f.speaker.text.empty() ? Span{} : f.speaker.span;
    o.cue = f.according ? "according to" : std::string(T(f.cue));
    o.cue_span = Bytes(f.cue, f.cue_last);
    o.outlet = outlet_of(f.content_b);
    o.reported_by = f.reported_by;
    out.push_back(std::move(o));
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
  });
  doc_.quotes = std::move(out);
}

void QuoteScan::Run() {
  size_t n = doc_.tokens.size();
  flags_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const Token& tk = doc_.tokens[i];
    if (tk.kind != TokenKind::kWord && tk.kind != TokenKind::kAbbreviation) continue;
    std::string_view w = T(static_cast<uint32_t>(i));
    if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);  // "Gov." as "gov"
    Lower l(w);
    if (l.n == 0) continue;
    if (uint32_t id = qa_.lex_words_.Find(l.view()); id != StringIds::kNone) flags_[i] = qa_.lex_flags_[id];
  }
  // A sentence that ends without terminal punctuation, or on a title ("Supt."), or
  // that is followed by one opening in lower case, was split too early ("Senator
  // Paula | Reyes said"): join it with the next one of its paragraph.
  sents_.clear();
  for (const Sentence& s : doc_.sentences) {
    if (s.token_end <= s.token_begin || s.token_end > n) continue;
    if (!sents_.empty()) {
      Sentence& prev = sents_.back();
      uint32_t last = prev.token_end - 1;
      std::string_view lt = T(last);
      bool terminal = !lt.empty() && (IsPunct(last) || doc_.tokens[last].kind == TokenKind::kSymbol);
      bool title = doc_.tokens[last].kind == TokenKind::kAbbreviation && IsTitle(last);
      // "Supt" "." when the tokenizer does not know the abbreviation.
      title |= lt == "." && last > prev.token_begin && !doc_.tokens[last - 1].space_after &&
               T(last - 1).size() <= 4 && IsTitle(last - 1) && UpperStart(T(last - 1));
      bool lower = LowerStart(T(s.token_begin));
      if (prev.paragraph == s.paragraph && prev.token_end == s.token_begin && (!terminal || title || lower)) {
        prev.token_end = s.token_end;
        prev.span.end = s.span.end;
        continue;
      }
    }
    sents_.push_back(s);
  }
  tok_sent_.assign(n, 0);
  tok_quote_.assign(n, -1);
  is_apostrophe_.assign(n, false);
  for (uint32_t s = 0; s < sents_.size(); ++s) {
    const Sentence& st = sents_[s];
    for (uint32_t t = st.token_begin; t < st.token_end && t < n; ++t) tok_sent_[t] = s;
  }
  // A wire dateline ("CITY (Agency) - ") opening a paragraph is nobody's words; its
  // tokens stay mapped to their sentence.
  for (size_t s = 0; s < sents_.size(); ++s) {
    if (s > 0 && sents_[s - 1].paragraph == sents_[s].paragraph) continue;
    uint32_t b = DatelineEnd(doc_, sents_[s].token_begin, sents_[s].token_end);
    if (b != sents_[s].token_begin) {
      sents_[s].token_begin = b;
      sents_[s].span.start = doc_.tokens[b].span.start;
    }
  }
  PairQuotes();
  BuildMentions();
  for (uint32_t s = 0; s < sents_.size(); ++s) FindFrames(s);
  ResolveFrames();
  AttachDirectQuotes();
  Emit();
}

// ---------------------------------------------------------------- lexicons

QuoteAttributor::CueKind QuoteAttributor::Cue(std::string_view w) const {
  auto it = cues_.find(w);
  return it == cues_.end() ? CueKind::kNone : it->second;
}

QuoteAttributor::QuoteAttributor() {
  // Reporting verbs, every inflection written out (no lemmatizer needed).
  static constexpr std::string_view kSpeech[] = {
      "say", "says", "said", "saying", "add", "adds", "added", "adding", "argue", "argues", "argued", "arguing",
      "assert", "asserts", "asserted", "asserting", "warn", "warns", "warned", "warning", "claim", "claims",
      "claimed", "claiming", "state", "states", "stated", "reports", "reported", "reporting", "write", "writes",
      "wrote", "writing", "note", "notes", "noted", "noting", "acknowledge", "acknowledges", "acknowledged",
      "acknowledging", "admit", "admits", "admitted", "admitting", "insist", "insists", "insisted", "insisting",
      "explain", "explains", "explained", "explaining", "testify", "testifies", "testified", "testifying",
      "announce", "announces", "announced", "announcing", "predict", "predicts", "predicted", "predicting",
      "suggest", "suggests", "suggested", "suggesting", "reply", "replies", "replied", "replying", "respond",
      "responds", "responded", "responding", "answer", "answers", "answered", "confirm", "confirms", "confirmed",
      "confirming", "estimate", "estimates", "estimated", "allege", "alleges", "alleged", "alleging", "contend",
      "contends", "contended", "contending", "maintain", "maintains", "maintained", "stress", "stresses",
      "stressed", "stressing", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
      "declare", "declares", "declared", "declaring", "concede", "concedes", "conceded", "conceding", "caution",
      "cautions", "cautioned", "cautioning", "complain", "complains", "complained", "complaining", "recall",
      "recalls", "recalled", "recalling", "observe", "observes", "observed", "remark", "remarks", "remarked",
      "repeat", "repeats", "repeated", "reiterate", "reiterates", "reiterated", "reiterating", "tweet",
      "tweeted", "believe", "believes", "believed", "conclude", "concludes", "concluded",
      "recounted", "boast", "boasts", "boasted", "hint", "hints", "hinted", "indicate", "indicates", "indicated",
      "agree", "agrees", "agreed", "rule", "rules", "ruled", "ruling", "vow", "vows", "vowed", "vowing", "pledge",
      "pledges", "pledged", "pledging", "threaten", "threatens", "threatened", "signal", "signals", "signaled",
      "signalled", "counter", "counters", "countered", "add", "quipped", "joked", "acknowledge", "find", "found",
      "show", "shows", "showed", "ask", "asks", "asked", "continued", "continues", "shouted", "yelled",
      "whispered", "wondered", "mused", "exclaimed", "pleaded", "demanded", "demands", "posted", "texted",
      "emailed", "recalls", "explains", "notes", "insists", "admits", "concedes", "cautions", "complains"};
  static constexpr std::string_view kTell[] = {"tell", "tells", "told", "telling", "assure", "assures", "assured",
                                               "inform", "informs", "informed", "promise", "promises", "promised",
                                               "promising", "remind", "reminds", "reminded", "advise", "advised",
                                               "convince", "convinced"};
  static constexpr std::string_view kStance[] = {
      "deny", "denies", "denied", "denying", "dispute", "disputes", "disputed", "disputing", "dismiss",
      "dismisses", "dismissed", "dismissing", "reject", "rejects", "rejected", "rejecting", "question",
      "questions", "questioned", "float", "floats", "floated", "floating", "rebut", "rebuts", "rebutted",
      "refute", "refutes", "refuted", "condemn", "condemns", "condemned", "defend", "defends", "defended"};
  static constexpr std::string_view kFrame[] = {"call", "calls", "called", "calling", "describe", "describes",
                                                "described", "describing", "dub", "dubs", "dubbed", "term",
                                                "terms", "termed", "label", "labels", "labeled", "labelled"};
  for (auto w : kSpeech) cues_[w] = CueKind::kSpeech;
  for (auto w : kTell) cues_[w] = CueKind::kTell;
  for (auto w : kStance) cues_[w] = CueKind::kStance;
  for (auto w : kFrame) cues_[w] = CueKind::kFrameOnly;
  // Words that report speech only before "that": "declared a state of emergency",
  // "announced a plan", "found 12 bodies", "agreed to", "showed no reaction" are not.
  for (auto w : {"declare", "declares", "declared", "declaring", "announce", "announces", "announced", "announcing",
                 "pledge", "pledges", "pledged", "pledging", "vow", "vows", "vowed", "vowing", "confirm",
                 "confirms", "confirmed", "confirming", "estimate", "estimates", "estimated", "agree", "agrees",
                 "agreed", "find", "found", "show", "shows", "showed", "recall", "recalls", "recalled",
                 "recalling", "believe", "believes", "believed", "indicate", "indicates", "indicated", "promise",
                 "promises", "promised", "promising", "threaten", "threatens", "threatened", "signal", "signals",
                 "signaled", "signalled", "maintain", "maintains", "maintained", "repeat", "repeats", "repeated",
                 "state", "states", "stated", "rule", "rules", "ruled", "note", "notes", "noted", "observe", "observes", "observed", "predict", "predicts",
                 "predicted", "conclude", "concludes", "concluded", "answer", "answers", "answered", "respond",
                 "responds", "responded", "counter", "counters", "countered", "remind", "reminds", "reminded",
                 "advise", "advised", "convince", "convinced", "inform", "informs", "informed", "suggest",
                 "suggests", "caution", "cautions", "cautioned", "ask", "asks", "asked", "continued", "continues",
                 "shouted", "yelled", "whispered", "wondered", "mused", "exclaimed", "pleaded", "demanded",
                 "demands", "posted", "texted", "emailed"})
    that_only_.insert(w);
  // "ruling 4-3 that", "noting that", "suggested he would" stay reachable: participles
  // and "suggested" take a bare clause.
  that_only_.erase("ruling");
  that_only_.erase("noting");
  for (auto w : {"mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "capt", "maj", "sgt",
                 "supt", "insp", "cmdr", "adm", "st", "president", "minister", "secretary", "judge", "justice",
                 "attorney", "executive", "director", "chairman", "chairwoman", "chair", "mayor", "governor",
                 "senator", "representative", "speaker", "ambassador", "commissioner", "chancellor", "premier",
                 "prime", "king", "queen", "prince", "princess", "pope", "rev", "father", "sister", "officer",
                 "chief", "spokesman", "spokeswoman", "spokesperson", "inspector", "superintendent", "sheriff",
                 "deputy", "lieutenant", "colonel", "general", "captain", "major", "sergeant", "commander",
                 "admiral", "lord", "lady", "sir", "dame", "pastor", "bishop", "rabbi", "imam", "sheikh",
                 "professor", "doctor", "detective", "councillor", "councilman", "councilwoman", "assemblyman",
                 "assemblywoman", "congressman", "congresswoman", "assistant", "vice", "ceo", "founder",
                 "president-elect", "leader", "archbishop", "cardinal", "emir", "sultan", "coach", "manager",
                 "principal", "clerk", "treasurer", "analyst", "economist", "strategist", "researcher", "scientist",
                 "lawyer", "activist", "historian", "author", "writer", "journalist", "columnist", "editor",
                 "photographer", "engineer", "consultant", "adviser", "advisor", "aide", "expert", "specialist",
                 "official", "pilot", "chef", "farmer", "teacher", "nurse", "player", "striker", "goalkeeper",
                 "owner", "partner", "lecturer", "physician", "pharmacist", "epidemiologist", "economists", "comptroller", "solicitor", "registrar", "dean", "provost", "rector",
                 "headteacher", "headmaster", "headmistress", "chairperson", "trustee", "magistrate", "ombudsman",
                 "envoy", "consul", "marshal", "constable", "warden", "coroner", "surgeon", "auditor",
                 "administrator", "undersecretary", "alderman", "selectman", "delegate", "mp", "mep", "pm",
                 "cllr", "hon", "gov.", "atty", "supt.", "det", "cpl", "pvt", "brig", "fr", "msgr", "amb"})
    titles_.insert(w);
  for (auto w : {"ministry", "department", "agency", "court", "commission", "office", "bank", "steel", "co.",
                 "co", "inc", "inc.", "corp", "corp.", "ltd", "llc", "alliance", "association", "organization",
                 "organisation", "mission", "council", "party", "army", "forces", "radio", "news", "times", "post",
                 "wire", "gazette", "herald", "bureau", "services", "service", "union", "university", "institute",
                 "committee", "authority", "government", "republic", "kingdom", "nations", "region", "province",
                 "county", "city", "river", "sea", "ocean", "island", "islands", "ridge", "bridge", "street",
                 "hall", "house", "congress", "parliament", "senate", "legislature", "capitol", "church",
                 "school", "hospital", "airport", "port", "cross", "group", "fund", "network", "federation",
                 "league", "front", "movement", "guard", "police", "airlines", "motors", "energy", "holdings",
                 "technologies", "systems", "foods", "mining", "partners", "capital", "company", "board",
                 "journal", "tribune", "telegraph", "press", "reuters", "network", "club", "foundation", "trust",
                 "center", "centre", "lab", "labs", "laboratory", "media", "tv", "television", "broadcasting",
                 "ledger", "monitor", "dispatch", "record", "report", "courier", "daily", "weekly", "state",
                 "states", "united", "north", "south", "east", "west", "central", "valley", "mountains", "lake",
                 "department", "parliament", "assembly", "administration", "police", "resources", "affairs",
                 "semiconductor", "semiconductors", "rail", "railway", "railways", "airways", "industries",
                 "electric", "pharmaceuticals", "pharma", "insurance", "logistics", "shipping", "petroleum",
                 "chemicals", "automotive", "software", "solutions", "health", "healthcare", "clinic",
                 "research", "securities", "investments", "ventures", "telecom", "communications",
                 "entertainment", "studios", "beverages", "construction", "engineering", "power", "utilities",
                 "oil", "gas", "metals", "materials", "robotics", "tech", "networks", "bancorp", "financial",
                 "finance", "corporation", "enterprises", "international", "global", "plc", "ag", "sa", "gmbh",
                 "nv", "ministries", "agencies", "courts", "office", "secretariat", "directorate", "observatory",
                 "statistics", "census", "institution", "programme", "program", "initiative", "coalition",
                 "brigade", "battalion", "regiment", "navy", "air", "coast", "command", "nations"})
    org_words_.insert(w);
  for (auto w : {"agency", "ministry", "company", "mission", "department", "court", "commission", "bank", "board",
                 "government", "office", "group", "union", "firm", "council", "committee", "organization",
                 "organisation", "army", "military", "authority", "service", "bureau", "institute", "party", "club",
                 "team", "league", "federation", "association", "university", "school", "hospital", "airline",
                 "carrier", "operator", "utility", "regulator", "watchdog", "charity", "foundation", "network",
                 "broadcaster", "newspaper", "publisher", "manufacturer", "maker", "automaker", "chipmaker",
                 "bank", "lender", "insurer", "retailer", "trust", "council", "paper", "station", "channel",
                 "agency", "website", "site", "outlet", "magazine", "broadcaster", "service", "platform", "app",
                 "startup", "studio", "streamer", "brand", "chain", "group"})
    org_nouns_.insert(w);
  for (auto w : {"the", "a", "an", "in", "on", "at", "but", "and", "asked", "according", "while", "since",
                 "after", "before", "when", "as", "if", "although", "though", "because", "for", "from", "with",
                 "by", "during", "this", "that", "these", "those", "it", "he", "she", "they", "we", "his", "her",
                 "its", "their", "our", "there", "some", "many", "most", "several", "pressed", "speaking",
                 "writing", "meanwhile", "however", "still", "yet", "also", "last", "earlier", "later", "what",
                 "who", "officials", "police", "some", "no", "one", "two", "three", "both", "all", "each",
                 "under", "among", "despite", "until", "over", "instead", "separately", "then", "now", "today"})
    stop_initial_.insert(w);
  for (auto w : {"officials", "police", "prosecutors", "witnesses", "residents", "analysts", "experts", "critics",
                 "volunteers", "meteorologists", "doctors", "authorities", "sources", "lawmakers", "protesters",
                 "investigators", "researchers", "economists", "scientists", "activists", "diplomats", "rescuers",
                 "survivors", "villagers", "officers", "troops", "soldiers", "medics", "workers", "families",
                 "parents", "teachers", "students", "organizers", "organisers", "observers", "aides", "advisers",
                 "advisors", "relatives", "neighbours", "neighbors", "locals", "farmers", "economists", "traders",
                 "investors", "regulators", "scientists", "engineers", "inspectors", "firefighters", "nurses",
                 "reporters", "journalists", "defenders", "opponents", "supporters", "republicans", "democrats",
                 "spokesman", "spokeswoman", "spokesperson", "officials", "residents", "reporting", "data",
                 "records", "documents", "filings", "polls", "surveys", "studies", "figures", "statistics"})
    common_nouns_.insert(w);
  for (auto w : {"report", "reports", "data", "figures", "statistics", "statement", "statements", "study",
                 "survey", "analysis", "records", "estimates", "estimate", "count", "tally", "timeline",
                 "filing", "filings", "documents", "document", "opinion", "memo", "account", "reporting",
                 "version", "telling", "story", "article", "interview", "transcript", "recounting", "coverage",
                 "readout", "summary", "testimony", "review", "assessment", "audit", "letter", "release",
                 "briefing", "broadcast", "post", "posts", "website", "investigation", "poll", "model"})
    document_nouns_.insert(w);
  for (auto w : {"times", "post", "news", "radio", "tv", "television", "journal", "gazette", "herald", "tribune",
                 "telegraph", "press", "reuters", "wire", "agency", "daily", "weekly", "magazine", "network",
                 "broadcasting", "ledger", "monitor", "dispatch", "courier", "bbc", "cnn", "nbc", "abc", "cbs",
                 "npr", "afp", "ap", "bloomberg", "guardian", "economist", "politico", "axios", "cnbc", "fox", "sky", "itv",
                 "rte", "dw", "aljazeera", "standard", "observer", "chronicle", "inquirer", "examiner", "sun",
                 "mirror", "express", "independent", "star", "globe", "mail", "bulletin", "review", "wire",
                 "newsweek", "time", "vox", "semafor", "xinhua", "tass", "kyodo", "yonhap", "efe", "ansa", "dpa"})
    media_words_.insert(w);
  for (auto w : {"in", "on", "at", "outside", "inside", "during", "after", "before", "from", "with", "over", "via",
                 "through", "near", "following", "ahead", "across", "under", "for", "of", "to", "into", "by",
                 "without", "amid", "against", "about", "behind", "beside", "within", "toward", "towards",
                 "around", "since", "until", "upon", "among"})
    prepositions_.insert(w);
  for (auto w : {"that", "which", "who", "whom", "whose", "and", "but", "or", "while", "as", "when", "because",
                 "if", "although", "though", "after", "before", "since", "so", "where", "whereas", "what",
                 "whether", "than", "once", "until", "unless", "nor", "how", "why"})
    boundaries_.insert(w);
  for (auto w : {"also", "later", "repeatedly", "publicly", "privately", "previously", "reportedly", "then",
                 "again", "earlier", "further", "separately", "once", "initially", "subsequently", "quickly",
                 "often", "however", "meanwhile", "too", "still", "now", "already", "recently", "first",
                 "openly", "flatly", "angrily", "firmly", "calmly", "simply"})
    adverbs_.insert(w);
  for (auto w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                 "yesterday", "tonight", "day", "week", "month", "year", "night", "morning", "afternoon",
                 "evening", "weekend", "mondays", "fridays"})
    time_words_.insert(w);
  BuildLexicon();
}

void QuoteAttributor::BuildLexicon() {
  auto add_word = [&](std::string_view w, uint32_t flag) {
    uint32_t id = lex_words_.Intern(w);
    if (id >= lex_flags_.size()) lex_flags_.resize(id + 1, 0);
    lex_flags_[id] |= flag;
  };
  auto add = [&](const std::unordered_set<std::string_view>& set, uint32_t flag) {
    for (std::string_view w : set) add_word(w, flag);
  };
  add(titles_, kTitle);
  add(org_words_, kOrgWord);
  add(stop_initial_, kStopInitial);
  add(common_nouns_, kCommonNoun);
  add(document_nouns_, kDocNoun);
  add(media_words_, kMedia);
  add(prepositions_, kPrep);
  add(boundaries_, kBoundary);
  add(adverbs_, kAdverbWord);
  add(time_words_, kTime);
  add(that_only_, kThatOnly);
  add(org_nouns_, kOrgNoun);
  for (const auto& [w, kind] : cues_) add_word(w, static_cast<uint32_t>(kind) << kCueShift);
}

void QuoteAttributor::annotate(Document& doc) const {
  doc.quotes.clear();
  if (doc.tokens.empty() || doc.sentences.empty()) return;
  QuoteScan scan(*this, doc);
  scan.Run();
}

}  // namespace newsledger

#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>

#include "text/sentence_model.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace newsledger::text {
namespace {

// Capitalised words that usually open a sentence: after "U.S." or "Inc." they signal
// that the abbreviation's period also ended the sentence. Sorted.
constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "A", "After", "Also", "An", "And", "As", "At", "But", "By", "During", "For", "He",
    "Her", "His", "However", "I", "If", "In", "It", "Its", "Meanwhile", "Officials", "On",
    "One", "Our", "She", "Since", "So", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "We", "When", "While", "You"};

bool IsSentenceStarter(std::string_view w) {
  return std::binary_search(kSentenceStarters.begin(), kSentenceStarters.end(), w);
}

enum class QuoteRole { kNone, kOpen, kClose, kToggle };

// These predicates run on every token: they switch on the length first, so most
// tokens (words) are rejected without comparing bytes.
QuoteRole RoleOf(std::string_view tok) {
  switch (tok.size()) {
    case 1: return tok[0] == '"' ? QuoteRole::kToggle : QuoteRole::kNone;
    case 2: return tok == "\u00AB" ? QuoteRole::kOpen : tok == "\u00BB" ? QuoteRole::kClose : QuoteRole::kNone;
    case 3:
      if (tok == "\u201C" || tok == "\u201E") return QuoteRole::kOpen;
      return tok == "\u201D" ? QuoteRole::kClose : QuoteRole::kNone;
    default: return QuoteRole::kNone;
  }
}

bool IsTerminal(std::string_view tok) {
  if (tok.empty()) return false;
  if (tok == "\u2026") return true;
  char c = tok[0];
  return c == '.' || c == '!' || c == '?';
}

bool IsCloser(std::string_view tok) {
  switch (tok.size()) {
    case 1: return tok[0] == ')' || tok[0] == ']' || tok[0] == '\'';
    case 2: return tok == "\u00BB";
    case 3: return tok == "\u201D" || tok == "\u2019";
    default: return false;
  }
}

// A mark that continues or closes what precedes it: no sentence ends before it.
bool IsContinuingMark(std::string_view tok) {
  if (tok.size() != 1) return false;
  char c = tok[0];
  return c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '%';
}

bool CanStartSentence(std::string_view tok) {
  int len;
  uint32_t cp = DecodeAt(tok, 0, &len);
  if (IsUpper(cp)) return true;
  if (cp >= '0' && cp <= '9') return true;
  return tok == "\"" || tok == "\u201C" || tok == "\u2018" || tok == "(" || tok == "[" || tok == "'" ||
         tok == "\u00AB";
}

// Tokens that open a new line of informal text after a full stop: links, dashes
// ("- Eleanor Roosevelt"), runs of symbols ("***", "=====").
bool StartsListOrLink(const Token& t, std::string_view tok) {
  if (t.kind == TokenKind::kUrl || t.kind == TokenKind::kSymbol) return true;
  if (t.kind != TokenKind::kPunct) return false;
  char c = tok[0];
  return c == '-' || c == '*' || c == '.' || c == '?' || c == '_' || static_cast<unsigned char>(c) == 0xE2;
}

bool IsEllipsis(std::string_view tok) { return tok == "\u2026" || tok.starts_with(".."); }

bool IsLowerStart(std::string_view tok) {
  int len;
  return IsLower(DecodeAt(tok, 0, &len));
}

}  // namespace

void RuleGaps(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
              GapRules* gaps) {
  uint32_t n = end > begin ? end - begin : 0;
  gaps->split.assign(n, 0);
  gaps->blocked.assign(n, 0);
  gaps->in_quote.assign(n, 0);
  auto view = [&](uint32_t t) {
    const Span& s = tokens[t].span;
    return text.substr(s.start, s.end - s.start);
  };
  bool in_quote = false;
  // A straight quote opens when it hugs the next token and not the previous one,
  // closes when it hugs the previous token only; otherwise it toggles.
  auto role = [&](uint32_t t) {
    QuoteRole r = RoleOf(view(t));
    if (r != QuoteRole::kToggle) return r;
    bool hug_prev = t > begin && !tokens[t - 1].space_after;
    bool hug_next = tokens[t].space_after == false && t + 1 < end;
    if (hug_next && !hug_prev) return QuoteRole::kOpen;
    if (hug_prev && !hug_next) return QuoteRole::kClose;
    return QuoteRole::kToggle;
  };
  auto track = [&](uint32_t t) {
    switch (role(t)) {
      case QuoteRole::kOpen: in_quote = true; break;
      case QuoteRole::kClose: in_quote = false; break;
      case QuoteRole::kToggle: in_quote = !in_quote; break;
      case QuoteRole::kNone: break;
    }
    gaps->in_quote[t - begin] = in_quote;
  };
  // Words and numbers, most tokens, are never quotation marks, terminals or
  // abbreviations, and only a mark can block the gap after them: a short path.
  auto word_like = [](TokenKind k) {
    return k == TokenKind::kWord || k == TokenKind::kNumber || k == TokenKind::kAbbreviation ||
           k == TokenKind::kUrl || k == TokenKind::kEmail;
  };
  for (uint32_t t = begin; t < end; ++t) {
    TokenKind kind = tokens[t].kind;
    if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
      gaps->in_quote[t - begin] = in_quote;
      if (t + 1 < end && !word_like(tokens[t + 1].kind)) {
        std::string_view next = view(t + 1);
        if (IsContinuingMark(next) || (IsCloser(next) && !tokens[t].space_after)) gaps->blocked[t - begin] = 1;
      }
      continue;
    }
    std::string_view tok = view(t);
    track(t);
    // Never before a mark that continues or closes what precedes it.
    if (t + 1 < end) {
      std::string_view next = view(t + 1);
      if (IsContinuingMark(next) || (IsCloser(next) && !tokens[t].space_after))
        gaps->blocked[t - begin] = 1;
    }
    bool terminal = IsTerminal(tok) && tokens[t].kind != TokenKind::kUrl;
    bool abbreviation_end = false;
    if (!terminal && tokens[t].kind == TokenKind::kAbbreviation && tok.back() == '.') {
      std::string_view bare = tok.substr(0, tok.size() - 1);
      if (!IsTitleAbbreviation(bare)) {
        abbreviation_end = t + 1 == end || IsSentenceStarter(view(t + 1));
      } else {
        gaps->blocked[t - begin] = 1;
      }
    }
    if (!terminal && !abbreviation_end) continue;
    uint32_t k = t + 1;
    bool closed = false;
    while (k < end && IsCloser(view(k)) && !tokens[k - 1].space_after) {
      closed = true;
      gaps->blocked[k - 1 - begin] = 1;
      track(k);
      ++k;
    }
    // A straight quote right after the terminal closes the frame it is in.
    while (k < end && view(k) == "\"" && role(k) != QuoteRole::kOpen && (in_quote || !tokens[k - 1].space_after)) {
      in_quote = false;
      closed = true;
      gaps->blocked[k - 1 - begin] = 1;
      gaps->in_quote[k - begin] = 0;
      ++k;
      while (k < end && IsCloser(view(k)) && !tokens[k - 1].space_after) {
        gaps->blocked[k - 1 - begin] = 1;
        ++k;
      }
    }
    t = k - 1;
    if (k >= end) break;
    // Inside a quotation an ellipsis marks a pause, not an end: "We object… We will
    // not accept it," she said. Full stops inside quotes end sentences as in UD.
    if (in_quote && IsEllipsis(tok)) {
      gaps->blocked[t - begin] = 1;
      continue;
    }
    // A lower-case word after the mark starts a sentence in informal text ("where did
    // you grow up? india?"), but not after a closing quotation ("“Why?” she asked").
    bool lower_start = !closed && terminal && !IsEllipsis(tok) && tokens[k].kind == TokenKind::kWord &&
                       IsLowerStart(view(k)) && !(t > begin && tokens[t - 1].kind == TokenKind::kAbbreviation);
    if (!CanStartSentence(view(k)) && !lower_start && !StartsListOrLink(tokens[k], view(k))) continue;
    gaps->split[t - begin] = 1;
  }
}

void SplitSentences(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                    uint32_t paragraph, const SentenceModel* model, std::vector<Sentence>* out) {
  if (begin >= end) return;
  thread_local GapRules gaps;
  RuleGaps(text, tokens, begin, end, &gaps);
  // Reused across calls on this thread: no allocation per paragraph.
  thread_local std::vector<uint64_t> shapes, lowers;
  if (model) {
    shapes.resize(end - begin);
    lowers.resize(end - begin);
    TokenCodes(text, tokens, begin, end, shapes.data(), lowers.data());
  }
  uint32_t start = begin;
  for (uint32_t t = begin; t + 1 < end; ++t) {
    size_t g = t - begin;
    bool split = gaps.split[g];
    if (model && !gaps.blocked[g]) {
      // IsCandidateGap's commonest "no", decided here without building a context:
      // a word or number followed by an ASCII lower-case letter, where the rules do
      // not split, is never a boundary.
      const Token& a = tokens[t];
      unsigned char next = static_cast<unsigned char>(text[tokens[t + 1].span.start]);
      if (!split && (a.kind == TokenKind::kWord || a.kind == TokenKind::kNumber) && next >= 'a' && next <= 'z')
        continue;
      GapContext ctx{text, &tokens, begin, end, t, split != 0, gaps.in_quote[g] != 0, t + 1 - start, shapes.data(), lowers.data()};
      split = model->Split(ctx);
    }
    if (!split) continue;
    out->push_back({{tokens[start].span.start, tokens[t].span.end}, paragraph, start, t + 1});
    start = t + 1;
  }
  out->push_back({{tokens[start].span.start, tokens[end - 1].span.end}, paragraph, start, end});
}

}  // namespace newsledger::text

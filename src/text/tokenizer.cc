#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

namespace newsledger::text {
namespace {

// Abbreviations that take a period. Sorted for binary search.
constexpr std::array<std::string_view, 90> kAbbreviations = {
    "Adm", "Ala", "Amb", "Apr", "Ariz", "Assoc", "Asst", "Atty", "Aug", "Ave", "Blvd", "Brig",
    "Calif", "Capt", "Cdr", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Del",
    "Dept", "Det", "Dr", "Drs", "Feb", "Fig", "Fla", "Fr", "Fri", "Ft", "Ga", "Gen",
    "Gov", "Govs", "Hon", "Ill", "Inc", "Insp", "Jan", "Jr", "Jul", "Jun", "Kan", "Lt",
    "Ltd", "Maj", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Mo", "Mon", "Mr", "Mrs",
    "Ms", "Msgr", "Mt", "No", "Nov", "Oct", "Ore", "Pa", "Pres", "Prof", "Pvt", "Rep",
    "Reps", "Rev", "Sec", "Sen", "Sens", "Sep", "Sept", "Sgt", "Spc", "Sr", "St", "Supt",
    "Tenn", "Tex", "Va", "Wash", "etc", "vs"};

// Titles and month names: an abbreviation from this set never ends a sentence.
constexpr std::array<std::string_view, 51> kTitleAbbreviations = {
    "Adm", "Amb", "Apr", "Assoc", "Asst", "Atty", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Col",
    "Cpl", "Dec", "Det", "Dr", "Feb", "Fr", "Gen", "Gov", "Govs", "Hon", "Insp", "Jan",
    "Jul", "Jun", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Nov", "Oct",
    "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sec", "Sen", "Sens", "Sep", "Sept", "Sgt",
    "Spc", "St", "Supt"};

bool InSorted(std::string_view w, const std::string_view* begin, const std::string_view* end) {
  return std::binary_search(begin, end, w);
}

bool IsAbbreviation(std::string_view w) {
  return InSorted(w, kAbbreviations.begin(), kAbbreviations.end());
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Class of the code point at i (with its length), ASCII fast path.
CharClass ClassAt(std::string_view s, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return kAsciiClasses[c];
  }
  return Classify(DecodeAt(s, i, len));
}

// ASCII letters; bytes from 0x80 up are decoded and classified separately.
constexpr std::array<bool, 256> kAsciiLetter = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
  return t;
}();

// ASCII bytes that may join word characters inside one chunk (each under its own
// condition in Scanner::Word): "3.5", "80,000", "10:30", "9/11", "a@b", "a_b", "AT&T",
// "non-binding", "O'Brien".
constexpr std::array<bool, 128> kAsciiConnector = [] {
  std::array<bool, 128> t{};
  for (char c : std::string_view(".,:/@_&-'")) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

bool IsWordChar(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// An apostrophe at i: ' or ’ (U+2019, bytes E2 80 99). Returns its length or 0.
int ApostropheAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99)
    return 3;
  return 0;
}

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char a = s[i + k];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[k]) return false;
  }
  return true;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    char x = a[k], y = b[k];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

class Scanner {
 public:
  Scanner(std::string_view text, Span range, std::vector<Token>* out)
      : s_(text), end_(range.end), out_(out), i_(range.start) {}

  void Run() {
    while (i_ < end_) {
      int len;
      CharClass c = ClassAt(s_, i_, &len);
      if (c == CharClass::kSpace || c == CharClass::kOther) {
        i_ += len;
        continue;
      }
      if (IsWordChar(c)) { Word(); continue; }
      if (c == CharClass::kQuote) {
        // A leading apostrophe before digits is an elision ("’90s"), part of the word.
        int ap = ApostropheAt(s_, i_);
        if (ap && i_ + ap < end_ && IsAsciiDigit(s_[i_ + ap]) && AtWordStart()) {
          size_t start = i_;
          i_ += ap;
          Word(start);
          continue;
        }
        Emit(i_, i_ + len, TokenKind::kQuote);
        i_ += len;
        continue;
      }
      if (c == CharClass::kPunct || c == CharClass::kHyphen || c == CharClass::kDash) {
        Punct(len, c);
        continue;
      }
      // Symbols: each its own token, but a run of one ASCII symbol ("====") is one.
      size_t start = i_;
      i_ += len;
      if (len == 1 && s_[start] != '$' && s_[start] != '%')
        while (i_ < end_ && s_[i_] == s_[start]) ++i_;
      Emit(start, i_, TokenKind::kSymbol);
    }
  }

 private:
  bool AtWordStart() const {
    if (i_ == 0) return true;
    int len;
    size_t p = i_ - 1;
    while (p > 0 && (static_cast<unsigned char>(s_[p]) & 0xC0) == 0x80) --p;
    CharClass c = ClassAt(s_, p, &len);
    return !IsWordChar(c);
  }

  // Built in place (no temporary Token to move); the previous token of this range
  // learns here whether a space follows it, so no second pass is needed.
  void Emit(size_t a, size_t b, TokenKind kind) {
    if (out_->size() > first_) {
      Token& prev = out_->back();
      prev.space_after = prev.span.end != a;
    }
    // Every member given: `emplace_back()` (or leaving members out) value-initialises,
    // and g++ then zeroes the whole 112-byte Token with a slow `rep stos` first.
    out_->emplace_back(Span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)}, kind, true, std::string(),
                       std::string(), std::string());
  }

  void Punct(int len, CharClass c) {
    size_t start = i_;
    unsigned char b = static_cast<unsigned char>(s_[i_]);
    i_ += len;
    TokenKind kind = TokenKind::kPunct;
    if (b < 0x80 && (b == '.' || b == '-' || b == '!' || b == '?' || b == '_')) {
      // Runs: "...", "--", "!!", "?!".
      while (i_ < end_) {
        char n = s_[i_];
        bool same = (n == static_cast<char>(b)) || ((b == '!' || b == '?') && (n == '!' || n == '?'));
        if (!same) break;
        ++i_;
      }
    } else if (c == CharClass::kDash) {
      int l2;
      while (i_ < end_ && ClassAt(s_, i_, &l2) == CharClass::kDash) i_ += l2;
    }
    Emit(start, i_, kind);
  }

  // Scans URLs, e-mail addresses, numbers, abbreviations and words starting at i_
  // (or at `start` when a leading elision apostrophe was already consumed).
  void Word(size_t start = SIZE_MAX) {
    if (start == SIZE_MAX) start = i_;
    char first = s_[start];
    if ((first == 'h' || first == 'H' || first == 'w' || first == 'W') &&
        (StartsWithNoCase(s_, start, "http://") || StartsWithNoCase(s_, start, "https://") ||
         StartsWithNoCase(s_, start, "www."))) {
      Url(start);
      return;
    }
    // The chunk: word chars joined by word-internal connectors.
    size_t j = i_;
    bool has_at = false, has_letter = false, has_apostrophe = false;
    int dots = 0;
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s_.data());
    const size_t e = end_;
    while (j < e) {
      // Runs of ASCII letters and digits, the bulk of every word, in tight loops.
      size_t k = j;
#if defined(__SSE2__)
      // Sixteen bytes at a time: most words end inside the first block, so the byte
      // loop's hard-to-predict exit is replaced by one bit scan.
      while (k + 16 <= s_.size()) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        // (b | 0x20) - 'a' below 26, as an unsigned byte compare: ASCII letters only.
        __m128i folded = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        __m128i letter = _mm_cmplt_epi8(_mm_xor_si128(folded, _mm_set1_epi8(static_cast<char>(0x80))),
                                        _mm_set1_epi8(static_cast<char>(0x80 + 26)));
        unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(letter)) ^ 0xFFFFu;
        if (mask) {
          k += static_cast<size_t>(__builtin_ctz(mask));
          break;
        }
        k += 16;
      }
      if (k > e) k = e;
#endif
      while (k < e && kAsciiLetter[p[k]]) ++k;
      if (k != j) has_letter = true;
      while (k < e && static_cast<unsigned>(p[k] - '0') < 10u) ++k;
      if (k != j) {
        j = k;
        continue;
      }
      // Any other ASCII byte but a connector ends the chunk (a space, mostly).
      if (p[j] < 0x80 && !kAsciiConnector[p[j]]) break;
      int len;
      CharClass c = ClassAt(s_, j, &len);
      if (IsWordChar(c)) {
        if (c == CharClass::kLetter) has_letter = true;
        j += len;
        continue;
      }
      char ch = s_[j];
      bool next_alnum = j + 1 < end_ && IsWordCharAt(j + 1);
      bool prev_digit = j > start && IsAsciiDigit(s_[j - 1]);
      bool next_digit = j + 1 < end_ && IsAsciiDigit(s_[j + 1]);
      if (ch == '.' && next_alnum) {
        // "3.5", "U.S", "e.g", "example.com": keep going.
        ++dots;
        j += 1;
        continue;
      }
      if ((ch == ',' || ch == ':' || ch == '/') && prev_digit && next_digit) {
        // "80,000", "10:30", "9/11"; a comma needs exactly three digits after it.
        if (ch == ',' && !ThreeDigitGroupAt(j + 1)) break;
        j += 1;
        continue;
      }
      if (ch == '@' && j > start && next_alnum && !has_at) {
        has_at = true;
        j += 1;
        continue;
      }
      if ((ch == '_' || ch == '&') && next_alnum && j > start && IsAsciiAlnum(s_[j - 1])) {
        j += 1;
        continue;
      }
      if (c == CharClass::kHyphen && j > start && j + len < end_ && KeepsHyphen(s_.substr(start, j - start), j + len)) {
        j += len;
        continue;
      }
      int ap = ApostropheAt(s_, j);
      if (ap && j + ap < end_ && IsWordCharAt(j + ap) && j > start) {
        has_apostrophe = true;
        j += ap;
        continue;
      }
      break;
    }
    std::string_view chunk = s_.substr(start, j - start);
    if (has_at && dots > 0) {
      Emit(start, j, TokenKind::kEmail);
      i_ = j;
      return;
    }
    // A domain name without scheme ("example.com") stays one token.
    if (dots > 0 && has_letter && LooksLikeDomain(chunk)) {
      Emit(start, j, TokenKind::kUrl);
      i_ = j;
      return;
    }
    // Trailing period of an abbreviation.
    if (j < end_ && s_[j] == '.' && has_letter && TakesPeriod(chunk)) {
      Emit(start, j + 1, TokenKind::kAbbreviation);
      i_ = j + 1;
      return;
    }
    if (dots > 0 && has_letter && !StartsWithDigit(chunk)) {
      // "e.g" without its final period, or "U.S" inside a longer run: abbreviation-like.
      Emit(start, j, TokenKind::kAbbreviation);
      i_ = j;
      return;
    }
    SplitWord(start, j, has_letter, has_apostrophe);
    i_ = j;
  }

  // UD splits hyphenated words ("well|-|known") except after a few bound prefixes
  // ("non-Microsoft", "e-mail") and inside phone numbers ("713-555-0100").
  bool KeepsHyphen(std::string_view before, size_t next) const {
    static constexpr std::array<std::string_view, 16> kPrefixes = {
        "anti", "co", "cross", "e", "ex", "mid", "multi", "neo", "non", "post", "pre", "pro", "re", "semi", "sub", "un"};
    if (IsAsciiDigit(s_[next])) {
      size_t cut = before.find_last_of('-');
      std::string_view group = cut == std::string_view::npos ? before : before.substr(cut + 1);
      bool digits = group.size() == 3 || (group == "1" && before.size() == 1);
      for (char c : group) digits = digits && IsAsciiDigit(c);
      return digits && next + 3 <= end_ && IsAsciiDigit(s_[next + 1]) && IsAsciiDigit(s_[next + 2]);
    }
    if (!IsWordCharAt(next)) return false;
    for (std::string_view p : kPrefixes)
      if (EqualsNoCase(before, p)) return true;
    return false;
  }

  // Exactly three digits at k, then no further digit: a thousands group.
  bool ThreeDigitGroupAt(size_t k) const {
    if (k + 3 > end_) return false;
    for (size_t d = k; d < k + 3; ++d)
      if (!IsAsciiDigit(s_[d])) return false;
    return k + 3 == end_ || !IsAsciiDigit(s_[k + 3]);
  }

  bool IsWordCharAt(size_t k) const {
    int len;
    return IsWordChar(ClassAt(s_, k, &len));
  }

  static bool StartsWithDigit(std::string_view w) { return !w.empty() && IsAsciiDigit(w[0]); }

  static bool LooksLikeDomain(std::string_view w) {
    size_t dot = w.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= w.size()) return false;
    std::string_view tld = w.substr(dot + 1);
    static constexpr std::array<std::string_view, 14> kTlds = {
        "com", "org", "net", "gov", "edu", "int", "mil", "io", "info", "news", "uk", "co", "de", "fr"};
    for (std::string_view t : kTlds)
      if (tld == t) return w.size() - tld.size() - 1 >= 2;
    return false;
  }

  static bool TakesPeriod(std::string_view w) {
    if (IsAbbreviation(w)) return true;
    // Single capital letter: an initial ("J. Smith"). Internal dots: "U.S", "a.m".
    if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;
    if (w.find('.') != std::string_view::npos) {
      for (char c : w)
        if (!(c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
      // Each dot-separated piece is short: "U.S", "a.m", "e.g", "Ph.D".
      size_t piece = 0;
      for (char c : w) {
        if (c == '.') piece = 0;
        else if (++piece > 2) return false;
      }
      return true;
    }
    return false;
  }

  // Emits a plain word or number, splitting contractions and possessives as UD does.
  void SplitWord(size_t a, size_t b, bool has_letter, bool has_apostrophe) {
    std::string_view w = s_.substr(a, b - a);
    TokenKind kind = has_letter && !(StartsWithDigit(w) && IsOrdinalOrDecade(w)) ? TokenKind::kWord : TokenKind::kNumber;
    if (!has_letter) kind = TokenKind::kNumber;
    // Whole-word splits: cannot, gonna, wanna, gotta.
    struct Fixed { std::string_view word; size_t cut; };
    static constexpr Fixed kFixed[] = {{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}};
    for (const Fixed& f : kFixed) {
      if (w.size() != 5 && w.size() != 6) break;  // no fixed word has another length
      if (w.size() == f.word.size() && EqualsNoCase(w, f.word)) {
        Emit(a, a + f.cut, TokenKind::kWord);
        Emit(a + f.cut, b, TokenKind::kWord);
        return;
      }
    }
    if (has_letter && has_apostrophe) {
      // n't / n’t
      for (int ap_len : {1, 3}) {
        size_t tail = 2 + ap_len;  // "n" + apostrophe + "t"
        if (w.size() > tail && (w[w.size() - tail] == 'n' || w[w.size() - tail] == 'N') &&
            ApostropheAt(s_, b - ap_len - 1) == ap_len && (w.back() == 't' || w.back() == 'T')) {
          Emit(a, b - tail, TokenKind::kWord);
          Emit(b - tail, b, TokenKind::kWord);
          return;
        }
      }
      // 's 'm 'd 'll 're 've (with ' or ’).
      for (size_t k = a + 1; k < b; ++k) {
        int ap = ApostropheAt(s_, k);
        if (!ap) continue;
        std::string_view rest = s_.substr(k + ap, b - k - ap);
        if (EqualsNoCase(rest, "s") || EqualsNoCase(rest, "m") || EqualsNoCase(rest, "d") ||
            EqualsNoCase(rest, "ll") || EqualsNoCase(rest, "re") || EqualsNoCase(rest, "ve")) {
          Emit(a, k, kind);
          Emit(k, b, TokenKind::kWord);
          return;
        }
        k += ap - 1;
      }
    }
    Emit(a, b, kind);
  }

  static bool IsOrdinalOrDecade(std::string_view w) {
    // "21st", "1990s", "3rd": digits then a short letter suffix.
    size_t k = 0;
    while (k < w.size() && IsAsciiDigit(w[k])) ++k;
    std::string_view suf = w.substr(k);
    return suf == "s" || suf == "st" || suf == "nd" || suf == "rd" || suf == "th";
  }

  void Url(size_t start) {
    size_t j = start;
    while (j < end_) {
      int len;
      CharClass c = ClassAt(s_, j, &len);
      if (c == CharClass::kSpace || (c == CharClass::kQuote && s_[j] != '\'')) break;
      j += len;
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while (j > start + 1 && std::strchr(".,;:!?)]'", s_[j - 1]) != nullptr) --j;
    Emit(start, j, TokenKind::kUrl);
    i_ = j;
  }

  std::string_view s_;
  size_t end_;
  std::vector<Token>* out_;
  size_t i_;
  size_t first_ = out_->size();
};

}  // namespace

bool IsTitleAbbreviation(std::string_view word) {
  return InSorted(word, kTitleAbbreviations.begin(), kTitleAbbreviations.end());
}

void Tokenize(std::string_view text, Span range, std::vector<Token>* out) {
  Scanner(text, range, out).Run();
}

}  // namespace newsledger::text

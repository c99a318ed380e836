// utf8.h: decoding one code point and classifying it, with ASCII fast paths.
//
// The text is valid UTF-8 (readers reject anything else), so decoding does no
// validation beyond staying inside the buffer. Classes come from utf8proc's Unicode
// categories for non-ASCII code points.
#ifndef NEWSLEDGER_TEXT_UTF8_H_
#define NEWSLEDGER_TEXT_UTF8_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace newsledger::text {

// Decodes the code point at s[i]; sets *len to its byte length (1 for a stray byte).
// ASCII is decoded inline; longer sequences out of line.
uint32_t DecodeMultiByteAt(std::string_view s, size_t i, int* len);
inline uint32_t DecodeAt(std::string_view s, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  return DecodeMultiByteAt(s, i, len);
}

enum class CharClass : uint8_t {
  kSpace,      // white space, incl. no-break and other Zs, zero-width space
  kLetter,     // L*, M* (marks stay with their letter)
  kDigit,      // Nd and other N*
  kHyphen,     // - U+2010 U+2011 (word-internal hyphens; split off as UD does)
  kDash,       // U+2012..U+2015 (en, em dash), U+2212 minus
  kQuote,      // " “ ” „ ‘ ’ ‚ « » ' and other Pi/Pf
  kApostrophe, // never returned: ' and ’ come back as kQuote; word scans decide
  kPunct,      // other P* (. , ; : ! ? … brackets)
  kSymbol,     // S* ($ € % + = ...)
  kOther,      // control, unassigned
};

constexpr CharClass ClassifyAscii(uint32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::kSpace;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '-') return CharClass::kHyphen;
  if (c == '"' || c == '\'') return CharClass::kQuote;
  if (c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
      c == '|' || c == '~' || c == '&' || c == '#' || c == '*' || c == '@')
    return CharClass::kSymbol;
  if (c < 0x20 || c == 0x7F) return CharClass::kOther;
  return CharClass::kPunct;
}

// The ASCII classes as a table: the tokenizer asks for one per byte.
inline constexpr std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> t{};
  for (uint32_t c = 0; c < 128; ++c) t[c] = ClassifyAscii(c);
  return t;
}();

CharClass Classify(uint32_t cp);

bool IsUpperNonAscii(uint32_t cp);
bool IsLowerNonAscii(uint32_t cp);
inline bool IsUpper(uint32_t cp) { return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : IsUpperNonAscii(cp); }
inline bool IsLower(uint32_t cp) { return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : IsLowerNonAscii(cp); }

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_UTF8_H_

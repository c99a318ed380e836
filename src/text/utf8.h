// utf8.h: decoding one code point and classifying it, with ASCII fast paths.
//
// The text is valid UTF-8 (readers reject anything else), so decoding does no
// validation beyond staying inside the buffer. Classes come from utf8proc's Unicode
// categories for non-ASCII code points.
#ifndef NEWSLEDGER_TEXT_UTF8_H_
#define NEWSLEDGER_TEXT_UTF8_H_

#include <cstdint>
#include <string_view>

namespace newsledger::text {

// Decodes the code point at s[i]; sets *len to its byte length (1 for a stray byte).
uint32_t DecodeAt(std::string_view s, size_t i, int* len);

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

CharClass Classify(uint32_t cp);

bool IsUpper(uint32_t cp);
bool IsLower(uint32_t cp);

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_UTF8_H_

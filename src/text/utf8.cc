#include "text/utf8.h"

#include <utf8proc.h>

#include <array>

namespace newsledger::text {

uint32_t DecodeMultiByteAt(std::string_view s, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (n == 1 || i + n > s.size()) { *len = 1; return c; }
  uint32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

CharClass Classify(uint32_t cp) {
  if (cp < 0x80) return kAsciiClasses[cp];
  switch (cp) {
    case 0x00A0: case 0x200B: case 0x2060: case 0xFEFF: return CharClass::kSpace;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return CharClass::kDash;
    case 0x00AD: return CharClass::kOther;  // soft hyphen: invisible, belongs to no token
    default: break;
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return CharClass::kQuote;
    case UTF8PROC_CATEGORY_PD: return CharClass::kDash;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO: return cp == 0x201E || cp == 0x201A ? CharClass::kQuote : CharClass::kPunct;
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: return CharClass::kSymbol;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    default: return CharClass::kOther;
  }
}

bool IsUpperNonAscii(uint32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LT;
}

bool IsLowerNonAscii(uint32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

}  // namespace newsledger::text

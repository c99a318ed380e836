// dateline.cc: see dateline.h.
#include "text/dateline.h"

#include <string_view>

namespace newsledger {
namespace {

constexpr uint32_t kMaxDatelineTokens = 16;

std::string_view TextOf(const Document& doc, const Token& t) {
  return std::string_view(doc.text).substr(t.span.start, t.span.end - t.span.start);
}

bool IsDash(std::string_view w) { return w == "-" || w == "--" || w == "\u2013" || w == "\u2014"; }

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// "KHARTOUM", "ST.", "D.C.": two or more letters, none lower case.
bool IsAllCapsWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++letters;
    else if (c != '.' && c != '\'' && c != '-' && static_cast<unsigned char>(c) < 0x80) return false;
  }
  return letters >= 2;
}

}  // namespace

uint32_t DatelineEnd(const Document& doc, uint32_t begin, uint32_t end) {
  if (begin >= end || end > doc.tokens.size()) return begin;
  if (!IsAllCapsWord(TextOf(doc, doc.tokens[begin]))) return begin;
  int depth = 0;
  for (uint32_t k = begin + 1; k < end && k < begin + kMaxDatelineTokens; ++k) {
    std::string_view w = TextOf(doc, doc.tokens[k]);
    if (w.empty()) return begin;
    if (w == "(") { ++depth; continue; }
    if (w == ")") { if (--depth < 0) return begin; continue; }
    if (depth > 0) continue;  // the agency: "(Reuters)", "(AP)"
    if (IsDash(w)) {
      // Something must follow, opening a new clause.
      if (k + 1 >= end) return begin;
      std::string_view next = TextOf(doc, doc.tokens[k + 1]);
      return !next.empty() && !IsAsciiLower(next[0]) ? k + 1 : begin;
    }
    if (w == "," || w == ".") continue;
    char c = w[0];
    if (IsAsciiLower(c)) return begin;
    if (!IsAsciiUpper(c) && !(c >= '0' && c <= '9') && static_cast<unsigned char>(c) < 0x80) return begin;
  }
  return begin;
}

}  // namespace newsledger

// metadata.cc: the metadata helpers every reader shares: dates to YYYY-MM-DD,
// stable ids from file names and URLs, Windows-1252 to UTF-8.
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace newsledger::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// "" unless y-m-d is a real date in a plausible range for news.
std::string FormatDate(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return "";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads `count` digits (exactly `min`..`max` of them) at s[*i].
bool ReadNumber(std::string_view s, size_t* i, size_t min, size_t max, int* out) {
  size_t start = *i, n = 0;
  int v = 0;
  while (*i < s.size() && IsDigit(s[*i]) && n < max) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
    ++n;
  }
  if (n < min || (*i < s.size() && IsDigit(s[*i]))) {
    *i = start;
    return false;
  }
  *out = v;
  return true;
}

// 1..12 for an English month name or its abbreviation, else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::array<const char*, 12> kMonths = {"january", "february", "march",     "april",
                                                          "may",     "june",     "july",      "august",
                                                          "september", "october", "november", "december"};
  std::string w;
  for (char c : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (w == "sept") return 9;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view full = kMonths[m];
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return static_cast<int>(m) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<const char*, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
  std::string w;
  for (char c : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view d : kDays)
    if (w == d || (w.size() >= 3 && d.substr(0, w.size()) == w)) return true;
  return false;
}

// ISO-like numeric dates that start with the year.
std::string NormalizeNumeric(std::string_view s) {
  size_t i = 0;
  int y, m, d;
  if (!ReadNumber(s, &i, 4, 4, &y)) {
    // YYYYMMDD, alone or before a time.
    if (ReadNumber(s, &i, 8, 8, &y) && (i == s.size() || s[i] == 'T')) {
      return FormatDate(y / 10000, y / 100 % 100, y % 100);
    }
    return "";
  }
  if (i >= s.size()) return "";
  char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return "";
  ++i;
  if (!ReadNumber(s, &i, 1, 2, &m) || i >= s.size() || s[i] != sep) return "";
  ++i;
  if (!ReadNumber(s, &i, 1, 2, &d)) return "";
  if (i < s.size() && s[i] != 'T' && s[i] != 't' && s[i] != ' ' && s[i] != 'Z' && s[i] != '+') return "";
  return FormatDate(y, m, d);
}

}  // namespace

std::string NormalizeDate(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return "";
  if (IsDigit(s[0])) {
    std::string iso = NormalizeNumeric(s);
    if (!iso.empty()) return iso;
  }
  // Words and numbers: "Monday, November 17, 2025 8:00 AM", "17th of Nov. 2025".
  struct Piece {
    std::string_view text;
    bool digits;
  };
  std::vector<Piece> pieces;
  for (size_t i = 0; i < s.size() && pieces.size() < 8;) {
    if (IsDigit(s[i]) || IsAlpha(s[i])) {
      bool digits = IsDigit(s[i]);
      size_t j = i;
      while (j < s.size() && (digits ? IsDigit(s[j]) : IsAlpha(s[j]))) ++j;
      pieces.push_back({s.substr(i, j - i), digits});
      i = j;
    } else {
      ++i;
    }
  }
  int year = 0, month = 0, day = 0;
  size_t seen = 0;  // fields read, in order
  for (size_t k = 0; k < pieces.size() && seen < 3; ++k) {
    const Piece& p = pieces[k];
    if (!p.digits) {
      std::string lower;
      for (char c : p.text) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (seen == 0 && IsWeekday(p.text)) continue;
      if (lower == "st" || lower == "nd" || lower == "rd" || lower == "th" || lower == "of") continue;
      int m = MonthNumber(p.text);
      if (m == 0 || month) return "";
      month = m;
      ++seen;
    } else if (p.text.size() <= 2 && !day && (seen == 0 || (seen == 1 && month))) {
      day = std::stoi(std::string(p.text));
      ++seen;
    } else if (p.text.size() == 4 && month && day) {
      year = std::stoi(std::string(p.text));
      ++seen;
    } else {
      return "";
    }
  }
  if (!year || !month || !day) return "";
  return FormatDate(year, month, day);
}

std::string FileStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() > 3 && lower.substr(lower.size() - 3) == ".gz") name.remove_suffix(3);
  size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

std::string HostOfUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string out(host);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.compare(0, 4, "www.") == 0) out.erase(0, 4);
  return out;
}

std::string IdFromUrl(std::string_view url) {
  url = Trim(url);
  std::string host = HostOfUrl(url);
  if (host.empty()) return std::string(url.substr(0, url.find_first_of("?#")));
  std::string_view rest = url.substr(url.find("://") + 3);
  size_t slash = rest.find_first_of("/?#");
  std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  return host + std::string(path);
}

std::string Windows1252ToUtf8(std::string_view in) {
  // 0x80..0x9F differ from ISO-8859-1; 0 marks the five undefined bytes (kept as C1).
  static constexpr uint16_t kHigh[32] = {
      0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (char ch : in) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
      continue;
    }
    uint32_t cp = c;
    if (c < 0xA0 && kHigh[c - 0x80]) cp = kHigh[c - 0x80];
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

}  // namespace newsledger::ingest

#include "newsledger/reader.h"

#include <fstream>
#include <sstream>

namespace newsledger {

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

Document ParsePlainText(std::string_view content, std::string origin) {
  Document doc;
  doc.origin = std::move(origin);
  doc.id = doc.origin;
  doc.text = std::string(content);
  return doc;
}

ReadStats ReadPath(const std::string& path, const DocumentSink& sink, const IssueSink& issues) {
  ReadStats stats;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    issues({path, "cannot open", true});
    ++stats.skipped;
    return stats;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string content = ss.str();
  stats.bytes = content.size();
  sink(ParsePlainText(content, path));
  ++stats.documents;
  return stats;
}

}  // namespace newsledger

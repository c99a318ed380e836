// plain_text_reader.cc: one article per text file.
//
// Form: an optional header block, then the body.
//   Title: Floodwaters recede in the delta
//   Date: November 17, 2025          (or Published:; normalised to 2025-11-17)
//   Outlet: Example Wire
//   URL: https://example.com/delta-floods
//   Id: delta-floods-1
//   <blank line>
//   Body paragraphs...
// The header is a run of `Key: value` lines at the very start of the file, at least
// one of them with a key above (case-insensitive; other keys such as Author are
// accepted and ignored), ended by a blank line or the end of the file. Anything else
// at the start means there is no header and the whole file is the body. The header
// is not part of Document::text. Line ends are normalised to "\n" (CRLF and lone CR),
// so spans count bytes of the normalised text. Paragraphs and outlet tags are left to
// the segmenter.
#include <cstring>
#include <string>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace ingest {
namespace {

std::string_view TrimView(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// Splits "Key: value"; false when the line is not of that form.
bool SplitHeaderLine(std::string_view line, std::string_view* key, std::string_view* value) {
  size_t colon = line.substr(0, 25).find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = line[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != ' ') return false;
  }
  *key = TrimView(line.substr(0, colon));
  *value = TrimView(line.substr(colon + 1));
  return !key->empty();
}

// Replaces CRLF and lone CR by LF, in place.
void NormalizeLineEnds(std::string& s) {
  if (!std::memchr(s.data(), '\r', s.size())) return;
  size_t w = 0;
  for (size_t r = 0; r < s.size(); ++r) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
    } else {
      s[w++] = s[r];
    }
  }
  s.resize(w);
}

// Parses the header block of `content` into `doc` and strips it and the BOM from
// `content`, which becomes the text. `raw_date` receives an unparseable Date value.
void ParseInto(std::string&& content, Document& doc, std::string* raw_date) {
  size_t bom = content.size() - StripBom(content).size();
  std::string_view rest = std::string_view(content).substr(bom);
  struct Field {
    std::string_view key, value;
  };
  Field fields[32];
  size_t nfields = 0, known = 0, pos = 0;
  bool header = false;
  while (pos <= rest.size()) {
    size_t nl = rest.find('\n', pos);
    std::string_view line = rest.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    size_t next = nl == std::string_view::npos ? rest.size() + 1 : nl + 1;
    if (TrimView(line).empty()) {
      header = nfields > 0 && known > 0;
      if (header) pos = next;
      break;
    }
    std::string_view key, value;
    if (nfields == 32 || !SplitHeaderLine(line, &key, &value)) break;
    for (const char* k : {"title", "date", "published", "outlet", "url", "id"})
      if (EqualsIgnoreCase(key, k)) ++known;
    fields[nfields++] = {key, value};
    pos = next;
    if (nl == std::string_view::npos) {
      header = known > 0;
      break;
    }
  }
  if (header) {
    for (size_t i = 0; i < nfields; ++i) {
      auto [key, value] = fields[i];
      if (EqualsIgnoreCase(key, "title")) doc.title = value;
      else if (EqualsIgnoreCase(key, "outlet")) doc.outlet = value;
      else if (EqualsIgnoreCase(key, "url")) doc.url = value;
      else if (EqualsIgnoreCase(key, "id")) doc.id = value;
      else if (EqualsIgnoreCase(key, "date") || EqualsIgnoreCase(key, "published")) {
        doc.published = NormalizeDate(value);
        if (doc.published.empty() && raw_date) *raw_date = value;
      }
    }
    // Blank lines between the header and the body belong to neither.
    while (pos < rest.size()) {
      size_t nl = rest.find('\n', pos);
      if (nl == std::string_view::npos || !TrimView(rest.substr(pos, nl - pos)).empty()) break;
      pos = nl + 1;
    }
    content.erase(0, bom + std::min(pos, rest.size()));
  } else if (bom) {
    content.erase(0, bom);
  }
  NormalizeLineEnds(content);
  doc.text = std::move(content);
  if (doc.id.empty()) doc.id = doc.origin == "<stdin>" ? "stdin" : FileStem(doc.origin);
}

}  // namespace

void ReadPlainText(std::string&& content, const std::string& path, ReadContext& ctx) {
  if (size_t bad = FindInvalidUtf8(content); bad != std::string::npos) {
    ctx.Skip(path, "invalid UTF-8 at byte " + std::to_string(bad));
    return;
  }
  if (content.size() > kMaxDocumentBytes) {
    ctx.Skip(path, "document too large (" + std::to_string(content.size()) + " bytes; the limit is " +
                       std::to_string(kMaxDocumentBytes) + ")");
    return;
  }
  if (StripBom(content).find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    ctx.Skip(path, "empty file (only white space)");
    return;
  }
  Document doc;
  doc.origin = path;
  std::string raw_date;
  ParseInto(std::move(content), doc, &raw_date);
  if (doc.text.find_first_not_of(" \t\n\f\v") == std::string::npos) {
    ctx.Skip(path, "no text after the header");
    return;
  }
  if (!raw_date.empty()) ctx.Warn(path, "unrecognised date '" + raw_date + "' (publication date left empty)");
  ctx.Deliver(std::move(doc));
}

}  // namespace ingest

Document ParsePlainText(std::string_view content, std::string origin) {
  Document doc;
  doc.origin = std::move(origin);
  ingest::ParseInto(std::string(content), doc, nullptr);
  return doc;
}

}  // namespace newsledger

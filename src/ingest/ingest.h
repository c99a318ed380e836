// ingest.h: the pieces the readers share (internal to src/ingest and its tests).
//
// reader.cc opens files, directories and standard input, rejects what is not text
// (empty, binary, UTF-16) and dispatches each buffer to the reader of its format:
//   plain_text_reader.cc  `Key: value` header block + body
//   jsonl_reader.cc       one JSON object per line (RapidJSON)
//   html_reader.cc        main article text and metadata of a news page (gumbo)
//   warc_reader.cc        WARC / WARC.gz archives of HTTP responses (zlib)
// Every reader reports a bad document through ReadContext and goes on with the next.
#ifndef NEWSLEDGER_INGEST_INGEST_H_
#define NEWSLEDGER_INGEST_INGEST_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newsledger/document.h"
#include "newsledger/reader.h"

namespace newsledger::ingest {

// Largest document the Span type (uint32_t offsets) can address, with room to spare,
// and the largest gzip payload we inflate into memory (guards against gzip bombs).
inline constexpr size_t kMaxDocumentBytes = size_t{1} << 31;
inline constexpr size_t kMaxInflatedBytes = size_t{1} << 32;

// Where documents and issues go, with the counts ReadPath returns.
class ReadContext {
 public:
  ReadContext(const DocumentSink& sink, const IssueSink& issues, ReadStats& stats)
      : sink_(sink), issues_(issues), stats_(stats) {}
  void Deliver(Document&& doc) {
    ++stats_.documents;
    sink_(std::move(doc));
  }
  // A document that could not be delivered.
  void Skip(std::string where, std::string reason) {
    ++stats_.skipped;
    issues_(ReadIssue{std::move(where), std::move(reason), true});
  }
  // Something repaired or ignored in a document that was delivered.
  void Warn(std::string where, std::string reason) {
    issues_(ReadIssue{std::move(where), std::move(reason), false});
  }
  ReadStats& stats() { return stats_; }

 private:
  const DocumentSink& sink_;
  const IssueSink& issues_;
  ReadStats& stats_;
};

enum class Format { kPlainText, kJsonl, kHtml, kWarc };

// The format of a file from its name ("a.jsonl", "b.warc.gz"; case-insensitive),
// falling back to sniffing its first bytes (after gzip decompression, if any):
// "WARC/" -> WARC, a first line that is a JSON object -> JSONL, an HTML doctype or
// <html>/<head>/<body> tag -> HTML, anything else -> plain text.
Format DetectFormat(std::string_view name, std::string_view head);

// True when `name` has an extension the directory walk picks up (.txt, .text,
// .jsonl, .ndjson, .json, .html, .htm, .xhtml, .warc, and those + .gz) or none.
bool IsArticleFileName(std::string_view name);

// Why `content` is not text, or empty when it is: "binary file" (a NUL byte, or
// mostly control characters in the first 4 KiB), "UTF-16 text ...".
std::string NotTextReason(std::string_view content);

// Each reader takes the whole input buffer; `path` names it in origins and issues.
// ReadPlainText takes ownership so that the text is never copied.
void ReadPlainText(std::string&& content, const std::string& path, ReadContext& ctx);
void ReadJsonl(std::string_view content, const std::string& path, ReadContext& ctx);
void ReadHtml(std::string_view content, const std::string& path, ReadContext& ctx);
void ReadWarc(std::string_view content, const std::string& path, ReadContext& ctx);

// JSON Lines fed in pieces that end at line ends (or at the end of the input), so a
// corpus of any size is read with bounded memory. Line numbers and byte offsets
// count from the start of the first piece.
class JsonlLines {
 public:
  JsonlLines(const std::string& path, ReadContext& ctx);
  void Feed(std::string_view lines);
  // Reports an input without a single non-blank line.
  void Finish();

 private:
  const std::string& path_;
  std::string stem_;
  ReadContext& ctx_;
  size_t line_no_ = 0;
  size_t offset_ = 0;
  bool saw_line_ = false;
};

// Reads JSON Lines from `fd` in blocks of `block` bytes, so a corpus of any size
// needs memory for one block and its longest line only.
inline constexpr size_t kJsonlBlockBytes = size_t{16} << 20;
void ReadJsonlFile(int fd, const std::string& path, ReadContext& ctx, size_t block = kJsonlBlockBytes);

// What the HTML reader extracts from one page.
struct HtmlArticle {
  std::string text;       // paragraphs joined with "\n"
  std::string title, outlet, published, url;  // published: YYYY-MM-DD or empty
  std::string raw_published;  // as found in the page, for the warning when unparseable
};
// Main text and metadata of a news page. `html` must be valid UTF-8.
HtmlArticle ExtractHtmlArticle(std::string_view html);

// Decodes the bytes of a page to UTF-8: valid UTF-8 is used as is; otherwise a
// Latin-1 / Windows-1252 charset (from `charset_hint`, e.g. the HTTP Content-Type, or
// else the page's own <meta charset>) is converted. Returns "" with `*utf8` set (it
// may point into `raw` or `*converted`), or the reason the page cannot be read
// ("invalid UTF-8 at byte N").
std::string DecodeHtmlBytes(std::string_view raw, std::string_view charset_hint, std::string* converted,
                            std::string_view* utf8);

// Decodes, extracts and delivers one page as a Document (or reports why not).
// `url` (the WARC target URI) overrides the page's own URL when not empty; an
// invalid UTF-8 offset then counts from the start of the page ("... of the page").
void DeliverHtml(std::string_view raw, std::string_view charset_hint, const std::string& where, std::string id,
                 std::string url, ReadContext& ctx);

// Converts ISO-8859-1 / Windows-1252 bytes to UTF-8.
std::string Windows1252ToUtf8(std::string_view in);

// Inflates gzip (all members, concatenated) or zlib data. Returns false and sets
// `error` ("truncated gzip data at byte N", "corrupt gzip data at byte N: ...",
// "inflated size exceeds N bytes") when the input is bad; `out` then holds what could
// be inflated before the fault.
bool Inflate(std::string_view in, std::string* out, std::string* error, size_t limit = kMaxInflatedBytes);

// Normalises a date or date-time to YYYY-MM-DD: ISO 8601 ("2025-11-17",
// "2025-11-17T08:00:00Z", "20251117"), "2025/11/17", "November 17, 2025",
// "Nov. 17, 2025", "Monday, 17 November 2025", "17 Nov 2025", RFC 1123
// ("Mon, 17 Nov 2025 08:00:00 GMT"). Returns "" when it cannot (ambiguous numeric
// forms such as 11/12/2025 included) or the date does not exist.
std::string NormalizeDate(std::string_view s);

// "dir/storm-report.txt" -> "storm-report"; "a/b.warc.gz" -> "b".
std::string FileStem(std::string_view path);

// "https://www.example.com/world/2025/flood-toll?ref=x#top" ->
// "example.com/world/2025/flood-toll"; "" for an empty URL.
std::string IdFromUrl(std::string_view url);

// Host of an absolute URL without "www.", or "".
std::string HostOfUrl(std::string_view url);

// Removes a leading UTF-8 byte order mark.
std::string_view StripBom(std::string_view s);

}  // namespace newsledger::ingest

#endif  // NEWSLEDGER_INGEST_INGEST_H_

// reader.h: turns files, directories and standard input into Documents.
//
// Formats, chosen by content and extension: plain text (optional `Key: value` header
// of Title/Date/Outlet/URL/Id), JSON Lines (one article per line, only "text"
// required), HTML (main text, og:/article: meta and JSON-LD NewsArticle) and WARC or
// WARC.gz (HTTP response records holding HTML). A directory is read recursively in
// name order; "-" is standard input.
//
// A reader never throws for a bad document: it reports a ReadIssue naming the file,
// line or byte offset and the reason, and goes on with the next document. Invalid
// UTF-8 is reported with its byte offset; the document is skipped.
#ifndef NEWSLEDGER_READER_H_
#define NEWSLEDGER_READER_H_

#include <functional>
#include <string>
#include <string_view>

#include "newsledger/document.h"
#include "newsledger/error.h"

namespace newsledger {

using DocumentSink = std::function<void(Document&&)>;
using IssueSink = std::function<void(const ReadIssue&)>;

struct ReadStats {
  size_t documents = 0;  // delivered to the sink
  size_t skipped = 0;    // reported as skipped
  size_t bytes = 0;      // input bytes read
};

// Reads `path` (file, directory or "-") and delivers every document it holds.
ReadStats ReadPath(const std::string& path, const DocumentSink& sink, const IssueSink& issues);

// Parses one plain-text article: an optional header block of `Key: value` lines, then
// the body. Fills metadata and text; paragraphs are left to the segmenter.
Document ParsePlainText(std::string_view content, std::string origin);

// Returns the byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace newsledger

#endif  // NEWSLEDGER_READER_H_

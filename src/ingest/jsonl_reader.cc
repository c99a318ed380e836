// jsonl_reader.cc: JSON Lines, one article object per line (RapidJSON).
//
// Fields: "id", "url", "outlet", "published", "title", "text"; only "text" is
// required, other fields are ignored. "published" is an ISO 8601 date or date-time
// (other forms NormalizeDate knows are accepted too); its date part, YYYY-MM-DD, is
// kept as written, without time-zone conversion. A document without "id" gets
// "<file stem>:<line>". Lines are numbered from 1; blank lines are skipped.
//
// A line that is not valid JSON, not an object, has no usable "text", or holds
// invalid UTF-8 (reported with its byte offset in the file) is reported as
// "path:LINE" and skipped; the other lines go through. An optional field of the wrong
// type is ignored with a warning. Parsing is iterative, so deeply nested input cannot
// exhaust the stack.
#include <cstring>
#include <string>

// SSE2 scanning of strings and white space: only for in-situ parsing, which no other
// file does, so every RapidJSON instantiation this enables is this file's own.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger::ingest {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag;

// Reused for every line of a thread: the line is copied into `line` and parsed in
// place (strings are not copied again), and the value allocator starts in `pool`, so
// a typical line costs no allocation for parsing.
struct JsonScratch {
  char pool[8192];
  rapidjson::MemoryPoolAllocator<> values{pool, sizeof(pool)};
  rapidjson::Document json{&values};
  std::string line;
};

// Reads an optional string field; warns about (and ignores) other types except null.
bool OptionalString(const rapidjson::Value& obj, const char* name, const std::string& where, ReadContext& ctx,
                    std::string* out) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return false;
  if (it->value.IsString()) {
    out->assign(it->value.GetString(), it->value.GetStringLength());
    return true;
  }
  if (std::strcmp(name, "id") == 0 && it->value.IsInt64()) {  // numeric ids are common
    *out = std::to_string(it->value.GetInt64());
    return true;
  }
  ctx.Warn(where, std::string("\"") + name + "\" is not a string (ignored)");
  return false;
}

void ReadObject(std::string_view line, size_t line_no, const std::string& path, const std::string& stem,
                ReadContext& ctx) {
  std::string where = path + ":" + std::to_string(line_no);
  thread_local JsonScratch scratch;
  rapidjson::Document& json = scratch.json;
  json.SetNull();
  scratch.values.Clear();
  // A huge line once must not keep its buffer for the rest of the run.
  if (scratch.line.capacity() > (size_t{1} << 20) && line.size() < scratch.line.capacity() / 4)
    std::string().swap(scratch.line);
  // RapidJSON's SSE2 scan reads aligned 16-byte blocks that may run past the string's
  // end; the slack keeps those reads inside our allocation (AddressSanitizer checks it).
  scratch.line.reserve(line.size() + 16);
  scratch.line.assign(line);
  json.ParseInsitu<kParseFlags>(scratch.line.data());
  if (json.HasParseError()) {
    ctx.Skip(where, std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()) +
                        " (column " + std::to_string(json.GetErrorOffset() + 1) + ")");
    return;
  }
  if (!json.IsObject()) {
    ctx.Skip(where, "not a JSON object");
    return;
  }
  auto text = json.FindMember("text");
  if (text == json.MemberEnd() || text->value.IsNull()) {
    ctx.Skip(where, "object without \"text\"");
    return;
  }
  if (!text->value.IsString()) {
    ctx.Skip(where, "\"text\" is not a string");
    return;
  }
  std::string_view body(text->value.GetString(), text->value.GetStringLength());
  if (body.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    ctx.Skip(where, "\"text\" is empty");
    return;
  }
  Document doc;
  doc.origin = where;
  doc.text.assign(body);
  OptionalString(json, "title", where, ctx, &doc.title);
  OptionalString(json, "url", where, ctx, &doc.url);
  OptionalString(json, "outlet", where, ctx, &doc.outlet);
  if (!OptionalString(json, "id", where, ctx, &doc.id) || doc.id.empty()) doc.id = stem + ":" + std::to_string(line_no);
  std::string published;
  if (OptionalString(json, "published", where, ctx, &published)) {
    doc.published = NormalizeDate(published);
    if (doc.published.empty())
      ctx.Warn(where, "unrecognised \"published\" date '" + published + "' (publication date left empty)");
  }
  ctx.Deliver(std::move(doc));
}

}  // namespace

JsonlLines::JsonlLines(const std::string& path, ReadContext& ctx)
    : path_(path), stem_(path == "<stdin>" ? "stdin" : FileStem(path)), ctx_(ctx) {}

void JsonlLines::Feed(std::string_view data) {
  size_t pos = 0;
  if (offset_ == 0) pos = data.size() - StripBom(data).size();
  // One validation pass over the whole buffer; re-run only past a bad byte.
  size_t bad = FindInvalidUtf8(data.substr(pos));
  if (bad != std::string_view::npos) bad += pos;
  while (pos < data.size()) {
    ++line_no_;
    const char* nl = static_cast<const char*>(std::memchr(data.data() + pos, '\n', data.size() - pos));
    size_t end = nl ? static_cast<size_t>(nl - data.data()) : data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    if (bad < end) {
      // Only this line is skipped; look for the next bad byte after it.
      saw_line_ = true;
      ctx_.Skip(path_ + ":" + std::to_string(line_no_), "invalid UTF-8 at byte " + std::to_string(offset_ + bad));
      bad = std::string_view::npos;
      if (pos < data.size()) {
        bad = FindInvalidUtf8(data.substr(pos));
        if (bad != std::string_view::npos) bad += pos;
      }
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    saw_line_ = true;
    ReadObject(line, line_no_, path_, stem_, ctx_);
  }
  offset_ += data.size();
}

void JsonlLines::Finish() {
  if (!saw_line_) ctx_.Skip(path_, "empty file (no JSON lines)");
}

void ReadJsonl(std::string_view content, const std::string& path, ReadContext& ctx) {
  JsonlLines lines(path, ctx);
  lines.Feed(content);
  lines.Finish();
}

}  // namespace newsledger::ingest

// warc_reader.cc: WARC archives (ISO 28500, WARC/1.0 and 1.1), plain or gzipped.
//
// A .warc.gz file is a series of gzip members, normally one per record; it is
// inflated member by member in bounded pieces, so memory stays near the size of the
// largest record whatever the size of the archive. Records of `WARC-Type: response`
// whose block is an HTTP response with status 2xx and an HTML Content-Type become
// documents (as do `resource` records of type text/html); other records (requests,
// metadata, images, redirects) are passed over without a word. The HTTP body is
// de-chunked (Transfer-Encoding: chunked) and inflated (Content-Encoding: gzip or
// deflate) when needed, then read by the HTML reader.
//
// Document::origin is "path@offset": the byte offset of the record in a plain WARC,
// and the offset of its gzip member in a WARC.gz (the offset CDX indexes use), or
// "path@member+inflated" for a record that does not start its own member. The
// document id is derived from WARC-Target-URI (see IdFromUrl), which is also the URL.
//
// A truncated or corrupt archive is reported once with the byte offset at fault;
// the records before it still go through. A malformed record is reported and the
// reader resynchronises on the next "WARC/" line.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <zlib.h>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger::ingest {
namespace {

constexpr size_t kInflateStep = size_t{4} << 20;   // inflated bytes per step
constexpr size_t kMaxHeaderBytes = size_t{1} << 16;  // a WARC or HTTP header block

bool IsGzipMagic(std::string_view s, size_t at) {
  return at + 1 < s.size() && static_cast<unsigned char>(s[at]) == 0x1f && static_cast<unsigned char>(s[at + 1]) == 0x8b;
}

// Inflates concatenated gzip members, one bounded step at a time, never crossing a
// member boundary within a step, so callers know which member each byte came from.
class GzipStream {
 public:
  enum State { kMore, kDone, kError };

  explicit GzipStream(std::string_view in) : in_(in) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 15 + 16) == Z_OK;
    if (!ok_) error_ = "cannot initialise zlib";
  }
  ~GzipStream() {
    if (ok_) inflateEnd(&z_);
  }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Appends up to `max` bytes to *out.
  State Read(std::string* out, size_t max) {
    if (!ok_) return kError;
    if (!in_member_) {
      // Padding of NUL bytes after the last member is tolerated.
      size_t rest = pos_;
      while (rest < in_.size() && in_[rest] == '\0') ++rest;
      if (rest == in_.size()) return kDone;
      if (!IsGzipMagic(in_, pos_)) {
        error_ = "not gzip data at byte " + std::to_string(pos_);
        return kError;
      }
      if (started_) inflateReset(&z_);
      started_ = in_member_ = true;
      member_start_ = pos_;
    }
    size_t old = out->size();
    out->resize(old + max);
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data() + pos_));
    z_.avail_in = static_cast<uInt>(std::min<size_t>(in_.size() - pos_, 1u << 30));
    z_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    z_.avail_out = static_cast<uInt>(max);
    int ret = Z_OK;
    while (z_.avail_out > 0) {
      uInt before = z_.avail_in;
      ret = inflate(&z_, Z_NO_FLUSH);
      pos_ += before - z_.avail_in;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        break;
      }
      if (ret == Z_OK && z_.avail_in == 0 && pos_ < in_.size()) {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data() + pos_));
        z_.avail_in = static_cast<uInt>(std::min<size_t>(in_.size() - pos_, 1u << 30));
        continue;
      }
      if (ret != Z_OK) break;
    }
    out->resize(out->size() - z_.avail_out);
    if (ret == Z_STREAM_END || (ret == Z_OK && z_.avail_out == 0)) return kMore;
    if ((ret == Z_OK || ret == Z_BUF_ERROR) && pos_ >= in_.size()) {
      error_ = "truncated gzip data: the member at byte " + std::to_string(member_start_) +
               " is cut off at byte " + std::to_string(in_.size());
      return kError;
    }
    error_ = "corrupt gzip data in the member at byte " + std::to_string(member_start_) +
             (z_.msg ? std::string(": ") + z_.msg : std::string());
    return kError;
  }

  size_t member_start() const { return member_start_; }
  const std::string& error() const { return error_; }

 private:
  std::string_view in_;
  z_stream z_;
  bool ok_ = false;
  bool started_ = false;
  bool in_member_ = false;
  size_t pos_ = 0;
  size_t member_start_ = 0;
  std::string error_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The end of a header block starting at `from` (the offset just past its blank
// line) and the offset where the blank line starts; npos when not (yet) present.
size_t HeaderEnd(std::string_view s, size_t from, size_t* block_end) {
  size_t limit = std::min(s.size(), from + kMaxHeaderBytes);
  for (size_t i = from; i < limit; ++i) {
    if (s[i] != '\n') continue;
    // "\n\n" or "\n\r\n"
    if (i + 1 < s.size() && s[i + 1] == '\n') {
      *block_end = i + 1;
      return i + 2;
    }
    if (i + 2 < s.size() && s[i + 1] == '\r' && s[i + 2] == '\n') {
      *block_end = i + 1;
      return i + 3;
    }
  }
  return std::string_view::npos;
}

// Header fields of a block "Name: value\r\n..."; the first line (status or version)
// is skipped.
struct Headers {
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  std::string_view first_line;
  std::string_view get(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (EqualsIgnoreCase(k, name)) return v;
    return {};
  }
};

Headers ParseHeaders(std::string_view block) {
  Headers h;
  size_t pos = 0;
  bool first = true;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    std::string_view line = block.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? block.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      h.first_line = line;
      first = false;
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    h.fields.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return h;
}

bool ParseSize(std::string_view s, int base, size_t* out) {
  if (s.empty() || s.size() > 15) return false;
  size_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    v = v * static_cast<size_t>(base) + static_cast<size_t>(d);
  }
  *out = v;
  return true;
}

// Decodes Transfer-Encoding: chunked; false when `in` is not well-formed chunks.
bool Dechunk(std::string_view in, std::string* out) {
  size_t pos = 0;
  for (;;) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view line = Trim(in.substr(pos, nl - pos));
    line = line.substr(0, line.find(';'));
    size_t size;
    if (!ParseSize(Trim(line), 16, &size)) return false;
    pos = nl + 1;
    if (size == 0) return true;  // trailers, if any, are not needed
    if (size > in.size() - pos) return false;
    out->append(in.substr(pos, size));
    pos += size;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

// Inflates an HTTP body with Content-Encoding gzip (or x-gzip) or deflate (zlib or raw).
bool InflateHttp(std::string_view in, bool gzip, std::string* out) {
  static constexpr int kGzipBits[] = {15 + 16}, kDeflateBits[] = {15, -15};  // deflate: zlib, else raw
  const int* begin = gzip ? kGzipBits : kDeflateBits;
  const int* end = gzip ? kGzipBits + 1 : kDeflateBits + 2;
  for (const int* b = begin; b != end; ++b) {
    int bits = *b;
    out->clear();
    z_stream z;
    std::memset(&z, 0, sizeof z);
    if (inflateInit2(&z, bits) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 1u << 30));
    int ret = Z_OK;
    char buf[1 << 16];
    while (ret == Z_OK && out->size() < kMaxDocumentBytes) {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      ret = inflate(&z, Z_NO_FLUSH);
      out->append(buf, sizeof buf - z.avail_out);
      if (ret == Z_BUF_ERROR && z.avail_out != 0) break;
    }
    inflateEnd(&z);
    if (ret == Z_STREAM_END) return true;
  }
  return false;
}

// Parses the WARC records of one buffer, delivering documents as it goes.
class WarcParser {
 public:
  explicit WarcParser(ReadContext& ctx) : ctx_(ctx) {}

  // Handles every complete record of `data` and returns the bytes consumed. `where`
  // names a record from its offset in `data`. When `final`, a record cut off by the
  // end of `data` is reported as truncated.
  template <typename Where>
  size_t Parse(std::string_view data, bool final, const Where& where) {
    size_t pos = 0;
    for (;;) {
      while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
      if (pos >= data.size()) return pos;
      if (data.compare(pos, 5, "WARC/") != 0) {
        if (data.size() - pos < 5 && !final) return pos;
        ctx_.Skip(where(pos), "not a WARC record (expected \"WARC/\")");
        size_t next = Resync(data, pos);
        if (next == std::string_view::npos) return data.size();
        pos = next;
        continue;
      }
      size_t header_block_end = 0;
      size_t body = HeaderEnd(data, pos, &header_block_end);
      if (body == std::string_view::npos) {
        if (!final && data.size() - pos < kMaxHeaderBytes) return pos;
        if (data.size() - pos < kMaxHeaderBytes) {
          ctx_.Skip(where(pos), "truncated archive: the WARC record header is cut off at byte " +
                                    std::to_string(data.size() - pos) + " of the record");
          return data.size();
        }
        ctx_.Skip(where(pos), "malformed WARC record: no end of header within 64 KiB");
        size_t next = Resync(data, pos);
        if (next == std::string_view::npos) return data.size();
        pos = next;
        continue;
      }
      Headers h = ParseHeaders(data.substr(pos, header_block_end - pos));
      size_t length;
      if (!ParseSize(h.get("Content-Length"), 10, &length)) {
        ctx_.Skip(where(pos), "malformed WARC record: no valid Content-Length");
        size_t next = Resync(data, pos);
        if (next == std::string_view::npos) return data.size();
        pos = next;
        continue;
      }
      if (length > data.size() - body) {
        if (!final) return pos;
        ctx_.Skip(where(pos), "truncated archive: the record declares " + std::to_string(length) +
                                  " bytes but only " + std::to_string(data.size() - body) + " remain");
        return data.size();
      }
      Record(h, data.substr(body, length), where(pos));
      pos = body + length;
    }
  }

 private:
  // The next "WARC/" at the start of a line after `pos`, or npos.
  static size_t Resync(std::string_view data, size_t pos) {
    size_t at = data.find("\nWARC/", pos + 1);
    return at == std::string_view::npos ? at : at + 1;
  }

  void Record(const Headers& h, std::string_view block, const std::string& where) {
    std::string_view type = h.get("WARC-Type");
    std::string_view uri = h.get("WARC-Target-URI");
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    if (EqualsIgnoreCase(type, "resource")) {
      std::string content_type = Lower(h.get("Content-Type"));
      if (content_type.find("html") == std::string::npos) return;
      DeliverHtml(block, Charset(content_type), where, IdFromUrl(uri), std::string(uri), ctx_);
      return;
    }
    if (!EqualsIgnoreCase(type, "response") || block.compare(0, 5, "HTTP/") != 0) return;
    size_t head_end = 0;
    size_t body_start = HeaderEnd(block, 0, &head_end);
    if (body_start == std::string_view::npos) {
      if (block.find('\n') == std::string_view::npos) return;  // a bare status line: no body
      head_end = body_start = block.size();
    }
    Headers http = ParseHeaders(block.substr(0, head_end));
    // "HTTP/1.1 200 OK"
    std::string_view status = http.first_line.substr(std::min(http.first_line.size(), http.first_line.find(' ') + 1));
    if (status.empty() || status[0] != '2') return;
    std::string content_type = Lower(http.get("Content-Type"));
    if (content_type.find("html") == std::string::npos) return;
    std::string_view body = block.substr(body_start);
    std::string dechunked, inflated;
    if (Lower(http.get("Transfer-Encoding")).find("chunked") != std::string::npos && Dechunk(body, &dechunked))
      body = dechunked;
    std::string encoding = Lower(Trim(http.get("Content-Encoding")));
    if (!encoding.empty() && encoding != "identity") {
      bool gzip = encoding == "gzip" || encoding == "x-gzip";
      if (!gzip && encoding != "deflate") {
        ctx_.Skip(where, "unsupported HTTP Content-Encoding " + encoding);
        return;
      }
      if (!InflateHttp(body, gzip, &inflated)) {
        ctx_.Skip(where, "corrupt " + encoding + " HTTP body");
        return;
      }
      body = inflated;
    }
    DeliverHtml(body, Charset(content_type), where, IdFromUrl(uri), std::string(uri), ctx_);
  }

  static std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  // "text/html; charset=ISO-8859-1" -> "iso-8859-1" (already lower case).
  static std::string Charset(const std::string& content_type) {
    size_t at = content_type.find("charset=");
    if (at == std::string::npos) return "";
    std::string_view v = std::string_view(content_type).substr(at + 8);
    v = v.substr(0, v.find_first_of("; \t"));
    if (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.remove_prefix(1);
    if (!v.empty() && (v.back() == '"' || v.back() == '\'')) v.remove_suffix(1);
    return std::string(v);
  }

  ReadContext& ctx_;
};

void ReadWarcGz(std::string_view content, const std::string& path, ReadContext& ctx) {
  WarcParser parser(ctx);
  GzipStream gz(content);
  std::string buf;     // inflated bytes not yet consumed
  size_t base = 0;     // inflated offset of buf[0]
  // Where each member's inflated bytes begin: {inflated offset, member offset}.
  std::vector<std::pair<size_t, size_t>> members;
  auto where = [&](size_t pos) {
    size_t abs = base + pos;
    auto it = std::upper_bound(members.begin(), members.end(), std::make_pair(abs, SIZE_MAX));
    if (it == members.begin()) return path + "@" + std::to_string(abs);
    --it;
    std::string w = path + "@" + std::to_string(it->second);
    if (abs != it->first) w += "+" + std::to_string(abs - it->first);
    return w;
  };
  bool first = true;
  for (;;) {
    size_t before = base + buf.size();
    GzipStream::State state = gz.Read(&buf, kInflateStep);
    if (base + buf.size() > before || first) {
      if (members.empty() || members.back().second != gz.member_start()) members.emplace_back(before, gz.member_start());
      first = false;
    }
    if (state == GzipStream::kMore) {
      size_t used = parser.Parse(buf, false, where);
      buf.erase(0, used);
      base += used;
      // Offsets of members wholly consumed are no longer needed.
      while (members.size() > 1 && members[1].first <= base) members.erase(members.begin());
      continue;
    }
    if (state == GzipStream::kDone) {
      parser.Parse(buf, true, where);
      return;
    }
    // Error: deliver every complete record, then report the fault once.
    size_t used = parser.Parse(buf, false, where);
    std::string_view rest = std::string_view(buf).substr(used);
    if (Trim(rest).empty()) {
      ctx.Skip(path + "@" + std::to_string(gz.member_start()), "truncated or corrupt archive: " + gz.error());
    } else {
      ctx.Skip(where(used), "truncated or corrupt archive: record cut off (" + gz.error() + ")");
    }
    return;
  }
}

}  // namespace

bool Inflate(std::string_view in, std::string* out, std::string* error, size_t limit) {
  GzipStream gz(in);
  for (;;) {
    size_t step = std::min(kInflateStep, limit - std::min(limit, out->size()));
    if (step == 0) {
      *error = "inflated size exceeds " + std::to_string(limit) + " bytes";
      return false;
    }
    GzipStream::State state = gz.Read(out, step);
    if (state == GzipStream::kDone) return true;
    if (state == GzipStream::kError) {
      *error = gz.error();
      return false;
    }
  }
}

void ReadWarc(std::string_view content, const std::string& path, ReadContext& ctx) {
  if (content.empty()) {
    ctx.Skip(path, "empty file");
    return;
  }
  if (IsGzipMagic(content, 0)) {
    ReadWarcGz(content, path, ctx);
    return;
  }
  WarcParser parser(ctx);
  parser.Parse(content, true, [&](size_t pos) { return path + "@" + std::to_string(pos); });
}

}  // namespace newsledger::ingest

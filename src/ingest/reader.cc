// reader.cc: ReadPath, the entry point of every reader.
//
// Opens a file (one big read; WARC archives are memory-mapped instead, because they
// can be far larger than any one article), a directory (recursively, entries in
// byte order of their names, hidden entries and files of other types skipped) or
// standard input ("-"). Rejects empty, binary and UTF-16 input with one issue, inflates
// gzip, detects the format from the file name and the first bytes, and hands the
// buffer to the reader of that format.
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger {

size_t FindInvalidUtf8(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    // ASCII runs dominate news text: check eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = p[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

namespace ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsGzip(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f && static_cast<unsigned char>(s[1]) == 0x8b;
}

// strerror with a lower-case first letter, as in "no such file or directory".
std::string ErrnoReason(int err) {
  std::string r = std::strerror(err);
  if (!r.empty()) r[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(r[0])));
  return r;
}

// A read-only memory map of a whole file; unmapped on destruction.
class MappedFile {
 public:
  MappedFile(int fd, size_t size) : size_(size) {
    void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      data_ = p;
      madvise(p, size, MADV_SEQUENTIAL);
    }
  }
  ~MappedFile() {
    if (data_) munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return data_ != nullptr; }
  std::string_view view() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  size_t size_;
};

// Reads from `fd` until end of file, appending to `out`. Returns 0 or an errno.
int ReadAll(int fd, std::string* out, size_t size_hint) {
  size_t used = out->size();
  out->resize(used + std::max(size_hint + 1, size_t{1} << 16));
  for (;;) {
    if (used == out->size()) out->resize(out->size() * 2);
    ssize_t r = ::read(fd, out->data() + used, out->size() - used);
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      out->resize(used);
      return err;
    }
    if (r == 0) break;
    used += static_cast<size_t>(r);
  }
  out->resize(used);
  return 0;
}

// The name a gzip file's content goes by: "a.jsonl.gz" -> "a.jsonl".
std::string_view WithoutGz(std::string_view name) {
  std::string lower = Lower(name.substr(name.size() >= 3 ? name.size() - 3 : 0));
  return lower == ".gz" ? name.substr(0, name.size() - 3) : name;
}

// True when the buffer (or its decompressed start) is a WARC archive.
bool LooksLikeWarc(std::string_view name, std::string_view head) {
  std::string lower = Lower(name);
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return true;
  if (IsGzip(head)) {
    std::string inflated, error;
    Inflate(head, &inflated, &error, 16);
    return inflated.compare(0, 5, "WARC/") == 0;
  }
  return head.substr(0, 5) == "WARC/";
}

// Dispatches a non-WARC buffer (owned, so plain text can keep it without a copy).
void ReadBuffer(std::string&& content, std::string_view name, const std::string& where, ReadContext& ctx) {
  if (content.empty()) {
    ctx.Skip(where, "empty file");
    return;
  }
  if (IsGzip(content)) {
    std::string inflated, error;
    if (!Inflate(content, &inflated, &error)) {
      ctx.Skip(where, error);
      return;
    }
    content.clear();
    content.shrink_to_fit();
    if (LooksLikeWarc(WithoutGz(name), inflated)) {
      ReadWarc(inflated, where, ctx);
      return;
    }
    ReadBuffer(std::move(inflated), WithoutGz(name), where, ctx);
    return;
  }
  if (std::string reason = NotTextReason(content); !reason.empty()) {
    ctx.Skip(where, reason);
    return;
  }
  switch (DetectFormat(name, content)) {
    case Format::kWarc: ReadWarc(content, where, ctx); break;
    case Format::kJsonl: ReadJsonl(content, where, ctx); break;
    case Format::kHtml: ReadHtml(content, where, ctx); break;
    case Format::kPlainText: ReadPlainText(std::move(content), where, ctx); break;
  }
}

}  // namespace

void ReadJsonlFile(int fd, const std::string& path, ReadContext& ctx, size_t block) {
  std::string buf;
  JsonlLines lines(path, ctx);
  for (bool first = true;; first = false) {
    size_t old = buf.size();
    buf.resize(old + block);
    ssize_t got;
    do got = ::read(fd, buf.data() + old, block);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
      ctx.Skip(path, ErrnoReason(errno));
      return;
    }
    buf.resize(old + static_cast<size_t>(got));
    ctx.stats().bytes += static_cast<size_t>(got);
    if (first) {
      if (std::string reason = NotTextReason(buf); !reason.empty()) {
        ctx.Skip(path, reason);
        return;
      }
    }
    if (got == 0) {
      lines.Feed(buf);
      lines.Finish();
      return;
    }
    const void* nl = memrchr(buf.data() + old, '\n', static_cast<size_t>(got));
    if (!nl) continue;  // a line longer than a block: read on
    size_t end = static_cast<size_t>(static_cast<const char*>(nl) - buf.data()) + 1;
    lines.Feed(std::string_view(buf).substr(0, end));
    buf.erase(0, end);
  }
}

namespace {

void ReadFile(const std::string& path, ReadContext& ctx) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ctx.Skip(path, ErrnoReason(errno));
    return;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    ctx.Skip(path, ErrnoReason(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    ctx.Skip(path, "is a directory");
    return;
  }
  size_t size = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0;
  if (S_ISREG(st.st_mode) && size == 0) {
    ctx.Skip(path, "empty file");
    return;
  }
  // Sniff the first bytes: a WARC archive is mapped, not copied.
  std::string content;
  if (S_ISREG(st.st_mode)) {
    char head[512];
    ssize_t got = pread(fd, head, sizeof head, 0);
    if (got > 0 && LooksLikeWarc(path, std::string_view(head, static_cast<size_t>(got)))) {
      MappedFile map(fd, size);
      if (map.ok()) {
        ctx.stats().bytes += size;
        ReadWarc(map.view(), path, ctx);
        return;
      }
    }
    if (got > 0 && !IsGzip(std::string_view(head, static_cast<size_t>(got))) &&
        DetectFormat(path, std::string_view(head, static_cast<size_t>(got))) == Format::kJsonl) {
      ReadJsonlFile(fd, path, ctx);
      return;
    }
  }
  if (int err = ReadAll(fd, &content, size)) {
    ctx.Skip(path, ErrnoReason(err));
    return;
  }
  ctx.stats().bytes += content.size();
  ReadBuffer(std::move(content), path, path, ctx);
}

void ReadDirectory(const std::filesystem::path& dir, std::set<std::filesystem::path>& visited, ReadContext& ctx) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec) {
    ctx.Skip(dir.string(), ErrnoReason(ec.value()));
    return;
  }
  if (!visited.insert(canonical).second) return;  // a symlink loop
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) {
    ctx.Skip(dir.string(), ErrnoReason(ec.value()));
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
    return a.path().filename().native() < b.path().filename().native();
  });
  for (const fs::directory_entry& e : entries) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (e.is_directory(ec)) {
      ReadDirectory(e.path(), visited, ctx);
    } else if (IsArticleFileName(name)) {
      ReadFile(e.path().string(), ctx);
    }
  }
}

}  // namespace

Format DetectFormat(std::string_view name, std::string_view head) {
  std::string lower = Lower(WithoutGz(name));
  if (EndsWith(lower, ".warc")) return Format::kWarc;
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson") || EndsWith(lower, ".json")) return Format::kJsonl;
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml")) return Format::kHtml;
  if (EndsWith(lower, ".txt") || EndsWith(lower, ".text")) return Format::kPlainText;
  head = StripBom(head);
  if (head.substr(0, 5) == "WARC/") return Format::kWarc;
  size_t i = head.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return Format::kPlainText;
  head.remove_prefix(i);
  if (head[0] == '{') {
    // JSON Lines when the first line closes its object.
    std::string_view line = head.substr(0, head.find('\n'));
    size_t last = line.find_last_not_of(" \t\r");
    if (last != std::string_view::npos && line[last] == '}') return Format::kJsonl;
    return Format::kPlainText;
  }
  if (head[0] == '<') {
    std::string start = Lower(head.substr(0, 1024));
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<!--"})
      if (start.find(tag) != std::string::npos) return Format::kHtml;
  }
  return Format::kPlainText;
}

bool IsArticleFileName(std::string_view name) {
  std::string lower = Lower(WithoutGz(name));
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos) return true;
  std::string_view ext = std::string_view(lower).substr(dot);
  for (const char* e : {".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".warc"})
    if (ext == e) return true;
  return false;
}

std::string NotTextReason(std::string_view content) {
  if (content.size() >= 2) {
    unsigned char a = static_cast<unsigned char>(content[0]), b = static_cast<unsigned char>(content[1]);
    if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) return "UTF-16 text is not supported (convert it to UTF-8)";
  }
  if (std::memchr(content.data(), '\0', content.size())) return "binary file";
  // Text has few control characters besides tab, newlines and form feed.
  size_t n = std::min<size_t>(content.size(), 4096), control = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(content[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f)
      ++control;
  }
  if (control * 10 > n) return "binary file";
  return "";
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

}  // namespace ingest

ReadStats ReadPath(const std::string& path, const DocumentSink& sink, const IssueSink& issues) {
  ReadStats stats;
  ingest::ReadContext ctx(sink, issues, stats);
  if (path == "-") {
    std::string content;
    if (int err = ingest::ReadAll(STDIN_FILENO, &content, 0)) {
      ctx.Skip("<stdin>", ingest::ErrnoReason(err));
      return stats;
    }
    stats.bytes += content.size();
    if (ingest::LooksLikeWarc("", content)) {
      ingest::ReadWarc(content, "<stdin>", ctx);
      return stats;
    }
    ingest::ReadBuffer(std::move(content), "", "<stdin>", ctx);
    return stats;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    ctx.Skip(path, ingest::ErrnoReason(errno));
    return stats;
  }
  if (S_ISDIR(st.st_mode)) {
    std::set<std::filesystem::path> visited;
    ingest::ReadDirectory(path, visited, ctx);
  } else {
    ingest::ReadFile(path, ctx);
  }
  return stats;
}

}  // namespace newsledger

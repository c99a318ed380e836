// ingest_test_util.h: temporary files and a collecting ReadPath for reader tests.
#ifndef NEWSLEDGER_TESTS_INGEST_INGEST_TEST_UTIL_H_
#define NEWSLEDGER_TESTS_INGEST_INGEST_TEST_UTIL_H_

#include <stdlib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/reader.h"

namespace newsledger::ingest_test {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "newsledger-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? tmpl : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `content` to `name` (sub-directories created) and returns the full path.
  std::string Write(const std::string& name, std::string_view content) const {
    std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::string path_;
};

struct ReadResult {
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
  ReadStats stats;
  // All issues as "where: reason" lines, for failure messages.
  std::string IssueText() const {
    std::string out;
    for (const ReadIssue& i : issues) out += i.where + ": " + i.reason + (i.skipped ? " (skipped)\n" : "\n");
    return out;
  }
};

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline ReadResult Read(const std::string& path) {
  ReadResult r;
  r.stats = ReadPath(
      path, [&](Document&& d) { r.docs.push_back(std::move(d)); },
      [&](const ReadIssue& i) { r.issues.push_back(i); });
  return r;
}

}  // namespace newsledger::ingest_test

#endif  // NEWSLEDGER_TESTS_INGEST_INGEST_TEST_UTIL_H_

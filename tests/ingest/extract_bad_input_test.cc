// End to end: `newsledger extract` on bad input. Each case checks the exit status
// (0 all read, 1 some skipped, 2 usage error), the one message on stderr, and that
// the good documents still come out on stdout.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest_test_util.h"

namespace newsledger {
namespace {

using ingest_test::Gzip;
using ingest_test::TempDir;

struct RunResult {
  int status = -1;
  std::string out, err;
  size_t lines() const {
    size_t n = 0;
    for (char c : out) n += c == '\n';
    return n;
  }
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `newsledger <args>` through the shell, with `stdin_file` as standard input.
RunResult Extract(const TempDir& dir, const std::string& args, const std::string& stdin_file = "/dev/null") {
  RunResult r;
  std::string out = dir.path() + "/stdout", err = dir.path() + "/stderr";
  std::string cmd = std::string("'") + NEWSLEDGER_BINARY + "' " + args + " <'" + stdin_file + "' >'" + out +
                    "' 2>'" + err + "'";
  int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = Slurp(out);
  // The closing tally ("newsledger: 1 input(s) skipped") is not an issue line.
  std::istringstream lines(Slurp(err));
  for (std::string line; std::getline(lines, line);)
    if (line.find(" input(s) skipped") == std::string::npos) r.err += line + "\n";
  return r;
}

size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(ExtractBadInputTest, GoodInputExitsZeroAndSilent) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Title: Fine\n\nThe bridge reopened on Monday.\n");
  RunResult r = Extract(dir, "extract --format jsonl '" + good + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.lines(), 1u);
}

struct BadCase {
  const char* file;
  std::string content;
  const char* message;  // the stderr line after "newsledger: <path>"
};

TEST(ExtractBadInputTest, EachBadFileGivesOneMessageAndExitOne) {
  const BadCase cases[] = {
      {"empty.txt", "", ": empty file (skipped)"},
      {"binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12), ": binary file (skipped)"},
      {"latin1.txt", "Prices in M\xE9xico rose.", ": invalid UTF-8 at byte 11 (skipped)"},
      {"no-text.jsonl", "{\"title\": \"Headline only\"}\n", ":1: object without \"text\" (skipped)"},
      {"broken.jsonl", "{\"text\": \"Good.\"}\n{\"text\": \"cut\n", ":2: malformed JSON: "},
  };
  TempDir dir;
  for (const BadCase& c : cases) {
    std::string bad = dir.Write(c.file, c.content);
    std::string good = dir.Write("good.txt", "The ferry sailed on time.\n");
    RunResult r = Extract(dir, "extract '" + bad + "' '" + good + "'");
    EXPECT_EQ(r.status, 1) << c.file;
    EXPECT_EQ(CountLines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("newsledger: " + bad + c.message, 0), 0u) << r.err;
    // The good file (and any good line of the bad one) still comes out.
    EXPECT_EQ(r.lines(), std::string(c.file) == "broken.jsonl" ? 2u : 1u) << c.file;
  }
}

TEST(ExtractBadInputTest, MissingPath) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "The ferry sailed on time.\n");
  RunResult r = Extract(dir, "extract '" + dir.path() + "/missing.txt' '" + good + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "newsledger: " + dir.path() + "/missing.txt: no such file or directory (skipped)\n");
  EXPECT_EQ(r.lines(), 1u);
}

TEST(ExtractBadInputTest, TruncatedWarcGz) {
  std::string warc;
  std::vector<size_t> offsets;
  for (int i = 0; i < 3; ++i) {
    std::string page = "<html><body><p>Story number " + std::to_string(i) + " was filed.</p></body></html>";
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
    std::string record = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/" + std::to_string(i) +
                         "\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    offsets.push_back(warc.size());
    warc += Gzip(record);
  }
  TempDir dir;
  std::string path = dir.Write("cut.warc.gz", warc.substr(0, offsets[2] + 25));
  RunResult r = Extract(dir, "extract '" + path + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.lines(), 2u);
  EXPECT_EQ(CountLines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("newsledger: " + path + "@" + std::to_string(offsets[2]) + ": truncated", 0), 0u) << r.err;
}

TEST(ExtractBadInputTest, StandardInput) {
  TempDir dir;
  std::string in = dir.Write("in.jsonl", "{\"text\": \"From a pipe.\"}\n");
  RunResult r = Extract(dir, "extract -", in);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.lines(), 1u);
  std::string empty = dir.Write("empty", "");
  r = Extract(dir, "extract -", empty);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "newsledger: <stdin>: empty file (skipped)\n");
}

TEST(ExtractBadInputTest, UsageErrorsExitTwo) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Text.\n");
  EXPECT_EQ(Extract(dir, "extract --format xml '" + good + "'").status, 2);
  EXPECT_EQ(Extract(dir, "extract").status, 2);
}

TEST(ExtractBadInputTest, ExamplesReadCleanly) {
  TempDir dir;
  for (const char* example : {"examples/jsonl/wire.jsonl", "examples/html/river-flood.html",
                              "examples/warc/crawl-sample.warc.gz"}) {
    RunResult r = Extract(dir, std::string("extract '") + NEWSLEDGER_SOURCE_DIR + "/" + example + "'");
    EXPECT_EQ(r.status, 0) << example << ": " << r.err;
    EXPECT_EQ(r.err, "") << example;
    EXPECT_GE(r.lines(), 1u) << example;
  }
}

}  // namespace
}  // namespace newsledger

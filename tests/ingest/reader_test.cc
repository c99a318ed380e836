#include "newsledger/reader.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <fstream>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace newsledger {
namespace {

using ingest_test::Read;
using ingest_test::TempDir;

TEST(FindInvalidUtf8Test, Table) {
  struct Case {
    std::string input;
    size_t expected;
  };
  const size_t ok = std::string_view::npos;
  const Case cases[] = {
      {"", ok},
      {"plain ASCII text that is longer than eight bytes", ok},
      {"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x93\xB0", ok},
      {"abc\xFFxyz", 3},
      {"0123456789abcdef\x80", 16},           // lone continuation byte after an ASCII run
      {"ab\xC3", 2},                          // cut-off sequence
      {"ab\xC3(", 2},                         // bad continuation
      {"\xC0\xAF", 0},                        // overlong
      {"x\xED\xA0\x80", 1},                   // UTF-16 surrogate
      {"xy\xF4\x90\x80\x80", 2},              // past U+10FFFF
  };
  for (const Case& c : cases) EXPECT_EQ(FindInvalidUtf8(c.input), c.expected) << c.input;
}

TEST(DetectFormatTest, ByExtensionThenContent) {
  using ingest::DetectFormat;
  using ingest::Format;
  EXPECT_EQ(DetectFormat("a.jsonl", "anything"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("a.NDJSON", "anything"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("a.html", "plain words"), Format::kHtml);
  EXPECT_EQ(DetectFormat("a.warc.gz", ""), Format::kWarc);
  EXPECT_EQ(DetectFormat("a.txt", "<html><body>"), Format::kPlainText);
  EXPECT_EQ(DetectFormat("noext", "{\"text\": \"x\"}\n{\"text\": \"y\"}"), Format::kJsonl);
  EXPECT_EQ(DetectFormat("noext", "{braces open a plain sentence\n"), Format::kPlainText);
  EXPECT_EQ(DetectFormat("noext", "<!DOCTYPE html>\n<html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("noext", "\n  <html lang=\"en\">"), Format::kHtml);
  EXPECT_EQ(DetectFormat("noext", "WARC/1.1\r\nWARC-Type: warcinfo"), Format::kWarc);
  EXPECT_EQ(DetectFormat("noext", "Title: x\n\nBody"), Format::kPlainText);
  EXPECT_EQ(DetectFormat("", "<3 is not a tag"), Format::kPlainText);
}

TEST(ReaderTest, DispatchesEachFormat) {
  TempDir dir;
  dir.Write("a.txt", "Title: A\n\nFirst article.");
  dir.Write("b.jsonl", "{\"text\": \"Second.\"}\n{\"text\": \"Third.\"}\n");
  dir.Write("c.html", "<html><head><title>C</title></head><body><p>Fourth.</p></body></html>");
  auto r = Read(dir.path());
  ASSERT_EQ(r.docs.size(), 4u) << r.IssueText();
  EXPECT_EQ(r.docs[0].text, "First article.");
  EXPECT_EQ(r.docs[1].text, "Second.");
  EXPECT_EQ(r.docs[2].text, "Third.");
  EXPECT_EQ(r.docs[3].text, "Fourth.");
  EXPECT_EQ(r.docs[3].title, "C");
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
  EXPECT_EQ(r.stats.documents, 4u);
}

TEST(ReaderTest, DirectoriesAreRecursiveInNameOrderAndSkipOtherFiles) {
  TempDir dir;
  dir.Write("b/2.txt", "Two.");
  dir.Write("b/10.txt", "Ten.");
  dir.Write("a.txt", "A.");
  dir.Write("c/deep/er/z.txt", "Z.");
  dir.Write(".hidden.txt", "Hidden.");
  dir.Write(".git/HEAD.txt", "Hidden dir.");
  dir.Write("notes.md", "Not an article format.");
  dir.Write("photo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  dir.Write("noext", "No extension.");
  auto r = Read(dir.path());
  std::vector<std::string> texts;
  for (const Document& d : r.docs) texts.push_back(d.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"A.", "Ten.", "Two.", "Z.", "No extension."}));
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
}

TEST(ReaderTest, IdsAndOriginsOfPlainText) {
  TempDir dir;
  std::string path = dir.Write("storm-report.txt", "Body.");
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "storm-report");
  EXPECT_EQ(r.docs[0].origin, path);
}

TEST(ReaderTest, GzipFilesAreInflated) {
  TempDir dir;
  auto r = Read(dir.Write("a.jsonl.gz", ingest_test::Gzip("{\"text\": \"Zipped.\"}\n")));
  ASSERT_EQ(r.docs.size(), 1u) << r.IssueText();
  EXPECT_EQ(r.docs[0].text, "Zipped.");
  EXPECT_EQ(r.docs[0].origin, dir.path() + "/a.jsonl.gz:1");
}

// Each bad input: one issue naming the input and the reason; the document is skipped.
struct BadCase {
  const char* name;
  std::string content;
  const char* reason;  // expected at the start of the issue's reason
};

TEST(ReaderTest, BadInputsGiveOneClearIssue) {
  const BadCase cases[] = {
      {"empty.txt", "", "empty file"},
      {"blank.txt", "\n\n  \n", "empty file"},
      {"nul.txt", std::string("some text\0more text", 19), "binary file"},
      {"controls.txt", std::string(200, '\x01') + "abc", "binary file"},
      {"bad-utf8.txt", "The caf\xE9 reopened.", "invalid UTF-8 at byte 7"},
      {"bad-utf8.html", "<html><body><p>The caf\xE9 reopened.</p></body></html>", "invalid UTF-8 at byte 22"},
      {"bom-bad.html", "\xEF\xBB\xBF<p>caf\xE9</p>", "invalid UTF-8 at byte 9"},
      {"utf16.txt", "\xFF\xFEh\0i\0", "UTF-16 text is not supported"},
      {"empty.html", "<html><body><nav><a href=/>Home</a></nav></body></html>", "no article text found"},
  };
  TempDir dir;
  for (const BadCase& c : cases) {
    std::string path = dir.Write(c.name, c.content);
    auto r = Read(path);
    EXPECT_TRUE(r.docs.empty()) << c.name;
    ASSERT_EQ(r.issues.size(), 1u) << c.name << "\n" << r.IssueText();
    EXPECT_EQ(r.issues[0].where, path);
    EXPECT_EQ(r.issues[0].reason.rfind(c.reason, 0), 0u) << c.name << ": " << r.issues[0].reason;
    EXPECT_TRUE(r.issues[0].skipped);
    EXPECT_EQ(r.stats.skipped, 1u);
  }
}

TEST(ReaderTest, MissingPathIsReported) {
  TempDir dir;
  auto r = Read(dir.path() + "/no-such-article.txt");
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].reason, "no such file or directory");
  EXPECT_EQ(r.stats.skipped, 1u);
}

TEST(ReaderTest, UnreadableFileIsReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TempDir dir;
  std::string path = dir.Write("locked.txt", "Secret.");
  chmod(path.c_str(), 0);
  auto r = Read(path);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].reason, "permission denied");
}

TEST(ReaderTest, BadFileInDirectoryDoesNotStopTheOthers) {
  TempDir dir;
  dir.Write("1.txt", "First.");
  dir.Write("2.txt", "");
  dir.Write("3.txt", "Bad \xC3( byte.");
  dir.Write("4.txt", "Fourth.");
  auto r = Read(dir.path());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "First.");
  EXPECT_EQ(r.docs[1].text, "Fourth.");
  EXPECT_EQ(r.stats.skipped, 2u);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[1].reason, "invalid UTF-8 at byte 4");
}

long PeakRssKiB() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// A 100 MB file on one line: read with one allocation of its size, delivered whole.
TEST(ReaderTest, HundredMegabyteSingleLine) {
  TempDir dir;
  const size_t kSize = size_t{100} << 20;
  std::string path = dir.path() + "/huge.txt";
  {
    std::string block;
    while (block.size() < (1 << 20)) block += "Flood waters rose across the plain again today and ";
    block.resize(1 << 20);
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < kSize / block.size(); ++i) out.write(block.data(), static_cast<std::streamsize>(block.size()));
  }
  long before = PeakRssKiB();
  size_t size = 0, count = 0;
  std::string head;
  ReadStats stats = ReadPath(
      path,
      [&](Document&& d) {
        ++count;
        size = d.text.size();
        head = d.text.substr(0, 11);
      },
      [](const ReadIssue&) {});
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(size, kSize);
  EXPECT_EQ(head, "Flood water");
  EXPECT_EQ(stats.skipped, 0u);
  // One copy of the file is 100 MiB; allow a second and some slack, never more.
  long grown_mib = (PeakRssKiB() - before) / 1024;
  EXPECT_LT(grown_mib, 260) << "peak RSS grew by " << grown_mib << " MiB";
}

}  // namespace
}  // namespace newsledger

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

using ingest_test::Read;
using ingest_test::TempDir;

TEST(JsonlReaderTest, ReadsEveryField) {
  TempDir dir;
  std::string path = dir.Write(
      "wire.jsonl",
      R"({"id": "w-1", "url": "https://example.com/w1", "outlet": "Example Wire", "published": "2025-11-17T22:15:00-05:00", "title": "Ceasefire holds", "text": "The ceasefire held for a second night.\nAid trucks crossed at dawn."})"
      "\n");
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u) << r.IssueText();
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "w-1");
  EXPECT_EQ(d.url, "https://example.com/w1");
  EXPECT_EQ(d.outlet, "Example Wire");
  EXPECT_EQ(d.published, "2025-11-17");  // the date as written, no time-zone shift
  EXPECT_EQ(d.title, "Ceasefire holds");
  EXPECT_EQ(d.text, "The ceasefire held for a second night.\nAid trucks crossed at dawn.");
  EXPECT_EQ(d.origin, path + ":1");
  EXPECT_TRUE(r.issues.empty());
}

TEST(JsonlReaderTest, OnlyTextIsRequired) {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl", "{\"text\": \"One.\"}\r\n\n  \n{\"text\": \"Two \\u201cquoted\\u201d.\"}");
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u) << r.IssueText();
  EXPECT_EQ(r.docs[0].id, "feed:1");
  EXPECT_EQ(r.docs[1].id, "feed:4");  // blank lines still count
  EXPECT_EQ(r.docs[1].text, "Two \xE2\x80\x9Cquoted\xE2\x80\x9D.");
  EXPECT_EQ(r.docs[1].origin, path + ":4");
  EXPECT_EQ(r.docs[0].published, "");
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
}

// Each bad line is reported as path:LINE and skipped; the good lines go through.
TEST(JsonlReaderTest, BadLinesAreReportedWithTheirLineNumber) {
  struct Case {
    std::string line;
    const char* reason;  // expected at the start of the reason
  };
  const Case cases[] = {
      {"{\"text\": \"unterminated", "malformed JSON: "},
      {"{\"text\": \"a\"} trailing", "malformed JSON: "},
      {"[\"text\", \"a\"]", "not a JSON object"},
      {"{\"title\": \"No body\"}", "object without \"text\""},
      {"{\"text\": null}", "object without \"text\""},
      {"{\"text\": 42}", "\"text\" is not a string"},
      {"{\"text\": \"  \"}", "\"text\" is empty"},
      {"{\"text\": \"caf\xE9\"}", "invalid UTF-8 at byte 35"},  // byte offset in the file
      {std::string(100000, '[') , "malformed JSON: "},  // deep nesting: no stack overflow
  };
  TempDir dir;
  for (const Case& c : cases) {
    std::string path = dir.Write("bad.jsonl", "{\"text\": \"Good one.\"}\n" + c.line + "\n{\"text\": \"Good two.\"}\n");
    auto r = Read(path);
    ASSERT_EQ(r.docs.size(), 2u) << c.reason;
    EXPECT_EQ(r.docs[0].text, "Good one.");
    EXPECT_EQ(r.docs[1].text, "Good two.");
    EXPECT_EQ(r.docs[1].origin, path + ":3");
    ASSERT_EQ(r.issues.size(), 1u) << r.IssueText();
    EXPECT_EQ(r.issues[0].where, path + ":2");
    EXPECT_EQ(r.issues[0].reason.rfind(c.reason, 0), 0u) << r.issues[0].reason;
    EXPECT_TRUE(r.issues[0].skipped);
    EXPECT_EQ(r.stats.skipped, 1u);
  }
}

TEST(JsonlReaderTest, MalformedJsonNamesTheColumn) {
  TempDir dir;
  std::string path = dir.Write("x.jsonl", "{\"text\": \"a\" \"title\": \"b\"}\n");
  auto r = Read(path);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].where, path + ":1");
  EXPECT_NE(r.issues[0].reason.find("(column 14)"), std::string::npos) << r.issues[0].reason;
}

TEST(JsonlReaderTest, OptionalFieldsOfTheWrongTypeAreIgnoredWithAWarning) {
  TempDir dir;
  auto r = Read(dir.Write("x.jsonl", R"({"id": 17, "title": ["a"], "published": "last Tuesday", "text": "Body."})"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "17");
  EXPECT_EQ(r.docs[0].title, "");
  EXPECT_EQ(r.docs[0].published, "");
  ASSERT_EQ(r.issues.size(), 2u) << r.IssueText();
  EXPECT_FALSE(r.issues[0].skipped);
  EXPECT_FALSE(r.issues[1].skipped);
  EXPECT_EQ(r.stats.skipped, 0u);
}

// Files are read in blocks (16 MiB; 4 KiB here): lines across block ends, lines
// longer than a block, line numbers and byte offsets must come out as if the file
// were read whole.
TEST(JsonlReaderTest, FileIsReadInBlocks) {
  std::string line = "{\"text\": \"" + std::string(990, 'w') + "\"}\n";  // 1,003 bytes: not a divisor of 4 KiB
  const size_t kLines = 300, kBadLine = 250, kLongLine = 100;
  std::string content;
  size_t bad_offset = 0, text_bytes = 0;
  for (size_t i = 1; i <= kLines; ++i) {
    std::string l = line;
    if (i == kLongLine) l = "{\"text\": \"" + std::string(10000, 'l') + "\"}\n";
    if (i == kBadLine) {
      bad_offset = content.size() + 20;
      l[20] = '\xFF';
    } else {
      text_bytes += i == kLongLine ? 10000 : 990;
    }
    content += l;
  }
  TempDir dir;
  std::string path = dir.Write("big.jsonl", content);
  for (size_t block : {size_t{4096}, ingest::kJsonlBlockBytes}) {
    size_t docs = 0, bytes = 0;
    std::vector<ReadIssue> issues;
    std::string last_origin;
    ReadStats stats;
    DocumentSink sink = [&](Document&& d) {
      ++docs;
      bytes += d.text.size();
      last_origin = d.origin;
    };
    IssueSink issue_sink = [&](const ReadIssue& i) { issues.push_back(i); };
    ingest::ReadContext ctx(sink, issue_sink, stats);
    int fd = open(path.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    ingest::ReadJsonlFile(fd, path, ctx, block);
    close(fd);
    EXPECT_EQ(docs, kLines - 1);
    EXPECT_EQ(bytes, text_bytes);
    EXPECT_EQ(last_origin, path + ":" + std::to_string(kLines));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].where, path + ":" + std::to_string(kBadLine));
    EXPECT_EQ(issues[0].reason, "invalid UTF-8 at byte " + std::to_string(bad_offset));
    EXPECT_EQ(stats.bytes, content.size());
  }
}

TEST(JsonlReaderTest, BlankFileIsEmpty) {
  TempDir dir;
  std::string path = dir.Write("blank.jsonl", "\n  \n\n");
  auto r = Read(path);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].where, path);
  EXPECT_EQ(r.issues[0].reason, "empty file (no JSON lines)");
}

TEST(JsonlReaderTest, ExampleFileHasOneFieldMissingPerArticle) {
  auto r = Read(NEWSLEDGER_SOURCE_DIR "/examples/jsonl/wire.jsonl");
  ASSERT_GE(r.docs.size(), 3u);
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
  for (const Document& d : r.docs) {
    EXPECT_FALSE(d.text.empty());
    int missing = d.url.empty() + d.outlet.empty() + d.published.empty() + d.title.empty() +
                  (d.id.find(':') != std::string::npos);
    EXPECT_EQ(missing, 1) << d.origin;
  }
}

}  // namespace
}  // namespace newsledger

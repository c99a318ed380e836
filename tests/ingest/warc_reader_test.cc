#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

using ingest_test::Gzip;
using ingest_test::Read;
using ingest_test::TempDir;

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response") {
  std::string h = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  h += "Content-Type: " + content_type + "\r\n";
  h += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Page(const std::string& title, const std::string& para) {
  return "<html><head><meta property=\"og:title\" content=\"" + title + "\"></head><body><p>" + para +
         "</p></body></html>";
}

std::string HtmlResponse(const std::string& uri, const std::string& para) {
  return Record("response", uri, Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", Page("T", para)));
}

// Records a reader must pass over without a word.
std::vector<std::string> OtherRecords() {
  return {
      Record("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      Record("request", "https://a.example/x", "GET /x HTTP/1.1\r\nHost: a.example\r\n\r\n",
             "application/http; msgtype=request"),
      Record("response", "https://a.example/logo.png", Http("200 OK", "Content-Type: image/png\r\n", "\x89PNG")),
      Record("response", "https://a.example/old", Http("301 Moved Permanently", "Location: /new\r\nContent-Type: text/html\r\n", "<p>Moved</p>")),
      Record("response", "https://a.example/missing", Http("404 Not Found", "Content-Type: text/html\r\n", "<p>Not found</p>")),
      Record("metadata", "https://a.example/x", "outlinks: none\r\n", "application/warc-fields"),
  };
}

TEST(WarcReaderTest, PlainWarcOriginsAreRecordOffsets) {
  std::vector<std::string> records = OtherRecords();
  records.insert(records.begin() + 2, HtmlResponse("https://www.a.example/news/one?utm=x", "First story."));
  records.push_back(HtmlResponse("<https://b.example/two/>", "Second story."));
  std::string warc;
  std::vector<size_t> offsets;
  for (const std::string& r : records) {
    offsets.push_back(warc.size());
    warc += r;
  }
  TempDir dir;
  std::string path = dir.Write("crawl.warc", warc);
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u) << r.IssueText();
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
  EXPECT_EQ(r.docs[0].text, "First story.");
  EXPECT_EQ(r.docs[0].origin, path + "@" + std::to_string(offsets[2]));
  EXPECT_EQ(r.docs[0].id, "a.example/news/one");
  EXPECT_EQ(r.docs[0].url, "https://www.a.example/news/one?utm=x");
  EXPECT_EQ(r.docs[0].outlet, "a.example");  // no site name: the host
  EXPECT_EQ(r.docs[1].text, "Second story.");
  EXPECT_EQ(r.docs[1].id, "b.example/two");
  EXPECT_EQ(r.docs[1].url, "https://b.example/two/");
  EXPECT_EQ(r.docs[1].origin, path + "@" + std::to_string(offsets.back()));
}

// Per-record gzip members; returns the archive and each member's offset.
std::string GzipMembers(const std::vector<std::string>& records, std::vector<size_t>* offsets) {
  std::string out;
  for (const std::string& r : records) {
    offsets->push_back(out.size());
    out += Gzip(r);
  }
  return out;
}

TEST(WarcReaderTest, GzipMembersAndHttpDecoding) {
  std::string page = Page("Zipped", "Chunked and gzipped body.");
  std::string zipped = Gzip(page);
  std::string chunked;
  for (size_t i = 0; i < zipped.size(); i += 10) {
    std::string piece = zipped.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    chunked += std::string(size) + ";ext=1\r\n" + piece + "\r\n";
  }
  chunked += "0\r\nX-Trailer: y\r\n\r\n";
  std::vector<std::string> records = {
      Record("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      Record("response", "https://z.example/a",
             Http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", chunked)),
      Record("response", "https://z.example/b",
             Http("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n", "<p>Caf\xE9 open.</p>")),
      Record("resource", "https://z.example/c", "<p>A resource record.</p>", "text/html"),
  };
  std::vector<size_t> offsets;
  TempDir dir;
  std::string path = dir.Write("crawl.warc.gz", GzipMembers(records, &offsets));
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 3u) << r.IssueText();
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
  EXPECT_EQ(r.docs[0].text, "Chunked and gzipped body.");
  EXPECT_EQ(r.docs[0].title, "Zipped");
  EXPECT_EQ(r.docs[0].origin, path + "@" + std::to_string(offsets[1]));
  EXPECT_EQ(r.docs[1].text, "Caf\xC3\xA9 open.");
  EXPECT_EQ(r.docs[1].origin, path + "@" + std::to_string(offsets[2]));
  EXPECT_EQ(r.docs[2].text, "A resource record.");
}

TEST(WarcReaderTest, WholeFileGzipNamesRecordsInsideTheMember) {
  std::string first = HtmlResponse("https://q.example/1", "One.");
  std::string warc = first + HtmlResponse("https://q.example/2", "Two.");
  TempDir dir;
  std::string path = dir.Write("all.warc.gz", Gzip(warc));
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u) << r.IssueText();
  EXPECT_EQ(r.docs[0].origin, path + "@0");
  EXPECT_EQ(r.docs[1].origin, path + "@0+" + std::to_string(first.size()));
}

TEST(WarcReaderTest, TruncatedGzipArchiveKeepsTheRecordsBefore) {
  std::vector<std::string> records;
  for (int i = 0; i < 4; ++i)
    records.push_back(HtmlResponse("https://t.example/" + std::to_string(i), "Story " + std::to_string(i) + "."));
  std::vector<size_t> offsets;
  std::string gz = GzipMembers(records, &offsets);
  TempDir dir;
  // Cut inside the third member, and inside the trailer of the last one.
  for (size_t cut : {offsets[2] + 30, gz.size() - 3}) {
    std::string path = dir.Write("cut.warc.gz", gz.substr(0, cut));
    auto r = Read(path);
    size_t expected_docs = cut < offsets[3] ? 2 : 4;
    ASSERT_EQ(r.docs.size(), expected_docs) << r.IssueText();
    ASSERT_EQ(r.issues.size(), 1u) << r.IssueText();
    size_t member = cut < offsets[3] ? offsets[2] : offsets[3];
    EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(member));
    EXPECT_NE(r.issues[0].reason.find("truncated"), std::string::npos) << r.issues[0].reason;
    EXPECT_NE(r.issues[0].reason.find("at byte " + std::to_string(cut)), std::string::npos) << r.issues[0].reason;
    EXPECT_TRUE(r.issues[0].skipped);
  }
}

TEST(WarcReaderTest, CorruptGzipMemberIsReported) {
  std::vector<std::string> records = {HtmlResponse("https://c.example/1", "One."), HtmlResponse("https://c.example/2", "Two.")};
  std::vector<size_t> offsets;
  std::string gz = GzipMembers(records, &offsets);
  for (size_t i = offsets[1] + 12; i < offsets[1] + 40; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  TempDir dir;
  std::string path = dir.Write("bad.warc.gz", gz);
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.issues.size(), 1u) << r.IssueText();
  EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(offsets[1]));
}

TEST(WarcReaderTest, TruncatedPlainWarc) {
  std::string first = HtmlResponse("https://p.example/1", "One.");
  std::string second = HtmlResponse("https://p.example/2", "Two.");
  TempDir dir;
  std::string path = dir.Write("cut.warc", first + second.substr(0, second.size() - 40));
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.issues.size(), 1u) << r.IssueText();
  EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(first.size()));
  EXPECT_NE(r.issues[0].reason.find("truncated archive"), std::string::npos);
  // Cut inside the header block.
  path = dir.Write("cut2.warc", first + second.substr(0, 20));
  r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.issues.size(), 1u) << r.IssueText();
  EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(first.size()));
}

TEST(WarcReaderTest, MalformedRecordIsReportedAndSkipped) {
  std::string first = HtmlResponse("https://m.example/1", "One.");
  std::string broken = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
  std::string third = HtmlResponse("https://m.example/3", "Three.");
  TempDir dir;
  std::string path = dir.Write("m.warc", first + broken + third);
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u) << r.IssueText();
  EXPECT_EQ(r.docs[1].text, "Three.");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(first.size()));
  EXPECT_EQ(r.issues[0].reason, "malformed WARC record: no valid Content-Length");
}

TEST(WarcReaderTest, BadPageInsideArchiveIsSkippedAlone) {
  std::string bad = Record("response", "https://u.example/bad",
                           Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", "<p>Bad \xC3( byte.</p>"));
  std::string first = HtmlResponse("https://u.example/1", "One.");
  TempDir dir;
  std::string path = dir.Write("u.warc", first + bad + HtmlResponse("https://u.example/3", "Three."));
  auto r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].where, path + "@" + std::to_string(first.size()));
  EXPECT_EQ(r.issues[0].reason, "invalid UTF-8 at byte 7 of the page");
}

TEST(WarcReaderTest, ExampleArchive) {
  auto r = Read(NEWSLEDGER_SOURCE_DIR "/examples/warc/crawl-sample.warc.gz");
  ASSERT_EQ(r.docs.size(), 2u) << r.IssueText();
  EXPECT_TRUE(r.issues.empty()) << r.IssueText();
  EXPECT_EQ(r.docs[0].outlet, "Lakeside Ledger");
  EXPECT_EQ(r.docs[0].published, "2025-06-18");
  EXPECT_EQ(r.docs[0].id, "lakeside-ledger.example/economy/2025/06/18/rates-hold");
  EXPECT_EQ(r.docs[0].text.rfind("The central bank kept", 0), 0u);
  EXPECT_EQ(r.docs[0].text.find("newsletter"), std::string::npos);
  EXPECT_EQ(r.docs[1].outlet, "Coastal Times");
  EXPECT_EQ(r.docs[1].published, "2025-07-01");
  EXPECT_NE(r.docs[1].text.find("In\xC3\xA8s Carvalho"), std::string::npos);
}

TEST(InflateTest, LimitAndErrors) {
  std::string out, error;
  EXPECT_TRUE(ingest::Inflate(Gzip("hello ") + Gzip("world"), &out, &error));
  EXPECT_EQ(out, "hello world");
  out.clear();
  EXPECT_FALSE(ingest::Inflate(Gzip(std::string(1000, 'a')), &out, &error, 100));
  EXPECT_EQ(error, "inflated size exceeds 100 bytes");
  out.clear();
  std::string gz = Gzip("some text");
  EXPECT_FALSE(ingest::Inflate(gz.substr(0, gz.size() - 5), &out, &error));
  EXPECT_NE(error.find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace newsledger

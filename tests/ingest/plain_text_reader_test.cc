#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

struct HeaderCase {
  const char* name;
  const char* input;
  const char* text;       // expected Document::text
  const char* title;
  const char* outlet;
  const char* published;
  const char* url;
  const char* id;         // expected id ("" = file stem "article")
};

const HeaderCase kHeaderCases[] = {
    {"no header", "Rain fell all night.\nRivers rose.\n", "Rain fell all night.\nRivers rose.\n", "", "", "", "", "article"},
    {"full header",
     "Title: Rivers rise\nDate: 2025-11-17\nOutlet: Valley Wire\nURL: https://example.com/a\nId: rr-1\n\nRain fell.\n",
     "Rain fell.\n", "Rivers rise", "Valley Wire", "2025-11-17", "https://example.com/a", "rr-1"},
    {"keys are case-insensitive, Published is a Date", "TITLE: Budget passes\npublished: March 3, 2025\n\nThe vote was 51 to 49.",
     "The vote was 51 to 49.", "Budget passes", "", "2025-03-03", "", "article"},
    {"unknown keys ignored when a known key is present", "Author: J. Doe\nTitle: Talks resume\n\nBody.", "Body.",
     "Talks resume", "", "", "", "article"},
    {"several blank lines after the header", "Title: T\n\n\n\nBody starts here.", "Body starts here.", "T", "", "", "",
     "article"},
    {"CRLF line ends", "Title: T\r\nDate: 17 Nov 2025\r\n\r\nOne.\r\nTwo.\r\n", "One.\nTwo.\n", "T", "", "2025-11-17",
     "", "article"},
    {"BOM before the header", "\xEF\xBB\xBFTitle: T\n\nBody.", "Body.", "T", "", "", "", "article"},
    {"BOM without header", "\xEF\xBB\xBF" "Body only.", "Body only.", "", "", "", "", "article"},
    {"no known key: not a header", "Update: the storm has passed.\n\nMore text.", "Update: the storm has passed.\n\nMore text.",
     "", "", "", "", "article"},
    {"header not ended by a blank line: not a header", "Title: T\nThe body starts without a gap.",
     "Title: T\nThe body starts without a gap.", "", "", "", "", "article"},
    {"colon late in the line is not a key", "The minister said this on Monday: prices will fall.\n\nText.",
     "The minister said this on Monday: prices will fall.\n\nText.", "", "", "", "", "article"},
    {"date-time keeps its date part", "Date: 2025-11-17T23:30:00-05:00\n\nBody.", "Body.", "", "", "2025-11-17", "", "article"},
};

class PlainTextHeaderTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(PlainTextHeaderTest, ParsesHeaderBlock) {
  const HeaderCase& c = GetParam();
  Document doc = ParsePlainText(c.input, "dir/article.txt");
  EXPECT_EQ(doc.text, c.text);
  EXPECT_EQ(doc.title, c.title);
  EXPECT_EQ(doc.outlet, c.outlet);
  EXPECT_EQ(doc.published, c.published);
  EXPECT_EQ(doc.url, c.url);
  EXPECT_EQ(doc.id, c.id);
  EXPECT_EQ(doc.origin, "dir/article.txt");
}

INSTANTIATE_TEST_SUITE_P(Cases, PlainTextHeaderTest, ::testing::ValuesIn(kHeaderCases),
                         [](const ::testing::TestParamInfo<HeaderCase>& info) {
                           std::string n = info.param.name;
                           for (char& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

struct DateCase {
  const char* input;
  const char* expected;
};

const DateCase kDateCases[] = {
    {"2025-11-17", "2025-11-17"},
    {"2025-11-17T08:00:00Z", "2025-11-17"},
    {"2025-11-17 08:00", "2025-11-17"},
    {"2025-1-7", "2025-01-07"},
    {"20251117", "2025-11-17"},
    {"20251117T080000Z", "2025-11-17"},
    {"2025/11/17", "2025-11-17"},
    {"November 17, 2025", "2025-11-17"},
    {"Nov. 17, 2025", "2025-11-17"},
    {"Sept. 3, 2025", "2025-09-03"},
    {"17 November 2025", "2025-11-17"},
    {"Monday, November 17, 2025", "2025-11-17"},
    {"Mon, 17 Nov 2025 08:00:00 GMT", "2025-11-17"},
    {"17th of November 2025", "2025-11-17"},
    {"  2024-02-29  ", "2024-02-29"},
    {"2025-02-29", ""},     // not a leap year
    {"2025-13-01", ""},
    {"11/12/2025", ""},     // ambiguous: month first or day first
    {"November 2025", ""},  // not a full date
    {"yesterday", ""},
    {"", ""},
    {"2025-11", ""},
    {"November 17", ""},
};

TEST(NormalizeDateTest, Table) {
  for (const DateCase& c : kDateCases) EXPECT_EQ(ingest::NormalizeDate(c.input), c.expected) << c.input;
}

TEST(PlainTextReaderTest, UnparseableDateIsWarnedAndLeftEmpty) {
  ingest_test::TempDir dir;
  auto r = ingest_test::Read(dir.Write("a.txt", "Date: sometime last week\n\nBody text."));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].published, "");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_FALSE(r.issues[0].skipped);
  EXPECT_NE(r.issues[0].reason.find("sometime last week"), std::string::npos);
  EXPECT_EQ(r.stats.skipped, 0u);
}

TEST(PlainTextReaderTest, HeaderWithoutBodyIsSkipped) {
  ingest_test::TempDir dir;
  auto r = ingest_test::Read(dir.Write("a.txt", "Title: Nothing follows\n\n\n"));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].reason, "no text after the header");
}

TEST(PlainTextReaderTest, WhitespaceOnlyFileIsEmpty) {
  ingest_test::TempDir dir;
  auto r = ingest_test::Read(dir.Write("a.txt", " \n\t\n\n"));
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].reason.find("empty file"), std::string::npos);
}

}  // namespace
}  // namespace newsledger

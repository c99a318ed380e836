// The time scan tries its grammar only at lexemes its prefilter (TimeScan::MayOpen)
// lets through. These tests run the same scan with the prefilter off
// (TimeRecognizer::AnnotateExhaustive, every lexeme tried) and require the same times:
// a prefilter that skipped the first lexeme of an expression would lose it or cut it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "newsledger/segmenter.h"
#include "recognize/time_recognizer.h"
#include "time_case.h"

namespace newsledger {
namespace {

std::string Show(const Document& doc) {
  std::string out;
  for (const TimeExpr& t : doc.times) {
    out += "[" + std::string(doc.view(t.span)) + "|" + std::to_string(static_cast<int>(t.type)) + "|" + t.value +
           "|" + t.mod + "|" + t.relation + "]\n";
  }
  return out;
}

// Times of `text` with and without the prefilter, as comparable strings.
std::pair<std::string, std::string> BothWays(const std::string& text, const std::string& published,
                                             bool segment) {
  static const TimeRecognizer times;
  Document fast;
  fast.text = text;
  fast.published = published;
  if (segment) Segmenter().annotate(fast);
  Document slow = fast;
  times.annotate(fast);
  times.AnnotateExhaustive(slow);
  return {Show(fast), Show(slow)};
}

}  // namespace

namespace time_test {

// Every case of the time tables (time_recognizer_test.cc, time_grammar_test.cc and the
// others instantiating TimeTest) also runs here.
TEST_P(TimeTest, PrefilterSkipsNoStart) {
  const TCase& c = GetParam();
  auto [fast, slow] = BothWays(c.text, c.published, false);
  EXPECT_EQ(fast, slow) << c.text;
}

}  // namespace time_test

namespace {

struct PCase {
  const char* published;
  const char* text;
};

class TimePrefilterTest : public ::testing::TestWithParam<PCase> {};

TEST_P(TimePrefilterTest, SameTimesWithoutPrefilter) {
  const PCase& c = GetParam();
  auto [fast, slow] = BothWays(c.text, c.published, false);
  EXPECT_EQ(fast, slow) << c.text;
  EXPECT_FALSE(slow.empty()) << "no time in the case, it tests nothing: " << c.text;
}

// Sentences whose expressions open on the lexemes a prefilter is tempted to skip:
// quotation marks and apostrophes, the "s" of a possessive, function words far from
// any number, relation and modifier words, words outside the word table.
INSTANTIATE_TEST_SUITE_P(
    Openers, TimePrefilterTest,
    ::testing::Values(
        PCase{"2025-11-17", "The class of '98 met again, and the ferry's crew said so on Monday."},
        PCase{"2025-11-17", "\"We left on Tuesday,\" the skipper's wife said, 'and came back in '04.'"},
        PCase{"2025-11-17", "The mill’s owners said the furnace had been cold since the ’90s."},
        PCase{"2025-11-17", "It was the worst flood in the province's history, the council's report said in March."},
        PCase{"2025-11-17", "Talks resume later this month and should end no later than Dec. 12."},
        PCase{"2025-11-17", "Shipments fell earlier than 2019 and rose again the following quarter."},
        PCase{"2025-11-17", "The ferry sails once a week in the summer and twice a day in the rest of the year."},
        PCase{"2025-11-17", "Prices have been rising for the better part of a decade, since the seventies."},
        PCase{"2025-11-17", "In the meantime, the bridge stays shut until the end of the week."},
        PCase{"2025-11-17", "A crew of eleven worked from 5 to 7pm on the 3rd and again at noon."},
        PCase{"2025-11-17", "About a third of the harvest was lost over the past three weeks."},
        PCase{"2025-11-17", "The agency reported 12 s delays between noon and 2 p.m. each day."},
        PCase{"2025-11-17", "At the moment, officials expect a decision in the first half of 2026."},
        PCase{"2025-11-17", "Beginning in January, fares rise by a fifth, the mayor's office said."},
        PCase{"2025-11-17", "The fund was set up in FY2024 and audited during Q3 and in mid-October."},
        PCase{"", "The treaty of 12 June 1998 was signed in Oslo, two years after the talks began."},
        PCase{"2025-11-17", "Every Monday and on alternate Fridays the market opens at 6 a.m."},
        PCase{"2025-11-17", "The previous day, as the storm moved north, rain fell for 36 hours straight."}));

// The project's example articles, segmented as the pipeline does.
TEST(TimePrefilterCorpusTest, ExampleArticlesGiveTheSameTimes) {
  std::filesystem::path dir = std::filesystem::path(NEWSLEDGER_SOURCE_DIR) / "examples";
  std::error_code ec;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    auto [fast, slow] = BothWays(buf.str(), "2025-11-17", true);
    EXPECT_EQ(fast, slow) << entry.path();
    ++files;
  }
  if (files == 0) GTEST_SKIP() << "no example articles in " << dir;
}

}  // namespace
}  // namespace newsledger

// pipeline_times_test.cc: time rules that read the tagger's parts of speech, on
// sentences we wrote. Each case lists every time expression the text must give, with
// its TIMEX3 value and mod, in order; the unit tests in tests/recognize run the time
// recognizer without the tagger.
#include <gtest/gtest.h>

#include <string>

#include "annotate.h"

namespace newsledger {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* times;  // "text=value/mod; ..." in order
};

class PipelineTimesTest : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineTimesTest, FindsExactlyTheseTimes) {
  const Case& c = GetParam();
  Document doc = testing::AnnotateText(c.text, "2026-05-21");
  std::string got;
  for (const TimeExpr& t : doc.times) {
    if (!got.empty()) got += "; ";
    got += std::string(doc.view(t.span)) + "=" + t.value + "/" + t.mod;
  }
  EXPECT_EQ(got, c.times) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineTimesTest,
    ::testing::Values(
        // "fall" and "spring" as verbs are no seasons; as nouns they are.
        Case{"fall_as_verb", "Analysts expect margins to fall in June.", "June=2026-06/"},
        Case{"rise_and_fall", "Prices rise and fall with the harvest.", ""},
        Case{"fall_as_season", "Talks resume this fall.", "this fall=2026-FA/"},
        // A phrase or clause after "the end of the year" is not part of it.
        Case{"end_of_year_then_clause", "The mill will shut by the end of the year after losing two contracts.",
             "end of the year=2026/END"},
        Case{"end_of_year_then_as", "The mill will shut by the end of the year as planned.",
             "end of the year=2026/END"}));

}  // namespace
}  // namespace newsledger

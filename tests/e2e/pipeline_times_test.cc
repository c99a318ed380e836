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
        // A future marker before the time in its own clause wins over the reporting
        // frame after the comma.
        Case{"set_to_before_a_past_frame", "The strike is set to last until Friday, the union said.",
             "Friday=2026-05-22/"},
        Case{"due_to_before_a_past_frame", "The ministers are due to meet on Monday, officials said.",
             "Monday=2026-05-25/"},
        Case{"will_before_a_past_frame", "Nine towns will have water only at night from Monday, the utility said.",
             "Monday=2026-05-25/"},
        Case{"past_stays_past", "The strike ended on Monday, the union said.", "Monday=2026-05-18/"},
        // A participle of planning with no auxiliary looks ahead; with one, its tense.
        Case{"expected_by_looks_ahead", "Votes were counted, he said, with final results expected by Thursday.",
             "Thursday=2026-05-28/"},
        Case{"were_expected_stays_past", "Results were expected on Tuesday.", "Tuesday=2026-05-19/"},
        Case{"fall_as_verb", "Analysts expect margins to fall in June.", "June=2026-06/"},
        Case{"rise_and_fall", "Prices rise and fall with the harvest.", ""},
        Case{"fall_as_season", "Talks resume this fall.", "this fall=2026-FA/"},
        // A phrase or clause after "the end of the year" is not part of it.
        Case{"end_of_year_then_clause", "The mill will shut by the end of the year after losing two contracts.",
             "end of the year=2026/END"},
        Case{"end_of_year_then_as", "The mill will shut by the end of the year as planned.",
             "end of the year=2026/END"},
        // A past participle with no auxiliary (the tagger's VBN for a simple past, or
        // a participle after its noun) marks the past, nearer than a later modal.
        Case{"participle_marks_the_past",
             "Thousands of people marched through central Tula on Saturday to oppose a law that would close the port.",
             "Saturday=2026-05-16/"},
        Case{"participle_after_its_noun", "Figures published on Thursday show that exports will fall.",
             "Thursday=2026-05-21/"},
        // An "if" clause after the time has its own tense.
        Case{"conditional_clause_keeps_its_tense",
             "The union said dockers would strike on June 2 if the company did not raise wages.",
             "June 2=2026-06-02/"},
        // A quotation takes no tense from the reporting verb of its frame.
        Case{"quotation_keeps_its_own_tense",
             "\u201cWe expect sales to double in the second half,\u201d the chief executive said.",
             "the second half=2026-H2/"}));

}  // namespace
}  // namespace newsledger

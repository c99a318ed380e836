// pipeline_events_test.cc: event-coder rules that need the tagger, run through the
// whole pipeline on sentences we wrote. Each case names a trigger and the actor
// country it must (or must not) carry.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "annotate.h"

namespace newsledger {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* trigger;
  const char* actor;  // actor text, "" = no actor
};

class PipelineEventsTest : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineEventsTest, CodesTheTriggerWithItsActor) {
  const Case& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  std::string got;
  bool found = false;
  for (const Event& e : doc.events) {
    got += std::string(doc.view(e.span)) + "/" + e.type + "/" + (e.actor ? e.actor->text : "-") + "; ";
    if (doc.view(e.span) != c.trigger) continue;
    found = true;
    EXPECT_EQ(e.actor ? e.actor->text : "", c.actor) << c.name << "; got: " << got;
  }
  EXPECT_TRUE(found) << c.name << ": no event at [" << c.trigger << "]; got: " << got;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineEventsTest,
    ::testing::Values(
        // The one who reports is not the actor of what the reported clause says.
        Case{"reporter_is_not_the_actor",
             "The Brazilian envoy told reporters in Lisbon that the shipments would go to Peru.", "go to", ""},
        // A relative "that" keeps its clause's subject.
        Case{"relative_that_keeps_the_subject", "Chilean troops that crossed the border attacked a Peruvian post.",
             "attacked", "Chilean troops"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// The count of the people a passive killing verb reports is the event's casualty figure,
// as a count after the verb is.
TEST(PipelineEventsTest, PassiveSubjectCountIsACasualtyFigure) {
  Document doc = testing::AnnotateText(
      "At least 34 people were killed and more than 100 wounded when gunmen attacked the market in Kaya.");
  bool found = false;
  for (const Event& e : doc.events) {
    if (doc.view(e.span).substr(0, 6) != "killed") continue;
    found = true;
    std::vector<std::string> counts;
    for (size_t qi : e.quantities) counts.push_back(std::string(doc.view(doc.quantities[qi].span)));
    EXPECT_NE(std::find(counts.begin(), counts.end(), "At least 34"), counts.end());
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace newsledger

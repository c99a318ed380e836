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
             "attacked", "Chilean troops"},
        // The agency of a wire dateline is nobody's actor.
        Case{"dateline_agency_is_no_actor", "QUITO (Andes Wire) - An explosion killed 14 people on Monday.", "killed",
             ""},
        // "fire" after a weapon word is the weapon's, not a hazard.
        Case{"weapon_fire_is_no_hazard", "Mortar fire killed three soldiers near Goma.", "killed", ""},
        // A verb joined by "and" after the first verb's object shares that verb's
        // subject (here none), not the object.
        Case{"second_verb_does_not_take_the_first_verbs_object",
             "A cyclone killed 12 fishermen and forced 900 villagers to leave.", "forced", ""},
        // A casualty participle right after its noun is passive: the noun is no actor.
        Case{"casualty_participle_after_its_noun_is_passive",
             "Three soldiers killed in the ambush were buried on Friday.", "killed", ""},
        // The list an "including" aside opens holds no actor of the main verb.
        Case{"including_aside_holds_no_actor",
             "Officials from six countries, including Chile and Peru, attended the meeting in Lima.", "attended",
             "Officials"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// Participles that report no action of their own: one used as a preposition
// ("including"), and a past participle in a reduced relative clause ("refugees forced
// from the camp arrived"), whose noun is no actor.
struct NoEventCase {
  const char* name;
  const char* text;
  const char* word;
};

class PipelineNoEventTest : public ::testing::TestWithParam<NoEventCase> {};

TEST_P(PipelineNoEventTest, CodesNoEventAtTheWord) {
  const NoEventCase& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  for (const Event& e : doc.events)
    EXPECT_NE(doc.view(e.span), c.word) << c.name << ": coded " << e.type;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineNoEventTest,
    ::testing::Values(
        NoEventCase{"including_is_a_preposition",
                    "The rebels freed several hostages, including two Canadian engineers, on Sunday.",
                    "including"},
        NoEventCase{"including_opens_a_list", "Officials from six countries, including Chile and Peru, attended.",
                    "including"},
        NoEventCase{"reduced_relative_participle", "Refugees forced from the camp arrived in Tumbes on Friday.",
                    "forced"},
        NoEventCase{"reduced_relative_before_a_vbn_main_verb",
                    "Families driven from their villages sheltered at a church.", "driven"},
        // A natural hazard as the subject or the passive agent: a disaster, no act.
        NoEventCase{"hazard_subject", "A magnitude 6.1 earthquake struck the province of Ica on Friday.", "struck"},
        NoEventCase{"hazard_subject_past_an_auxiliary", "The wildfire has destroyed 40 homes near Tarrant.",
                    "destroyed"},
        NoEventCase{"hazard_phrasal_verb", "A fire broke out at a fuel depot near the port.", "broke out"},
        NoEventCase{"hazard_passive_agent", "Dozens of homes in Valera were destroyed by the floods.", "destroyed"}),
    [](const ::testing::TestParamInfo<NoEventCase>& info) { return std::string(info.param.name); });

// The subject of a passive after a reporting verb is what was acted on; the
// reporter before that verb is not.
TEST(PipelineEventsTest, TheReporterIsNoPassiveTarget) {
  Document doc = testing::AnnotateText("The Interior Ministry said 14 officers were injured.");
  for (const Event& e : doc.events)
    EXPECT_FALSE(e.target && e.target->text == "Interior Ministry") << doc.view(e.span);
}

// "U.S. President Donald Trump": the country's agent and the name that follows it
// are one participant, the named person.
TEST(PipelineEventsTest, ACountrysAgentAndTheNameAfterItAreOneParticipant) {
  Document doc = testing::AnnotateText("The Peruvian envoy will meet U.S. President Donald Trump in July.");
  bool found = false;
  for (const Event& e : doc.events) {
    if (doc.view(e.span) != "meet") continue;
    found = true;
    ASSERT_TRUE(e.target.has_value());
    EXPECT_EQ(e.target->text, "U.S. President Donald Trump");
    EXPECT_EQ(e.target->country, "US");
  }
  EXPECT_TRUE(found);
}

// A possessive pronoun is a determiner, not a participant.
TEST(PipelineEventsTest, APossessivePronounIsNoParticipant) {
  Document doc = testing::AnnotateText(
      "Nurse Vera Ilic said she travelled to the capital with her colleagues, and their union met the minister.");
  for (const Event& e : doc.events) {
    for (const auto* arg : {&e.actor, &e.target}) {
      if (*arg) {
        EXPECT_NE((*arg)->text, "her") << doc.view(e.span);
        EXPECT_NE((*arg)->text, "their") << doc.view(e.span);
      }
    }
  }
}

// A killing in a reduced relative clause is still the casualty report.
TEST(PipelineEventsTest, ReducedRelativeKillingKeepsItsEvent) {
  Document doc = testing::AnnotateText("Three soldiers killed in the ambush were buried on Friday.");
  bool found = false;
  for (const Event& e : doc.events) found = found || doc.view(e.span) == "killed";
  EXPECT_TRUE(found);
}

// "in the province of Napo": the named place, not the noun before "of", is where.
TEST(PipelineEventsTest, NamedPlaceOfALocativeNounIsTheLocation) {
  Document doc = testing::AnnotateText("Gunmen attacked a bus in the province of Napo on Monday.");
  bool found = false;
  for (const Event& e : doc.events) {
    if (!e.location) continue;
    found = true;
    EXPECT_EQ(e.location->text, "Napo") << doc.view(e.span);
  }
  EXPECT_TRUE(found);
}

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

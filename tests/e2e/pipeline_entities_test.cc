// pipeline_entities_test.cc: entity rules that read the tagger's parts of speech, on
// sentences we wrote. Each case lists every named mention the text must give, in
// order; the unit tests in tests/recognize run the recognizer without the tagger.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annotate.h"

namespace newsledger {
namespace {

struct Case {
  const char* name;
  const char* text;
  std::vector<std::string> mentions;  // "TYPE text", pronouns left out
};

class PipelineEntitiesTest : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineEntitiesTest, FindsExactlyTheseMentions) {
  const Case& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  std::vector<std::string> got;
  for (const Entity& e : doc.entities)
    if (!e.pronoun) got.push_back(std::string(ToString(e.type)) + " " + std::string(doc.view(e.span)));
  EXPECT_EQ(got, c.mentions) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineEntitiesTest,
    ::testing::Values(
        // After a lone first name, a word the tagger reads as a proper noun is the
        // surname, even one the dictionary lists ("macron" is a diacritic).
        Case{"proper_noun_after_a_first_name",
             "The talks were hosted by French President Emmanuel Macron in Paris.",
             {"MISC French", "PERSON Emmanuel Macron", "LOC Paris"}},
        // A name ending in a lowercase organisation noun is that organisation.
        Case{"organisation_noun_ends_the_name", "Talks between the FNV union and the employers broke down.",
             {"ORG FNV union"}},
        Case{"name_before_an_organisation_noun_the_model_left_out", "The Tarvos union called a strike.",
             {"ORG Tarvos"}},
        // A person before "government" stays a person; a lone adjective is no name.
        Case{"person_before_an_organisation_noun_stays_a_person",
             "Critics said the Karzai government had failed the provinces.", {"PERSON Karzai"}},
        Case{"adjective_before_an_organisation_noun_is_no_name", "The Socialist party lost ground.", {}},
        // The names a plural organisation noun lists are organisations, also the ones
        // the model left out or took for people.
        Case{"list_after_a_plural_organisation_noun",
             "Shipping lines including Maersk and MSC said they would divert vessels.",
             {"ORG Maersk", "ORG MSC"}},
        Case{"such_as_list_opening_the_sentence", "Automakers such as Toyota, Kia and Renault cut output.",
             {"ORG Toyota", "ORG Kia", "ORG Renault"}},
        // A wire dateline: its opening place is a place, its parenthesised agency one
        // organisation.
        Case{"dateline_place_and_agency", "PRISTAVA, Kestova (Balkan Observer) - Turnout was 61%.",
             {"LOC PRISTAVA", "LOC Kestova", "ORG Balkan Observer"}},
        Case{"dateline_caps_city", "GOMA, Congo (Reuters) - Fighting resumed on Monday.",
             {"LOC GOMA", "LOC Congo", "ORG Reuters"}},
        // One lowercase common word is no name, whatever the model says.
        Case{"lowercase_common_word_is_no_name", "She spoke to reporters outside the union's offices in Leith.",
             {"LOC Leith"}},
        // Places in a list after a plural that is no organisation noun stay places.
        Case{"list_of_places_stays_places", "Countries including Chile and Peru attended.",
             {"LOC Chile", "LOC Peru"}},
        // A role noun in an apposition ("a teacher", "a farmer") makes a name a person,
        // though "Farah" is also a town.
        Case{"role_noun_apposition", "Hodan Farah, a teacher, said the school had no water.",
             {"PERSON Hodan Farah"}},
        // "Somali" before a noun is the demonym, not Ethiopia's Somali Region.
        Case{"demonym_shared_with_a_region", "A Somali journalist was detained in Mogadishu.",
             {"MISC Somali", "LOC Mogadishu"}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newsledger

// pipeline_quotes_test.cc: quote rules that need the whole pipeline (tagger, entities),
// on sentences we wrote. Each case names one quote that must come out with its text,
// speaker and cue; the unit tests in tests/attribute run the attributor without the
// tagger, so rules that read parts of speech are checked here.
#include <gtest/gtest.h>

#include <string>

#include "annotate.h"

namespace newsledger {
namespace {

struct Case {
  const char* name;
  const char* text;
  const char* quote;
  const char* speaker;
  const char* cue;
};

class PipelineQuotesTest : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineQuotesTest, FindsTheQuoteWithItsSpeaker) {
  const Case& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  std::string got;
  for (const Quote& q : doc.quotes) {
    got += "[" + std::string(doc.view(q.span)) + "] " + q.speaker + " / " + q.cue + "\n";
    if (doc.view(q.span) != c.quote) continue;
    EXPECT_EQ(q.speaker, c.speaker) << c.name;
    EXPECT_EQ(q.cue, c.cue) << c.name;
    return;
  }
  ADD_FAILURE() << c.name << ": no quote [" << c.quote << "]; got:\n" << got;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineQuotesTest,
    ::testing::Values(
        Case{"dateline", "OSLO (Nordwire) - Ferry crews walked out on Monday, the union said.",
             "Ferry crews walked out on Monday", "the union", "said"},
        // Without "that", the reported clause after "told OBJECT" opens at its determiner.
        Case{"told_object_then_clause_without_that",
             "Harbour master Ivo Rask told reporters the cranes would stay idle until March.",
             "the cranes would stay idle until March", "Ivo Rask", "told"},
        // A preposition qualifying a number opens the clause; a later "that" belongs to
        // a second clause of the same content.
        Case{"number_qualifier_opens_content",
             "Fire chief Alma Teller said at least 12 people were hurt, two of them badly, and that crews worked for "
             "six hours.",
             "at least 12 people were hurt, two of them badly, and that crews worked for six hours", "Alma Teller",
             "said"},
        Case{"up_to_a_number_opens_content", "The ministry said up to 40 homes were damaged.",
             "up to 40 homes were damaged", "The ministry", "said"},
        // "..., ruling that": the participle's source is the sentence's subject, a
        // common noun phrase too.
        Case{"participle_takes_a_common_noun_subject",
             "A county judge on Monday halted the sale, ruling that the notice had come too late.",
             "the notice had come too late", "A county judge", "ruling"},
        Case{"participle_subject_runs_over_lowercase_nouns",
             "State inspectors closed the mine in May, arguing that the shafts were unsafe.",
             "the shafts were unsafe", "State inspectors", "arguing"},
        // "the union" points back to an organisation named before, not to a capitalised
        // word that only modified a noun.
        Case{"definite_description_skips_modifier_words",
             "State inspectors closed the mine in May. The union said the miners would strike.",
             "the miners would strike", "The union", "said"},
        // ... to the one whose name has the noun, over one named later.
        Case{"the_union_is_the_one_named_so",
             "Talks between the Tarvos union and the port broke down. Shipping lines including Maersk and "
             "MSC rerouted ships. The strike will last until Friday, the union said.",
             "The strike will last until Friday", "Tarvos union", "said"},
        // A subject pronoun is its whole noun phrase ("At one point" is no speaker).
        Case{"pronoun_subject_after_adverbial",
             "Nurse Pia Lund met the inspectors. At one point she told them the ward was full.", "the ward was full",
             "Pia Lund", "told"},
        // A name inside the skipped dateline is nobody's voice (and must not be read
        // before its sentence's start).
        Case{"organisation_in_dateline", "UNICEF (Nordwire) - Rations ran out on Monday, the agency said.",
             "Rations ran out on Monday", "the agency", "said"},
        Case{"office_of_state_then_name",
             "U.S. Secretary of State Maren Holt on Tuesday called for calm and said the border would reopen.",
             "the border would reopen", "Maren Holt", "said"},
        Case{"cue_word_as_noun_before_that",
             "Chief executive Lena Brandt told analysts on a conference call that the plant would close in May.",
             "the plant would close in May", "Lena Brandt", "told"},
        Case{"participle_after_document_noun",
             "The water agency warned in a report published on Wednesday that infections had doubled.",
             "infections had doubled", "The water agency", "warned"},
        Case{"party_state_tag_after_name", "Sen. Dana Whitfield, D-Ore., said the cuts were reckless.",
             "the cuts were reckless", "Dana Whitfield", "said"},
        Case{"reporting_verb_inside_content_keeps_its_own_source",
             "Leader Omar Haddad said the audit showed that the motion had failed.", "the motion had failed",
             "the audit", "showed"},
        Case{"quotation_inside_a_named_speakers_content",
             "Leader Omar Haddad said the audit showed \u201cthat this house still works.\u201d",
             "that this house still works.", "Omar Haddad", "said"},
        Case{"quotation_after_colon",
             "Opposition leader Tomas Reyes accused the council of hiding the figures: \u201cThey are lying to "
             "you.\u201d",
             "They are lying to you.", "Tomas Reyes", "accused"},
        // ", which said" / ", who said": the antecedent before the comma speaks, not
        // the sentence's subject.
        Case{"relative_which_takes_its_antecedent",
             "The suit was filed in May by the Harbour Workers Union, which said the cranes were unsafe.",
             "the cranes were unsafe", "Harbour Workers Union", "said"},
        // A capitalised role noun opening the sentence is no part of the speaker's name.
        Case{"role_noun_before_a_name",
             "Geologist Mirela Dascalu of the Mining Institute warned that the slope could give way.",
             "the slope could give way", "Mirela Dascalu", "warned"},
        Case{"relative_who_takes_its_antecedent",
             "The report was written by Ana Ruiz, who said the figures were incomplete.",
             "the figures were incomplete", "Ana Ruiz", "said"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

// A speech cue whose bare content holds no verb reports nothing: its object
// ("claimed victory"), or the cue word used as a noun ("radar warning data").
struct NoQuoteCase {
  const char* name;
  const char* text;
  const char* cue;
};

class PipelineNoQuoteTest : public ::testing::TestWithParam<NoQuoteCase> {};

TEST_P(PipelineNoQuoteTest, FindsNoQuoteAtTheCue) {
  const NoQuoteCase& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  for (const Quote& q : doc.quotes) EXPECT_NE(q.cue, c.cue) << c.name << ": [" << doc.view(q.span) << "]";
}

INSTANTIATE_TEST_SUITE_P(
    Rules, PipelineNoQuoteTest,
    ::testing::Values(
        NoQuoteCase{"speech_verb_with_a_noun_object", "The mayor claimed victory shortly before midnight in Tula.",
                    "claimed"},
        NoQuoteCase{"cue_word_inside_a_noun_compound",
                    "The navies agreed to share radar warning data in real time, officials said.", "warning"}),
    [](const ::testing::TestParamInfo<NoQuoteCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newsledger

// Tests of the lemmatizer: its transforms on a hand-made table, and the table learned
// into models/pos.bin on irregular and regular forms.
#include "newsledger/lemmatizer.h"

#include <gtest/gtest.h>

#include "newsledger/tagger.h"

namespace newsledger {
namespace {

struct TransformCase {
  const char* word;
  const char* lemma;
  uint8_t casing;
  int strip;
  const char* append;
};

const TransformCase kTransforms[] = {
    {"said", "say", Lemmatizer::kLower, 2, "y"},
    {"Said", "say", Lemmatizer::kLower, 2, "y"},
    {"Madrid", "Madrid", Lemmatizer::kKeep, 0, ""},
    {"kerala", "Kerala", Lemmatizer::kTitle, 0, ""},
    {"children", "child", Lemmatizer::kLower, 3, ""},
    {"went", "go", Lemmatizer::kLower, 4, "go"},
    {"I", "I", Lemmatizer::kKeep, 0, ""},
    {"caf\xC3\xA9s", "caf\xC3\xA9", Lemmatizer::kLower, 1, ""},
    // The common prefix "caf\xC3" ends inside a character: cut before it.
    {"caf\xC3\xA9", "caf\xC3\xA8", Lemmatizer::kLower, 2, "\xC3\xA8"},
};

TEST(LemmatizerTest, TransformForAndApply) {
  for (const TransformCase& c : kTransforms) {
    Lemmatizer::Transform t = Lemmatizer::TransformFor(c.word, c.lemma);
    EXPECT_EQ(t.casing, c.casing) << c.word;
    EXPECT_EQ(t.strip, c.strip) << c.word;
    EXPECT_EQ(t.append, c.append) << c.word;
    std::string out;
    Lemmatizer::Apply(t, c.word, out);
    EXPECT_EQ(out, c.lemma) << c.word;
  }
}

TEST(LemmatizerTest, ApplyNeverCutsInsideACharacterOrPastTheWord) {
  std::string out;
  Lemmatizer::Apply({Lemmatizer::kLower, 1, "x"}, "caf\xC3\xA9", out);
  EXPECT_EQ(out, "caf\xC3\xA9");
  Lemmatizer::Apply({Lemmatizer::kLower, 9, "x"}, "abc", out);
  EXPECT_EQ(out, "abc");
  Lemmatizer::Apply({Lemmatizer::kLower, 3, ""}, "abc", out);
  EXPECT_EQ(out, "abc");  // never empty
}

TEST(LemmatizerTest, HandMadeTablesPreferExceptionsThenLongestSuffix) {
  Lemmatizer::Tables t;
  t.max_suffix = 4;
  const uint8_t lower = Lemmatizer::kLower;
  t.transforms = {{lower, 0, ""}, {lower, 1, ""}, {lower, 3, "y"}, {lower, 4, "go"}};
  uint64_t nns = Lemmatizer::TagKey("NNS"), vbd = Lemmatizer::TagKey("VBD");
  t.rules = {{Lemmatizer::RuleKey(nns, ""), 0}, {Lemmatizer::RuleKey(nns, "s"), 1},
             {Lemmatizer::RuleKey(nns, "ies"), 2}};
  t.exceptions = {{Lemmatizer::ExceptionKey(vbd, "went"), 3}};
  Lemmatizer lem(std::move(t));
  EXPECT_EQ(lem.Lemmatize("cats", "NNS"), "cat");
  EXPECT_EQ(lem.Lemmatize("Cities", "NNS"), "city");
  EXPECT_EQ(lem.Lemmatize("sheep", "NNS"), "sheep");
  EXPECT_EQ(lem.Lemmatize("Went", "VBD"), "go");
  EXPECT_EQ(lem.Lemmatize("Walked", "VBD"), "Walked");  // no rule for the tag: unchanged
}

TEST(LemmatizerTest, PrefersRulesThatGiveKnownLemmas) {
  Lemmatizer::Tables t;
  t.max_suffix = 4;
  const uint8_t lower = Lemmatizer::kLower;
  t.transforms = {{lower, 0, ""}, {lower, 2, ""}};
  uint64_t vbd = Lemmatizer::TagKey("VBD");
  // Known lemmas live in the rule table under a reserved tag (see lemmatizer.cc).
  uint64_t known = Lemmatizer::TagKey("-KNOWN-LEMMA-");
  t.rules = {{Lemmatizer::RuleKey(vbd, ""), 0}, {Lemmatizer::RuleKey(vbd, "ed"), 1},
             {Lemmatizer::RuleKey(known, "upgrade"), 0}, {Lemmatizer::RuleKey(known, "freed"), 0}};
  Lemmatizer lem(std::move(t));
  const struct {
    const char* word;
    const char* lemma;
  } cases[] = {
      {"walked", "walk"},        // nothing known: the longest suffix's rule
      {"upgraded", "upgrade"},   // "upgrad" is unknown, "upgrade" is known
      {"freed", "freed"},        // the shorter suffix's rule gives a known lemma
  };
  for (const auto& c : cases) EXPECT_EQ(lem.Lemmatize(c.word, "VBD"), c.lemma) << c.word;
}

TEST(LemmatizerTest, ProperNounsInCapitalsTakeTheirKnownSpelling) {
  Lemmatizer::Tables t;
  t.max_suffix = 4;
  t.transforms = {{Lemmatizer::kKeep, 0, ""}};
  uint64_t nnp = Lemmatizer::TagKey("NNP"), nnps = Lemmatizer::TagKey("NNPS");
  uint64_t known = Lemmatizer::TagKey("-KNOWN-LEMMA-");
  t.rules = {{Lemmatizer::RuleKey(nnp, ""), 0},         {Lemmatizer::RuleKey(nnps, ""), 0},
             {Lemmatizer::RuleKey(known, "Halvorsen"), 0}, {Lemmatizer::RuleKey(known, "Nato"), 0},
             {Lemmatizer::RuleKey(known, "NATO"), 0},       {Lemmatizer::RuleKey(known, "Ox"), 0}};
  Lemmatizer lem(std::move(t));
  const struct {
    const char* word;
    const char* xpos;
    const char* lemma;
  } cases[] = {
      {"HALVORSEN", "NNP", "Halvorsen"},  // its usual spelling is a known lemma
      {"NATO", "NNP", "NATO"},            // known as written: an acronym stays
      {"QWERTZ", "NNP", "QWERTZ"},        // nothing known: the rules decide
      {"OX", "NNPS", "Ox"},
      {"OX", "NN", "OX"},                 // only proper nouns
      {"HALVORSEN2", "NNP", "HALVORSEN2"},  // capitals only
      {"H", "NNP", "H"},
  };
  for (const auto& c : cases) EXPECT_EQ(lem.Lemmatize(c.word, c.xpos), c.lemma) << c.word << "/" << c.xpos;
}

TEST(LemmatizerTest, NumbersLoseTheirThousandsSeparators) {
  Lemmatizer lem;
  const struct {
    const char* word;
    const char* lemma;
  } cases[] = {
      {"6,250", "6250"}, {"12,000,000", "12000000"}, {"1,234.5", "1234.5"},
      {"1,23", "1,23"},  {"12,3456", "12,3456"},     {"1234,567", "1234,567"}, {",000", ",000"},
  };
  for (const auto& c : cases) EXPECT_EQ(lem.Lemmatize(c.word, "CD"), c.lemma) << c.word;
}

struct LearnedCase {
  const char* word;
  const char* xpos;
  const char* lemma;
};

const LearnedCase kLearned[] = {
    {"said", "VBD", "say"},      {"Said", "VBD", "say"},       {"told", "VBD", "tell"},
    {"told", "VBN", "tell"},     {"went", "VBD", "go"},        {"children", "NNS", "child"},
    {"women", "NNS", "woman"},   {"men", "NNS", "man"},        {"lives", "NNS", "life"},
    {"teeth", "NNS", "tooth"},     {"n't", "RB", "not"},         {"'s", "POS", "'s"},
    {"was", "VBD", "be"},        {"is", "VBZ", "be"},          {"better", "JJR", "good"},
    {"companies", "NNS", "company"}, {"reported", "VBD", "report"}, {"stopped", "VBD", "stop"},
    {"making", "VBG", "make"},   {"Mexico", "NNP", "Mexico"},  {"The", "DT", "the"},
    {"i", "PRP", "I"},           {"blorfed", "VBD", "blorf"},  {"zinkities", "NNS", "zinkity"},
};

TEST(LemmatizerTest, LearnedTableHandlesIrregularAndRegularForms) {
  static const Tagger tagger;
  for (const LearnedCase& c : kLearned)
    EXPECT_EQ(tagger.lemmatizer().Lemmatize(c.word, c.xpos), c.lemma) << c.word << "/" << c.xpos;
}

}  // namespace
}  // namespace newsledger

// Tests of the tagger trainer on a tiny hand-written treebank: training is
// deterministic and learns what it was shown; the CoNLL-U reader skips what it must.
#include "tag/tagger_trainer.h"

#include <gtest/gtest.h>

#include "newsledger/error.h"

namespace newsledger {
namespace {

// Written for this test (not from any treebank).
const char kTiny[] =
    "# text = The dog barked.\n"
    "1\tThe\tthe\tDET\tDT\t_\t_\t_\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t_\t_\t_\t_\n"
    "3\tbarked\tbark\tVERB\tVBD\t_\t_\t_\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n"
    "\n"
    "1\tTwo\ttwo\tNUM\tCD\t_\t_\t_\t_\t_\n"
    "2\tcats\tcat\tNOUN\tNNS\t_\t_\t_\t_\t_\n"
    "3\tslept\tsleep\tVERB\tVBD\t_\t_\t_\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t_\t_\t_\t_\n"
    "5\tParis\tParis\tPROPN\tNNP\t_\t_\t_\t_\t_\n"
    "\n"
    "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tdo\tdo\tAUX\tVBP\t_\t_\t_\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t_\t_\t_\t_\n"
    "3\tworry\tworry\tVERB\tVB\t_\t_\t_\t_\t_\n"
    "3.1\tworry\tworry\tVERB\tVB\t_\t_\t_\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t_\t_\t_\t_\n"
    "2\tchildren\tchild\tNOUN\tNNS\t_\t_\t_\t_\t_\n"
    "3\twalked\twalk\tVERB\tVBD\t_\t_\t_\t_\t_\n"
    "4\thome\thome\tADV\tRB\t_\t_\t_\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n";

TEST(ConlluTest, ReadsWordsAndSkipsMultiwordTokensAndEmptyNodes) {
  auto sents = tag::ParseConllu(kTiny, "tiny");
  ASSERT_EQ(sents.size(), 4u);
  ASSERT_EQ(sents[2].size(), 3u);
  EXPECT_EQ(sents[2][1].form, "n't");
  EXPECT_EQ(sents[2][1].lemma, "not");
  EXPECT_EQ(sents[1][4].upos, "PROPN");
  EXPECT_EQ(sents[1][4].xpos, "NNP");
}

TEST(ConlluTest, MalformedLinesNameTheLine) {
  try {
    tag::ParseConllu("1\tThe\tthe\n", "bad.conllu");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), "bad.conllu:1");
  }
  EXPECT_THROW(tag::ParseConllu("x\ta\tb\tc\td\te\tf\tg\th\ti\n", "bad.conllu"), Error);
}

TEST(TaggerTrainerTest, TrainingIsDeterministic) {
  auto sents = tag::ParseConllu(kTiny, "tiny");
  TaggerOptions o;
  o.iterations = 5;
  o.tagdict_min_count = 2;
  std::string a = TrainTagger(sents, sents, o).Serialize();
  std::string b = TrainTagger(sents, sents, o).Serialize();
  EXPECT_EQ(a, b);
  o.seed = 7;
  std::string c = TrainTagger(sents, sents, o).Serialize();
  EXPECT_NE(a, c);  // the seed is in the header
}

TEST(TaggerTrainerTest, LearnsItsTrainingSentences) {
  auto sents = tag::ParseConllu(kTiny, "tiny");
  TaggerOptions o;
  o.iterations = 8;
  TaggerModel m = TrainTagger(sents, {}, o);
  Tagger t(TaggerModel::Parse(m.Serialize(), "tiny model"), "tiny model");
  PosScores s = EvaluateTagger(t, sents);
  EXPECT_EQ(s.words, 17u);
  EXPECT_EQ(s.upos_right, s.words);
  EXPECT_EQ(s.xpos_right, s.words);
  EXPECT_EQ(s.lemma_right, s.words);
}

TEST(TaggerTrainerTest, LemmatizerGeneralisesSuffixRules) {
  auto sents = tag::ParseConllu(kTiny, "tiny");
  Lemmatizer lem(LearnLemmatizer(sents, 4));
  EXPECT_EQ(lem.Lemmatize("children", "NNS"), "child");
  EXPECT_EQ(lem.Lemmatize("slept", "VBD"), "sleep");
  EXPECT_EQ(lem.Lemmatize("Dogs", "NNS"), "dog");  // "-s" -> "" from cats
}

TEST(TaggerTrainerTest, NoSentencesIsAnError) {
  EXPECT_THROW(TrainTagger({}, {}, TaggerOptions{}), Error);
}

}  // namespace
}  // namespace newsledger

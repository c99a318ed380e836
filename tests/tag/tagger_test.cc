// Tests of the part-of-speech tagger stage with the committed model (models/pos.bin),
// on sentences written for these tests.
#include "newsledger/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsledger {
namespace {

const Tagger& Model() {
  static const Tagger tagger;
  return tagger;
}

// Builds a Document of one sentence from space-separated tokens.
Document MakeDocument(const std::string& spaced) {
  Document doc;
  doc.text = spaced;
  Sentence s;
  size_t pos = 0;
  while (pos < spaced.size()) {
    size_t sp = spaced.find(' ', pos);
    if (sp == std::string::npos) sp = spaced.size();
    Token t;
    t.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(sp)};
    doc.tokens.push_back(t);
    pos = sp + 1;
  }
  s.span = {0, static_cast<uint32_t>(spaced.size())};
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

struct WordCase {
  const char* sentence;
  size_t index;  // token index in the sentence
  const char* upos;
  const char* xpos;
  const char* lemma;
};

const WordCase kWordCases[] = {
    {"The minister said the talks would resume on Friday .", 0, "DET", "DT", "the"},
    {"The minister said the talks would resume on Friday .", 1, "NOUN", "NN", "minister"},
    {"The minister said the talks would resume on Friday .", 2, "VERB", "VBD", "say"},
    {"The minister said the talks would resume on Friday .", 4, "NOUN", "NNS", "talk"},
    {"The minister said the talks would resume on Friday .", 5, "AUX", "MD", "would"},
    {"The minister said the talks would resume on Friday .", 8, "PROPN", "NNP", "Friday"},
    {"The minister said the talks would resume on Friday .", 9, "PUNCT", ".", "."},
    {"She told us that the children were safe .", 1, "VERB", "VBD", "tell"},
    {"She told us that the children were safe .", 5, "NOUN", "NNS", "child"},
    {"She told us that the children were safe .", 6, "AUX", "VBD", "be"},
    {"Two women were arrested in Madrid last week .", 0, "NUM", "CD", "two"},
    {"Two women were arrested in Madrid last week .", 1, "NOUN", "NNS", "woman"},
    {"Two women were arrested in Madrid last week .", 3, "VERB", "VBN", "arrest"},
    {"Two women were arrested in Madrid last week .", 5, "PROPN", "NNP", "Madrid"},
    {"We did n't expect them to leave .", 2, "PART", "RB", "not"},
    {"We did n't expect them to leave .", 5, "PART", "TO", "to"},
    {"He has visited several smaller villages .", 1, "AUX", "VBZ", "have"},
    {"He has visited several smaller villages .", 4, "ADJ", "JJR", "small"},
};

class TaggerWordTest : public ::testing::TestWithParam<WordCase> {};

TEST_P(TaggerWordTest, TagsAndLemmatizes) {
  const WordCase& c = GetParam();
  Document doc = MakeDocument(c.sentence);
  Model().annotate(doc);
  ASSERT_LT(c.index, doc.tokens.size());
  const Token& t = doc.tokens[c.index];
  EXPECT_EQ(t.upos, c.upos) << c.sentence << " [" << doc.view(t.span) << "]";
  EXPECT_EQ(t.xpos, c.xpos) << c.sentence << " [" << doc.view(t.span) << "]";
  EXPECT_EQ(t.lemma, c.lemma) << c.sentence << " [" << doc.view(t.span) << "]";
}

INSTANTIATE_TEST_SUITE_P(Sentences, TaggerWordTest, ::testing::ValuesIn(kWordCases));

TEST(TaggerTest, FillsEveryTokenOfEverySentence) {
  Document doc = MakeDocument("Rescue teams searched the river overnight .");
  Model().annotate(doc);
  for (const Token& t : doc.tokens) {
    EXPECT_FALSE(t.upos.empty());
    EXPECT_FALSE(t.xpos.empty());
    EXPECT_FALSE(t.lemma.empty());
  }
}

TEST(TaggerTest, CurlyApostrophesAreReadAsStraightOnes) {
  // "didn’t" and "minister’s" split as UD does.
  Document split = MakeDocument("They did n\u2019t know the minister \u2019s name .");
  Model().annotate(split);
  EXPECT_EQ(split.tokens[2].lemma, "not");
  EXPECT_EQ(split.tokens[6].xpos, "POS");
}

TEST(TaggerTest, LeavesTokensOutsideSentencesAlone) {
  Document doc = MakeDocument("Police arrived quickly .");
  doc.sentences.clear();
  Model().annotate(doc);
  for (const Token& t : doc.tokens) EXPECT_TRUE(t.upos.empty());
}

TEST(TaggerTest, SurvivesOddInput) {
  Document doc;
  doc.text = std::string(300, 'x') + " \xE2\x80\x99 \xF0\x9F\x98\x80 - 1,000,000";
  for (uint32_t start : {0u, 301u, 305u, 310u, 312u}) {
    Token t;
    t.span = {start, start == 0 ? 300u : static_cast<uint32_t>(doc.text.find(' ', start) == std::string::npos
                                                                    ? doc.text.size()
                                                                    : doc.text.find(' ', start))};
    doc.tokens.push_back(t);
  }
  Sentence s;
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  Sentence bad;  // out-of-range sentence: skipped
  bad.token_begin = 3;
  bad.token_end = 99;
  doc.sentences.push_back(bad);
  Model().annotate(doc);
  for (const Token& t : doc.tokens) EXPECT_FALSE(t.xpos.empty());
  Document empty;
  Model().annotate(empty);
}

TEST(TaggerTest, TagIsDeterministicAndReusesScratch) {
  std::vector<std::string_view> a = {"Prices", "rose", "sharply", "in", "March", "."};
  std::vector<std::string_view> b = {"Nobody", "answered", "."};
  auto scratch = Tagger::NewScratch();
  std::vector<uint16_t> first, again, other;
  Model().Tag(a, first, scratch.get());
  Model().Tag(b, other, scratch.get());
  Model().Tag(a, again, scratch.get());
  EXPECT_EQ(first, again);
  EXPECT_EQ(other.size(), 3u);
  std::vector<std::string_view> none;
  Model().Tag(none, other);
  EXPECT_TRUE(other.empty());
}

// Invented words, none in the lexicon: "bazel", "bazem", ... (letters only, so that
// no two share a normalised form).
std::vector<std::string> InventedWords(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string w = "qu";
    for (size_t v = i + 1; v; v /= 26) w += static_cast<char>('a' + v % 26);
    out.push_back(w + (i % 3 == 0 ? "ed" : i % 3 == 1 ? "ing" : "ness"));
  }
  return out;
}

// The rows of words outside the lexicon are cached in the Scratch across calls: a
// sentence tagged again with a warm cache, and parts of it tagged with a warm cache or
// with a fresh Scratch, must get the same labels. (The long sentence has more words
// than the cache has slots, so it also takes the path for a word whose slot another
// word of the same sentence holds.)
TEST(TaggerTest, CachedRowsOfUnknownWordsGiveTheSameLabels) {
  const std::vector<std::string> invented = InventedWords(5000);
  std::vector<std::string_view> words;
  for (size_t i = 0; i < invented.size(); ++i) {
    words.push_back(i % 4 == 0 ? std::string_view("the") : std::string_view(invented[i]));
  }
  std::vector<uint16_t> cold, warm, fresh;
  auto scratch = Tagger::NewScratch();
  Model().Tag(words, cold, scratch.get());
  Model().Tag(words, warm, scratch.get());
  EXPECT_EQ(cold, warm);
  for (size_t start = 0; start + 6 <= words.size(); start += 997) {
    std::vector<std::string_view> part(words.begin() + start, words.begin() + start + 6);
    Model().Tag(part, warm, scratch.get());
    Model().Tag(part, fresh);  // a Scratch of its own: nothing cached
    EXPECT_EQ(warm, fresh) << "at " << start;
  }
}

// Lemmas of lexicon words come from a table made at load time; they must be what the
// lemmatizer gives, under every label.
TEST(TaggerTest, PrecomputedLemmasMatchTheLemmatizer) {
  const Tagger& t = Model();
  std::string fast;
  for (size_t i = 0; i < t.model().vocab.size(); i += 53) {
    const std::string& w = t.model().vocab[i];
    for (uint16_t l = 0; l < t.num_labels(); ++l) {
      t.Lemmatize(w, l, fast);
      EXPECT_EQ(fast, t.lemmatizer().Lemmatize(w, t.xpos(l))) << w << "/" << t.xpos(l);
    }
  }
}

// The committed model is what `newsledger train pos --data ../shared/data` makes: its
// header holds the default training options.
TEST(TaggerTest, CommittedModelWasTrainedWithTheDefaultOptions) {
  const TaggerOptions& o = Model().model().options;
  const TaggerOptions d;
  EXPECT_EQ(o.iterations, d.iterations);
  EXPECT_EQ(o.seed, d.seed);
  EXPECT_EQ(o.ensemble, d.ensemble);
  EXPECT_EQ(o.tagdict_min_count, d.tagdict_min_count);
  EXPECT_EQ(o.tagdict_min_permille, d.tagdict_min_permille);
  EXPECT_EQ(o.lemma_min_support, d.lemma_min_support);
  EXPECT_EQ(o.lemma_max_suffix, d.lemma_max_suffix);
  EXPECT_EQ(o.weight_scale, d.weight_scale);
  EXPECT_EQ(o.min_weight, d.min_weight);
  EXPECT_EQ(o.lexicon_min_count, d.lexicon_min_count);
  EXPECT_EQ(o.class_min_permille, d.class_min_permille);
  EXPECT_EQ(o.gum, d.gum);
  EXPECT_EQ(o.constrain_min_count, d.constrain_min_count);
}

}  // namespace
}  // namespace newsledger

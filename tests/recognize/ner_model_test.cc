// Tests of the entity recognizer's sequence model: Viterbi decoding over hand-set
// scores, the ASCII fast path of the features, and the name lexicon.
#include "recognize/ner_model.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace newsledger {
namespace {

using namespace ner;

// A sentence of n tokens whose transition keys are all zero, with the given emission
// scores (kRowWidth per token) and dense transition rows (all zero unless set).
struct Lattice {
  NerScratch scratch;
  std::vector<float> emission;
  std::vector<float> dense = std::vector<float>(size_t{kDenseRows} * kRowWidth, 0.0f);

  explicit Lattice(size_t n) : emission(n * kRowWidth, 0.0f) { scratch.info.assign(n, NerScratch::TokenInfo{}); }
  void Emit(size_t i, int label, float v) { emission[i * kRowWidth + label] = v; }
  void Trans(int prev, int label, float v) { dense[(kTransOffset + prev) * kRowWidth + label] = v; }
  std::vector<uint8_t> Decode() {
    std::vector<float> score;
    std::vector<uint8_t> back, labels;
    Viterbi(scratch, scratch.info.size(), emission.data(), dense.data(), score, back, labels);
    return labels;
  }
};

struct ViterbiCase {
  const char* what;
  size_t n;
  std::vector<std::tuple<size_t, int, float>> emissions;
  std::vector<std::tuple<int, int, float>> transitions;
  std::vector<uint8_t> expected;
};

class ViterbiTest : public ::testing::TestWithParam<ViterbiCase> {};

TEST_P(ViterbiTest, FindsTheBestAllowedSequence) {
  const ViterbiCase& c = GetParam();
  Lattice l(c.n);
  for (auto [i, label, v] : c.emissions) l.Emit(i, label, v);
  for (auto [p, label, v] : c.transitions) l.Trans(p, label, v);
  EXPECT_EQ(l.Decode(), c.expected) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ViterbiTest,
    ::testing::Values(
        ViterbiCase{"best label per token when nothing links them", 3,
                    {{0, kBPer, 2}, {1, kO, 1}, {2, kBLoc, 3}}, {}, {kBPer, kO, kBLoc}},
        ViterbiCase{"no I-X opens a sentence", 2, {{0, kIPer, 5}, {0, kBPer, 1}, {1, kIPer, 5}}, {},
                    {kBPer, kIPer}},
        ViterbiCase{"no I-X after O or another type", 2, {{0, kBOrg, 3}, {1, kIPer, 4}, {1, kO, 2}}, {},
                    {kBOrg, kO}},
        // Greedy would take B-ORG (5 > 4) and then could not use I-PER's 10.
        ViterbiCase{"a later token changes an earlier label", 2,
                    {{0, kBOrg, 5}, {0, kBPer, 4}, {1, kIPer, 10}}, {}, {kBPer, kIPer}},
        ViterbiCase{"transition scores count", 2, {{0, kBPer, 2}, {1, kBPer, 2}}, {{kBPer, kBPer, -10}},
                    {kBPer, kO}},
        ViterbiCase{"the start row counts", 1, {{0, kBLoc, 1}}, {{kStart, kBLoc, -5}}, {kO}},
        ViterbiCase{"one token", 1, {{0, kBOrg, 1}}, {}, {kBOrg}}));

TEST(ViterbiTest, EmptySentence) {
  Lattice l(0);
  EXPECT_TRUE(l.Decode().empty());
}

TEST(ViterbiTest, IntegerScoresDoNotOverflowOnLongSentences) {
  // Scores are kept relative to the best at each token, so a long sentence of strong
  // scores decodes like a short one.
  const size_t n = 200000;
  NerScratch s;
  s.info.assign(n, NerScratch::TokenInfo{});
  std::vector<int32_t> emission(n * kRowWidth, 0);
  for (size_t i = 0; i < n; ++i) emission[i * kRowWidth + (i % 2 ? kIPer : kBPer)] = 30000;
  std::vector<int16_t> dense(size_t{kDenseRows} * kRowWidth, 0);
  std::vector<int32_t> score;
  std::vector<uint8_t> back, labels;
  Viterbi(s, n, emission.data(), dense.data(), score, back, labels);
  ASSERT_EQ(labels.size(), n);
  EXPECT_EQ(labels[0], kBPer);
  EXPECT_EQ(labels[n - 1], kIPer);
  EXPECT_EQ(labels[n / 2], kBPer);
}

TEST(ViterbiTest, VectorPathMatchesTheTemplate) {
  // Random lattices with random transition keys, with small weights (many ties) and
  // large ones: ViterbiInt must give the template's labels, back pointers and scores.
  std::mt19937 rng(7);
  for (int round = 0; round < 400; ++round) {
    const size_t n = 1 + rng() % 30;
    const int spread = round % 2 ? 3 : 30000;
    NerScratch s;
    s.info.assign(n, NerScratch::TokenInfo{});
    for (auto& t : s.info) {
      t.cls = static_cast<uint8_t>(rng() % 8);
      t.gcode = static_cast<uint8_t>(rng() % 16);
      t.ncode = static_cast<uint8_t>(rng() % 8);
    }
    auto value = [&] { return static_cast<int>(rng() % (2 * spread + 1)) - spread; };
    std::vector<int32_t> emission(n * kRowWidth, 0);
    for (size_t i = 0; i < n; ++i)
      for (int l = 0; l < kNumLabels; ++l) emission[i * kRowWidth + l] = 40 * value();
    std::vector<int16_t> dense(size_t{kDenseRows} * kRowWidth, 0);
    for (size_t r = 0; r < kDenseRows; ++r)
      for (int l = 0; l < kNumLabels; ++l) dense[r * kRowWidth + l] = static_cast<int16_t>(value());
    std::vector<int32_t> score_a, score_b;
    std::vector<uint8_t> back_a, back_b, labels_a, labels_b;
    Viterbi(s, n, emission.data(), dense.data(), score_a, back_a, labels_a);
    ViterbiInt(s, n, emission.data(), dense.data(), score_b, back_b, labels_b);
    ASSERT_EQ(labels_a, labels_b) << "round " << round;
    ASSERT_EQ(back_a, back_b) << "round " << round;
    ASSERT_EQ(score_a, score_b) << "round " << round;
  }
}

TEST(NerFeaturesTest, AsciiFastPathMatchesTheGeneralPath) {
  // The same word with and without a non-ASCII character elsewhere in it goes down
  // the two paths; the lowercase hash and the prefixes of the shared part agree.
  NerFeatures f(Gazetteer::Default(), 16);
  NerScratch a, b;
  const std::vector<NerToken> ascii = {{"Kwame", {}}, {"A.", {}}, {"x", {}}, {"", {}}, {"Lagos-based", {}}};
  f.Prepare(ascii.data(), ascii.size(), a);
  for (size_t i = 0; i < ascii.size(); ++i) {
    EXPECT_EQ(a.info[i].word, HashBytes(ascii[i].text)) << i;
    EXPECT_EQ(a.info[i].lower, HashBytes(FoldCase(ascii[i].text))) << i;
    std::string low = FoldCase(ascii[i].text);
    for (size_t k = 0; k < 3; ++k) {
      size_t p = std::min(low.size(), k + 1), q = std::min(low.size(), k + 2);
      EXPECT_EQ(a.info[i].prefix[k], HashBytes(low.substr(0, p)) + k) << i << " " << k;
      EXPECT_EQ(a.info[i].suffix[k], HashBytes(low.substr(low.size() - q)) + 7 * k) << i << " " << k;
    }
  }
  const std::vector<NerToken> other = {{"Kwame", {}}, {"\xC3\x89mile", {}}};  // "Émile"
  f.Prepare(other.data(), other.size(), b);
  EXPECT_EQ(b.info[1].lower, HashBytes("\xC3\xA9mile"));
  EXPECT_EQ(b.info[1].cls, b.info[0].cls);  // both capitalised
}

TEST(NerFeaturesTest, NameListsMarkFirstNamesAndSurnames) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_TRUE(g.WordKinds(HashFolded("Jennifer")) & kWordFirstName);
  EXPECT_TRUE(g.WordKinds(HashFolded("GONZALEZ")) & kWordSurname);
  EXPECT_FALSE(g.WordKinds(HashFolded("table")) & (kWordFirstName | kWordSurname));
}

}  // namespace
}  // namespace newsledger

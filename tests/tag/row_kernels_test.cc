// Tests of the tagger's inner loops: every version (portable, AVX2 when the processor
// has it) gives the same sums and the same label as the plain definition, ties included.
#include "tag/row_kernels.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace newsledger::tag {
namespace {

std::vector<const RowKernels*> Versions() {
  std::vector<const RowKernels*> v = {&RowKernels::Portable()};
  if (RowKernels::Avx2()) v.push_back(RowKernels::Avx2());
  return v;
}

TEST(RowKernelsTest, EveryVersionSumsLikeThePlainLoop) {
  std::mt19937 rng(11);
  const size_t n = 112;
  std::vector<int16_t> rows(6 * n);
  std::vector<int32_t> g(n), want(n), got(n);
  for (int round = 0; round < 200; ++round) {
    for (int16_t& x : rows) x = static_cast<int16_t>(static_cast<int>(rng() % 65535) - 32767);
    for (int32_t& x : g) x = static_cast<int32_t>(rng() % 2000001) - 1000000;
    for (size_t l = 0; l < n; ++l) {
      want[l] = g[l];
      for (size_t r = 0; r < 6; ++r) want[l] += rows[r * n + l];
    }
    for (const RowKernels* k : Versions()) {
      k->sum_rows(&rows[0], &rows[n], &rows[2 * n], &rows[3 * n], &rows[4 * n], &rows[5 * n], g.data(), n, got.data());
      ASSERT_EQ(got, want) << "round " << round;
    }
  }
}

TEST(RowKernelsTest, EveryVersionPicksTheFirstHighestScore) {
  std::mt19937 rng(5);
  for (size_t n : {1u, 7u, 8u, 9u, 16u, 109u, 112u}) {
    for (int round = 0; round < 300; ++round) {
      // Few distinct values, so that ties are common; padding past n must never count.
      std::vector<int32_t> scores(n + 8, 1 << 30);
      for (size_t l = 0; l < n; ++l) scores[l] = static_cast<int32_t>(rng() % 5) - 2;
      size_t want = 0;
      for (size_t l = 1; l < n; ++l)
        if (scores[l] > scores[want]) want = l;
      for (const RowKernels* k : Versions()) ASSERT_EQ(k->top_label(scores.data(), n), want) << "n " << n;
    }
  }
}

}  // namespace
}  // namespace newsledger::tag

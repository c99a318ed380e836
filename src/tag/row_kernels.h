// row_kernels.h: the two inner loops of greedy tagging, summing score rows and
// picking the best label, in a portable (SSE2 or scalar) version and an AVX2 one.
//
// Both work on integers, so every version gives the same result bit for bit; the
// AVX2 one is chosen once, at first use, when the processor has it
// (__builtin_cpu_supports), so the binary still runs on any x86-64 machine.
// tests/tag/row_kernels_test.cc runs every version on the same random rows.
#ifndef NEWSLEDGER_TAG_ROW_KERNELS_H_
#define NEWSLEDGER_TAG_ROW_KERNELS_H_

#include <cstddef>
#include <cstdint>

namespace newsledger::tag {

// scores[l] = a[l] + b[l] + c[l] + d[l] + e[l] + f[l] + g[l] for l < n (n a multiple of
// 8), the 16-bit rows widened to 32 bits.
using SumRowsFn = void (*)(const int16_t* a, const int16_t* b, const int16_t* c, const int16_t* d,
                           const int16_t* e, const int16_t* f, const int32_t* g, size_t n, int32_t* scores);
// The label with the highest score among 0..n-1 (n >= 1), the lowest on ties.
using TopLabelFn = uint16_t (*)(const int32_t* scores, size_t n);

struct RowKernels {
  SumRowsFn sum_rows;
  TopLabelFn top_label;

  // The fastest versions this processor runs.
  static const RowKernels& Get();
  // The portable versions.
  static const RowKernels& Portable();
  // The AVX2 versions, or null when the processor lacks AVX2 (or the build is not
  // for x86-64).
  static const RowKernels* Avx2();
};

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_ROW_KERNELS_H_

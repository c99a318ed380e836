// row_kernels.cc: see row_kernels.h.
#include "tag/row_kernels.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NEWSLEDGER_HAVE_AVX2_KERNELS 1
#endif

#include <algorithm>

#include "tag/tagger_features.h"

namespace newsledger::tag {

namespace {

// scores[l] = a[l] + ... + f[l] + g[l] for l < n (a multiple of 8), widening the
// 16-bit rows a..f to 32 bits.
void SumRows(const int16_t* a, const int16_t* b, const int16_t* c, const int16_t* d, const int16_t* e,
             const int16_t* f, const int32_t* g, size_t n, int32_t* scores) {
#ifdef __SSE2__
  auto load = [](const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); };
  for (size_t l = 0; l < n; l += 8) {
    const __m128i rows[6] = {load(a + l), load(b + l), load(c + l), load(d + l), load(e + l), load(f + l)};
    __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(g + l));
    __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(g + l + 4));
    for (const __m128i& r : rows) {
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(r, r), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(r, r), 16));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(scores + l), lo);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(scores + l + 4), hi);
  }
#else
  for (size_t l = 0; l < n; ++l)
    scores[l] = int32_t(a[l]) + int32_t(b[l]) + int32_t(c[l]) + int32_t(d[l]) + int32_t(e[l]) + int32_t(f[l]) + g[l];
#endif
}

// The label with the highest score among 0..n-1, the lowest on ties (tag::BestLabel
// without a mask).
uint16_t TopLabel(const int32_t* scores, size_t n) { return BestLabel(scores, n, nullptr); }

#ifdef NEWSLEDGER_HAVE_AVX2_KERNELS
// The same two on AVX2 where the processor has it (eight 32-bit lanes; integer sums,
// so the results are the same bit for bit).
__attribute__((target("avx2"))) void SumRowsAvx2(const int16_t* a, const int16_t* b, const int16_t* c,
                                                 const int16_t* d, const int16_t* e, const int16_t* f,
                                                 const int32_t* g, size_t n, int32_t* scores) {
// (A lambda would not inherit the target attribute, so the widening is a macro.)
#define NEWSLEDGER_WIDEN(p) _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))
  for (size_t l = 0; l < n; l += 8) {
    __m256i acc = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(g + l));
    acc = _mm256_add_epi32(acc, _mm256_add_epi32(NEWSLEDGER_WIDEN(a + l), NEWSLEDGER_WIDEN(b + l)));
    acc = _mm256_add_epi32(acc, _mm256_add_epi32(NEWSLEDGER_WIDEN(c + l), NEWSLEDGER_WIDEN(d + l)));
    acc = _mm256_add_epi32(acc, _mm256_add_epi32(NEWSLEDGER_WIDEN(e + l), NEWSLEDGER_WIDEN(f + l)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(scores + l), acc);
  }
#undef NEWSLEDGER_WIDEN
}

__attribute__((target("avx2"))) uint16_t TopLabelAvx2(const int32_t* scores, size_t n) {
  const size_t full = n / 8 * 8;
  if (full == 0) return TopLabel(scores, n);
  __m256i top8 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores));
  for (size_t l = 8; l < full; l += 8)
    top8 = _mm256_max_epi32(top8, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + l)));
  alignas(32) int32_t lanes[8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), top8);
  int32_t top = lanes[0];
  for (int k = 1; k < 8; ++k) top = std::max(top, lanes[k]);
  for (size_t l = full; l < n; ++l) top = std::max(top, scores[l]);
  const __m256i want = _mm256_set1_epi32(top);
  for (size_t l = 0; l < full; l += 8) {
    const __m256i eq = _mm256_cmpeq_epi32(want, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(scores + l)));
    const int bits = _mm256_movemask_ps(_mm256_castsi256_ps(eq));
    if (bits) return static_cast<uint16_t>(l + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits))));
  }
  size_t l = full;
  while (scores[l] != top) ++l;
  return static_cast<uint16_t>(l);
}
#endif


}  // namespace

const RowKernels& RowKernels::Portable() {
  static const RowKernels k{SumRows, TopLabel};
  return k;
}

const RowKernels* RowKernels::Avx2() {
#ifdef NEWSLEDGER_HAVE_AVX2_KERNELS
  static const RowKernels k{SumRowsAvx2, TopLabelAvx2};
  static const bool ok = __builtin_cpu_supports("avx2");
  return ok ? &k : nullptr;
#else
  return nullptr;
#endif
}

const RowKernels& RowKernels::Get() {
  static const RowKernels& k = Avx2() ? *Avx2() : Portable();
  return k;
}

}  // namespace newsledger::tag

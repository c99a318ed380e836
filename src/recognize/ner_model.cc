// ner_model.cc: features, Viterbi decoding and the model file of the entity recognizer.
#include "recognize/ner_model.h"

#include <utf8proc.h>
#include <sys/mman.h>
#include <zlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "newsledger/error.h"

namespace newsledger {
namespace ner {

namespace {

const char* const kLabelNames[kNumLabels] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};

// Shape classes.
enum Cls : uint8_t { kOther = 0, kLower, kInitCap, kAllCaps, kMixed, kDigits, kAlnum, kCapAbbrev, kNumCls };

inline uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline uint32_t Row(uint32_t tpl, uint64_t value, uint32_t mask) {
  return static_cast<uint32_t>(Mix(value * 0x100000001b3ULL + tpl * 0xff51afd7ed558ccdULL + tpl)) & mask;
}

inline uint64_t Pair(uint64_t a, uint64_t b) { return Mix(a * 31 + b + 0x51); }
inline uint64_t Triple(uint64_t a, uint64_t b, uint64_t c) { return Pair(Pair(a, b), c); }

// Character class for shapes: 'X' upper, 'x' lower or other letter, 'd' digit, else the
// byte itself (punctuation) or 'o' for other non-ASCII.
inline char CharClass(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') return 'X';
    if (cp >= 'a' && cp <= 'z') return 'x';
    if (cp >= '0' && cp <= '9') return 'd';
    return static_cast<char>(cp);
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return 'X';
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: return 'x';
    case UTF8PROC_CATEGORY_ND: return 'd';
    default: return 'o';
  }
}

const uint64_t kPad = 0x5eed5eed5eedULL;    // "outside the sentence"
const uint64_t kNone = 0x0123456789abULL;   // "no value"

}  // namespace

void* AllocateHugePages(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  const size_t align = bytes >= kHuge ? kHuge : 64;
  const size_t rounded = (std::max<size_t>(bytes, 1) + align - 1) / align * align;
  void* p = std::aligned_alloc(align, rounded);
  if (!p) throw std::bad_alloc();
  if (align == kHuge) madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure is harmless
  return p;
}

const char* LabelName(int label) { return label >= 0 && label < kNumLabels ? kLabelNames[label] : "?"; }

int LabelFromName(std::string_view name) {
  for (int l = 0; l < kNumLabels; ++l)
    if (name == kLabelNames[l]) return l;
  if (name == "O" || name.ends_with("MISC") || name.ends_with("OTH") || name == "B-O" || name == "I-O") return kO;
  return -1;
}

void NerFeatures::WordInfo(std::string_view w, NerScratch::TokenInfo& t) const {
  // Lowercase, prefixes, suffixes and shape. ASCII words (nearly all) take one pass
  // that computes the same hashes as the general path below.
  constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL, kFnvPrime = 0x100000001b3ULL;
  char buf[64];
  char shape[8];
  size_t sl = 0;
  int upper = 0, lower = 0, digit = 0, period = 0, first_upper = 0;
  bool ascii = w.size() <= sizeof buf;
  for (size_t k = 0; k < w.size() && ascii; ++k) ascii = static_cast<unsigned char>(w[k]) < 0x80;
  if (ascii) {
    uint64_t hw = kFnvBasis, hl = kFnvBasis;
    uint64_t pre[3] = {0, 0, 0};
    for (size_t k = 0; k < w.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(w[k]);
      char cc;
      unsigned char lc = c;
      if (c >= 'A' && c <= 'Z') { cc = 'X'; lc = static_cast<unsigned char>(c + 32); ++upper; if (k == 0) first_upper = 1; }
      else if (c >= 'a' && c <= 'z') { cc = 'x'; ++lower; }
      else if (c >= '0' && c <= '9') { cc = 'd'; ++digit; }
      else { cc = static_cast<char>(c); if (c == '.') ++period; }
      buf[k] = static_cast<char>(lc);
      hw = (hw ^ c) * kFnvPrime;
      hl = (hl ^ lc) * kFnvPrime;
      if (k < 3) pre[k] = hl;
      if ((sl == 0 || shape[sl - 1] != cc) && sl < sizeof shape) shape[sl++] = cc;
    }
    const size_t m = w.size();
    t.word = hw;
    t.lower = hl;
    for (size_t k = 0; k < 3; ++k) {
      // A prefix longer than the word is the word.
      t.prefix[k] = (m == 0 ? kFnvBasis : pre[std::min(m, k + 1) - 1]) + k;
      const size_t q = std::min(m, k + 2);
      t.suffix[k] = HashBytes(std::string_view(buf + m - q, q)) + 7 * k;
    }
  } else {
    t.word = HashBytes(w);
    std::string folded_store = FoldCase(w);
    std::string_view low = folded_store;
    t.lower = HashBytes(low);
    for (size_t k = 0; k < 3; ++k) {
      size_t p = std::min(low.size(), k + 1);
      size_t q = std::min(low.size(), k + 2);
      t.prefix[k] = HashBytes(low.substr(0, p)) + k;
      t.suffix[k] = HashBytes(low.substr(low.size() - q)) + 7 * k;
    }
    size_t pos = 0;
    while (pos < w.size()) {
      utf8proc_int32_t cp = static_cast<unsigned char>(w[pos]);
      utf8proc_ssize_t len = 1;
      if (cp >= 0x80) {
        len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data() + pos),
                               static_cast<utf8proc_ssize_t>(w.size() - pos), &cp);
        if (len <= 0) { len = 1; cp = 0xfffd; }
      }
      char c = CharClass(cp);
      if (c == 'X') { ++upper; if (pos == 0) first_upper = 1; }
      else if (c == 'x') ++lower;
      else if (c == 'd') ++digit;
      else if (c == '.') ++period;
      if (sl == 0 || shape[sl - 1] != c) {
        if (sl < sizeof shape) shape[sl++] = c;
      }
      pos += static_cast<size_t>(len);
    }
  }
  t.shape = HashBytes(std::string_view(shape, sl));
  uint8_t cls = kOther;
  if (upper + lower > 0) {
    if (digit) cls = kAlnum;
    else if (upper && period && !lower) cls = kCapAbbrev;
    else if (!upper) cls = kLower;
    else if (!lower) cls = upper == 1 ? kInitCap : kAllCaps;
    else if (first_upper && upper == 1) cls = kInitCap;
    else cls = kMixed;
  } else if (digit) {
    cls = kDigits;
  }
  t.cls = cls;
  t.wkinds = gaz_.WordKinds(t.lower);
  t.gaz_first = gaz_.FirstTokenMax(t.lower);
  t.gaz = 0;
  t.gaz_pos = 0;
}

uint32_t NerFeatures::NewId() {
  static std::atomic<uint32_t> next{1};
  return next.fetch_add(1);
}

NerFeatures::NerFeatures(const Gazetteer& gaz, uint32_t hash_bits)
    : gaz_(gaz), mask_((1u << hash_bits) - 1), id_(NewId()) {
  // What the templates that read a neighbour's word give at the sentence's edges.
  pad_rows_[kWrAsPrev] = Row(2, kPad, mask_);
  pad_rows_[kWrAsPrev + 1] = Row(23, kPad, mask_);
  pad_rows_[kWrAsPrev + 2] = Row(32, Pair(kPad, 99), mask_);
  pad_rows_[kWrAsNext] = Row(3, kPad, mask_);
  pad_rows_[kWrAsNext + 1] = Row(24, kPad, mask_);
  pad_rows_[kWrAsNext + 2] = Row(33, Pair(kPad, 99), mask_);
}

void NerFeatures::WordRows(const NerScratch::TokenInfo& t, uint32_t* r) const {
  const uint64_t cls = t.cls;
  uint32_t k = 0;
  r[k++] = Row(0, t.word, mask_);
  r[k++] = Row(1, t.lower, mask_);
  r[k++] = Row(4, t.shape, mask_);
  for (uint32_t p = 0; p < 3; ++p) r[k++] = Row(6 + p, Pair(t.prefix[p], cls), mask_);
  for (uint32_t p = 0; p < 3; ++p) r[k++] = Row(9 + p, t.suffix[p], mask_);
  r[k++] = Row(18, Pair(t.wkinds, cls), mask_);
  r[k++] = Row(29, Pair(t.suffix[1], cls), mask_);
  // As the word before another (templates 2, 23, 32) and after one (3, 24, 33).
  r[k++] = Row(2, t.lower, mask_);
  r[k++] = Row(23, t.word, mask_);
  r[k++] = Row(32, Pair(t.suffix[1], cls), mask_);
  r[k++] = Row(3, t.lower, mask_);
  r[k++] = Row(24, t.word, mask_);
  r[k++] = Row(33, Pair(t.suffix[1], cls), mask_);
}

void NerFeatures::Prepare(const NerToken* toks, size_t n, NerScratch& s) const {
  s.folded.resize(n);
  s.info.resize(n);
  // What depends on the word alone (its hashes, class, list bits and the rows of the
  // templates that read only it) comes from the per-thread NerWordCache when the word
  // was seen before; the cache is checked against the word's bytes, so a hit gives
  // exactly what computing it gives.
  static thread_local NerWordCache cache;
  if (cache.owner != id_) {
    cache.slots.assign(NerWordCache::kSlots, NerWordCache::Slot{});
    cache.owner = id_;
  }
  s.word_rows.resize(n * kWordRows);
  // The sentence's slots are fetched first, so that their cache misses overlap.
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = toks[i].text;
    if (w.size() > NerWordCache::kMaxBytes) continue;
    s.folded[i] = HashBytes(w);  // the word's hash, until the loop below sets it
    const char* slot = reinterpret_cast<const char*>(&cache.slots[s.folded[i] & (NerWordCache::kSlots - 1)]);
    for (size_t b = 0; b < sizeof(NerWordCache::Slot); b += 64) __builtin_prefetch(slot + b);
    __builtin_prefetch(slot + sizeof(NerWordCache::Slot) - 1);
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = toks[i].text;
    NerScratch::TokenInfo& t = s.info[i];
    uint32_t* wr = &s.word_rows[i * kWordRows];
    if (w.size() <= NerWordCache::kMaxBytes) {
      const uint64_t key = s.folded[i];
      NerWordCache::Slot& slot = cache.slots[key & (NerWordCache::kSlots - 1)];
      if (slot.len != w.size() + 1 || slot.key != key || std::memcmp(slot.text, w.data(), w.size()) != 0) {
        WordInfo(w, slot.info);
        WordRows(slot.info, slot.rows);
        slot.key = key;
        slot.len = static_cast<uint8_t>(w.size() + 1);
        std::memcpy(slot.text, w.data(), w.size());
      }
      t = slot.info;
      std::memcpy(wr, slot.rows, sizeof slot.rows);
    } else {
      WordInfo(w, t);
      WordRows(t, wr);
    }
    s.folded[i] = t.lower;
    t.gaz = 0;
    t.gaz_pos = 0;
  }
  // Gazetteer names, greedy longest match from the left.
  s.match.assign(n, nullptr);
  s.match_known.assign(n, 0);
  for (size_t i = 0; i < n;) {
    // No name starts with a word whose FirstTokenMax is 0.
    const GazetteerEntry* e = s.info[i].gaz_first ? gaz_.LongestMatch(s.folded.data(), n, i) : nullptr;
    s.match[i] = e;
    s.match_known[i] = 1;
    if (!e) { ++i; continue; }
    uint8_t kinds = e->kinds;
    for (size_t k = 0; k < e->length; ++k) {
      s.info[i + k].gaz = kinds;
      s.info[i + k].gaz_pos = k == 0 ? 1 : 2;
    }
    i += e->length;
  }

  for (size_t i = 0; i < n; ++i) {
    NerScratch::TokenInfo& t = s.info[i];
    uint8_t cat = 0;
    if (t.gaz & (kGazCountry | kGazSubdivision | kGazCity | kGazRegion)) cat = 1;
    else if (t.gaz & (kGazOrganization | kGazOrgName)) cat = 2;
    else if (t.gaz & kGazDemonym) cat = 3;
    t.gcode = static_cast<uint8_t>(t.gaz_pos * 4 + cat);
    bool cap = t.cls == kInitCap || t.cls == kAllCaps || t.cls == kCapAbbrev || t.cls == kMixed;
    t.ncode = static_cast<uint8_t>((t.wkinds & (kWordFirstName | kWordSurname)) | (cap ? 4 : 0));
  }
  s.rows.resize(n * kStaticFeatures);
  auto at = [&](ptrdiff_t j) -> const NerScratch::TokenInfo* {
    return j >= 0 && static_cast<size_t>(j) < n ? &s.info[static_cast<size_t>(j)] : nullptr;
  };
  auto lower_at = [&](ptrdiff_t j) { auto* t = at(j); return t ? t->lower : kPad; };
  auto shape_at = [&](ptrdiff_t j) { auto* t = at(j); return t ? t->shape : kPad; };
  auto cls_at = [&](ptrdiff_t j) -> uint64_t { auto* t = at(j); return t ? t->cls : 99; };
  auto gaz_at = [&](ptrdiff_t j) -> uint64_t { auto* t = at(j); return t ? (t->gaz << 2 | t->gaz_pos) : 999; };
  auto name_at = [&](ptrdiff_t j) -> uint64_t { auto* t = at(j); return t ? t->ncode : 9; };
  auto capitalised = [&](ptrdiff_t j) {
    auto* t = at(j);
    return t && (t->cls == kInitCap || t->cls == kAllCaps || t->cls == kCapAbbrev || t->cls == kMixed);
  };
  static const uint64_t kOf = HashBytes("of"), kThe = HashBytes("the"), kAnd = HashBytes("and"), kFor = HashBytes("for");
  // Shapes of the tokens after which a capital says nothing: opening quotes, colon, dash.
  static const uint64_t kOpeners[] = {HashBytes("\""), HashBytes(":"), HashBytes("o"), HashBytes("-"), HashBytes("'"),
                                      HashBytes("(")};

  // Capitalised runs ("Hobby Lobby", "Bank of America"): every token learns from the
  // run's first and last word and the words around it.
  s.run_begin.resize(n);
  s.run_end.resize(n);
  {
    static const uint64_t kAmp = HashBytes("&"), kDash = HashBytes("-");
    size_t i = 0;
    while (i < n) {
      if (!capitalised(static_cast<ptrdiff_t>(i))) { s.run_begin[i] = s.run_end[i] = static_cast<uint32_t>(i); ++i; continue; }
      size_t j = i + 1;
      while (j < n) {
        if (capitalised(static_cast<ptrdiff_t>(j))) { ++j; continue; }
        const uint64_t lw = s.info[j].lower;
        if ((lw == kOf || lw == kAmp || lw == kDash) && j + 1 < n && capitalised(static_cast<ptrdiff_t>(j + 1))) { j += 2; continue; }
        break;
      }
      for (size_t k = i; k < j; ++k) { s.run_begin[k] = static_cast<uint32_t>(i); s.run_end[k] = static_cast<uint32_t>(j); }
      i = j;
    }
  }

  for (size_t ii = 0; ii < n; ++ii) {
    ptrdiff_t i = static_cast<ptrdiff_t>(ii);
    const NerScratch::TokenInfo& t = s.info[ii];
    uint32_t* r = &s.rows[ii * kStaticFeatures];
    uint64_t cls = t.cls;
    // A title word shortly before, with only capitalised words in between.
    uint64_t title = 0;
    for (ptrdiff_t d = 1; d <= 3; ++d) {
      auto* p = at(i - d);
      if (!p) break;
      if (p->wkinds & kWordTitle) { title = static_cast<uint64_t>(d); break; }
      if (!capitalised(i - d)) break;
    }
    // An organisation head ahead ("Justice Department") or behind ("Department of
    // Justice"), through capitalised words (and "of", "the", "and", "for" behind).
    uint64_t head_ahead = 0, head_behind = 0;
    for (ptrdiff_t d = 1; d <= 4; ++d) {
      auto* p = at(i + d);
      if (!p) break;
      if ((p->wkinds & kWordOrgHead) && capitalised(i + d)) { head_ahead = static_cast<uint64_t>(d); break; }
      if (!capitalised(i + d) && p->lower != kOf && p->lower != kAnd && p->lower != kFor) break;
    }
    for (ptrdiff_t d = 1; d <= 4; ++d) {
      auto* p = at(i - d);
      if (!p) break;
      if ((p->wkinds & kWordOrgHead) && capitalised(i - d)) { head_behind = static_cast<uint64_t>(d); break; }
      if (!capitalised(i - d) && p->lower != kOf && p->lower != kThe && p->lower != kAnd && p->lower != kFor) break;
    }
    // Sentence-initial: first token, or after an opening quote, colon or dash.
    bool initial = i == 0;
    if (!initial) {
      auto* p = at(i - 1);
      if (p->cls == kOther)
        for (uint64_t o : kOpeners) initial = initial || p->shape == o;
    }
    // The templates (numbered as hashed). Left out after ablation on UNER dev, for
    // speed at no loss: a bias (the transition table has one), the words at -2/+2,
    // the dictionary bits on their own (they stay in template 18) and the UPOS tags.
    uint32_t k = 0;
    // Templates that read one word only take their rows from word_rows (WordRows).
    const uint32_t* own = &s.word_rows[ii * kWordRows];
    const uint32_t* prev = ii > 0 ? &s.word_rows[(ii - 1) * kWordRows] : pad_rows_;
    const uint32_t* next = ii + 1 < n ? &s.word_rows[(ii + 1) * kWordRows] : pad_rows_;
    r[k] = own[kWrWord]; ++k;                                                  // 0 word
    r[k] = own[kWrLower]; ++k;                                                  // 1 lower
    r[k] = prev[kWrAsPrev]; ++k;                                             // 2 lower at -1
    r[k] = next[kWrAsNext]; ++k;                                             // 3 lower at +1
    r[k] = own[kWrShape]; ++k;                                                  // 4 shape
    r[k] = Row(k, Triple(shape_at(i - 1), t.shape, shape_at(i + 1)), mask_); ++k;  // 5
    for (int p = 0; p < 3; ++p) { r[k] = own[kWrPrefixCls + p]; ++k; }                 // 6-8 prefix x class
    for (int p = 0; p < 3; ++p) { r[k] = own[kWrSuffix + p]; ++k; }                 // 9-11 suffixes
    r[k] = Row(k, Pair(lower_at(i - 1), t.lower), mask_); ++k;               // 12
    r[k] = Row(k, Pair(t.lower, lower_at(i + 1)), mask_); ++k;               // 13
    r[k] = Row(k, gaz_at(i), mask_); ++k;                                    // 14
    r[k] = Row(k, Pair(gaz_at(i), cls), mask_); ++k;                         // 15
    r[k] = Row(k, Triple(gaz_at(i - 1), gaz_at(i), gaz_at(i + 1)), mask_); ++k;  // 16
    r[k] = Row(k, Pair(title, cls), mask_); ++k;                             // 17
    r[k] = own[kWrKindsCls]; ++k;                                                  // 18 lists and dictionary x class
    r[k] = Row(k, Pair(head_ahead, cls), mask_); ++k;                        // 19
    r[k] = Row(k, Pair(head_behind, cls), mask_); ++k;                       // 20
    r[k] = Row(k, Pair(initial, cls), mask_); ++k;                           // 21
    r[k] = Row(k, Triple(cls_at(i - 1), cls, cls_at(i + 1)), mask_); ++k;    // 22
    r[k] = prev[kWrAsPrev + 1]; ++k;                                         // 23 word at -1
    r[k] = next[kWrAsNext + 1]; ++k;                                         // 24 word at +1
    r[k] = Row(k, Pair(lower_at(i - 1), cls), mask_); ++k;                   // 25
    r[k] = Row(k, Pair(lower_at(i + 1), cls), mask_); ++k;                   // 26
    r[k] = Row(k, Triple(cls_at(i + 1), cls_at(i + 2), cls), mask_); ++k;    // 27
    r[k] = Row(k, Triple(cls_at(i - 2), cls_at(i - 1), cls), mask_); ++k;    // 28
    r[k] = own[kWrSuffixCls]; ++k;                                                 // 29 suffix x class
    r[k] = Row(k, Triple(name_at(i - 1), t.ncode, name_at(i + 1)), mask_); ++k;  // 30 name lists
    r[k] = Row(k, Triple(name_at(i - 2), name_at(i - 1), t.ncode), mask_); ++k;  // 31
    {
      const size_t rb = s.run_begin[ii], re = s.run_end[ii];
      const bool in_run = re > rb;
      const uint64_t rpos = !in_run ? 0 : re - rb == 1 ? 1 : ii == rb ? 2 : ii + 1 == re ? 3 : 4;
      const uint64_t rlast = in_run ? s.info[re - 1].lower : kNone;
      const uint64_t rfirst = in_run ? s.info[rb].lower : kNone;
      const uint64_t before = in_run ? lower_at(static_cast<ptrdiff_t>(rb) - 1) : kNone;
      const uint64_t after = in_run ? lower_at(static_cast<ptrdiff_t>(re)) : kNone;
      const uint64_t rlen = in_run ? std::min<uint64_t>(re - rb, 4) : 0;
      r[k] = prev[kWrAsPrev + 2]; ++k;                                       // 32 suffix x class at -1
      r[k] = next[kWrAsNext + 2]; ++k;                                       // 33 suffix x class at +1
      uint64_t v[6] = {Pair(rlast, rpos), Pair(rfirst, rpos), Pair(before, rpos), Pair(after, rpos),
                       Triple(rlen, rpos, initial), Pair(gaz_at(i), lower_at(i - 1))};
      for (int q = 0; q < 6; ++q) { r[k] = Row(k, v[q], mask_); ++k; }  // 34-39
    }
    // Decoding reads these rows next, from a large table: start fetching them while
    // the next tokens' features are worked out.
    if (prefetch_weights_)
      for (int f = 0; f < kStaticFeatures; ++f) __builtin_prefetch(prefetch_weights_ + size_t{r[f]} * kRowWidth);
  }
}

#ifdef __SSE2__
namespace {

// Eight 16-bit weights widened to two vectors of four 32-bit lanes.
inline void Widen(const int16_t* p, __m128i& lo, __m128i& hi) {
  const __m128i r = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  lo = _mm_srai_epi32(_mm_unpacklo_epi16(r, r), 16);
  hi = _mm_srai_epi32(_mm_unpackhi_epi16(r, r), 16);
}

inline __m128i Select(__m128i mask, __m128i yes, __m128i no) {
  return _mm_or_si128(_mm_and_si128(mask, yes), _mm_andnot_si128(mask, no));
}

// All ones in the lanes of the labels that may follow `prev` (lane 7 never).
struct AllowedMasks {
  __m128i lo[kNumLabels], hi[kNumLabels];
  AllowedMasks() {
    for (int p = 0; p < kNumLabels; ++p) {
      alignas(16) int32_t m[kRowWidth];
      for (int l = 0; l < kRowWidth; ++l) m[l] = l < kNumLabels && Allowed(p, l) ? -1 : 0;
      lo[p] = _mm_load_si128(reinterpret_cast<const __m128i*>(m));
      hi[p] = _mm_load_si128(reinterpret_cast<const __m128i*>(m + 4));
    }
  }
};

}  // namespace
#endif

void ViterbiInt(const NerScratch& s, size_t n, const int32_t* emission, const int16_t* dense,
                std::vector<int32_t>& score, std::vector<uint8_t>& back, std::vector<uint8_t>& labels) {
#ifndef __SSE2__
  Viterbi(s, n, emission, dense, score, back, labels);
#else
  labels.assign(n, kO);
  if (n == 0) return;
  score.resize(n * kRowWidth);
  back.resize(n * kRowWidth);
  static const AllowedMasks kAllowed;
  // Below any reachable score (scores stay within a few million of the best), so a
  // label's first allowed predecessor always replaces it, as `seen` does in Viterbi().
  const __m128i kFloor = _mm_set1_epi32(-(1 << 30));
  auto trans = [&](size_t i, int prev, __m128i& lo, __m128i& hi) {
    uint32_t r[4];
    NerFeatures::Transition(s, i, prev, r);
    __m128i l0, h0, l1, h1, l2, h2, l3, h3;
    Widen(dense + size_t{r[0]} * kRowWidth, l0, h0);
    Widen(dense + size_t{r[1]} * kRowWidth, l1, h1);
    Widen(dense + size_t{r[2]} * kRowWidth, l2, h2);
    Widen(dense + size_t{r[3]} * kRowWidth, l3, h3);
    lo = _mm_add_epi32(_mm_add_epi32(l0, l1), _mm_add_epi32(l2, l3));
    hi = _mm_add_epi32(_mm_add_epi32(h0, h1), _mm_add_epi32(h2, h3));
  };
  {
    int32_t t[kRowWidth];
    __m128i lo, hi;
    trans(0, kStart, lo, hi);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(t), lo);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(t + 4), hi);
    for (int l = 0; l < kRowWidth; ++l) {
      score[l] = l < kNumLabels ? emission[l] + t[l] : 0;
      back[l] = 0;
    }
  }
  for (size_t i = 1; i < n; ++i) {
    __m128i best_lo = kFloor, best_hi = kFloor;
    __m128i arg_lo = _mm_setzero_si128(), arg_hi = _mm_setzero_si128();
    const int32_t* prev_score = &score[(i - 1) * kRowWidth];
    for (int p = 0; p < kNumLabels; ++p) {
      if (i == 1 && IsInside(p)) continue;  // no I-X opens a sentence
      __m128i lo, hi;
      trans(i, p, lo, hi);
      const __m128i ps = _mm_set1_epi32(prev_score[p]);
      lo = _mm_add_epi32(lo, ps);
      hi = _mm_add_epi32(hi, ps);
      // Strictly greater, as in Viterbi(): ties keep the lower predecessor.
      const __m128i up_lo = _mm_and_si128(kAllowed.lo[p], _mm_cmpgt_epi32(lo, best_lo));
      const __m128i up_hi = _mm_and_si128(kAllowed.hi[p], _mm_cmpgt_epi32(hi, best_hi));
      const __m128i pv = _mm_set1_epi32(p);
      best_lo = Select(up_lo, lo, best_lo);
      best_hi = Select(up_hi, hi, best_hi);
      arg_lo = Select(up_lo, pv, arg_lo);
      arg_hi = Select(up_hi, pv, arg_hi);
    }
    alignas(16) int32_t best[kRowWidth], arg[kRowWidth];
    _mm_store_si128(reinterpret_cast<__m128i*>(best), best_lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(best + 4), best_hi);
    _mm_store_si128(reinterpret_cast<__m128i*>(arg), arg_lo);
    _mm_store_si128(reinterpret_cast<__m128i*>(arg + 4), arg_hi);
    const int32_t* e = emission + i * kRowWidth;
    int32_t top = best[0] + e[0];
    for (int l = 1; l < kNumLabels; ++l) top = std::max(top, best[l] + e[l]);
    for (int l = 0; l < kRowWidth; ++l) {
      score[i * kRowWidth + l] = l < kNumLabels ? best[l] + e[l] - top : 0;
      back[i * kRowWidth + l] = l < kNumLabels ? static_cast<uint8_t>(arg[l]) : 0;
    }
  }
  Backtrace(score, back, n, labels);
#endif
}

}  // namespace ner

using namespace ner;

namespace {

constexpr char kMagic[8] = {'N', 'L', 'N', 'E', 'R', 'M', 'D', 'L'};

class Writer {
 public:
  void Bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void U32(uint32_t v) { Bytes(&v, 4); }
  void U64(uint64_t v) { Bytes(&v, 8); }
  void F32(float v) { Bytes(&v, 4); }
  void Str(std::string_view s) { U32(static_cast<uint32_t>(s.size())); Bytes(s.data(), s.size()); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view in, const std::string& where) : in_(in), where_(where) {}
  void Bytes(void* p, size_t n) {
    if (in_.size() - pos_ < n) throw Error(where_ + "@" + std::to_string(pos_), "truncated model file");
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  uint32_t U32() { uint32_t v; Bytes(&v, 4); return v; }
  uint64_t U64() { uint64_t v; Bytes(&v, 8); return v; }
  float F32() { float v; Bytes(&v, 4); return v; }
  std::string Str(size_t limit) {
    uint32_t n = U32();
    if (n > limit) throw Error(where_ + "@" + std::to_string(pos_), "implausible string length " + std::to_string(n));
    std::string s(n, '\0');
    Bytes(s.data(), n);
    return s;
  }
  size_t pos() const { return pos_; }
  std::string_view rest() const { return in_.substr(pos_); }
  void Skip(size_t n) {
    if (in_.size() - pos_ < n) throw Error(where_ + "@" + std::to_string(pos_), "truncated model file");
    pos_ += n;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  const std::string& where_;
};

}  // namespace

NerModel::NerModel(const std::filesystem::path& path, const Gazetteer& gaz) : gaz_(gaz) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot open model file");
  std::ostringstream ss;
  ss << in.rdbuf();
  Parse(ss.str(), path.string());
}

std::unique_ptr<NerModel> NerModel::FromBytes(std::string_view bytes, const std::string& where, const Gazetteer& gaz) {
  std::unique_ptr<NerModel> m(new NerModel(gaz));
  m->Parse(bytes, where);
  return m;
}

NerModel::NerModel(const ModelOptions& options, const std::vector<float>& weights, const Gazetteer& gaz)
    : gaz_(gaz), options_(options) {
  size_t rows = (size_t{1} << options.hash_bits) + kDenseRows;
  if (weights.size() != rows * kRowWidth) throw Error("NerModel", "weight table size does not match hash_bits");
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  scale_ = max_abs > 0 ? 16000.0f / max_abs : 1.0f;
  weights_.resize(weights.size());
  for (size_t k = 0; k < weights.size(); ++k)
    weights_[k] = static_cast<int16_t>(std::lrint(weights[k] * scale_));
  features_ = std::make_unique<NerFeatures>(gaz_, options_.hash_bits);
  features_->set_prefetch_weights(weights_.data());
}

void NerModel::Decode(const NerToken* toks, size_t n, NerScratch& s) const {
  s.labels.assign(n, kO);
  if (n == 0) return;
  features_->Prepare(toks, n, s);
  s.emission.resize(n * kRowWidth);
  const int32_t o_penalty = static_cast<int32_t>(std::lrint(options_.o_penalty * scale_));
  const int16_t* weights = weights_.data();
  for (size_t i = 0; i < n; ++i) {
    const uint32_t* rows = &s.rows[i * NerFeatures::kStaticFeatures];
    int32_t* acc = &s.emission[i * kRowWidth];
#ifdef __SSE2__
    __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
    for (int f = 0; f < NerFeatures::kStaticFeatures; ++f) {
      const __m128i r = _mm_loadu_si128(reinterpret_cast<const __m128i*>(weights + size_t{rows[f]} * kRowWidth));
      lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(r, r), 16));
      hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(r, r), 16));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(acc), lo);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(acc + 4), hi);
#else
    std::fill_n(acc, kRowWidth, 0);
    for (int f = 0; f < NerFeatures::kStaticFeatures; ++f) {
      const int16_t* w = weights + size_t{rows[f]} * kRowWidth;
      for (int l = 0; l < kRowWidth; ++l) acc[l] += w[l];
    }
#endif
    acc[kO] -= o_penalty;
  }
  ViterbiInt(s, n, s.emission.data(), weights + (size_t{features_->mask()} + 1) * kRowWidth, s.score, s.back, s.labels);
}

std::string NerModel::Serialize(const std::vector<std::vector<std::string>>& self_test_sentences) const {
  Writer w;
  w.Bytes(kMagic, sizeof kMagic);
  w.U32(kModelVersion);
  w.U32(options_.hash_bits);
  w.U32(options_.epochs);
  w.U32(options_.beam);
  w.U32(options_.use_pos);
  w.U64(options_.seed);
  w.F32(options_.o_penalty);
  w.U64(gaz_.fingerprint());
  w.U32(static_cast<uint32_t>(self_test_sentences.size()));
  NerScratch scratch;
  for (const auto& sent : self_test_sentences) {
    std::vector<NerToken> toks;
    for (const std::string& t : sent) toks.push_back({t, {}});
    Decode(toks.data(), toks.size(), scratch);
    w.U32(static_cast<uint32_t>(sent.size()));
    for (const std::string& t : sent) w.Str(t);
    w.Bytes(scratch.labels.data(), scratch.labels.size());
  }
  w.F32(scale_);
  const size_t raw_size = weights_.size() * sizeof(int16_t);
  uLongf bound = compressBound(static_cast<uLong>(raw_size));
  std::string packed(bound, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &bound, reinterpret_cast<const Bytef*>(weights_.data()),
                static_cast<uLong>(raw_size), 9) != Z_OK)
    throw Error("NerModel", "zlib compression failed");
  packed.resize(bound);
  w.U64(raw_size);
  w.U64(packed.size());
  w.U32(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(weights_.data()), static_cast<uInt>(raw_size))));
  w.Bytes(packed.data(), packed.size());
  return std::move(w.out());
}

void NerModel::Parse(std::string_view bytes, const std::string& where) {
  Reader r(bytes, where);
  char magic[8];
  r.Bytes(magic, 8);
  if (std::memcmp(magic, kMagic, 8) != 0) throw Error(where, "not an entity recognizer model (bad magic)");
  uint32_t version = r.U32();
  if (version != kModelVersion)
    throw Error(where, "model version " + std::to_string(version) + ", this program reads version " +
                           std::to_string(kModelVersion) + " (retrain with `newsledger train ner`)");
  options_.hash_bits = r.U32();
  options_.epochs = r.U32();
  options_.beam = r.U32();
  options_.use_pos = r.U32();
  if (options_.use_pos != 0) throw Error(where, "model asks for UPOS features, which this version does not have");
  options_.seed = r.U64();
  options_.o_penalty = r.F32();
  if (!std::isfinite(options_.o_penalty)) throw Error(where, "bad O penalty");
  if (options_.hash_bits < 8 || options_.hash_bits > 24) throw Error(where, "bad hash_bits " + std::to_string(options_.hash_bits));
  if (options_.beam < 1 || options_.beam > 8) throw Error(where, "bad beam width " + std::to_string(options_.beam));
  uint64_t fingerprint = r.U64();
  if (fingerprint != gaz_.fingerprint())
    throw Error(where, "trained with other gazetteer lists than data/ner and iso-codes hold now "
                       "(retrain with `newsledger train ner`)");
  uint32_t tests = r.U32();
  if (tests > 1000) throw Error(where, "implausible self-test count");
  self_tests_.clear();
  for (uint32_t k = 0; k < tests; ++k) {
    SelfTest t;
    uint32_t n = r.U32();
    if (n > 10000) throw Error(where, "implausible self-test length");
    for (uint32_t j = 0; j < n; ++j) t.tokens.push_back(r.Str(1000));
    t.labels.resize(n);
    r.Bytes(t.labels.data(), n);
    self_tests_.push_back(std::move(t));
  }
  scale_ = r.F32();
  if (!(scale_ > 0) || !std::isfinite(scale_)) throw Error(where, "bad weight scale");
  uint64_t raw_size = r.U64();
  uint64_t packed_size = r.U64();
  uint32_t crc = r.U32();
  size_t rows = (size_t{1} << options_.hash_bits) + kDenseRows;
  if (raw_size != rows * kRowWidth * sizeof(int16_t)) throw Error(where, "weight table size does not match hash_bits");
  if (packed_size != r.rest().size())
    throw Error(where, "weight block is " + std::to_string(r.rest().size()) + " bytes, header says " +
                           std::to_string(packed_size) + " (truncated or corrupt file)");
  weights_.assign(rows * kRowWidth, 0);
  uLongf out_size = static_cast<uLongf>(raw_size);
  if (uncompress(reinterpret_cast<Bytef*>(weights_.data()), &out_size, reinterpret_cast<const Bytef*>(r.rest().data()),
                 static_cast<uLong>(packed_size)) != Z_OK ||
      out_size != raw_size)
    throw Error(where, "corrupt weight block (zlib)");
  if (crc32(0, reinterpret_cast<const Bytef*>(weights_.data()), static_cast<uInt>(raw_size)) != crc)
    throw Error(where, "weight checksum mismatch (corrupt file)");
  features_ = std::make_unique<NerFeatures>(gaz_, options_.hash_bits);
  features_->set_prefetch_weights(weights_.data());
  NerScratch scratch;
  for (size_t k = 0; k < self_tests_.size(); ++k) {
    const SelfTest& t = self_tests_[k];
    std::vector<NerToken> toks;
    for (const std::string& s : t.tokens) toks.push_back({s, {}});
    Decode(toks.data(), toks.size(), scratch);
    if (scratch.labels != t.labels)
      throw Error(where, "self-test sample " + std::to_string(k + 1) + " decodes differently than when trained");
  }
}

}  // namespace newsledger

// ner_model.h: the linear sequence model behind the entity recognizer.
//
// Scheme: BIO labels over PER, ORG, LOC (the Universal NER label set), scored by a
// linear model (a first-order structured perceptron, ner_trainer.cc) and decoded
// exactly with Viterbi; I-X may only follow B-X or I-X. The score of a sequence is the
// sum over tokens of an emission score (hashed features of the token and its
// neighbours) and a transition score (small dense tables: previous label x label,
// crossed with the token's shape class, gazetteer state and name-list bits).
//
// Emission features of token i (hashed into 2^hash_bits rows of kRowWidth weights): the
// word and its lowercase form, the lowercase words at -2..+2, word bigrams, the shape
// ("Xxxx", "X.X.", "dd") of the word and its neighbours, prefixes and suffixes, the
// gazetteer names that cover the token and its neighbours (country, subdivision, city,
// demonym, organisation; begin or inside), first-name and surname lists, a title word
// before ("President", "spokeswoman"), an organisation head ahead or behind
// ("Department", "Guard") and the sentence-initial flag; since version 4 also the
// suffixes of the neighbours and the capitalised run around the token ("Hobby Lobby",
// "Bank of America"): its first and last word, the words just before and after it and
// its length, each crossed with the token's place in the run, and the gazetteer state
// crossed with the word before.
//
// File format (little-endian):
//   magic "NLNERMDL", u32 version, ModelOptions fields (u32 x4, u64, f32), u64 gazetteer fingerprint,
//   u32 self-test count, each: u32 token count, tokens as (u32 length, bytes), labels
//   as bytes; f32 scale; u64 raw size, u64 compressed size, u32 CRC-32 of the raw
//   bytes, then zlib-compressed int16 weights ((rows + kDenseRows) x kRowWidth).
// Loading checks all of it and the self-test decodes, and throws Error naming the
// file and what is wrong.
//
// A loaded model is const and shareable across threads; decoding uses a caller-owned
// NerScratch (no allocation per token once the scratch has grown).
// Cost: kStaticFeatures table rows read per token (one 16-byte row each), then 7x7
// transitions from tables that stay in L1. What depends on a word alone (its hashes
// and the rows of the 17 templates that read only it) is computed once per word and
// kept in a per-thread word cache (NerWordCache).
#ifndef NEWSLEDGER_RECOGNIZE_NER_MODEL_H_
#define NEWSLEDGER_RECOGNIZE_NER_MODEL_H_

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "recognize/gazetteer.h"

namespace newsledger {

namespace ner {

enum Label : uint8_t { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kNumLabels };
constexpr int kRowWidth = 8;  // kNumLabels padded
constexpr uint32_t kModelVersion = 4;

const char* LabelName(int label);  // "O", "B-PER", ...
int LabelFromName(std::string_view name);  // -1 when unknown; MISC/OTH map to O
inline bool IsBegin(int l) { return l == kBPer || l == kBOrg || l == kBLoc; }
inline bool IsInside(int l) { return l == kIPer || l == kIOrg || l == kILoc; }
inline int TypeOf(int l) { return (l + 1) / 2; }  // 0 = O, 1 PER, 2 ORG, 3 LOC
// Whether `label` may follow `prev` (I-X only after B-X or I-X).
inline bool Allowed(int prev, int label) { return !IsInside(label) || (prev != kO && TypeOf(prev) == TypeOf(label)); }

// Every training setting; saved in the model file.
struct ModelOptions {
  uint32_t hash_bits = 20;  // 2^hash_bits weight rows
  uint32_t epochs = 12;     // passes over the training data
  uint32_t beam = 1;        // unused since version 3 (exact Viterbi decoding); kept in the header
  uint32_t use_pos = 0;     // always 0 since version 3 (UPOS features did not help); kept in the header
  uint64_t seed = 20251125; // shuffling and POS dropout
  float o_penalty = 0;      // subtracted from the O score (in weight units): trades
                            // precision for recall; chosen on dev by the trainer
};

// The rows of the templates that read one word only, in the order WordRows keeps them:
// the word's own 11 (templates 0, 1, 4, 6-8, 9-11, 18, 29), then the three it gives
// as the word before another (2, 23, 32) and the three as the word after (3, 24, 33).
enum WordRow : int {
  kWrWord = 0,
  kWrLower,
  kWrShape,
  kWrPrefixCls,                   // 3 rows: prefixes of 1-3 bytes x class
  kWrSuffix = kWrPrefixCls + 3,   // 3 rows
  kWrKindsCls = kWrSuffix + 3,
  kWrSuffixCls,
  kWrAsPrev,                      // 3 rows: lower, word, suffix x class
  kWrAsNext = kWrAsPrev + 3,      // 3 rows: the same
  kWordRows = kWrAsNext + 3
};

// What the model sees of one token.
struct NerToken {
  std::string_view text;
  std::string_view upos;  // may be empty; not used by the features (since version 3)
};

// Per-sentence scratch: token hashes, static feature rows, beam. Reused across calls.
struct NerScratch {
  struct TokenInfo {
    uint64_t word, lower, shape, prefix[3], suffix[3];
    uint8_t cls;       // shape class
    uint8_t gaz;       // gazetteer kinds covering the token
    uint8_t gaz_pos;   // 0 none, 1 begin, 2 inside
    uint8_t wkinds;    // title / org-head / name-list / dictionary bits of the word
    uint8_t gaz_first; // Gazetteer::FirstTokenMax of the word (0: no name starts with it)
    uint8_t gcode;     // gazetteer state for the transition tables (< 16)
    uint8_t ncode;     // name-list bits and capital for the transition tables (< 8)
  };
  std::vector<uint32_t> word_rows;  // kWordRows per token (NerWordCache)
  std::vector<uint64_t> folded;
  std::vector<TokenInfo> info;
  std::vector<uint32_t> run_begin, run_end;  // capitalised run around each token
  std::vector<uint32_t> rows;      // static feature rows, kStaticFeatures per token
  std::vector<int32_t> emission;   // kRowWidth per token
  std::vector<int32_t> score;      // Viterbi: kRowWidth per token
  std::vector<uint8_t> back;       // Viterbi back pointers: kRowWidth per token
  std::vector<uint8_t> labels;
  // Gazetteer::LongestMatch over the whole sentence at each token, worked out once
  // (Prepare fills the ones its greedy pass looks up; Match the rest, on demand).
  std::vector<const GazetteerEntry*> match;
  std::vector<uint8_t> match_known;
  const GazetteerEntry* Match(const Gazetteer& gaz, size_t i) {
    if (!match_known[i]) {
      match[i] = gaz.LongestMatch(folded.data(), folded.size(), i);
      match_known[i] = 1;
    }
    return match[i];
  }
};

// Per-word results that depend on the word alone (its TokenInfo fields and the rows of
// the templates that read only it), direct-mapped and keyed by the word's hash, checked
// against its bytes. One per thread (NerFeatures::Prepare keeps it), so that it lasts
// across sentences and documents without making every NerScratch large (the trainer
// keeps one scratch per training sentence); `owner` ties it to one NerFeatures.
struct NerWordCache {
  // A power of two. 32768 slots (about 6 MB): at 4096, a quarter of a news corpus's
  // tokens missed and paid WordInfo and WordRows again; at 32768, one in thirteen.
  static constexpr size_t kSlots = 32768;
  static constexpr size_t kMaxBytes = 30;  // longer words are not cached
  struct Slot {
    uint64_t key = 0;
    uint8_t len = 0;  // the word's length + 1; 0: empty
    char text[kMaxBytes];
    NerScratch::TokenInfo info;
    uint32_t rows[kWordRows];
  };
  uint32_t owner = 0;
  std::vector<Slot> slots;
};

// The dense transition tables that follow the hashed rows in the weight table: rows
// [hashed rows + offset, ...), one row (a label vector) per (previous label, key).
// Previous label kStart (= kNumLabels) stands for "before the sentence".
constexpr int kStart = kNumLabels;
constexpr int kPrevSlots = 8;
constexpr uint32_t kTransOffset = 0;                               // [prev]
constexpr uint32_t kClsOffset = kTransOffset + kPrevSlots;         // [prev][cls < 8]
constexpr uint32_t kGazOffset = kClsOffset + kPrevSlots * 8;       // [prev][gcode < 16]
constexpr uint32_t kNameOffset = kGazOffset + kPrevSlots * 16;     // [prev][ncode < 8]
constexpr uint32_t kDenseRows = kNameOffset + kPrevSlots * 8;

// Feature extraction, shared by training and decoding.
class NerFeatures {
 public:
  static constexpr int kStaticFeatures = 40;

  NerFeatures(const Gazetteer& gaz, uint32_t hash_bits);
  // Fills scratch.info and scratch.rows for the sentence.
  void Prepare(const NerToken* toks, size_t n, NerScratch& s) const;
  // The four dense rows (relative to the first dense row) of the transition into
  // token i from label `prev` (kStart before the sentence).
  static void Transition(const NerScratch& s, size_t i, int prev, uint32_t out[4]) {
    const NerScratch::TokenInfo& t = s.info[i];
    const uint32_t p = static_cast<uint32_t>(prev);
    out[0] = kTransOffset + p;
    out[1] = kClsOffset + p * 8 + t.cls;
    out[2] = kGazOffset + p * 16 + t.gcode;
    out[3] = kNameOffset + p * 8 + t.ncode;
  }
  uint32_t mask() const { return mask_; }
  // The weight table decoding will read the rows from (kRowWidth weights a row):
  // Prepare then prefetches every row as it computes it. Null (the default) when
  // training.
  void set_prefetch_weights(const int16_t* weights) { prefetch_weights_ = weights; }
  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  static uint32_t NewId();
  // The fields of `t` that depend on the word alone (all but gaz, gaz_pos, gcode, ncode).
  void WordInfo(std::string_view w, NerScratch::TokenInfo& t) const;
  // The kWordRows rows of a word whose WordInfo is `t` (in WordRow order).
  void WordRows(const NerScratch::TokenInfo& t, uint32_t* rows) const;

  const Gazetteer& gaz_;
  uint32_t mask_;
  uint32_t id_;             // unique per instance: tells a scratch whose rows it caches
  // The word rows of the padding outside the sentence: only the kWrAsPrev and kWrAsNext
  // rows are read (what a missing neighbour gives).
  uint32_t pad_rows_[kWordRows] = {};
  const int16_t* prefetch_weights_ = nullptr;
};

// The end of Viterbi decoding: the best last label (ties to the lower one; no I-X for a
// one-token sentence), then the back pointers to the first token.
template <class Score>
void Backtrace(const std::vector<Score>& score, const std::vector<uint8_t>& back, size_t n,
               std::vector<uint8_t>& labels) {
  int l = 0;
  const Score* last = &score[(n - 1) * kRowWidth];
  for (int k = 1; k < kNumLabels; ++k)
    if (last[k] > last[l] && (n > 1 || !IsInside(k))) l = k;
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<uint8_t>(l);
    l = back[i * kRowWidth + l];
  }
}

// Exact first-order decoding. `emission` holds kRowWidth scores per token, `dense` the
// kDenseRows transition rows; labels go to `labels`. `score` and `back` are scratch.
// Ties go to the lower label, so decoding is deterministic.
template <class Score, class Weight>
void Viterbi(const NerScratch& s, size_t n, const Score* emission, const Weight* dense, std::vector<Score>& score,
             std::vector<uint8_t>& back, std::vector<uint8_t>& labels) {
  labels.assign(n, kO);
  if (n == 0) return;
  score.resize(n * kRowWidth);
  back.resize(n * kRowWidth);
  auto trans = [&](size_t i, int prev, Score out[kRowWidth]) {
    uint32_t r[4];
    NerFeatures::Transition(s, i, prev, r);
    const Weight* a = dense + size_t{r[0]} * kRowWidth;
    const Weight* b = dense + size_t{r[1]} * kRowWidth;
    const Weight* c = dense + size_t{r[2]} * kRowWidth;
    const Weight* d = dense + size_t{r[3]} * kRowWidth;
    for (int l = 0; l < kRowWidth; ++l) out[l] = Score(a[l]) + Score(b[l]) + Score(c[l]) + Score(d[l]);
  };
  Score t[kRowWidth];
  trans(0, kStart, t);
  for (int l = 0; l < kRowWidth; ++l) {
    score[l] = l < kNumLabels ? emission[l] + t[l] : Score(0);
    back[l] = 0;
  }
  for (size_t i = 1; i < n; ++i) {
    Score best[kRowWidth];
    uint8_t arg[kRowWidth];
    bool seen[kRowWidth] = {false};
    const Score* prev_score = &score[(i - 1) * kRowWidth];
    for (int p = 0; p < kNumLabels; ++p) {
      if (i == 1 && IsInside(p)) continue;  // no I-X opens a sentence
      trans(i, p, t);
      for (int l = 0; l < kNumLabels; ++l) {
        if (!Allowed(p, l)) continue;
        Score v = prev_score[p] + t[l];
        if (!seen[l] || v > best[l]) { best[l] = v; arg[l] = static_cast<uint8_t>(p); seen[l] = true; }
      }
    }
    // Every label is reachable after the first token (I-X from B-X). Scores are kept
    // relative to the best, so integer sums never grow with the sentence length.
    const Score* e = emission + i * kRowWidth;
    Score top = best[0] + e[0];
    for (int l = 1; l < kNumLabels; ++l) top = std::max(top, best[l] + e[l]);
    for (int l = 0; l < kRowWidth; ++l) {
      score[i * kRowWidth + l] = l < kNumLabels ? best[l] + e[l] - top : Score(0);
      back[i * kRowWidth + l] = l < kNumLabels ? arg[l] : 0;
    }
  }
  Backtrace(score, back, n, labels);
}

// The same decoding for integer scores and 16-bit weights (what NerModel::Decode
// uses), computed eight labels at a time with SSE2: the same sums, the same
// comparisons in the same order, so the same labels, ties included
// (ner_model_test.cc checks it against the template on random lattices).
void ViterbiInt(const NerScratch& s, size_t n, const int32_t* emission, const int16_t* dense,
                std::vector<int32_t>& score, std::vector<uint8_t>& back, std::vector<uint8_t>& labels);

// Allocator for the weight table: tables of 2 MB or more are 2 MB aligned and marked
// for transparent huge pages, so that the random row reads of decoding do not also
// miss the TLB on every token (a 16 MB table spans 4096 small pages).
template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
  bool operator!=(const HugePageAllocator&) const { return false; }
};
void* AllocateHugePages(size_t bytes);  // aligned_alloc + madvise; throws std::bad_alloc
template <class T>
T* HugePageAllocator<T>::allocate(size_t n) {
  return static_cast<T*>(AllocateHugePages(n * sizeof(T)));
}

}  // namespace ner

// The trained model: quantised weights plus the options they were trained with.
class NerModel {
 public:
  struct SelfTest {
    std::vector<std::string> tokens;
    std::vector<uint8_t> labels;
  };

  // Loads and verifies a model file. Throws Error(path, reason).
  NerModel(const std::filesystem::path& path, const Gazetteer& gaz);
  // From trained float weights (rows x kRowWidth); used by the trainer.
  NerModel(const ner::ModelOptions& options, const std::vector<float>& weights, const Gazetteer& gaz);

  // Parses a serialised model (NerModel::Serialize); `where` names it in errors.
  static std::unique_ptr<NerModel> FromBytes(std::string_view bytes, const std::string& where, const Gazetteer& gaz);

  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // Labels for the tokens of one sentence (written to scratch.labels).
  void Decode(const ner::NerToken* toks, size_t n, ner::NerScratch& scratch) const;

  // Serialises the model with self-test samples (decoded now and stored).
  std::string Serialize(const std::vector<std::vector<std::string>>& self_test_sentences) const;
  // Parses a serialised model; `where` names it in errors.
  void Parse(std::string_view bytes, const std::string& where);

  const ner::ModelOptions& options() const { return options_; }
  // Changes the O penalty (the trainer tunes it on dev).
  void set_o_penalty(float p) { options_.o_penalty = p; }
  const std::vector<SelfTest>& self_tests() const { return self_tests_; }

 private:
  explicit NerModel(const Gazetteer& gaz) : gaz_(gaz) {}

  const Gazetteer& gaz_;
  ner::ModelOptions options_;
  float scale_ = 1;
  std::vector<int16_t, ner::HugePageAllocator<int16_t>> weights_;
  std::vector<SelfTest> self_tests_;
  std::unique_ptr<ner::NerFeatures> features_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_NER_MODEL_H_

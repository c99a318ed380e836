// ner_model.h: the linear sequence model behind the entity recognizer.
//
// Scheme: BIO labels over PER, ORG, LOC (the Universal NER label set), scored by a
// linear model over hashed features and decoded left to right with a small beam; I-X
// may only follow B-X or I-X. Trained as an averaged perceptron (ner_trainer.cc).
//
// Features of token i (all hashed into 2^hash_bits rows of kRowWidth weights): the word
// and its lowercase form, the lowercase words at -2..+2, word bigrams, the shape
// ("Xxxx", "X.X.", "dd") of the word and its neighbours, prefixes and suffixes, the
// gazetteer names that cover the token and its neighbours (country, subdivision, city,
// demonym; begin or inside), a title word before ("President", "spokeswoman"), an
// organisation head ahead or behind ("Department", "Guard"), the sentence-initial
// flag, the UPOS tags when the tagger has run, and the previous two labels.
//
// File format (little-endian):
//   magic "NLNERMDL", u32 version, ModelOptions fields (u32 x4, u64, f32), u64 gazetteer fingerprint,
//   u32 self-test count, each: u32 token count, tokens as (u32 length, bytes), labels
//   as bytes; f32 scale; u64 raw size, u64 compressed size, u32 CRC-32 of the raw
//   bytes, then zlib-compressed int16 weights (rows x kRowWidth).
// Loading checks all of it and the self-test decodes, and throws Error naming the
// file and what is wrong.
//
// A loaded model is const and shareable across threads; decoding uses a caller-owned
// NerScratch (no allocation per token once the scratch has grown).
// Cost: about 30 table rows read per token and beam entry.
#ifndef NEWSLEDGER_RECOGNIZE_NER_MODEL_H_
#define NEWSLEDGER_RECOGNIZE_NER_MODEL_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "recognize/gazetteer.h"

namespace newsledger {

namespace ner {

enum Label : uint8_t { kO = 0, kBPer, kIPer, kBOrg, kIOrg, kBLoc, kILoc, kNumLabels };
constexpr int kRowWidth = 8;  // kNumLabels padded
constexpr uint32_t kModelVersion = 2;

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
  uint32_t beam = 1;        // decoding beam width (1 = greedy)
  uint32_t use_pos = 0;     // 1: UPOS features (dropped at random in training)
  uint64_t seed = 20251125; // shuffling and POS dropout
  float o_penalty = 0;      // subtracted from the O score (in weight units): trades
                            // precision for recall; chosen on dev by the trainer
};

// What the model sees of one token.
struct NerToken {
  std::string_view text;
  std::string_view upos;  // may be empty
};

// Per-sentence scratch: token hashes, static feature rows, beam. Reused across calls.
struct NerScratch {
  struct TokenInfo {
    uint64_t word, lower, shape, prefix[3], suffix[3];
    uint8_t cls;       // shape class
    uint8_t gaz;       // gazetteer kinds covering the token
    uint8_t gaz_pos;   // 0 none, 1 begin, 2 inside
    uint8_t wkinds;    // title / org-head bits of the word
    uint64_t upos;
  };
  std::vector<uint64_t> folded;
  std::vector<TokenInfo> info;
  std::vector<uint32_t> rows;      // static feature rows, kStaticFeatures per token
  struct Hyp { int32_t score; int32_t back; uint8_t label; };
  std::vector<Hyp> lattice;        // beam x tokens
  std::vector<uint8_t> labels;
};

// Feature extraction, shared by training and decoding.
class NerFeatures {
 public:
  static constexpr int kStaticFeatures = 40;
  static constexpr int kDynamicFeatures = 5;

  NerFeatures(const Gazetteer& gaz, uint32_t hash_bits, bool use_pos)
      : gaz_(gaz), mask_((1u << hash_bits) - 1), use_pos_(use_pos) {}
  // Fills scratch.info and scratch.rows for the sentence.
  void Prepare(const NerToken* toks, size_t n, NerScratch& s) const;
  // The rows of the label-dependent features of token i given the two previous labels.
  void Dynamic(const NerScratch& s, size_t i, int prev, int prev2, uint32_t* out) const;
  uint32_t mask() const { return mask_; }
  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  const Gazetteer& gaz_;
  uint32_t mask_;
  bool use_pos_;
};

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
  const Gazetteer& gaz_;
  ner::ModelOptions options_;
  float scale_ = 1;
  std::vector<int16_t> weights_;
  std::vector<SelfTest> self_tests_;
  std::unique_ptr<ner::NerFeatures> features_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_NER_MODEL_H_

// tagger.h: part-of-speech tags (UD UPOS and Penn Treebank XPOS) and lemmas.
//
// Adds to every Token of every Sentence: `upos` (Universal Dependencies v2 tag set),
// `xpos` (Penn Treebank tags as in UD English-EWT) and `lemma` (see lemmatizer.h).
// Tokens outside sentences are left as they are.
//
// Model: a greedy left-to-right averaged perceptron (Collins 2002; Honnibal's
// "greedy averaged perceptron tagger") over joint UPOS+XPOS labels, with hashed
// features (tagger_features.h) whose weights are stored sparsely as 16-bit integers.
// The weights are the mean of a few perceptrons trained on different sentence orders
// (a linear model still, so this costs nothing at run time and gains ~0.2 points).
// Frequent words that the training data always tags the same way are tagged by a
// dictionary lookup. Trained on UD English-EWT by `newsledger train pos` (see
// tagger_trainer.h); accuracy and speed are in models/README.md.
//
// The model file (models/pos.bin): magic "NLPOSTAG", a format version, the training
// options, a CRC-32 of the zlib-compressed payload (labels, tag dictionary, feature
// weights, lemmatizer tables) and a few self-test sentences whose tags and lemmas are
// checked on load. Any mismatch throws newsledger::Error naming the file and reason.
//
// A Tagger is immutable after construction and safe to share across threads; each
// call keeps its working memory in a caller-owned Scratch. Cost: about 30 hash-table
// lookups per token not in the tag dictionary; no allocation per token once the
// Scratch has grown to the longest sentence.
#ifndef NEWSLEDGER_TAGGER_H_
#define NEWSLEDGER_TAGGER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/lemmatizer.h"
#include "newsledger/stage.h"

namespace newsledger {

// Training options, saved in the model header; every default is here.
struct TaggerOptions {
  uint32_t iterations = 10;            // passes over the training sentences
  uint64_t seed = 20251125;            // shuffles the sentence order of each pass
  uint32_t ensemble = 3;               // perceptrons (seeds seed, seed+1...) averaged together
  uint32_t tagdict_min_count = 20;     // words seen at least this often...
  uint32_t tagdict_min_permille = 995; // ...with one label at least this share of the time
                                       // are tagged by lookup
  uint32_t lemma_min_support = 2;      // word types a suffix rule must be seen in
  uint32_t lemma_max_suffix = 6;       // longest suffix a lemma rule looks at (bytes)
  uint32_t weight_scale = 1000;        // averaged weights are stored as round(w * scale)
  uint32_t min_weight = 1;             // stored weights below this magnitude are dropped
};

// The learned parameters: what the trainer makes and the model file holds.
struct TaggerModel {
  static constexpr char kMagic[9] = "NLPOSTAG";
  static constexpr uint32_t kVersion = 1;

  TaggerOptions options;
  std::vector<std::string> upos, xpos;  // per label
  // Tag dictionary: hash of the normalised word -> label.
  std::vector<std::pair<uint64_t, uint16_t>> tagdict;
  // Sparse weights: feature i (hash feature_keys[i]) has the entries
  // [feature_begin[i], feature_begin[i+1]) of weight_labels / weight_values.
  std::vector<uint64_t> feature_keys;
  std::vector<uint32_t> feature_begin;
  std::vector<uint8_t> weight_labels;
  std::vector<int16_t> weight_values;
  Lemmatizer::Tables lemmas;
  // Self-test sentences with the tags and lemmas the model must give them.
  struct Sample {
    std::vector<std::string> words;
    std::vector<uint16_t> labels;
    std::vector<std::string> lemmas;
  };
  std::vector<Sample> samples;

  // The bytes of the model file.
  std::string Serialize() const;
  // Parses model file bytes; `where` names the file in errors.
  static TaggerModel Parse(std::string_view bytes, const std::string& where);
};

class Tagger : public Stage {
 public:
  // Per-caller working memory, reused across calls (one per thread).
  struct Scratch;
  struct ScratchDeleter {
    void operator()(Scratch* s) const;
  };
  using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;

  // Loads models/pos.bin (found with ResourcePath).
  Tagger();
  // Loads a model file; throws Error(file, reason) when it is missing, corrupt, of
  // another version, or fails its self-test.
  explicit Tagger(const std::filesystem::path& model_file);
  // Builds from parameters in memory (the trainer); `where` names them in errors.
  // Runs the self-test samples when `self_test` is set.
  Tagger(TaggerModel model, const std::string& where, bool self_test = true);
  ~Tagger() override;
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  const char* name() const override { return "tag"; }
  void annotate(Document& doc) const override;

  // Tags one sentence: labels[i] is the label of words[i]. `scratch` may be null
  // (then one is made for the call).
  void Tag(const std::vector<std::string_view>& words, std::vector<uint16_t>& labels,
           Scratch* scratch = nullptr) const;
  // The lemma of `word` under `label`, written to `out`.
  void Lemmatize(std::string_view word, uint16_t label, std::string& out) const;

  size_t num_labels() const { return model_.upos.size(); }
  const std::string& upos(uint16_t label) const { return model_.upos[label]; }
  const std::string& xpos(uint16_t label) const { return model_.xpos[label]; }
  const TaggerModel& model() const { return model_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

  static ScratchPtr NewScratch();

 private:
  void Build(const std::string& where, bool self_test);

  // The feature table: open addressing on the low bits of a feature's hash; a slot
  // holds the high 32 bits (never 0 when used) and its weights' place in `entries_`
  // (begin << 8 | count), 8 bytes, so that the table stays small enough for the cache.
  struct FeatureSlot {
    uint32_t fingerprint = 0;
    uint32_t weights = 0;
  };
  const FeatureSlot* FindFeature(uint64_t key) const;
  struct Entry {
    uint16_t label;
    int16_t weight;
  };
  TaggerModel model_;
  Lemmatizer lemmatizer_;
  std::vector<FeatureSlot> feature_slots_;
  size_t feature_mask_ = 0;
  std::unique_ptr<tag::FlatMap64<uint16_t>> tagdict_;
  std::vector<Entry> entries_;
  std::vector<uint64_t> xpos_keys_;  // Lemmatizer::TagKey per label
};

}  // namespace newsledger

#endif  // NEWSLEDGER_TAGGER_H_

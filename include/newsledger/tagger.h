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
// (a linear model still, so this costs nothing at run time). A lexicon of the words
// seen at least twice in training gives each its ambiguity class (the labels it
// takes), and frequent words that training always tags the same way are tagged by
// lookup. Trained on UD English-EWT train plus GUM by `newsledger train pos` (see
// tagger_trainer.h); accuracy and speed are in models/README.md.
//
// Speed: the features of one token alone (its word, affixes, shape and class, at each
// position -2..+2 around the tagged word) are summed once per lexicon word when the
// model loads, into dense score rows; tagging a lexicon word then adds five rows, one
// row of the previous two tags, and looks up about ten context features. Words outside
// the lexicon have their rows computed per occurrence.
//
// The model file (models/pos.bin): magic "NLPOSTAG", a format version, the training
// options, a CRC-32 of the zlib-compressed payload (labels, lexicon, feature
// weights, lemmatizer tables) and a few self-test sentences whose tags and lemmas are
// checked on load. Any mismatch throws newsledger::Error naming the file and reason.
//
// A Tagger is immutable after construction and safe to share across threads; each
// call keeps its working memory in a caller-owned Scratch. Memory: about 1 KB of
// score rows per lexicon word (~15 MB). No allocation per token once the Scratch has
// grown to the longest sentence.
//
// A Scratch also caches the rows of words outside the lexicon (direct-mapped, 4096
// words, ~5 MB, keyed by the normalised form and checked against it), so that names
// and rare words seen before cost one lookup instead of ~30 feature lookups; annotate()
// keeps one Scratch per thread, so the cache lasts across documents. The cache never
// changes a result, only how fast it comes.
#ifndef NEWSLEDGER_TAGGER_H_
#define NEWSLEDGER_TAGGER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/huge_pages.h"
#include "newsledger/lemmatizer.h"
#include "newsledger/stage.h"

namespace newsledger::tag {
struct TokenHashes;
}
namespace newsledger {

// Training options, saved in the model header; every default is here.
struct TaggerOptions {
  uint32_t iterations = 13;            // passes over the training sentences (chosen on dev)
  uint64_t seed = 20251125;            // shuffles the sentence order of each pass
  uint32_t ensemble = 5;               // perceptrons (seeds seed, seed+1...) averaged together
  uint32_t tagdict_min_count = 20;     // words seen at least this often...
  uint32_t tagdict_min_permille = 995; // ...with one label at least this share of the time
                                       // are tagged by lookup
  uint32_t lemma_min_support = 2;      // word types a suffix rule must be seen in
  uint32_t lemma_max_suffix = 6;       // longest suffix a lemma rule looks at (bytes)
  uint32_t weight_scale = 200;         // averaged weights are stored as round(w * scale);
                                       // small enough that row sums fit 16 bits
  uint32_t min_weight = 1;             // stored weights below this magnitude are dropped
  uint32_t lexicon_min_count = 2;      // words seen this often get an ambiguity class
  uint32_t class_min_permille = 100;   // labels of a word's class: at least this share
  uint32_t gum = 1;                    // also train on the GUM documents (gum_subset/dep)
  uint32_t constrain_min_count = 0;    // words seen this often only take labels seen
                                       // with them in training (0: never constrained)
};

// The learned parameters: what the trainer makes and the model file holds.
struct TaggerModel {
  static constexpr char kMagic[9] = "NLPOSTAG";
  static constexpr uint32_t kVersion = 2;
  static constexpr uint16_t kNoLabel = 0xFFFF;

  TaggerOptions options;
  std::vector<std::string> upos, xpos;  // per label
  // Lexicon, sorted: normalised word forms (tag::NormalizeWord), the hash of each
  // one's ambiguity class, and its fixed label (kNoLabel unless tagged by lookup).
  std::vector<std::string> vocab;
  std::vector<uint64_t> vocab_class;
  std::vector<uint16_t> vocab_label;
  // Labels each lexicon word may take, kMaskWords bits each (all zero: any label).
  static constexpr size_t kMaskWords = 4;
  std::vector<uint64_t> vocab_allowed;
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

  struct Entry {
    uint16_t label;
    int16_t weight;
  };
  // The feature table: open addressing on the low bits of a feature's hash. A slot
  // (16 bytes, four to a cache line) holds the high 32 bits of the hash (never 0 when
  // used), the feature's first two weights and, when it has more, the place of the
  // others in `entries_` (begin << 8 | count); half the features have exactly two, so
  // most lookups read one cache line instead of two.
  static constexpr int kInlineEntries = 2;
  struct FeatureSlot {
    uint32_t fingerprint = 0;
    uint32_t rest = 0;
    Entry first[kInlineEntries] = {{0, 0}, {0, 0}};  // unused ones add 0 to label 0
  };
  const FeatureSlot* FindFeature(uint64_t key) const;
  // Adds the weights of features `feats` to `acc` (num_labels() entries).
  void AddFeatures(const uint64_t* feats, int k, int32_t* acc) const;
  // The two halves of AddFeatures: finds the slots of the features the model has
  // (writing them to `found`, returning how many) and starts fetching their other
  // weights; then adds the weights of found slots to `acc`.
  int FindFeatures(const uint64_t* feats, int k, const FeatureSlot** found) const;
  void AddFound(const FeatureSlot* const* found, int n, int32_t* acc) const;
  // Sets h.amb_lower from the lexicon entry of h's lower-cased form, if any.
  void SetLowerClass(tag::TokenHashes& h) const;
  // Sums the unary features of `tok` at every offset into 5 rows at `rows`; returns
  // how many sums had to be clamped to 16 bits.
  size_t UnaryRows(const tag::TokenHashes& tok, int16_t* rows) const;
  // What tagging needs of a lexicon word besides its rows.
  struct VocabEntry {
    uint64_t lower, suffix3, shape, amb;
    uint16_t label;
    uint8_t caps;
    bool constrained;  // only labels in vocab_allowed are possible
    uint16_t guess;    // the best label of the word's own features (see GuessLabel)
    // The lemma_pool_ record of the word under its likeliest label (`label` when
    // fixed, else `guess`), or kNoLemma: most tokens take it without a lookup.
    uint32_t lemma_at;
  };
  static constexpr uint32_t kNoLemma = 0xFFFFFFFF;
  // The label a word's own features (its offset-0 row) score highest, within `allowed`
  // when given: a guess of its tag, good enough to fetch the next word's features early.
  uint16_t GuessLabel(const int16_t* block, const uint64_t* allowed) const;
  TaggerModel model_;
  Lemmatizer lemmatizer_;
  std::vector<FeatureSlot, HugePageAllocator<FeatureSlot>> feature_slots_;
  size_t feature_mask_ = 0;
  // One bit per slot of feature_slots_: in use. A key whose home slot is free is not
  // in the table, which this 128 KB bitmap (it stays in cache) tells without reading
  // the slot; a quarter of a text's context features are like that.
  std::vector<uint64_t> occupied_;
  bool MayHave(uint64_t key) const {
    const size_t home = key & feature_mask_;
    return occupied_[home >> 6] >> (home & 63) & 1;
  }
  std::vector<Entry, HugePageAllocator<Entry>> entries_;
  size_t row_size_ = 0;  // labels rounded up to a multiple of 8
  std::unique_ptr<tag::FlatMap64<uint32_t>> vocab_index_;  // word hash -> vocab_ index
  std::vector<VocabEntry> vocab_;
  std::vector<int16_t, HugePageAllocator<int16_t>> vocab_rows_;  // 5 rows per lexicon word (offsets -2..+2)
  std::vector<int16_t> pad_rows_;    // 5 rows for the start padding, 5 for the end
  std::vector<int16_t, HugePageAllocator<int16_t>> tag_rows_;    // one row per (t-1, t-2); index num_labels() = start
  size_t clamped_ = 0;               // row sums cut to 16 bits (should be 0)
  uint64_t id_ = 0;                  // unique per Tagger: tells a Scratch whose rows it caches
  std::vector<uint64_t> xpos_keys_;  // Lemmatizer::TagKey per label
  // Lemmas worked out at load time for each lexicon word under the labels its own
  // features score highest (those it almost always gets): key Combine(HashBytes(word),
  // label) -> place in lemma_pool_ of a record [form length][form][lemma length][lemma].
  // The form is compared on lookup, so a hit gives exactly what Lemmatize would.
  std::unique_ptr<tag::FlatMap64<uint32_t>> lemma_index_;
  std::string lemma_pool_;
  void BuildLemmaCache();
  // Lemmatize() with the word's lemma_index_ entry already looked up (`at`, or null).
  void LemmatizeAt(std::string_view word, uint16_t label, const uint32_t* at, std::string& out) const;

 public:
  // Row sums that did not fit 16 bits when the model was loaded (for the trainer).
  size_t clamped() const { return clamped_; }
};

}  // namespace newsledger

#endif  // NEWSLEDGER_TAGGER_H_

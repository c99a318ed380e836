// sentence_model.h: a learned sentence-boundary classifier that refines the rules.
//
// At every gap between two tokens of a paragraph, a linear model (averaged perceptron
// over hashed features of the tokens around the gap, plus the rule splitter's own
// decision) says whether a sentence ends there. It learns what rules cannot list:
// signatures, greetings and list lines in informal text without final punctuation.
// Hard constraints stay with the rules (no split inside a quotation after an ellipsis,
// none before a closing mark). Trained on UD English-EWT by `newsledger train sentences`.
// Cost: about 16 hashed lookups per gap. Immutable after load; share across threads.
#ifndef NEWSLEDGER_TEXT_SENTENCE_MODEL_H_
#define NEWSLEDGER_TEXT_SENTENCE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::text {

// What the features of one gap (after token `t`) are computed from.
struct GapContext {
  std::string_view text;
  const std::vector<Token>* tokens;
  uint32_t begin, end;       // the paragraph's tokens
  uint32_t t;                // the token before the gap
  bool rule_split;           // the rules end a sentence here
  bool in_quote;             // inside a double-quotation frame
  uint32_t since_start;      // tokens since the current sentence started
  // Per-token shape codes and lower-cased-form hashes of the paragraph, indexed by
  // token - begin, as TokenCodes fills them. Null: computed for each gap.
  const uint64_t* shapes = nullptr;
  const uint64_t* lowers = nullptr;
};

// Fills shapes[k] and lowers[k] for tokens [begin, end): the per-token inputs of
// GapFeatures, computed once per paragraph instead of once per gap that uses them.
void TokenCodes(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                uint64_t* shapes, uint64_t* lowers);

constexpr int kMaxGapFeatures = 24;

// Whether the model is asked about a gap at all: the rules split there, or the next
// token does not start with a lower-case letter, or the token before is punctuation.
// Elsewhere (most gaps: "word word") no sentence ends; skipping them keeps the model's
// cost small. Training applies the same filter.
bool IsCandidateGap(const GapContext& g);

// Fills `out` with the hashed features of the gap; returns how many.
int GapFeatures(const GapContext& g, uint64_t* out);

struct SentenceModelOptions {
  uint32_t bits = 16;        // weight table has 2^bits entries
  uint32_t epochs = 8;
  uint64_t seed = 20251117;
};

class SentenceModel {
 public:
  // Loads and checks a model file (framing, options, self-test); throws Error.
  static SentenceModel Load(const std::string& path);
  // The model shipped in models/sentence.bin, loaded once; throws Error when it is
  // missing or bad.
  static const SentenceModel& Default();

  SentenceModel(SentenceModelOptions options, std::vector<float> weights);

  float Score(const uint64_t* features, int n) const;
  bool Split(const GapContext& g) const;

  std::string Serialize(const std::string& self_test_text) const;
  const SentenceModelOptions& options() const { return options_; }

 private:
  SentenceModelOptions options_;
  std::vector<float> weights_;
  uint64_t mask_;
};

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_SENTENCE_MODEL_H_

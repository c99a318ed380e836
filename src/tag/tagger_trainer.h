// tagger_trainer.h: trains the part-of-speech tagger and lemmatizer (tagger.h) on
// CoNLL-U treebanks, and scores a tagger against one.
//
// Training is deterministic: labels, dictionaries and features are ordered by value,
// the sentence order of each pass is shuffled by a SplitMix64 generator seeded from
// the options, and nothing depends on hash-container iteration order, so the same
// data and options give the same model file byte for byte.
// Cost: about 3 s per pass over UD English-EWT train plus GUM (270k words) on one
// core (a flat feature index: one cache miss per feature looked up); memory grows
// with the number of features that ever received an update.
#ifndef NEWSLEDGER_TAG_TAGGER_TRAINER_H_
#define NEWSLEDGER_TAG_TAGGER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsledger/tagger.h"
#include "tag/conllu.h"

namespace newsledger {

// Learns the lemmatizer's exception and rule tables from gold (word, XPOS, lemma)s;
// a suffix rule needs `min_support` word types ending in it.
Lemmatizer::Tables LearnLemmatizer(const std::vector<tag::ConlluSentence>& train, uint32_t max_suffix,
                                   uint32_t min_support = 2);

// Trains the tagger on `train`; after the last pass of each perceptron it logs its
// accuracy on `dev` (when not empty) through `log`. The lemmatizer learns from the
// first `lemma_sentences` sentences of `train` only (a treebank with other lemma
// conventions can still teach the tagger). Self-test samples are taken from the first
// sentences of `dev` (or `train`).
TaggerModel TrainTagger(const std::vector<tag::ConlluSentence>& train, const std::vector<tag::ConlluSentence>& dev,
                        const TaggerOptions& options, const std::function<void(const std::string&)>& log = {},
                        size_t lemma_sentences = SIZE_MAX);

// Accuracy of a tagger on gold-tokenised sentences.
struct PosScores {
  size_t words = 0;
  size_t upos_right = 0, xpos_right = 0, lemma_right = 0, both_right = 0;
  double upos() const { return words ? double(upos_right) / words : 0; }
  double xpos() const { return words ? double(xpos_right) / words : 0; }
  double lemma() const { return words ? double(lemma_right) / words : 0; }
  double both() const { return words ? double(both_right) / words : 0; }
};
PosScores EvaluateTagger(const Tagger& tagger, const std::vector<tag::ConlluSentence>& gold);

}  // namespace newsledger

#endif  // NEWSLEDGER_TAG_TAGGER_TRAINER_H_

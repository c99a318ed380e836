// sentence_model_trainer.h: trains the sentence-boundary model from a UD treebank.
//
// The treebank's sentences are laid out as raw text the way `evaluate segmentation`
// does (paragraph breaks from # newpar / # newdoc), tokenized with our tokenizer, and
// every gap the rules leave open becomes one example: does a gold sentence end here?
// Averaged perceptron, examples visited in a fixed-seed order: the same data and
// options give the same bytes.
#ifndef NEWSLEDGER_TEXT_SENTENCE_MODEL_TRAINER_H_
#define NEWSLEDGER_TEXT_SENTENCE_MODEL_TRAINER_H_

#include <iosfwd>
#include <vector>

#include "eval/conllu.h"
#include "text/sentence_model.h"

namespace newsledger::text {

SentenceModel TrainSentenceModel(const std::vector<eval::ConlluSentence>& sentences,
                                 const SentenceModelOptions& options, std::ostream* log);

// Our own sentences, stored in the model and re-split on load as its self-test.
extern const char kSentenceSelfTest[];

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_SENTENCE_MODEL_TRAINER_H_

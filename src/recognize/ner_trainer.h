// ner_trainer.h: training and scoring the entity recognizer's model (NerModel).
//
// Training data:
//  - Universal NER English-EWT (IOB2, labels PER/ORG/LOC; CC BY-SA 4.0): train file for
//    training, dev file for choosing the epoch and the O penalty (and then, by
//    `newsledger train ner`, added to the training data of the final model);
//  - the GUM entity layer (CoNLL-U, MISC column `Entity=`; CC BY-SA 4.0), train and dev
//    documents (never test), mapped to UNER's convention: mentions of type person,
//    place and organization whose head is a proper noun become PER, LOC, ORG, cut down
//    to the run of proper nouns around the head (no determiner, no title word, no
//    possessive), the outermost one winning when names nest.
// Averaged perceptron, greedy decoding in training, shuffled with a fixed seed: the
// same data give the same model file, byte for byte. Single-threaded.
//
// This is the training library (built apart from the runtime, never linked by it).
#ifndef NEWSLEDGER_RECOGNIZE_NER_TRAINER_H_
#define NEWSLEDGER_RECOGNIZE_NER_TRAINER_H_

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "recognize/gazetteer.h"
#include "recognize/ner_model.h"

namespace newsledger {

struct NerSentence {
  std::string id;                  // sent_id, when the source gives one
  std::string doc;                 // newdoc id, when the source gives one
  std::vector<std::string> words;
  std::vector<std::string> upos;  // empty when the source has none
  std::vector<uint8_t> labels;    // ner::Label per word
};

// Reads an IOB2 file (tab-separated: index, word, label, ...; '#' comments; blank lines
// between sentences). Labels other than PER/ORG/LOC become O. Throws Error(file:line).
std::vector<NerSentence> ReadIob2(const std::filesystem::path& path);

// Copies the UPOS column of a UD CoNLL-U file onto the sentences with the same sent_id
// and the same number of words (UNER and UD English-EWT share sentences). Returns how
// many sentences got tags.
size_t AttachUpos(std::vector<NerSentence>& sentences, const std::filesystem::path& conllu);

// Reads the GUM CoNLL-U files of `gum_dir` (its dep/ folder) whose documents are not
// listed under test or test2 in splits.md, mapped as described above. Reddit
// documents (no text) are skipped.
std::vector<NerSentence> ReadGumEntities(const std::filesystem::path& gum_dir, const Gazetteer& gaz);

// Appends to `sentences` a copy of each of them with every word lowercased (FoldCase),
// labels unchanged, in order.
void AddLowercasedCopies(std::vector<NerSentence>& sentences);

// Span-level scores.
struct SpanCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / predicted : 0; }
  double recall() const { return gold ? double(correct) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
// Adds the spans of one sentence (label sequences) to `by_type` (index 1..3 = PER, ORG,
// LOC) and `overall`.
void CountSpans(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& predicted, SpanCounts by_type[4],
                SpanCounts& overall);

struct NerTrainResult {
  std::string model_bytes;           // the serialised model
  std::vector<double> dev_f1;        // per epoch, with the averaged weights
  size_t best_epoch = 0;             // 1-based
  float o_penalty = 0;               // the O penalty chosen on dev (or given)
  size_t train_sentences = 0, train_tokens = 0;
};

// Trains on `train`, picks the epoch and the O penalty with the best span F1 on `dev`,
// and serialises the model with self-test samples. With `fixed`, trains exactly
// options.epochs passes with options.o_penalty and never looks at `dev` (the final
// model, trained on train plus dev with the settings a first run chose on dev).
// Progress lines go to `log`.
NerTrainResult TrainNer(const ner::ModelOptions& options, const std::vector<NerSentence>& train,
                        const std::vector<NerSentence>& dev, const Gazetteer& gaz, std::ostream& log,
                        bool fixed = false);

// Decodes every sentence of `data` with `model` and scores spans against the gold.
SpanCounts ScoreModel(const NerModel& model, const std::vector<NerSentence>& data, SpanCounts by_type[4]);

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_NER_TRAINER_H_

// train_sentences.cc: `newsledger train sentences --data DIR [--out FILE]`: rebuilds
// models/sentence.bin from UD English-EWT train, deterministically.
#include <iostream>

#include "cli/train.h"
#include "eval/conllu.h"
#include "newsledger/model_file.h"
#include "text/sentence_model_trainer.h"

namespace newsledger::cli {
namespace {

struct Args {
  std::string data = "../shared/data";
  std::string out = "models/sentence.bin";
  text::SentenceModelOptions options;
};

int Run(const Args& a) {
  std::string train = a.data + "/ud_ewt/en_ewt-ud-train.conllu";
  std::vector<eval::ConlluSentence> sentences = eval::ReadConllu(train);
  std::cerr << "train sentences: " << sentences.size() << " sentences from " << train << "\n";
  text::SentenceModel model = text::TrainSentenceModel(sentences, a.options, &std::cerr);
  WriteModelBytes(a.out, model.Serialize(text::kSentenceSelfTest));
  std::cerr << "wrote " << a.out << "\n";
  return 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto a = std::make_shared<Args>();
  sub.add_option("--data", a->data, "the shared corpora folder (holds ud_ewt/)");
  sub.add_option("--out", a->out, "model file to write");
  sub.add_option("--epochs", a->options.epochs, "training passes");
  sub.add_option("--bits", a->options.bits, "log2 of the weight table size")->check(CLI::Range(8u, 24u));
  return [a] { return Run(*a); };
}

NEWSLEDGER_TRAINING(sentences, "sentences", "Train the sentence-boundary model (models/sentence.bin)", Setup);

}  // namespace
}  // namespace newsledger::cli

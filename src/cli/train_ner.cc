// train_ner.cc: `newsledger train ner --data DIR [--out FILE]`: reproduces models/ner.bin.
//
// Reads UNER English-EWT (train, dev, test) and the GUM entity layer from DIR, trains
// the entity recognizer's averaged perceptron (ner_trainer.h), keeps the epoch and the
// O penalty best on UNER dev and prints that model's span F1 on dev and test; then
// (unless --no-final-with-dev) trains the final model with those settings on train plus
// dev, writes it and prints its span F1 on test. Test never steers a choice.
// Deterministic: the same data and lists give the same file, byte for byte.
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/train.h"
#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "recognize/ner_trainer.h"

namespace newsledger::cli {
namespace {

struct Args {
  std::string data = "../shared/data";
  std::string out = "models/ner.bin";
  ner::ModelOptions options;
  bool gum = true;
  bool final_with_dev = true;
};

void PrintScores(const char* name, const NerModel& model, const std::vector<NerSentence>& data) {
  SpanCounts by_type[4];
  SpanCounts all = ScoreModel(model, data, by_type);
  const char* types[4] = {"", "PER", "ORG", "LOC"};
  for (int t = 1; t < 4; ++t)
    std::cout << fmt::format("{} {}: P={:.4f} R={:.4f} F1={:.4f} (gold {})\n", name, types[t], by_type[t].precision(),
                             by_type[t].recall(), by_type[t].f1(), by_type[t].gold);
  std::cout << fmt::format("{} overall: P={:.4f} R={:.4f} F1={:.4f}\n", name, all.precision(), all.recall(), all.f1());
}

int Run(const Args& a) {
  auto t0 = std::chrono::steady_clock::now();
  namespace fs = std::filesystem;
  fs::path uner = fs::path(a.data) / "uner_en_ewt";
  const Gazetteer& gaz = Gazetteer::Default();
  std::vector<NerSentence> train = ReadIob2(uner / "en_ewt-ud-train.from-draft-normalized.iob2");
  std::vector<NerSentence> dev = ReadIob2(uner / "en_ewt-ud-dev.iob2");
  std::vector<NerSentence> test = ReadIob2(uner / "en_ewt-ud-test.iob2");
  if (a.gum) {
    std::vector<NerSentence> gum = ReadGumEntities(fs::path(a.data) / "gum_subset", gaz);
    std::cerr << "ner: " << gum.size() << " GUM sentences\n";
    train.insert(train.end(), gum.begin(), gum.end());
  }
  // Web text often writes names in lowercase ("taco bell", "san francisco"): every
  // sentence is seen once more with its words lowercased (+1.2 points of span F1 on
  // UNER dev, averaged over three seeds).
  AddLowercasedCopies(train);
  NerTrainResult r = TrainNer(a.options, train, dev, gaz, std::cerr);
  // Scores of the model trained without dev: the honest dev figures.
  std::unique_ptr<NerModel> tuned = NerModel::FromBytes(r.model_bytes, "dev-tuned model", gaz);
  PrintScores("dev", *tuned, dev);
  PrintScores("test (without dev)", *tuned, test);
  if (a.final_with_dev) {
    // The final model: the same settings, trained on train plus dev.
    ner::ModelOptions final_options = a.options;
    final_options.epochs = static_cast<uint32_t>(r.best_epoch);
    final_options.o_penalty = r.o_penalty;
    std::vector<NerSentence> more = dev;
    AddLowercasedCopies(more);
    train.insert(train.end(), more.begin(), more.end());
    std::cerr << "ner: final model on train + dev, " << final_options.epochs << " epochs, O penalty "
              << final_options.o_penalty << "\n";
    r = TrainNer(final_options, train, dev, gaz, std::cerr, /*fixed=*/true);
  }
  {
    std::ofstream out(a.out, std::ios::binary);
    if (!out) throw Error(a.out, "cannot write");
    out.write(r.model_bytes.data(), static_cast<std::streamsize>(r.model_bytes.size()));
    if (!out) throw Error(a.out, "write failed");
  }
  NerModel model(a.out, gaz);  // reload: checks the file and its self-test
  if (a.final_with_dev) PrintScores("dev (trained on)", model, dev);
  PrintScores("test", model, test);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << fmt::format("ner: wrote {} ({} bytes, epoch {} of {}) in {:.1f} s\n", a.out, r.model_bytes.size(),
                           r.best_epoch, a.options.epochs, secs);
  return 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto a = std::make_shared<Args>();
  sub.add_option("--data", a->data, "folder of the shared corpora (uner_en_ewt/, gum_subset/)");
  sub.add_option("--out", a->out, "model file to write");
  sub.add_option("--epochs", a->options.epochs, "training epochs (the best on UNER dev is kept)");
  sub.add_option("--hash-bits", a->options.hash_bits, "log2 of the weight rows")->check(CLI::Range(12, 24));
  sub.add_option("--seed", a->options.seed, "shuffling seed");
  sub.add_flag("!--no-gum", a->gum, "train on UNER only");
  sub.add_flag("!--no-final-with-dev", a->final_with_dev,
               "write the dev-tuned model instead of retraining it on train + dev");
  return [a] { return Run(*a); };
}

NEWSLEDGER_TRAINING(ner, "ner", "Train the entity recognizer (models/ner.bin) from UNER English-EWT and GUM", Setup);

}  // namespace
}  // namespace newsledger::cli

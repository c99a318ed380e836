// train_pos.cc: `newsledger train pos --data DIR [--out models/pos.bin]`: trains the
// part-of-speech tagger and lemmatizer on UD English-EWT (DIR/ud_ewt), reporting on
// its dev set after every other pass, and writes the model file. Deterministic.
#include <fstream>
#include <iostream>

#include "cli/train.h"
#include "newsledger/error.h"
#include "tag/tagger_trainer.h"

namespace newsledger::cli {
namespace {

struct TrainPosArgs {
  std::string data = "../shared/data";
  std::string out = "models/pos.bin";
  TaggerOptions options;
};

int RunTrainPos(const TrainPosArgs& args) {
  std::string dir = args.data + "/ud_ewt/";
  auto train = tag::ReadConllu(dir + "en_ewt-ud-train.conllu");
  auto dev = tag::ReadConllu(dir + "en_ewt-ud-dev.conllu");
  TaggerModel model = TrainTagger(train, dev, args.options, [](const std::string& line) { std::cerr << line << "\n"; });
  std::string bytes = model.Serialize();
  Tagger check(TaggerModel::Parse(bytes, args.out), args.out);  // the file must load as written
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(args.out, "cannot write model file");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw Error(args.out, "write failed");
  PosScores s = EvaluateTagger(check, dev);
  std::cout << "wrote " << args.out << " (" << bytes.size() << " bytes)\n";
  std::cout << "pos dev upos=" << s.upos() << " xpos=" << s.xpos() << " lemma=" << s.lemma() << "\n";
  return 0;
}

NEWSLEDGER_TRAINING(pos, "pos", "Train the part-of-speech tagger and lemmatizer on UD English-EWT",
                    [](CLI::App& sub) -> std::function<int()> {
                      auto args = std::make_shared<TrainPosArgs>();
                      sub.add_option("--data", args->data, "the shared corpora folder (holds ud_ewt/)")
                          ->capture_default_str();
                      sub.add_option("--out", args->out, "model file to write")->capture_default_str();
                      sub.add_option("--iterations", args->options.iterations, "training passes")
                          ->capture_default_str();
                      sub.add_option("--seed", args->options.seed, "shuffling seed")->capture_default_str();
                      TaggerOptions& o = args->options;
                      sub.add_option("--tagdict-min-count", o.tagdict_min_count)->capture_default_str();
                      sub.add_option("--tagdict-min-permille", o.tagdict_min_permille)->capture_default_str();
                      sub.add_option("--lemma-max-suffix", o.lemma_max_suffix)->capture_default_str();
                      sub.add_option("--ensemble", o.ensemble, "perceptrons averaged together")
                          ->capture_default_str();
                      sub.add_option("--lemma-min-support", o.lemma_min_support)->capture_default_str();
                      sub.add_option("--weight-scale", o.weight_scale)->capture_default_str();
                      sub.add_option("--min-weight", o.min_weight)->capture_default_str();
                      return [args] { return RunTrainPos(*args); };
                    });

}  // namespace
}  // namespace newsledger::cli

// train_pos.cc: `newsledger train pos --data DIR [--out models/pos.bin]`: trains the
// part-of-speech tagger and lemmatizer on UD English-EWT (DIR/ud_ewt), reporting on
// its dev set after every other pass, and writes the model file. Deterministic.
#include <algorithm>
#include <filesystem>
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
  const size_t ewt_sentences = train.size();
  if (args.options.gum) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(args.data + "/gum_subset/dep"))
      if (e.path().extension() == ".conllu") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw Error(args.data + "/gum_subset/dep", "no GUM .conllu files (or pass --gum 0)");
    for (const auto& f : files) {
      auto more = tag::ReadConllu(f.string());
      train.insert(train.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  TaggerModel model = TrainTagger(
      train, dev, args.options, [](const std::string& line) { std::cerr << line << "\n"; }, ewt_sentences);
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
                      sub.add_option("--lexicon-min-count", o.lexicon_min_count)->capture_default_str();
                      sub.add_option("--class-min-permille", o.class_min_permille)->capture_default_str();
                      sub.add_option("--constrain-min-count", o.constrain_min_count)->capture_default_str();
                      sub.add_option("--gum", o.gum, "also train on GUM (1) or not (0)")->capture_default_str();
                      return [args] { return RunTrainPos(*args); };
                    });

}  // namespace
}  // namespace newsledger::cli

// train.h: how a model trainer plugs into `newsledger train KIND ...`.
//
// Each src/cli/train_<kind>.cc registers one kind (pos, ner...) with
// NEWSLEDGER_TRAINING; train.cc owns the `train` command and adds every registered
// kind as its subcommand. A trainer reads `--data DIR` (the shared corpora), writes
// its model file (default models/<kind>.bin) deterministically, and returns the
// process exit status (0 done, 2 usage or input error).
//
//   NEWSLEDGER_TRAINING(pos, "pos", "Train the part-of-speech tagger",
//                       [](CLI::App& sub) -> std::function<int()> { ... });
#ifndef NEWSLEDGER_CLI_TRAIN_H_
#define NEWSLEDGER_CLI_TRAIN_H_

#include <vector>

#include "cli/command.h"

namespace newsledger::cli {

// Every registered training kind (filled by static registrars before main()).
std::vector<CommandInfo>& Trainings();

inline void AddTrainSubcommand(const char* name, const char* description, CommandSetup setup) {
  Trainings().push_back({name, description, std::move(setup)});
}

struct TrainingRegistrar {
  TrainingRegistrar(const char* name, const char* description, CommandSetup setup) {
    AddTrainSubcommand(name, description, std::move(setup));
  }
};

#define NEWSLEDGER_TRAINING(ident, name, description, setup) \
  static ::newsledger::cli::TrainingRegistrar ident##_training_registrar(name, description, setup)

}  // namespace newsledger::cli

#endif  // NEWSLEDGER_CLI_TRAIN_H_

// train.cc: `newsledger train KIND ...`: reproduce a committed model file from the
// shared corpora. The kinds live in their own files and register with
// NEWSLEDGER_TRAINING.
#include "cli/train.h"

#include "cli/subcommands.h"

namespace newsledger::cli {

std::vector<CommandInfo>& Trainings() {
  static std::vector<CommandInfo> kinds;
  return kinds;
}

namespace {

NEWSLEDGER_COMMAND(train, "train", "Train a model from ../shared/data (deterministic)",
                   [](CLI::App& sub) { return AddSubcommands(sub, Trainings()); });

}  // namespace
}  // namespace newsledger::cli

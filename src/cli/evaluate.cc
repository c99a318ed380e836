// evaluate.cc: `newsledger evaluate KIND ...`: score a stage against gold data.
// The kinds live in their own files and register with NEWSLEDGER_EVALUATION.
#include "cli/evaluate.h"

#include "cli/subcommands.h"

namespace newsledger::cli {

std::vector<CommandInfo>& Evaluations() {
  static std::vector<CommandInfo> kinds;
  return kinds;
}

namespace {

NEWSLEDGER_COMMAND(evaluate, "evaluate",
                   "Score a stage against gold data; last line `KIND key=value ...`",
                   [](CLI::App& sub) { return AddSubcommands(sub, Evaluations()); });

}  // namespace
}  // namespace newsledger::cli

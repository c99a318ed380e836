// evaluate.h: how an evaluation plugs into `newsledger evaluate KIND ...`.
//
// Each src/cli/evaluate_<kind>.cc registers one kind (pos, ner, segmentation,
// recognizers, quotes, events...) with NEWSLEDGER_EVALUATION; evaluate.cc owns the
// `evaluate` command and adds every registered kind as its subcommand. An evaluation
// prints its scores and ends with one line `KIND key=value ...`; it returns the
// process exit status (0 done, 1 some input skipped, 2 usage or input error).
//
//   NEWSLEDGER_EVALUATION(pos, "pos", "Tagger accuracy on a CoNLL-U file",
//                         [](CLI::App& sub) -> std::function<int()> { ... });
#ifndef NEWSLEDGER_CLI_EVALUATE_H_
#define NEWSLEDGER_CLI_EVALUATE_H_

#include <vector>

#include "cli/command.h"

namespace newsledger::cli {

// Every registered evaluation kind (filled by static registrars before main()).
std::vector<CommandInfo>& Evaluations();

inline void RegisterEvaluation(const char* name, const char* description, CommandSetup setup) {
  Evaluations().push_back({name, description, std::move(setup)});
}

struct EvaluationRegistrar {
  EvaluationRegistrar(const char* name, const char* description, CommandSetup setup) {
    RegisterEvaluation(name, description, std::move(setup));
  }
};

#define NEWSLEDGER_EVALUATION(ident, name, description, setup) \
  static ::newsledger::cli::EvaluationRegistrar ident##_evaluation_registrar(name, description, setup)

}  // namespace newsledger::cli

#endif  // NEWSLEDGER_CLI_EVALUATE_H_

// subcommands.h: a registry of sub-subcommands for one parent command.
//
// `newsledger evaluate KIND ...` and `newsledger train KIND ...` are each one
// command whose kinds live in separate files, written by different people. Each
// kind registers itself with the parent's registry (see evaluate.h, train.h); the
// parent's file adds every registered kind as a CLI11 subcommand, sorted by name.
#ifndef NEWSLEDGER_CLI_SUBCOMMANDS_H_
#define NEWSLEDGER_CLI_SUBCOMMANDS_H_

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "cli/command.h"

namespace newsledger::cli {

// Adds every entry of `kinds` to `parent` as a subcommand, requires exactly one of
// them, and returns the function that runs the chosen one. Same contract as a
// CommandSetup: the returned function gives the exit status.
inline std::function<int()> AddSubcommands(CLI::App& parent, std::vector<CommandInfo> kinds) {
  std::sort(kinds.begin(), kinds.end(),
            [](const CommandInfo& a, const CommandInfo& b) { return std::strcmp(a.name, b.name) < 0; });
  parent.require_subcommand(1);
  auto chosen = std::make_shared<std::function<int()>>();
  for (const CommandInfo& k : kinds) {
    CLI::App* sub = parent.add_subcommand(k.name, k.description);
    auto fn = std::make_shared<std::function<int()>>(k.setup(*sub));
    sub->callback([fn, chosen] { *chosen = *fn; });
  }
  return [chosen] { return *chosen ? (*chosen)() : 2; };
}

}  // namespace newsledger::cli

#endif  // NEWSLEDGER_CLI_SUBCOMMANDS_H_

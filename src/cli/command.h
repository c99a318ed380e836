// command.h: how a subcommand file plugs into the newsledger binary.
//
// Each src/cli/<name>.cc defines one subcommand and registers it with
// NEWSLEDGER_COMMAND; main() adds every registered command to the CLI11 app. A
// command's run function returns the process exit status: 0 all went through,
// 1 some input was skipped, 2 usage error.
#ifndef NEWSLEDGER_CLI_COMMAND_H_
#define NEWSLEDGER_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace newsledger::cli {

// setup adds the subcommand's options to `sub` and returns the function that runs it.
using CommandSetup = std::function<std::function<int()>(CLI::App& sub)>;

struct CommandInfo {
  const char* name;
  const char* description;
  CommandSetup setup;
};

std::vector<CommandInfo>& Commands();

struct CommandRegistrar {
  CommandRegistrar(const char* name, const char* description, CommandSetup setup) {
    Commands().push_back({name, description, std::move(setup)});
  }
};

#define NEWSLEDGER_COMMAND(ident, name, description, setup) \
  static ::newsledger::cli::CommandRegistrar ident##_registrar(name, description, setup)

}  // namespace newsledger::cli

#endif  // NEWSLEDGER_CLI_COMMAND_H_

// main.cc: the newsledger binary; every subcommand lives in its own file.
#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "newsledger/error.h"

namespace newsledger::cli {
std::vector<CommandInfo>& Commands() {
  static std::vector<CommandInfo> commands;
  return commands;
}
}  // namespace newsledger::cli

int main(int argc, char** argv) {
  using namespace newsledger::cli;
  CLI::App app{"newsledger: a sourced ledger of what news articles report"};
  app.set_version_flag("--version", NEWSLEDGER_VERSION);
  app.require_subcommand(1);
  std::vector<CommandInfo> commands = Commands();
  std::sort(commands.begin(), commands.end(),
            [](const CommandInfo& a, const CommandInfo& b) { return std::strcmp(a.name, b.name) < 0; });
  std::function<int()> run;
  for (const CommandInfo& c : commands) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    auto fn = std::make_shared<std::function<int()>>(c.setup(*sub));
    sub->callback([fn, &run] { run = *fn; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    return run ? run() : 2;
  } catch (const newsledger::Error& e) {
    std::cerr << "newsledger: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "newsledger: " << e.what() << "\n";
    return 2;
  }
}

// extract.cc: `newsledger extract [--format F] PATH...`: annotate and print.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "newsledger/output.h"
#include "newsledger/pipeline.h"
#include "newsledger/reader.h"

namespace newsledger::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> paths;
  std::string format = "jsonl";
};

int RunExtract(const ExtractArgs& args) {
  OutputFormat format = ParseOutputFormat(args.format);
  Pipeline pipeline;
  size_t skipped = 0;
  bool first = true;
  if (format == OutputFormat::kJson) std::fputs("[\n", stdout);
  auto sink = [&](Document&& doc) {
    pipeline.annotate(doc);
    std::string out;
    switch (format) {
      case OutputFormat::kJsonl: out = ToJson(doc) + "\n"; break;
      case OutputFormat::kJson: out = (first ? "" : ",\n") + ToJson(doc, true); break;
      case OutputFormat::kConllu: out = ToConllu(doc); break;
      case OutputFormat::kText: out = ToText(doc) + "\n"; break;
    }
    first = false;
    std::fwrite(out.data(), 1, out.size(), stdout);
  };
  auto issues = [&](const ReadIssue& issue) {
    if (issue.skipped) ++skipped;
    std::cerr << "newsledger: " << issue.where << ": " << issue.reason
              << (issue.skipped ? " (skipped)" : "") << "\n";
  };
  for (const std::string& path : args.paths) ReadPath(path, sink, issues);
  if (format == OutputFormat::kJson) std::fputs("\n]\n", stdout);
  std::fflush(stdout);
  return skipped ? 1 : 0;
}

NEWSLEDGER_COMMAND(extract, "extract", "Annotate articles and print what they report",
                   [](CLI::App& sub) -> std::function<int()> {
                     auto args = std::make_shared<ExtractArgs>();
                     sub.add_option("--format,-f", args->format, "jsonl | json | conllu | text")
                         ->check(CLI::IsMember({"jsonl", "json", "conllu", "text"}));
                     sub.add_option("paths", args->paths, "files, directories, or - for stdin")->required();
                     return [args] { return RunExtract(*args); };
                   });

}  // namespace
}  // namespace newsledger::cli

// query.cc: `newsledger query KIND [TEXT] [filters] [--format F]`: ask the ledger.
//
// KIND: documents, entities, quotes, events, claims, tallies, contradictions, timeline,
// search TEXT. Output: an aligned table when stdout is a terminal, JSON Lines
// otherwise, or what --format says (table, json, jsonl, csv, markdown). The ledger is
// opened read-only, so queries run while an ingest writes.
#include <unistd.h>

#include <cstdio>

#include "cli/command.h"
#include "newsledger/ledger.h"
#include "newsledger/query.h"

namespace newsledger::cli {
namespace {

struct QueryArgs {
  std::string kind;
  std::vector<std::string> words;
  std::string db = "newsledger.db";
  std::string format;
  size_t width = 60;
  QueryOptions options;
};

int RunQueryCommand(QueryArgs& args) {
  if (!args.words.empty()) {
    std::string words;
    for (const std::string& w : args.words) words += (words.empty() ? "" : " ") + w;
    if (!args.options.text.empty()) words = args.options.text + " " + words;
    args.options.text = words;
  }
  bool tty = ::isatty(STDOUT_FILENO) == 1;
  TableFormat format = args.format.empty() ? (tty ? TableFormat::kTable : TableFormat::kJsonl)
                                           : ParseTableFormat(args.format);
  Ledger ledger(args.db, {.read_only = true});
  Table table = RunQuery(ledger, args.kind, args.options);
  std::string out = FormatTable(table, format, format == TableFormat::kTable ? args.width : 0);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto args = std::make_shared<QueryArgs>();
  sub.add_option("kind", args->kind, "documents | entities | quotes | events | claims | tallies | contradictions | "
                                     "timeline | search")
      ->required()
      ->check(CLI::IsMember(QueryKinds()));
  sub.add_option("text", args->words, "words to search for (search), same as --text");
  sub.add_option("--db", args->db, "ledger: a SQLite file, or PostgreSQL as postgresql://user@host/db or postgres:CONNINFO")->capture_default_str();
  sub.add_option("--format,-f", args->format, "table | json | jsonl | csv | markdown (default: table on a terminal, "
                                              "jsonl otherwise)")
      ->check(CLI::IsMember({"table", "json", "jsonl", "csv", "markdown", "md"}));
  sub.add_option("--speaker", args->options.speaker, "quotes and claims by this speaker (name, alias or words)");
  sub.add_option("--entity", args->options.entity, "rows that mention this entity (tallies: this place)");
  sub.add_option("--text", args->options.text, "rows whose text contains these words");
  sub.add_option("--since", args->options.since, "from this ISO date (inclusive)");
  sub.add_option("--until", args->options.until, "up to this ISO date (inclusive)");
  sub.add_option("--outlet", args->options.outlet, "only this outlet");
  sub.add_option("--type", args->options.type, "entity type (PERSON, ORG, LOC, MISC) or event type (PLOVER)");
  sub.add_option("--subject", args->options.subject, "tallies, contradictions, claims: subject contains these words");
  sub.add_option("--limit,-n", args->options.limit, "at most N rows (tallies: N series); 0 = all")
      ->capture_default_str();
  sub.add_option("--width", args->width, "table format: cut cells to this many columns (0 = never)")
      ->capture_default_str();
  return [args] { return RunQueryCommand(*args); };
}

NEWSLEDGER_COMMAND(query, "query", "Ask the ledger: quotes, entities, tallies, contradictions, timeline, search",
                   Setup);

}  // namespace
}  // namespace newsledger::cli

// ingest.cc: `newsledger ingest [--db FILE|URI] [--threads N] PATH...`: extract into the ledger
// (a SQLite file, or a PostgreSQL database: see ledger.h).
//
// Progress goes to stderr: a bar redrawn in place when stderr is a terminal, a plain
// line every few seconds otherwise (logs, CI). Exit status: 0 all went through, 1 some
// input was skipped or failed, 2 usage error or a ledger failure (disk full, locked...).
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "newsledger/ingest.h"
#include "newsledger/ledger.h"
#include "newsledger/pipeline.h"

namespace newsledger::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "newsledger.db";
  unsigned threads = 0;
  bool quiet = false;
  bool segment_only = false;
};

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s / 60) % 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

std::string ProgressText(const IngestProgress& p, bool bar) {
  double rate = p.seconds > 0 ? p.done / p.seconds : 0;
  std::string out;
  if (p.total && *p.total > 0) {
    double frac = std::min(1.0, static_cast<double>(p.done) / static_cast<double>(*p.total));
    if (bar) {
      constexpr int kWidth = 30;
      int filled = static_cast<int>(frac * kWidth);
      out += "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kWidth - filled), '.') + "] ";
    }
    out += fmt::format("{}/{} documents ({:.1f}%), {:.0f} docs/s", p.done, *p.total, 100 * frac, rate);
    if (rate > 0 && p.done < *p.total) out += ", ETA " + Duration((*p.total - p.done) / rate);
  } else {
    out += fmt::format("{} documents, {:.0f} docs/s", p.done, rate);
  }
  out += ", " + Duration(p.seconds);
  return out;
}

int RunIngest(const IngestArgs& args) {
  Ledger ledger(args.db);
  Pipeline pipeline(PipelineOptions{.segment_only = args.segment_only, .last_stage = {}, .reference_file = {}});
  const bool tty = ::isatty(STDERR_FILENO) == 1;
  IngestOptions options;
  options.threads = args.threads;
  options.progress_every = tty ? 0.2 : 5.0;
  bool drew = false;
  if (!args.quiet) {
    options.on_progress = [&](const IngestProgress& p) {
      if (tty) {
        std::fprintf(stderr, "\r\033[K%s", ProgressText(p, true).c_str());
        drew = true;
      } else {
        std::fprintf(stderr, "ingest: %s\n", ProgressText(p, false).c_str());
      }
      std::fflush(stderr);
    };
  }
  options.on_issue = [&](const ReadIssue& issue) {
    if (drew) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "newsledger: %s: %s%s\n", issue.where.c_str(), issue.reason.c_str(),
                 issue.skipped ? " (skipped)" : "");
  };
  IngestStats s;
  try {
    s = Ingest(args.paths, pipeline, ledger, options);
  } catch (...) {
    if (drew) std::fputs("\n", stderr);
    throw;
  }
  if (drew) std::fputs("\n", stderr);
  std::fprintf(stderr,
               "ingest: %zu documents read: %zu stored, %zu revisions, %zu duplicates, %zu failed; %zu inputs "
               "skipped; %.1f s, %.0f docs/s; %s holds %lld documents\n",
               s.read, s.stored, s.revisions, s.duplicates, s.failed, s.skipped, s.seconds,
               s.seconds > 0 ? s.read / s.seconds : 0.0, ledger.path().c_str(),
               static_cast<long long>(ledger.DocumentCount()));
  return s.skipped || s.failed ? 1 : 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto args = std::make_shared<IngestArgs>();
  sub.add_option("--db", args->db, "ledger: a SQLite file (created when missing), or PostgreSQL as postgresql://user@host/db or postgres:CONNINFO")->capture_default_str();
  sub.add_option("--threads,-j", args->threads, "annotation workers (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  sub.add_flag("--quiet,-q", args->quiet, "no progress, only the summary");
  sub.add_flag("--segment-only", args->segment_only, "store paragraphs and sentences only (fast path)");
  sub.add_option("paths", args->paths, "files, directories, or - for stdin")->required();
  return [args] { return RunIngest(*args); };
}

NEWSLEDGER_COMMAND(ingest, "ingest", "Extract articles into the ledger (SQLite or PostgreSQL)", Setup);

}  // namespace
}  // namespace newsledger::cli

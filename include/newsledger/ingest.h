// ingest.h: read, annotate on every core, and store into the ledger.
//
// Threads: the calling thread reads (ReadPath) and drops texts the ledger already
// holds (by content hash) before any work is spent on them; a pool of workers pulls
// documents from a bounded queue and annotates them with the shared, const Pipeline;
// one writer thread owns the Ledger connection and stores each document whole: in
// batches of up to 512 documents or 0.5 s per transaction, each document in a
// savepoint of its own (Ledger::BeginBatch), committed at once when the input pauses.
// Queues are bounded, so memory stays flat whatever the input size.
// Documents are stored in the order workers finish them, not in input order.
//
// A failure of the ledger itself (disk full, locked, read-only) stops the ingest and
// is rethrown as newsledger::Error after the threads have stopped; every document
// stored before it is whole and stays (the open batch is committed when the ledger
// still takes it). A kill -9 loses at most the open batch, whole documents that the
// next ingest stores. An exception from a stage while annotating one
// document counts that document as failed and goes on.
#ifndef NEWSLEDGER_INGEST_H_
#define NEWSLEDGER_INGEST_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "newsledger/error.h"
#include "newsledger/ledger.h"
#include "newsledger/pipeline.h"

namespace newsledger {

struct IngestProgress {
  size_t done = 0;                   // documents read and finished (stored, duplicate or failed)
  std::optional<size_t> total;       // documents expected, when known (CountDocuments)
  double seconds = 0;                // since the start
};

struct IngestStats {
  size_t read = 0;        // documents delivered by the readers
  size_t stored = 0;      // new documents written
  size_t revisions = 0;   // new revisions of a URL already stored
  size_t duplicates = 0;  // texts already in the ledger (or seen earlier in this run)
  size_t failed = 0;      // documents a stage threw on
  size_t skipped = 0;     // inputs the readers skipped (ReadIssue::skipped)
  size_t bytes = 0;       // text bytes of the documents read
  double seconds = 0;
};

struct IngestOptions {
  unsigned threads = 0;       // annotation workers; 0 = one per core
  size_t queue = 0;           // bound of each queue; 0 = 8 per worker
  double progress_every = 0.5;  // seconds between progress callbacks
  std::function<void(const IngestProgress&)> on_progress;  // called from the writer thread
  std::function<void(const ReadIssue&)> on_issue;          // reader issues and failed documents
};

// Reads every path, annotates and stores. Throws Error when the ledger fails.
IngestStats Ingest(const std::vector<std::string>& paths, const Pipeline& pipeline, Ledger& ledger,
                   const IngestOptions& options = {});

// How many documents `paths` hold, when cheap to know: one per plain-text or HTML file,
// one per non-empty line of a JSON Lines file. nullopt for standard input and WARC.
std::optional<size_t> CountDocuments(const std::vector<std::string>& paths);

}  // namespace newsledger

#endif  // NEWSLEDGER_INGEST_H_

// ledger.h: the sourced ledger, a store of every fact of every article.
//
// A Ledger is one connection to one database: a SQLite file (the default; one file
// that opens in Datasette or the sqlite3 shell) or a PostgreSQL database, selected by
// a `postgresql://user@host/db` URI or by `postgres:` and a libpq connection string
// (`postgres:dbname=news host=/var/run/postgresql`). Both hold the same tables and
// columns, documented in docs/schema.md, and the same code writes and queries them
// (src/ledger/backend.h). Each
// Store() writes one annotated Document in one transaction: the document row, its
// paragraphs, sentences, entities and their mentions, quantities, times, quotes,
// events, claims and checks, each with the document id and its byte span, and the
// FTS5 rows over sentences and quotes. A `kill -9` at any point leaves only whole
// documents (documents.complete = 1, and the n_* counts equal the rows present).
//
// Identity (idempotent ingest):
//   - the content hash is the SHA-256 of the UTF-8 text; a text already stored (under
//     any URL) is a duplicate and is not stored again;
//   - a new text under a URL already stored is a new revision of that URL: revision =
//     previous + 1, and the previous rows stay, with documents.current = 0.
//
// Entities are merged across documents into global_entities by canonical name, type
// and country, with the aliases each document used (see docs/schema.md).
//
// Schema: versioned (SQLite: PRAGMA user_version; PostgreSQL: table newsledger_schema);
// opening runs the pending migrations in one transaction. A file written by a newer newsledger (user_version above
// kSchemaVersion) is refused, never modified.
//
// Errors: every failure throws newsledger::Error(path, reason) with a reason a person
// can act on: "database is locked by another writer", "database is read-only", "disk
// is full", "written by a newer newsledger (schema 7, this program reads up to 1)",
// "not a newsledger database". A failed Store() rolls its transaction back, so the
// documents stored before it are untouched.
//
// Threads: a Ledger is one connection; use it from one thread at a time. Readers in
// other processes or threads open their own Ledger (WAL lets them read while a writer
// writes). Cost: Store() is O(annotations) prepared-statement executions with bound
// parameters, and one commit (SQLite: WAL, synchronous=NORMAL, no fsync per document;
// PostgreSQL: one round trip per statement).
#ifndef NEWSLEDGER_LEDGER_H_
#define NEWSLEDGER_LEDGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger {

namespace ledger_internal {
class Connection;
struct Dialect;
}  // namespace ledger_internal

struct LedgerOptions {
  // Open for reading only (queries): no migration, no write; a file that does not
  // exist is an error instead of being created.
  bool read_only = false;
  // How long a write waits for another connection's lock before failing with
  // "database is locked".
  int busy_timeout_ms = 5000;
};

enum class StoreStatus {
  kStored,     // a new document
  kRevision,   // a changed text under a URL already stored: a new revision
  kDuplicate,  // this text was stored before; nothing written
};

const char* ToString(StoreStatus s);

struct StoreResult {
  StoreStatus status = StoreStatus::kStored;
  int64_t document = 0;  // documents.id of the stored document (or of the existing one)
  int revision = 1;
};

// The content hash of a document: lowercase hex SHA-256 of its text.
std::string ContentHash(std::string_view text);

// Throws Error(doc.origin, reason) when an annotation's span is reversed or runs past
// the end of the text. Store() refuses such a document (ingest counts it as failed)
// rather than store bytes that are not there.
void CheckSpans(const Document& doc);

class Ledger {
 public:
  // The schema version this program writes and reads (PRAGMA user_version).
  static constexpr int kSchemaVersion = 1;

  // Opens (creating unless read_only) the ledger at `path` (a file name or a
  // PostgreSQL location) and migrates it to kSchemaVersion. Throws Error for a file
  // it cannot open, a server it cannot reach, a newer schema, a read-only or locked
  // file when writing.
  explicit Ledger(std::string path, const LedgerOptions& options = {});
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  // Stores one annotated document in one transaction (see the file comment).
  StoreResult Store(const Document& doc);

  // Batches (bulk ingest): the Store() calls between BeginBatch() and CommitBatch()
  // share one transaction, each document in a savepoint of its own, so each is still
  // written whole or not at all, while the commit (on SQLite: the WAL writes of every
  // touched page, the FTS5 segment flush) is paid once per batch. A document whose
  // Store() throws is rolled back alone; the batch goes on. A crash loses the
  // uncommitted batch (whole documents, which ingesting again stores). Readers see a
  // batch when it commits. RollbackBatch() (also on destruction) drops it.
  void BeginBatch();
  void CommitBatch();
  void RollbackBatch() noexcept;
  bool in_batch() const { return batch_; }

  // True when a document with this content hash is stored.
  bool Contains(std::string_view content_hash);

  // Every stored content hash (ingest skips those texts before annotating them).
  std::vector<std::string> ContentHashes();

  // Rebuilds a stored document from its rows (tokens are not stored; sentences keep
  // their token ranges). Throws Error when there is no such document.
  Document Load(int64_t document);

  // Number of stored documents (all revisions).
  int64_t DocumentCount();

  // The user_version of the open file.
  int SchemaVersion();

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }

  // True for a PostgreSQL ledger.
  bool postgres() const;

  // The underlying connection and its SQL dialect, for the query layer and for tests.
  ledger_internal::Connection& connection() { return *conn_; }
  const ledger_internal::Dialect& dialect() const { return *dialect_; }

 private:
  struct Statements;
  int64_t GlobalEntity(const Document& doc, const Entity& first, const std::vector<std::string>& aliases);

  std::string path_;
  LedgerOptions options_;
  std::unique_ptr<ledger_internal::Connection> conn_;
  std::unique_ptr<ledger_internal::Dialect> dialect_;
  std::unique_ptr<Statements> stmts_;
  bool batch_ = false;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_LEDGER_H_

// backend.h: the storage backends under the ledger (internal).
//
// The ledger's code (Store, Load, the queries of query.h) speaks to a Connection and
// its Cursors only; two backends implement them:
//   - SQLite (sqlite_backend.cc): one file, the default; WAL, FTS5 for text search;
//   - PostgreSQL (postgres_backend.cc, libpq): selected by a `postgresql://...` or
//     `postgres://...` URI or by `postgres:` followed by a libpq connection string
//     ("postgres:dbname=news host=/var/run/postgresql").
// Both hold the same tables and columns (schema.h). SQL is written once, in the
// dialect both accept (`?` placeholders, RETURNING, ON CONFLICT, lower() instead of
// COLLATE NOCASE, "end" quoted); the PostgreSQL cursor turns `?` and `?N` into `$N`
// `group_concat(` into `string_agg(` and LIKE into ILIKE (SQLite's LIKE ignores ASCII
// case). What cannot be shared (text search,
// case-insensitive LIKE, number formatting) comes from Dialect.
//
// Errors: a backend throws newsledger::Error(location, reason) with a reason a person
// can act on (locked, read-only, disk full, newer schema, not a ledger).
#ifndef NEWSLEDGER_LEDGER_BACKEND_H_
#define NEWSLEDGER_LEDGER_BACKEND_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace newsledger {
struct LedgerOptions;
}

namespace newsledger::ledger_internal {

enum class ColumnKind { kNull, kInt, kDouble, kText };

// One prepared statement. Parameters are numbered from 1, columns from 0.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void BindNull(int i) = 0;
  virtual void BindInt(int i, int64_t v) = 0;
  virtual void BindDouble(int i, double v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  // Runs the statement on the first call after a Reset(); true while a row is ready.
  virtual bool Step() = 0;
  // Forgets the current result and every binding.
  virtual void Reset() = 0;
  virtual ColumnKind Kind(int c) const = 0;
  virtual int64_t Int(int c) const = 0;
  virtual double Double(int c) const = 0;
  virtual std::string Text(int c) const = 0;
  virtual int Columns() const = 0;
  virtual std::string ColumnName(int c) const = 0;
};

enum class BackendKind { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual BackendKind kind() const = 0;
  virtual std::unique_ptr<Cursor> Prepare(std::string_view sql) = 0;
  // Runs SQL without results (may hold several statements); `what` names it in errors.
  virtual void Exec(std::string_view sql, std::string_view what) = 0;
  // Transactions: Begin takes the write lock at once (SQLite BEGIN IMMEDIATE).
  virtual void Begin() = 0;
  virtual void Commit() = 0;
  // Never throws: called while unwinding.
  virtual void Rollback() noexcept = 0;
  // The schema version stored in the database (0 for a new one); Migrate() brings it
  // to the number of migrations or throws (newer schema, not a ledger, read-only).
  virtual int SchemaVersion() = 0;
  virtual void Migrate() = 0;
};

// Opens `location` (a SQLite file name, ":memory:", or a PostgreSQL URI as above).
std::unique_ptr<Connection> OpenConnection(const std::string& location, const LedgerOptions& options);

// True when `location` names a PostgreSQL database; *conninfo gets what libpq reads.
bool IsPostgresLocation(std::string_view location, std::string* conninfo = nullptr);

std::unique_ptr<Connection> OpenSqlite(const std::string& path, const LedgerOptions& options);
std::unique_ptr<Connection> OpenPostgres(const std::string& location, const std::string& conninfo,
                                         const LedgerOptions& options);

// `location` with any password in it replaced by ***, for messages.
std::string RedactLocation(const std::string& location);

// A migration's SQLite DDL (schema.h) in PostgreSQL's types (postgres_backend.cc).
std::string PostgresSchema(std::string_view sqlite_ddl);

// The fragments of SQL the two dialects write differently.
struct Dialect {
  BackendKind kind = BackendKind::kSqlite;

  // A condition: the sentence row `alias` (of table sentences) holds every word of
  // the FTS query bound to the next parameter.
  std::string SentenceMatch(std::string_view alias) const;
  // A condition on quote row `alias`: its `field` ("text" or "speaker") matches.
  std::string QuoteMatch(std::string_view alias, std::string_view field) const;
  // The parameter value for a match condition above, from FtsQuery()'s output.
  std::string MatchParam(const std::string& fts, std::string_view field = {}) const;
  // `column` starts with four digits (a TIMEX3 value with a year).
  std::string StartsWithYear(std::string_view column) const;
  // `expr` (a real) as text with two decimals.
  std::string TwoDecimals(std::string_view expr) const;
};

}  // namespace newsledger::ledger_internal

#endif  // NEWSLEDGER_LEDGER_BACKEND_H_

// sqlite_backend.cc: the SQLite backend of backend.h (one file, WAL, FTS5).
#include <sqlite3.h>
#include <sys/stat.h>

#include "ledger/backend.h"
#include "ledger/schema.h"
#include "newsledger/error.h"
#include "newsledger/ledger.h"

namespace newsledger::ledger_internal {
namespace {

class SqliteConnection;

// Throws Error(path, reason) for the SQLite result code `rc` (not OK/ROW/DONE).
[[noreturn]] void Fail(sqlite3* db, const std::string& path, int busy_ms, int rc, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string reason;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      reason = "database is locked by another writer (waited " + std::to_string(busy_ms) +
               " ms); try again when it has finished";
      break;
    case SQLITE_READONLY:
      reason = "database is read-only (the file or its directory is not writable, or it was opened for "
               "reading): " + detail;
      break;
    case SQLITE_FULL:
      reason = "disk is full (or the database reached its size limit); the document being written was "
               "rolled back and the ones stored before it are intact";
      break;
    case SQLITE_NOTADB:
      reason = "not a SQLite database";
      break;
    case SQLITE_CORRUPT:
      reason = "database file is corrupt: " + detail;
      break;
    case SQLITE_CANTOPEN:
      reason = "cannot open the database (missing directory or no permission): " + detail;
      break;
    case SQLITE_IOERR:
      reason = "I/O error: " + detail;
      break;
    default:
      reason = detail;
  }
  throw Error(path, reason + " [" + std::string(what) + "]");
}

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(SqliteConnection& conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  ~SqliteCursor() override { sqlite3_finalize(stmt_); }

  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) override { sqlite3_bind_double(stmt_, i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  bool Step() override;
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  ColumnKind Kind(int c) const override {
    switch (sqlite3_column_type(stmt_, c)) {
      case SQLITE_NULL: return ColumnKind::kNull;
      case SQLITE_INTEGER: return ColumnKind::kInt;
      case SQLITE_FLOAT: return ColumnKind::kDouble;
      default: return ColumnKind::kText;
    }
  }
  int64_t Int(int c) const override { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const override { return sqlite3_column_double(stmt_, c); }
  std::string Text(int c) const override {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)));
  }
  int Columns() const override { return sqlite3_column_count(stmt_); }
  std::string ColumnName(int c) const override { return sqlite3_column_name(stmt_, c); }

 private:
  SqliteConnection& conn_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(std::string path, const LedgerOptions& options) : path_(std::move(path)), options_(options) {
    struct stat st {};
    bool exists = path_ != ":memory:" && ::stat(path_.c_str(), &st) == 0;
    if (options_.read_only && !exists && path_ != ":memory:") throw Error(path_, "no such ledger file");
    // SQLite opens a write-protected file read-only without a word, and root ignores the
    // mode bits: say so at once rather than at the first write.
    if (!options_.read_only && exists && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
      throw Error(path_, "database is read-only (the file is write-protected); cannot ingest into it");
    int flags = options_.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      Fail(rc, "open: " + detail);
    }
    try {
      sqlite3_extended_result_codes(db_, 1);
      sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
      if (!options_.read_only && sqlite3_db_readonly(db_, "main") == 1)
        throw Error(path_, "database is read-only (the file or its directory is not writable); cannot ingest into it");
      Configure();
    } catch (...) {
      sqlite3_close(db_);
      db_ = nullptr;
      throw;
    }
  }
  ~SqliteConnection() override {
    if (db_) sqlite3_close_v2(db_);
  }

  BackendKind kind() const override { return BackendKind::kSqlite; }

  std::unique_ptr<Cursor> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                nullptr);
    if (rc != SQLITE_OK) Fail(rc, "prepare");
    return std::make_unique<SqliteCursor>(*this, stmt);
  }

  void Exec(std::string_view sql, std::string_view what) override {
    std::string text(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK) Fail(rc, what);
  }

  void Begin() override {
    if (!begin_) {
      begin_ = Prepare("BEGIN IMMEDIATE");
      commit_ = Prepare("COMMIT");
    }
    Run(*begin_);
  }
  void Commit() override { Run(*commit_); }
  void Rollback() noexcept override {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  int SchemaVersion() override {
    auto s = Prepare("PRAGMA user_version");
    return s->Step() ? static_cast<int>(s->Int(0)) : 0;
  }

  void Migrate() override {
    int version = SchemaVersion();
    const int target = static_cast<int>(kMigrations.size());
    if (version > target)
      throw Error(path_, "written by a newer newsledger (schema " + std::to_string(version) +
                             ", this program reads up to " + std::to_string(target) +
                             "); upgrade newsledger to open it. The file was not modified.");
    if (version == target) return;
    if (version == 0) {
      auto tables = Prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
      if (tables->Step() && tables->Int(0) > 0)
        throw Error(path_, "not a newsledger ledger (it holds other tables and no ledger schema version)");
    }
    if (options_.read_only)
      throw Error(path_, version == 0 ? "empty file, not a newsledger ledger yet (ingest into it first)"
                                      : "schema " + std::to_string(version) + " needs migrating to " +
                                            std::to_string(target) + "; open it for writing (ingest) once");
    Exec("BEGIN IMMEDIATE", "migrate");
    try {
      for (int v = version; v < target; ++v) {
        Exec(kMigrations[static_cast<size_t>(v)], "migrate");
        // user_version takes no bound parameter; the value is our own integer.
        Exec("PRAGMA user_version = " + std::to_string(v + 1), "migrate");
      }
      Exec("COMMIT", "migrate");
    } catch (...) {
      Rollback();
      throw;
    }
  }

  [[noreturn]] void Fail(int rc, std::string_view what) const {
    ledger_internal::Fail(db_, path_, options_.busy_timeout_ms, rc, what);
  }

 private:
  void Run(Cursor& c) {
    c.Reset();
    while (c.Step()) {}
    c.Reset();
  }

  void Configure() {
    // Reading the schema first turns "not a database" into a clear error here.
    Exec("SELECT count(*) FROM sqlite_master", "read schema");
    if (options_.read_only) return;
    // WAL: readers query while ingest writes, and a crash never leaves half a
    // transaction. synchronous=NORMAL in WAL mode: a commit is durable against a
    // process kill (kill -9) without an fsync per document; only a power loss may lose
    // the last commits, never consistency.
    Exec("PRAGMA journal_mode=WAL", "enable WAL");
    Exec("PRAGMA synchronous=NORMAL", "configure");
    Exec("PRAGMA cache_size=-65536", "configure");
    Exec("PRAGMA temp_store=MEMORY", "configure");
    // Each per-document commit rewrites the tail pages of every table into the WAL; a
    // checkpoint every 1000 pages (the default) would copy them back and fsync about
    // every 30 documents. Every 64 MB coalesces those rewrites and fsyncs rarely.
    Exec("PRAGMA wal_autocheckpoint=16384", "configure");
  }

  std::string path_;
  LedgerOptions options_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Cursor> begin_, commit_;
};

bool SqliteCursor::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  conn_.Fail(rc, "step");
}

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path, const LedgerOptions& options) {
  return std::make_unique<SqliteConnection>(path, options);
}

}  // namespace newsledger::ledger_internal

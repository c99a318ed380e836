// postgres_backend.cc: the PostgreSQL backend of backend.h, on libpq.
//
// Statements are prepared once (PQprepare) and run with text-format parameters; the
// SQL the ledger writes in its shared dialect is rewritten here: `?` and `?N`
// placeholders become `$N`, group_concat( becomes string_agg(, LIKE becomes ILIKE. The schema is the
// SQLite one (schema.h) with PostgreSQL types (PostgresSchema), and the schema version
// lives in the table newsledger_schema instead of SQLite's user_version.
#include <libpq-fe.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

#include "ledger/backend.h"
#include "ledger/schema.h"
#include "newsledger/error.h"
#include "newsledger/ledger.h"

namespace newsledger::ledger_internal {
namespace {

// Rewrites `?`/`?N` into `$N` (SQLite numbering: a bare ? is one more than the largest
// number so far) and group_concat( into string_agg(, outside quoted text.
std::string Translate(std::string_view sql, int* params) {
  std::string out;
  out.reserve(sql.size() + 16);
  int max = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c == '?') {
      size_t j = i + 1;
      int n = 0;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      if (j == i + 1) n = max + 1;
      if (n > max) max = n;
      out += '$';
      out += std::to_string(n);
      i = j - 1;
      continue;
    }
    // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE is that.
    static constexpr std::string_view kLike = " LIKE ";
    if (sql.substr(i, kLike.size()) == kLike) {
      out += " ILIKE ";
      i += kLike.size() - 1;
      continue;
    }
    static constexpr std::string_view kConcat = "group_concat(";
    if (sql.substr(i, kConcat.size()) == kConcat) {
      out += "string_agg(";
      i += kConcat.size() - 1;
      continue;
    }
    out += c;
  }
  *params = max;
  return out;
}

class PostgresConnection;

class PostgresCursor final : public Cursor {
 public:
  PostgresCursor(PostgresConnection& conn, std::string name, int params)
      : conn_(conn), name_(std::move(name)), values_(static_cast<size_t>(params)),
        set_(static_cast<size_t>(params), false) {}
  ~PostgresCursor() override;

  void BindNull(int i) override { Set(i, std::nullopt); }
  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v)); }
  void BindDouble(int i, double v) override {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    Set(i, std::string(buf));
  }
  void BindText(int i, std::string_view v) override { Set(i, std::string(v)); }
  bool Step() override;
  void Reset() override {
    if (result_) PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    for (size_t i = 0; i < values_.size(); ++i) {
      values_[i].reset();
      set_[i] = false;
    }
  }
  ColumnKind Kind(int c) const override {
    if (!result_ || PQgetisnull(result_, row_, c)) return ColumnKind::kNull;
    switch (PQftype(result_, c)) {
      case 16: case 20: case 21: case 23: return ColumnKind::kInt;        // bool, int8, int2, int4
      case 700: case 701: case 1700: return ColumnKind::kDouble;          // float4, float8, numeric
      default: return ColumnKind::kText;
    }
  }
  int64_t Int(int c) const override {
    if (!result_ || PQgetisnull(result_, row_, c)) return 0;
    const char* v = PQgetvalue(result_, row_, c);
    if (PQftype(result_, c) == 16) return v[0] == 't' ? 1 : 0;
    if (PQftype(result_, c) == 700 || PQftype(result_, c) == 701 || PQftype(result_, c) == 1700)
      return static_cast<int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
  }
  double Double(int c) const override {
    if (!result_ || PQgetisnull(result_, row_, c)) return 0;
    return std::strtod(PQgetvalue(result_, row_, c), nullptr);
  }
  std::string Text(int c) const override {
    if (!result_ || PQgetisnull(result_, row_, c)) return {};
    return std::string(PQgetvalue(result_, row_, c), static_cast<size_t>(PQgetlength(result_, row_, c)));
  }
  int Columns() const override { return columns_; }
  std::string ColumnName(int c) const override { return c < static_cast<int>(names_.size()) ? names_[c] : ""; }

  void SetColumns(std::vector<std::string> names) {
    names_ = std::move(names);
    columns_ = static_cast<int>(names_.size());
  }

 private:
  void Set(int i, std::optional<std::string> v) {
    if (i < 1 || i > static_cast<int>(values_.size())) return;
    values_[static_cast<size_t>(i - 1)] = std::move(v);
    set_[static_cast<size_t>(i - 1)] = true;
  }

  PostgresConnection& conn_;
  std::string name_;
  std::vector<std::optional<std::string>> values_;
  std::vector<bool> set_;
  std::vector<std::string> names_;
  int columns_ = 0;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& location, const std::string& conninfo, const LedgerOptions& options)
      : where_(RedactLocation(location)), options_(options) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string detail = conn_ ? PQerrorMessage(conn_) : "out of memory";
      while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
      if (conn_) PQfinish(conn_);
      conn_ = nullptr;
      throw Error(where_, "cannot connect to the PostgreSQL server: " + detail);
    }
    // Notices ("relation already exists, skipping") are not for the user.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    Exec("SET client_min_messages = warning", "configure");
    // A writer waits this long for another transaction's row lock, then fails as
    // "locked" (SQLite's busy timeout).
    Exec("SET lock_timeout = " + std::to_string(std::max(1, options_.busy_timeout_ms)), "configure");
    if (options_.read_only) Exec("SET default_transaction_read_only = on", "configure");
  }
  ~PostgresConnection() override {
    if (conn_) PQfinish(conn_);
  }

  BackendKind kind() const override { return BackendKind::kPostgres; }

  std::unique_ptr<Cursor> Prepare(std::string_view sql) override {
    int params = 0;
    std::string text = Translate(sql, &params);
    std::string name = "nl" + std::to_string(++statements_);
    PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
    Check(r, "prepare");
    PQclear(r);
    auto cursor = std::make_unique<PostgresCursor>(*this, name, params);
    // Column names are known before the first run (queries of an empty ledger still
    // have their header).
    r = PQdescribePrepared(conn_, name.c_str());
    Check(r, "prepare");
    std::vector<std::string> names;
    for (int c = 0; c < PQnfields(r); ++c) names.emplace_back(PQfname(r, c));
    PQclear(r);
    cursor->SetColumns(std::move(names));
    return cursor;
  }

  void Exec(std::string_view sql, std::string_view what) override {
    std::string text(sql);
    PGresult* r = PQexec(conn_, text.c_str());
    Check(r, what);
    PQclear(r);
  }

  void Begin() override { Exec("BEGIN", "begin"); }
  void Commit() override { Exec("COMMIT", "commit"); }
  void Rollback() noexcept override {
    if (conn_ && PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }

  int SchemaVersion() override {
    if (!Scalar("SELECT to_regclass('newsledger_schema') IS NOT NULL")) return 0;
    return static_cast<int>(Scalar("SELECT coalesce(max(version), 0) FROM newsledger_schema"));
  }

  void Migrate() override {
    int version = SchemaVersion();
    const int target = static_cast<int>(kMigrations.size());
    if (version > target)
      throw Error(where_, "written by a newer newsledger (schema " + std::to_string(version) +
                              ", this program reads up to " + std::to_string(target) +
                              "); upgrade newsledger to open it. The database was not modified.");
    if (version == target) return;
    if (version == 0 &&
        Scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") > 0)
      throw Error(where_, "not a newsledger ledger (the schema holds other tables and no ledger schema version)");
    if (options_.read_only)
      throw Error(where_, version == 0 ? "empty database, not a newsledger ledger yet (ingest into it first)"
                                       : "schema " + std::to_string(version) + " needs migrating to " +
                                             std::to_string(target) + "; open it for writing (ingest) once");
    Begin();
    try {
      // One migrator at a time: a second ingest starting at once waits here, then
      // finds the schema in place.
      Exec("SELECT pg_advisory_xact_lock(7474657)", "migrate");
      Exec("CREATE TABLE IF NOT EXISTS newsledger_schema (version INTEGER NOT NULL)", "migrate");
      int now = static_cast<int>(Scalar("SELECT coalesce(max(version), 0) FROM newsledger_schema"));
      for (int v = now; v < target; ++v) {
        Exec(PostgresSchema(kMigrations[static_cast<size_t>(v)]), "migrate");
        Exec("DELETE FROM newsledger_schema", "migrate");
        Exec("INSERT INTO newsledger_schema (version) VALUES (" + std::to_string(v + 1) + ")", "migrate");
      }
      Commit();
    } catch (...) {
      Rollback();
      throw;
    }
  }

  // Throws for a failed result (clearing it).
  void Check(PGresult* r, std::string_view what) {
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    std::string state = r && PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "";
    std::string detail = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    if (r) PQclear(r);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    std::string reason;
    if (state == "53100")
      reason = "disk is full; the document being written was rolled back and the ones stored before it are intact";
    else if (state == "25006")
      reason = "database is read-only (opened for reading, or a read-only server): " + detail;
    else if (state == "55P03" || state == "40P01" || state == "40001")
      reason = "database is locked by another writer (waited " + std::to_string(options_.busy_timeout_ms) +
               " ms); try again when it has finished";
    else if (state == "42501")
      reason = "permission denied: " + detail;
    else if (state.starts_with("08") || PQstatus(conn_) != CONNECTION_OK)
      reason = "lost the connection to the PostgreSQL server: " + detail;
    else
      reason = detail;
    throw Error(where_, reason + " [" + std::string(what) + "]");
  }

  PGconn* conn() { return conn_; }

 private:
  int64_t Scalar(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    Check(r, "read schema");
    int64_t v = 0;
    if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) {
      const char* s = PQgetvalue(r, 0, 0);
      v = s[0] == 't' ? 1 : s[0] == 'f' ? 0 : std::strtoll(s, nullptr, 10);
    }
    PQclear(r);
    return v;
  }

  std::string where_;
  LedgerOptions options_;
  PGconn* conn_ = nullptr;
  int statements_ = 0;
};

PostgresCursor::~PostgresCursor() {
  if (result_) PQclear(result_);
  if (conn_.conn() && PQstatus(conn_.conn()) == CONNECTION_OK &&
      PQtransactionStatus(conn_.conn()) != PQTRANS_INERROR) {
    std::string sql = "DEALLOCATE " + name_;
    PQclear(PQexec(conn_.conn(), sql.c_str()));
  }
}

bool PostgresCursor::Step() {
  if (!result_) {
    std::vector<const char*> values(values_.size(), nullptr);
    for (size_t i = 0; i < values_.size(); ++i)
      if (values_[i]) values[i] = values_[i]->c_str();
    PGresult* r = PQexecPrepared(conn_.conn(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                                 nullptr, nullptr, 0);
    conn_.Check(r, "step");
    result_ = r;
    row_ = -1;
  }
  return ++row_ < PQntuples(result_);
}

}  // namespace

// The SQLite DDL of a migration with PostgreSQL's types: integer keys become identity
// columns, INTEGER is BIGINT, REAL is DOUBLE PRECISION, the reserved word `end` is
// quoted, WITHOUT ROWID goes, and FTS5 tables become GIN indexes over to_tsvector.
std::string PostgresSchema(std::string_view sqlite_ddl) {
  std::string out;
  size_t pos = 0;
  auto replace_all = [](std::string& s, std::string_view from, std::string_view to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  };
  while (pos < sqlite_ddl.size()) {
    size_t semi = sqlite_ddl.find(';', pos);
    if (semi == std::string_view::npos) semi = sqlite_ddl.size();
    std::string st(sqlite_ddl.substr(pos, semi - pos));
    pos = semi + 1;
    if (st.find_first_not_of(" \n\t") == std::string::npos) continue;
    if (st.find("CREATE VIRTUAL TABLE") != std::string::npos) {
      // FTS5 over a content table: a GIN index per indexed column of that table.
      size_t name_start = st.find("TABLE") + 6;
      std::string name = st.substr(name_start, st.find(' ', name_start) - name_start);
      size_t content = st.find("content='");
      std::string table = st.substr(content + 9, st.find('\'', content + 9) - content - 9);
      size_t args = st.find('(') + 1;
      std::vector<std::string> cols;
      size_t c = 0;
      std::string list = st.substr(args, content - args);
      while (c < list.size()) {
        size_t comma = list.find(',', c);
        if (comma == std::string::npos) comma = list.size();
        std::string col = list.substr(c, comma - c);
        col.erase(0, col.find_first_not_of(" \n\t"));
        col.erase(col.find_last_not_of(" \n\t") + 1);
        if (!col.empty()) cols.push_back(col);
        c = comma + 1;
      }
      for (const std::string& col : cols)
        out += "CREATE INDEX " + name + "_" + col + " ON " + table + " USING gin (to_tsvector('simple', coalesce(" +
               col + ", '')));\n";
      continue;
    }
    replace_all(st, "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    replace_all(st, " INTEGER", " BIGINT");
    replace_all(st, " REAL", " DOUBLE PRECISION");
    replace_all(st, ") WITHOUT ROWID", ")");
    replace_all(st, "\n  end ", "\n  \"end\" ");
    out += st + ";\n";
  }
  return out;
}

// Hides a password in a URI (user:secret@host) or a key=value connection string.
std::string RedactLocation(const std::string& location) {
  std::string out = location;
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t at = out.find('@', scheme + 3);
    size_t colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  size_t pw = out.find("password=");
  if (pw != std::string::npos) {
    size_t end = out.find_first_of(" &", pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

bool IsPostgresLocation(std::string_view location, std::string* conninfo) {
  if (location.starts_with("postgresql://") || location.starts_with("postgres://")) {
    if (conninfo) *conninfo = std::string(location);
    return true;
  }
  if (location.starts_with("postgres:")) {
    if (conninfo) *conninfo = std::string(location.substr(9));
    return true;
  }
  return false;
}

std::unique_ptr<Connection> OpenPostgres(const std::string& location, const std::string& conninfo,
                                         const LedgerOptions& options) {
  return std::make_unique<PostgresConnection>(location, conninfo, options);
}

}  // namespace newsledger::ledger_internal

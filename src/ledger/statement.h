// statement.h: a prepared SQLite statement with bound parameters (internal).
//
// Every value reaches SQL through sqlite3_bind_*; no SQL text is ever built from
// data. Errors go through Ledger::Fail, which names the file and the cause.
#ifndef NEWSLEDGER_LEDGER_STATEMENT_H_
#define NEWSLEDGER_LEDGER_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "newsledger/ledger.h"

namespace newsledger::ledger_internal {

struct Null {};

class Statement {
 public:
  Statement(Ledger& ledger, std::string_view sql) : ledger_(ledger) {
    int rc = sqlite3_prepare_v3(ledger.handle(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) ledger_.Fail(rc, "prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Bind(int i, Null) { sqlite3_bind_null(stmt_, i); }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, long long v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, uint32_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, size_t v) { sqlite3_bind_int64(stmt_, i, static_cast<int64_t>(v)); }
  void Bind(int i, bool v) { sqlite3_bind_int(stmt_, i, v ? 1 : 0); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, const std::string& v) { Bind(i, std::string_view(v)); }
  void Bind(int i, const char* v) { Bind(i, std::string_view(v)); }
  // Text that reads as NULL in SQL when empty, so "no value" is NULL in other tools.
  void BindOpt(int i, std::string_view v) {
    if (v.empty()) Bind(i, Null{}); else Bind(i, v);
  }
  void Bind(int i, const std::optional<double>& v) {
    if (v) Bind(i, *v); else Bind(i, Null{});
  }

  // Binds the arguments to parameters 1..n.
  template <typename... Args>
  Statement& BindAll(const Args&... args) {
    int i = 0;
    (Bind(++i, args), ...);
    return *this;
  }

  // Steps once: true when a row is ready, false when done. Throws on error.
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    ledger_.Fail(rc, "step");
  }

  // Binds, runs to completion, resets.
  template <typename... Args>
  void Run(const Args&... args) {
    Reset();
    BindAll(args...);
    while (Step()) {}
    Reset();
  }

  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const { return sqlite3_column_double(stmt_, c); }
  std::optional<double> OptDouble(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Double(c);
  }
  std::string Text(int c) const {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)));
  }
  int Columns() const { return sqlite3_column_count(stmt_); }
  int ColumnType(int c) const { return sqlite3_column_type(stmt_, c); }
  const char* ColumnName(int c) const { return sqlite3_column_name(stmt_, c); }

  sqlite3_stmt* get() { return stmt_; }

 private:
  Ledger& ledger_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace newsledger::ledger_internal

#endif  // NEWSLEDGER_LEDGER_STATEMENT_H_

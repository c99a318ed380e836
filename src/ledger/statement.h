// statement.h: a prepared statement with bound parameters, on either backend (internal).
//
// Every value reaches SQL through a bound parameter; no SQL text is ever built from
// data. Errors are thrown by the backend (backend.h) as newsledger::Error naming the
// database and the cause.
#ifndef NEWSLEDGER_LEDGER_STATEMENT_H_
#define NEWSLEDGER_LEDGER_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/backend.h"
#include "newsledger/ledger.h"

namespace newsledger::ledger_internal {

struct Null {};

class Statement {
 public:
  Statement(Ledger& ledger, std::string_view sql) : cursor_(ledger.connection().Prepare(sql)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Bind(int i, Null) { cursor_->BindNull(i); }
  void Bind(int i, int64_t v) { cursor_->BindInt(i, v); }
  void Bind(int i, int v) { cursor_->BindInt(i, v); }
  void Bind(int i, long long v) { cursor_->BindInt(i, static_cast<int64_t>(v)); }
  void Bind(int i, uint32_t v) { cursor_->BindInt(i, v); }
  void Bind(int i, size_t v) { cursor_->BindInt(i, static_cast<int64_t>(v)); }
  void Bind(int i, bool v) { cursor_->BindInt(i, v ? 1 : 0); }
  void Bind(int i, double v) { cursor_->BindDouble(i, v); }
  void Bind(int i, std::string_view v) { cursor_->BindText(i, v); }
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
  bool Step() { return cursor_->Step(); }

  // Binds, runs to completion, resets.
  template <typename... Args>
  void Run(const Args&... args) {
    Reset();
    BindAll(args...);
    while (Step()) {}
    Reset();
  }

  // Binds, runs, and returns the first column of the first row (an INSERT ...
  // RETURNING id); resets.
  template <typename... Args>
  int64_t RunReturning(const Args&... args) {
    Reset();
    BindAll(args...);
    return Returning();
  }
  // Runs what is bound and returns the first column of the first row; resets.
  int64_t Returning() {
    int64_t v = Step() ? Int(0) : 0;
    while (Step()) {}
    Reset();
    return v;
  }

  void Reset() { cursor_->Reset(); }

  bool IsNull(int c) const { return cursor_->Kind(c) == ColumnKind::kNull; }
  int64_t Int(int c) const { return cursor_->Int(c); }
  double Double(int c) const { return cursor_->Double(c); }
  std::optional<double> OptDouble(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Double(c);
  }
  std::string Text(int c) const { return cursor_->Text(c); }
  int Columns() const { return cursor_->Columns(); }
  ColumnKind Kind(int c) const { return cursor_->Kind(c); }
  std::string ColumnName(int c) const { return cursor_->ColumnName(c); }

 private:
  std::unique_ptr<Cursor> cursor_;
};

}  // namespace newsledger::ledger_internal

#endif  // NEWSLEDGER_LEDGER_STATEMENT_H_

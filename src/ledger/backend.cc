// backend.cc: choosing a backend, and the SQL the two dialects write differently.
#include "ledger/backend.h"

#include <cctype>

#include "newsledger/ledger.h"

namespace newsledger::ledger_internal {

std::unique_ptr<Connection> OpenConnection(const std::string& location, const LedgerOptions& options) {
  std::string conninfo;
  if (IsPostgresLocation(location, &conninfo)) return OpenPostgres(location, conninfo, options);
  return OpenSqlite(location, options);
}

std::string Dialect::SentenceMatch(std::string_view alias) const {
  if (kind == BackendKind::kPostgres)
    return "to_tsvector('simple', coalesce(" + std::string(alias) + ".text, '')) @@ to_tsquery('simple', ?)";
  return std::string(alias) + ".id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)";
}

std::string Dialect::QuoteMatch(std::string_view alias, std::string_view field) const {
  if (kind == BackendKind::kPostgres)
    return "to_tsvector('simple', coalesce(" + std::string(alias) + "." + std::string(field) +
           ", '')) @@ to_tsquery('simple', ?)";
  return std::string(alias) + ".id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)";
}

std::string Dialect::MatchParam(const std::string& fts, std::string_view field) const {
  if (kind == BackendKind::kSqlite) return field.empty() ? fts : std::string(field) + " : (" + fts + ")";
  // FtsQuery's output: "quoted parts" separated by spaces, each a word or a phrase.
  // In tsquery: the words of a part joined by <-> (followed by), the parts by &, each
  // word single-quoted so nothing in it is read as an operator.
  std::string out;
  size_t i = 0;
  while (i < fts.size()) {
    if (fts[i] != '"') { ++i; continue; }
    std::string part;
    size_t j = i + 1;
    for (; j < fts.size(); ++j) {
      if (fts[j] == '"') {
        if (j + 1 < fts.size() && fts[j + 1] == '"') { part += '"'; ++j; continue; }
        break;
      }
      part += fts[j];
    }
    i = j + 1;
    std::string phrase, word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!phrase.empty()) phrase += " <-> ";
      phrase += "'" + word + "'";
      word.clear();
    };
    for (char c : part) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80 || std::isalnum(u)) word += static_cast<char>(u < 0x80 ? std::tolower(u) : c);
      else flush();
    }
    flush();
    if (phrase.empty()) continue;
    if (!out.empty()) out += " & ";
    out += "(" + phrase + ")";
  }
  return out;
}

std::string Dialect::StartsWithYear(std::string_view column) const {
  if (kind == BackendKind::kPostgres) return std::string(column) + " ~ '^[0-9]{4}'";
  return std::string(column) + " GLOB '[0-9][0-9][0-9][0-9]*'";
}

std::string Dialect::TwoDecimals(std::string_view expr) const {
  if (kind == BackendKind::kPostgres) return "to_char(" + std::string(expr) + ", 'FM999999999990.00')";
  return "printf('%.2f', " + std::string(expr) + ")";
}

}  // namespace newsledger::ledger_internal

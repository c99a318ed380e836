// query.h: questions asked of the ledger, answered as tables.
//
// Each query reads current documents only (documents.current = 1; superseded
// revisions are kept but not shown) and returns a Table: named columns, rows of
// cells. Every row that shows a fact carries its document id and byte span (start,
// end), so any answer can be traced back to the exact bytes it came from. Filters
// reach SQL as bound parameters only; text filters go through FTS5 with every word
// quoted, so no input is read as SQL or FTS syntax.
//
// Tallies and contradictions line quantities up by the key of subject.h (subject,
// place, period):
//   - a tally is one subject (and unit) at one place counted in documents published
//     on at least two different dates, as a series ordered by publication date; a
//     gap of more than 14 days between reports starts a new series;
//   - a contradiction is two documents, same subject, unit, place and period, whose
//     ranges cannot both be true: [low, high] intervals that do not meet ("37 dead"
//     vs "12 dead"; "at least 14" vs "12"; "about 40" means 36..44).
// A figure whose place is unknown (no place in its sentence, claim or event) takes
// part in neither: "12 people killed" somewhere says nothing against "37" elsewhere.
// `search` returns sentences holding every word, the most recently ingested first.
// Cost: queries with a filter use an index or an FTS5 match; tallies and
// contradictions read every quantity that has a subject (O(quantities) time).
#ifndef NEWSLEDGER_QUERY_H_
#define NEWSLEDGER_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "newsledger/ledger.h"

namespace newsledger {

using Cell = std::variant<std::monostate, int64_t, double, std::string>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

enum class TableFormat { kTable, kJson, kJsonl, kCsv, kMarkdown };

// Parses "table", "json", "jsonl", "csv", "markdown"; throws Error otherwise.
TableFormat ParseTableFormat(const std::string& name);

// Renders a table. kTable aligns columns and cuts cells longer than `max_width`
// display columns (0 = never); the other formats print cells whole.
std::string FormatTable(const Table& table, TableFormat format, size_t max_width = 0);

struct QueryOptions {
  std::string speaker;  // quotes: speaker name, alias or words of a descriptive speaker
  std::string entity;   // an entity (name or alias) the rows must mention
  std::string text;     // words the quote / sentence / title must contain
  std::string since;    // ISO date, inclusive (publication date; timeline: the fact's date)
  std::string until;    // ISO date, inclusive
  std::string outlet;   // outlet name, case-insensitive
  std::string type;     // entities: PERSON/ORG/LOC/MISC; events: PLOVER type
  std::string subject;  // tallies/contradictions: words the subject must contain
  size_t limit = 100;   // rows (tallies: series); 0 = no limit
};

// The kinds RunQuery answers.
const std::vector<std::string>& QueryKinds();

// Runs query `kind` ("documents", "entities", "quotes", "events", "claims", "tallies",
// "contradictions", "timeline", "search"); `search` needs options.text. Throws Error
// for an unknown kind.
Table RunQuery(Ledger& ledger, const std::string& kind, const QueryOptions& options);

// One report of a figure, with its provenance.
struct FigureReport {
  int64_t document = 0;
  std::string published, outlet, url;
  uint32_t start = 0, end = 0;
  std::string text;  // the quantity as written
  std::string sentence;
  std::string period, place;
  std::optional<double> value, low, high;
  std::string qualifier;
};

struct Tally {
  std::string subject, unit, place;
  std::vector<FigureReport> reports;  // ordered by publication date
};

struct Contradiction {
  std::string subject, unit, place, period;
  FigureReport a, b;
};

std::vector<Tally> FindTallies(Ledger& ledger, const QueryOptions& options);
std::vector<Contradiction> FindContradictions(Ledger& ledger, const QueryOptions& options);

// The interval a report allows: [low, high], open where the bound is exclusive
// ("more than 80"); nullopt bounds are unbounded.
struct Interval {
  std::optional<double> low, high;
  bool low_open = false, high_open = false;
};
Interval ReportInterval(const FigureReport& r);
bool Disjoint(const Interval& a, const Interval& b);

// An FTS5 query matching every word of `text` (words quoted; "a phrase" in double
// quotes stays a phrase); empty when `text` has no word.
std::string FtsQuery(const std::string& text);

}  // namespace newsledger

#endif  // NEWSLEDGER_QUERY_H_

// reference_table.h: official statistics that numeric claims are checked against.
//
// Format (CSV, RFC 4180 quoting, '#' comment lines, header row required):
//   subject,geography,period,low,high,source,url,retrieved
//   drug overdose deaths,US,2024,80391,80391,"CDC NCHS, ...",https://...,2025-06-01
// subject: canonical name (data/claim_subjects.tsv says which words name it);
// geography: ISO 3166-1 alpha-2; period: TIMEX3 year; low/high: the figure or its
// range. The shipped table is data/reference_statistics.csv; users pass their own
// with `--reference FILE` (PipelineOptions::reference_file).
//
// Check(): compares a claimed value range with a row and says whether the claim is
// consistent with it, exceeds it or falls below it, allowing for the claim's own
// rounding (5% for a plain figure, 10% for "about"/vague ones), with the ratio of
// the claim (its nearer bound when it exceeds or falls below, else its midpoint) to
// the reference. Immutable after loading; thread-safe.
#ifndef NEWSLEDGER_CODE_REFERENCE_TABLE_H_
#define NEWSLEDGER_CODE_REFERENCE_TABLE_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger {

struct ReferenceStatistic {
  ReferenceRow row;
  std::string retrieved;
};

class ReferenceTable {
 public:
  ReferenceTable() = default;
  // Throws Error("file:line", reason) on a malformed row.
  static ReferenceTable Load(const std::filesystem::path& csv);
  // `file` when given, else data/reference_statistics.csv.
  static ReferenceTable LoadDefault(const std::string& file = "");

  // Rows for `subject` in `place`; with `period` (a year) the row of that year,
  // without it the latest year not after `as_of_year` (0 = any year).
  std::vector<const ReferenceStatistic*> Find(std::string_view subject, std::string_view place,
                                              std::string_view period, int as_of_year) const;

  const std::vector<ReferenceStatistic>& rows() const { return rows_; }

 private:
  std::vector<ReferenceStatistic> rows_;
};

// Compares a claimed quantity with a reference row (see the header comment).
ClaimCheck CheckClaim(const Quantity& claimed, const ReferenceRow& reference);

}  // namespace newsledger

#endif  // NEWSLEDGER_CODE_REFERENCE_TABLE_H_

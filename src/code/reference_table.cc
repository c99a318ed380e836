#include "code/reference_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"

namespace newsledger {

namespace {

// Splits one CSV record; quotes may hold commas and doubled quotes.
bool SplitCsv(const std::string& line, std::vector<std::string>* out) {
  out->clear();
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { cur += '"'; ++i; }
      else if (c == '"') quoted = false;
      else cur += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out->push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out->push_back(std::move(cur));
  return !quoted;
}

std::optional<double> ParseNumber(const std::string& s, const std::string& where) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) throw Error(where, "not a number: " + s);
  return v;
}

int YearOf(std::string_view period) {
  if (period.size() < 4) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (period[i] < '0' || period[i] > '9') return 0;
    y = y * 10 + (period[i] - '0');
  }
  return y;
}

}  // namespace

ReferenceTable ReferenceTable::Load(const std::filesystem::path& csv) {
  std::ifstream in(csv, std::ios::binary);
  if (!in) throw Error(csv.string(), "cannot open reference table");
  ReferenceTable t;
  std::string line;
  size_t lineno = 0;
  bool header = false;
  std::vector<std::string> f;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::string where = csv.string() + ":" + std::to_string(lineno);
    if (!SplitCsv(line, &f)) throw Error(where, "unclosed quote");
    if (!header) {
      if (f.size() < 8 || f[0] != "subject" || f[1] != "geography" || f[2] != "period")
        throw Error(where, "expected header subject,geography,period,low,high,source,url,retrieved");
      header = true;
      continue;
    }
    if (f.size() < 8) throw Error(where, "expected 8 fields, got " + std::to_string(f.size()));
    ReferenceStatistic s;
    s.row.subject = f[0];
    s.row.place = f[1];
    s.row.period = f[2];
    s.row.low = ParseNumber(f[3], where);
    s.row.high = ParseNumber(f[4], where);
    if (!s.row.low && !s.row.high) throw Error(where, "row has neither low nor high");
    if (!s.row.low) s.row.low = s.row.high;
    if (!s.row.high) s.row.high = s.row.low;
    if (*s.row.low > *s.row.high) throw Error(where, "low > high");
    s.row.source = f[5];
    s.row.url = f[6];
    s.retrieved = f[7];
    t.rows_.push_back(std::move(s));
  }
  if (!header) throw Error(csv.string(), "empty reference table (no header)");
  return t;
}

ReferenceTable ReferenceTable::LoadDefault(const std::string& file) {
  return Load(file.empty() ? ResourcePath("data/reference_statistics.csv") : std::filesystem::path(file));
}

std::vector<const ReferenceStatistic*> ReferenceTable::Find(std::string_view subject, std::string_view place,
                                                            std::string_view period, int as_of_year) const {
  std::vector<const ReferenceStatistic*> out;
  int want = YearOf(period);
  const ReferenceStatistic* latest = nullptr;
  for (const ReferenceStatistic& s : rows_) {
    if (s.row.subject != subject || s.row.place != place) continue;
    int y = YearOf(s.row.period);
    if (want) {
      if (y == want) out.push_back(&s);
    } else if ((!as_of_year || y <= as_of_year) && (!latest || y > YearOf(latest->row.period))) {
      latest = &s;
    }
  }
  if (!want && latest) out.push_back(latest);
  return out;
}

ClaimCheck CheckClaim(const Quantity& q, const ReferenceRow& r) {
  ClaimCheck c;
  c.reference = r;
  c.status = "not_comparable";
  if (q.type == QuantityType::kOrdinal || q.type == QuantityType::kPercent || q.type == QuantityType::kMoney || !r.low || !r.high)
    return c;
  std::optional<double> lo = q.low, hi = q.high;
  double tol = 0.05;
  switch (q.qualifier) {
    case Qualifier::kExact:
      if (q.value) lo = hi = q.value;
      break;
    case Qualifier::kApprox:
      if (q.value) lo = hi = q.value;
      tol = 0.10;
      break;
    case Qualifier::kAtLeast: case Qualifier::kMoreThan:
      if (!lo) lo = q.value;
      hi.reset();
      break;
    case Qualifier::kAtMost: case Qualifier::kLessThan:
      if (!hi) hi = q.value;
      lo.reset();
      break;
    case Qualifier::kRange:
      break;
    case Qualifier::kVague:
      tol = 0.10;
      break;
  }
  if (!lo && !hi) return c;
  double rlo = *r.low, rhi = *r.high;
  double rmid = (rlo + rhi) / 2;
  if (rmid <= 0) return c;
  if (lo && *lo > rhi * (1 + tol)) {
    c.status = "exceeds";
    c.ratio = *lo / rhi;
  } else if (hi && *hi < rlo * (1 - tol)) {
    c.status = "below";
    c.ratio = *hi / rlo;
  } else {
    c.status = "consistent";
    double mid = lo && hi ? (*lo + *hi) / 2 : (lo ? *lo : *hi);
    c.ratio = mid / rmid;
  }
  c.ratio = std::round(*c.ratio * 1000) / 1000;
  return c;
}

}  // namespace newsledger

// query.cc: the ledger's queries (query.h). SQL text here is fixed; filters add fixed
// fragments with `?` placeholders, and every value is bound.
#include "newsledger/query.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "ledger/backend.h"
#include "ledger/statement.h"
#include "ledger/subject.h"
#include "newsledger/error.h"

namespace newsledger {

using ledger_internal::Statement;

namespace {

using Param = std::variant<int64_t, std::string>;

// A SELECT assembled from fixed fragments; values go to `params`, in order.
struct Query {
  std::string sql;
  std::vector<Param> params;

  Query& Add(std::string_view fragment) {
    sql += fragment;
    return *this;
  }
  Query& Add(std::string_view fragment, Param p) {
    sql += fragment;
    params.push_back(std::move(p));
    return *this;
  }
  Query& Add(std::string_view fragment, Param p1, Param p2) {
    Add(fragment, std::move(p1));
    params.push_back(std::move(p2));
    return *this;
  }
};

void BindParams(Statement& st, const std::vector<Param>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    if (std::holds_alternative<int64_t>(params[i])) st.Bind(idx, std::get<int64_t>(params[i]));
    else st.Bind(idx, std::get<std::string>(params[i]));
  }
}

Table Run(Ledger& ledger, const Query& q) {
  Statement st(ledger, q.sql);
  BindParams(st, q.params);
  Table t;
  for (int c = 0; c < st.Columns(); ++c) t.columns.push_back(st.ColumnName(c));
  while (st.Step()) {
    std::vector<Cell> row;
    for (int c = 0; c < st.Columns(); ++c) {
      switch (st.Kind(c)) {
        case ledger_internal::ColumnKind::kInt: row.emplace_back(st.Int(c)); break;
        case ledger_internal::ColumnKind::kDouble: row.emplace_back(st.Double(c)); break;
        case ledger_internal::ColumnKind::kNull: row.emplace_back(std::monostate{}); break;
        default: row.emplace_back(st.Text(c)); break;
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// A LIKE pattern matching `s` anywhere, with LIKE's wildcards escaped by '\'.
std::string Contains(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// Fixed fragments shared by several queries.
constexpr std::string_view kAliasIds = "SELECT global_id FROM entity_aliases WHERE alias_key = ?";

void DateFilters(Query& q, const QueryOptions& o, std::string_view column) {
  if (!o.since.empty()) q.Add(" AND " + std::string(column) + " >= ?", o.since);
  // "until 2031-04-12" includes that whole day, also for values with a time part.
  if (!o.until.empty())
    q.Add(" AND substr(" + std::string(column) + ", 1, ?) <= ?", static_cast<int64_t>(o.until.size()), o.until);
}

void Limit(Query& q, const QueryOptions& o) {
  if (o.limit) q.Add(" LIMIT ?", static_cast<int64_t>(o.limit));
}

Table Documents(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT d.id AS document, d.published, d.outlet, d.title, d.url, d.revision, d.n_sentences AS sentences, "
        "d.n_entities AS entities, d.n_quantities AS quantities, d.n_quotes AS quotes, d.n_events AS events, "
        "d.n_claims AS claims FROM documents d WHERE d.current = 1");
  if (!o.text.empty())
    q.Add(" AND d.id IN (SELECT document_id FROM sentences s WHERE " + l.dialect().SentenceMatch("s") + ")",
          l.dialect().MatchParam(FtsQuery(o.text)));
  if (!o.entity.empty())
    q.Add(" AND d.id IN (SELECT document_id FROM entities WHERE global_id IN (" + std::string(kAliasIds) + "))",
          FoldName(o.entity));
  if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
  DateFilters(q, o, "d.published");
  q.Add(" ORDER BY d.published DESC, d.id DESC");
  Limit(q, o);
  return Run(l, q);
}

Table Entities(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT g.id AS entity, g.name, g.type, g.country, g.documents, g.mentions, "
        "(SELECT group_concat(a.alias, '; ') FROM entity_aliases a WHERE a.global_id = g.id AND a.alias <> g.name) "
        "AS aliases FROM global_entities g WHERE 1 = 1");
  if (!o.type.empty()) q.Add(" AND lower(g.type) = lower(?)", o.type);
  std::string name = !o.entity.empty() ? o.entity : o.text;
  if (!name.empty())
    q.Add(" AND (g.id IN (" + std::string(kAliasIds) + ") OR g.name_key LIKE ? ESCAPE '\\')", FoldName(name),
          Contains(FoldName(name)));
  if (!o.since.empty() || !o.until.empty() || !o.outlet.empty()) {
    q.Add(" AND g.id IN (SELECT e.global_id FROM entities e JOIN documents d ON d.id = e.document_id WHERE d.current = 1");
    if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
    DateFilters(q, o, "d.published");
    q.Add(")");
  }
  q.Add(" ORDER BY g.documents DESC, g.mentions DESC, g.name");
  Limit(q, o);
  return Run(l, q);
}

Table Quotes(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT d.published, coalesce(q.outlet, d.outlet) AS outlet, q.speaker, q.text AS quote, "
        "CASE q.direct WHEN 1 THEN 'direct' ELSE 'indirect' END AS kind, q.cue, q.reported_by, "
        "q.document_id AS document, q.start, q.end FROM quotes q JOIN documents d ON d.id = q.document_id "
        "WHERE d.current = 1");
  if (!o.speaker.empty()) {
    std::string fts = FtsQuery(o.speaker);
    q.Add(" AND (q.speaker_global_id IN (" + std::string(kAliasIds) + ")", FoldName(o.speaker));
    if (!fts.empty()) q.Add(" OR " + l.dialect().QuoteMatch("q", "speaker"), l.dialect().MatchParam(fts, "speaker"));
    q.Add(")");
  }
  if (!o.entity.empty()) {
    std::string key = FoldName(o.entity);
    std::string fts = FtsQuery(o.entity);
    q.Add(" AND q.document_id IN (SELECT document_id FROM entities WHERE global_id IN (" + std::string(kAliasIds) +
              "))",
          key);
    q.Add(" AND (EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id "
          "WHERE m.document_id = q.document_id AND m.start >= q.start AND m.end <= q.end "
          "AND e.global_id IN (" + std::string(kAliasIds) + "))",
          key);
    if (!fts.empty()) q.Add(" OR " + l.dialect().QuoteMatch("q", "text"), l.dialect().MatchParam(fts, "text"));
    q.Add(")");
  }
  if (!o.text.empty())
    q.Add(" AND " + l.dialect().QuoteMatch("q", "text"), l.dialect().MatchParam(FtsQuery(o.text), "text"));
  if (!o.outlet.empty()) q.Add(" AND lower(coalesce(q.outlet, d.outlet)) = lower(?)", o.outlet);
  DateFilters(q, o, "d.published");
  q.Add(" ORDER BY d.published DESC, q.document_id DESC, q.idx");
  Limit(q, o);
  return Run(l, q);
}

Table Events(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT d.published, d.outlet, e.type, e.status, e.actor_text AS actor, e.target_text AS target, "
        "e.location_text AS location, e.time, e.text AS trigger, s.text AS sentence, e.document_id AS document, "
        "e.start, e.end FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN sentences s ON s.document_id = e.document_id AND s.idx = e.sentence WHERE d.current = 1");
  if (!o.type.empty()) q.Add(" AND lower(e.type) = lower(?)", o.type);
  if (!o.entity.empty()) {
    std::string key = FoldName(o.entity);
    q.Add(" AND (EXISTS (SELECT 1 FROM entities en WHERE en.document_id = e.document_id "
          "AND en.local_id IN (e.actor_id, e.target_id, e.location_id) AND en.global_id IN (" +
              std::string(kAliasIds) + "))",
          key);
    std::string like = Contains(o.entity);
    q.Add(" OR e.actor_text LIKE ? ESCAPE '\\'", like);
    q.Add(" OR e.target_text LIKE ? ESCAPE '\\'", like);
    q.Add(" OR e.location_text LIKE ? ESCAPE '\\')", like);
  }
  if (!o.text.empty()) q.Add(" AND " + l.dialect().SentenceMatch("s"), l.dialect().MatchParam(FtsQuery(o.text)));
  if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
  DateFilters(q, o, "d.published");
  q.Add(" ORDER BY d.published DESC, e.document_id DESC, e.idx");
  Limit(q, o);
  return Run(l, q);
}

Table Claims(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT d.published, d.outlet, c.speaker, c.subject, c.place, c.period, qn.text AS figure, "
        "(SELECT group_concat(k.status || coalesce(' x' || " + l.dialect().TwoDecimals("k.ratio") + ", '') || "
        "coalesce(' vs ' || k.ref_source, ''), '; ') FROM checks k WHERE k.document_id = c.document_id "
        "AND k.claim = c.idx) AS checks, c.text AS claim, c.document_id AS document, c.start, c.end "
        "FROM claims c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN quantities qn ON qn.document_id = c.document_id AND qn.idx = c.quantity WHERE d.current = 1");
  if (!o.speaker.empty()) q.Add(" AND c.speaker LIKE ? ESCAPE '\\'", Contains(o.speaker));
  if (!o.subject.empty()) q.Add(" AND c.subject LIKE ? ESCAPE '\\'", Contains(o.subject));
  if (!o.text.empty()) q.Add(" AND c.text LIKE ? ESCAPE '\\'", Contains(o.text));
  if (!o.entity.empty())
    q.Add(" AND (c.place LIKE ? ESCAPE '\\' OR c.speaker LIKE ? ESCAPE '\\')", Contains(o.entity), Contains(o.entity));
  if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
  DateFilters(q, o, "d.published");
  q.Add(" ORDER BY d.published DESC, c.document_id DESC, c.idx");
  Limit(q, o);
  return Run(l, q);
}

Table Timeline(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT t.value AS date, t.text AS said, d.published, coalesce(s.source, d.outlet) AS outlet, "
        "(SELECT group_concat(ev.type, ', ') FROM events ev WHERE ev.document_id = t.document_id "
        "AND ev.sentence = t.sentence) AS events, "
        "(SELECT group_concat(qq.text, ', ') FROM quantities qq WHERE qq.document_id = t.document_id "
        "AND qq.sentence = t.sentence AND qq.type <> 'ordinal') AS figures, "
        "(SELECT group_concat(coalesce(qu.speaker, '?'), ', ') FROM quotes qu WHERE qu.document_id = t.document_id "
        "AND qu.sentence = t.sentence) AS quoted, s.text AS sentence, t.document_id AS document, t.start, t.end "
        "FROM times t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN sentences s ON s.document_id = t.document_id AND s.idx = t.sentence "
        "WHERE d.current = 1 AND t.type = 'DATE' AND " + l.dialect().StartsWithYear("t.value"));
  if (!o.entity.empty())
    q.Add(" AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = "
          "t.document_id AND m.sentence = t.sentence AND e.global_id IN (" + std::string(kAliasIds) + "))",
          FoldName(o.entity));
  if (!o.text.empty()) q.Add(" AND " + l.dialect().SentenceMatch("s"), l.dialect().MatchParam(FtsQuery(o.text)));
  if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
  DateFilters(q, o, "t.value");
  q.Add(" ORDER BY t.value, d.published, t.document_id, t.start");
  Limit(q, o);
  return Run(l, q);
}

Table Search(Ledger& l, const QueryOptions& o) {
  std::string fts = FtsQuery(o.text);
  if (fts.empty()) throw Error("query search", "give the words to search for");
  Query q;
  const bool sqlite = !l.postgres();
  q.Add("SELECT d.published, coalesce(s.source, d.outlet) AS outlet, s.text AS sentence, d.title, "
        "s.document_id AS document, s.start, s.end FROM ");
  if (sqlite)
    q.Add("sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id "
          "WHERE sentences_fts MATCH ? AND d.current = 1",
          fts);
  else
    q.Add("sentences s JOIN documents d ON d.id = s.document_id WHERE " + l.dialect().SentenceMatch("s") +
              " AND d.current = 1",
          l.dialect().MatchParam(fts));
  if (!o.outlet.empty()) q.Add(" AND lower(d.outlet) = lower(?)", o.outlet);
  if (!o.entity.empty())
    q.Add(" AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = "
          "s.document_id AND m.sentence = s.idx AND e.global_id IN (" + std::string(kAliasIds) + "))",
          FoldName(o.entity));
  DateFilters(q, o, "d.published");
  // Newest ingested first: FTS5 walks its index in rowid order and stops at the limit,
  // where ranking by bm25 would score every match (seconds for a common word).
  q.Add(sqlite ? " ORDER BY f.rowid DESC" : " ORDER BY s.id DESC");
  Limit(q, o);
  return Run(l, q);
}

// Reads every quantity with a subject, grouped by (subject, unit).
std::map<std::pair<std::string, std::string>, std::vector<FigureReport>> Reports(Ledger& l, const QueryOptions& o) {
  Query q;
  q.Add("SELECT q.subject, coalesce(q.unit, ''), q.place, q.period, d.published, coalesce(p.source, d.outlet), "
        "d.url, q.document_id, q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.sentence "
        "FROM quantities q JOIN documents d ON d.id = q.document_id "
        "LEFT JOIN sentences p ON p.document_id = q.document_id AND p.idx = q.sentence "
        "WHERE q.subject <> '' AND d.current = 1");
  if (!o.subject.empty()) q.Add(" AND q.subject LIKE ? ESCAPE '\\'", Contains(NormalizeSubject(o.subject)));
  if (!o.entity.empty()) q.Add(" AND q.place LIKE ? ESCAPE '\\'", Contains(FoldName(o.entity)));
  if (!o.outlet.empty()) q.Add(" AND lower(coalesce(p.source, d.outlet)) = lower(?)", o.outlet);
  DateFilters(q, o, "d.published");
  q.Add(" ORDER BY q.subject, 2, d.published, q.document_id, q.start");
  Statement st(l, q.sql);
  BindParams(st, q.params);
  std::map<std::pair<std::string, std::string>, std::vector<FigureReport>> groups;
  while (st.Step()) {
    FigureReport r;
    r.place = st.Text(2);
    r.period = st.Text(3);
    r.published = st.Text(4);
    r.outlet = st.Text(5);
    r.url = st.Text(6);
    r.document = st.Int(7);
    r.start = static_cast<uint32_t>(st.Int(8));
    r.end = static_cast<uint32_t>(st.Int(9));
    r.text = st.Text(10);
    r.value = st.OptDouble(11);
    r.low = st.OptDouble(12);
    r.high = st.OptDouble(13);
    r.qualifier = st.Text(14);
    // The sentence index rides in `sentence` until the text is fetched for output.
    r.sentence = st.IsNull(15) ? std::string() : std::to_string(st.Int(15));
    groups[{st.Text(0), st.Text(1)}].push_back(std::move(r));
  }
  return groups;
}

// Replaces the sentence index a report carries with the sentence's text.
void FetchSentence(Statement& st, FigureReport& r) {
  if (r.sentence.empty()) return;
  st.Reset();
  st.BindAll(r.document, static_cast<int64_t>(std::stoll(r.sentence)));
  r.sentence = st.Step() ? st.Text(0) : std::string();
  st.Reset();
}

// Groups of reports whose places match (union-find over the distinct place keys).
std::vector<std::vector<size_t>> PlaceComponents(const std::vector<FigureReport>& reports) {
  std::vector<std::string> keys;
  for (const FigureReport& r : reports)
    if (std::find(keys.begin(), keys.end(), r.place) == keys.end()) keys.push_back(r.place);
  std::vector<size_t> parent(keys.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); };
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = i + 1; j < keys.size(); ++j)
      if (PlacesMatch(keys[i], keys[j])) parent[find(i)] = find(j);
  std::map<size_t, std::vector<size_t>> comps;
  for (size_t i = 0; i < reports.size(); ++i) {
    size_t k = static_cast<size_t>(std::find(keys.begin(), keys.end(), reports[i].place) - keys.begin());
    comps[find(k)].push_back(i);
  }
  std::vector<std::vector<size_t>> out;
  for (auto& [root, members] : comps) out.push_back(std::move(members));
  return out;
}

// The union of the place names of some reports ("alto serrano|paraguay").
std::string PlaceUnion(const std::vector<const FigureReport*>& reports) {
  std::set<std::string> names;
  for (const FigureReport* r : reports) {
    size_t pos = 0;
    while (pos < r->place.size()) {
      size_t bar = r->place.find('|', pos);
      if (bar == std::string::npos) bar = r->place.size();
      names.insert(r->place.substr(pos, bar - pos));
      pos = bar + 1;
    }
  }
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

// Days from ISO date a to ISO date b (both "YYYY-MM-DD..."); 0 when either is not a date.
constexpr int64_t kTallyGap = 14;
int64_t DaysBetween(const std::string& a, const std::string& b) {
  auto days = [](const std::string& d) -> std::optional<int64_t> {
    int y, m, day;
    if (d.size() < 10 || std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3) return std::nullopt;
    // Days from civil (H. Hinnant's algorithm).
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
  };
  auto x = days(a), y = days(b);
  return x && y ? std::llabs(*y - *x) : 0;
}

Cell Opt(const std::optional<double>& v) { return v ? Cell(*v) : Cell(std::monostate{}); }

Table TalliesTable(std::vector<Tally> tallies) {
  Table t;
  t.columns = {"tally", "subject", "place", "published", "outlet", "figure", "low", "high",
               "period", "document", "start", "end", "sentence"};
  for (size_t i = 0; i < tallies.size(); ++i) {
    for (const FigureReport& r : tallies[i].reports) {
      std::string subject = tallies[i].subject + (tallies[i].unit.empty() ? "" : " (" + tallies[i].unit + ")");
      t.rows.push_back({static_cast<int64_t>(i + 1), subject, tallies[i].place, r.published, r.outlet, r.text,
                        Opt(r.low), Opt(r.high), r.period, r.document, static_cast<int64_t>(r.start),
                        static_cast<int64_t>(r.end), r.sentence});
    }
  }
  return t;
}

Table ContradictionsTable(const std::vector<Contradiction>& list) {
  Table t;
  t.columns = {"subject", "place", "period", "outlet_a", "figure_a", "document_a", "start_a", "end_a",
               "outlet_b", "figure_b", "document_b", "start_b", "end_b", "sentence_a", "sentence_b"};
  for (const Contradiction& c : list) {
    std::string subject = c.subject + (c.unit.empty() ? "" : " (" + c.unit + ")");
    t.rows.push_back({subject, c.place, c.period, c.a.outlet, c.a.text, c.a.document, static_cast<int64_t>(c.a.start),
                      static_cast<int64_t>(c.a.end), c.b.outlet, c.b.text, c.b.document,
                      static_cast<int64_t>(c.b.start), static_cast<int64_t>(c.b.end), c.a.sentence, c.b.sentence});
  }
  return t;
}

}  // namespace

std::string FtsQuery(const std::string& text) {
  std::vector<std::string> parts;
  std::string cur;
  bool in_phrase = false;
  auto flush = [&] {
    // Keep only parts with a letter or digit: FTS5 has no token for punctuation alone.
    bool word = std::any_of(cur.begin(), cur.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
    });
    if (word) {
      std::string quoted = "\"";
      for (char c : cur) {
        if (c == '"') quoted += '"';
        quoted += c;
      }
      parts.push_back(quoted + "\"");
    }
    cur.clear();
  };
  for (char c : text) {
    if (c == '"') {
      flush();
      in_phrase = !in_phrase;
    } else if (!in_phrase && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

Interval ReportInterval(const FigureReport& r) {
  Interval iv;
  iv.low = r.low;
  iv.high = r.high;
  const std::string& q = r.qualifier;
  if (!iv.low && !iv.high && r.value) {
    double v = *r.value;
    if (q == "at_least" || q == "more_than") iv.low = v;
    else if (q == "at_most" || q == "less_than") iv.high = v;
    else iv.low = iv.high = v;
  }
  if (q == "approx" && r.value) {
    // "about 40" allows 36..44.
    double v = *r.value, d = std::fabs(v) * 0.1;
    iv.low = std::min(iv.low.value_or(v), v - d);
    iv.high = std::max(iv.high.value_or(v), v + d);
  }
  iv.low_open = q == "more_than";
  iv.high_open = q == "less_than";
  return iv;
}

bool Disjoint(const Interval& a, const Interval& b) {
  auto below = [](const Interval& x, const Interval& y) {  // x lies wholly below y
    if (!x.high || !y.low) return false;
    if (*x.high < *y.low) return true;
    return *x.high == *y.low && (x.high_open || y.low_open);
  };
  if (!a.low && !a.high) return false;
  if (!b.low && !b.high) return false;
  return below(a, b) || below(b, a);
}

std::vector<Tally> FindTallies(Ledger& ledger, const QueryOptions& options) {
  std::vector<Tally> tallies;
  for (auto& [key, reports] : Reports(ledger, options)) {
    for (const std::vector<size_t>& comp : PlaceComponents(reports)) {
      if (reports[comp.front()].place.empty()) continue;  // a count of nowhere lines up with nothing
      // Reports come in publication order; a silence longer than kTallyGap days ends a
      // series (the same count at the same place months later is another story).
      std::vector<std::vector<size_t>> series(1);
      for (size_t k = 0; k < comp.size(); ++k) {
        if (k > 0 && DaysBetween(reports[comp[k - 1]].published, reports[comp[k]].published) > kTallyGap)
          series.emplace_back();
        series.back().push_back(comp[k]);
      }
      for (const std::vector<size_t>& run : series) {
        std::set<std::string> dates;
        for (size_t i : run) dates.insert(reports[i].published.substr(0, 10));
        if (dates.size() < 2) continue;
        Tally t;
        t.subject = key.first;
        t.unit = key.second;
        std::vector<const FigureReport*> members;
        for (size_t i : run) {
          t.reports.push_back(reports[i]);
          members.push_back(&reports[i]);
        }
        t.place = PlaceUnion(members);
        tallies.push_back(std::move(t));
      }
    }
  }
  std::stable_sort(tallies.begin(), tallies.end(),
                   [](const Tally& a, const Tally& b) { return a.reports.size() > b.reports.size(); });
  if (options.limit && tallies.size() > options.limit) tallies.resize(options.limit);
  Statement sentence(ledger, "SELECT text FROM sentences WHERE document_id = ? AND idx = ?");
  for (Tally& t : tallies)
    for (FigureReport& r : t.reports) FetchSentence(sentence, r);
  return tallies;
}

std::vector<Contradiction> FindContradictions(Ledger& ledger, const QueryOptions& options) {
  // A group this large is a generic subject; checking all its pairs says nothing more.
  constexpr size_t kMaxGroup = 2000;
  std::vector<Contradiction> out;
  for (auto& [key, reports] : Reports(ledger, options)) {
    std::map<std::string, std::vector<size_t>> by_period;
    for (size_t i = 0; i < reports.size(); ++i) by_period[reports[i].period].push_back(i);
    for (auto& [period, idx] : by_period) {
      if (idx.size() < 2) continue;
      if (idx.size() > kMaxGroup) idx.resize(kMaxGroup);
      std::set<std::pair<int64_t, int64_t>> pairs;
      for (size_t x = 0; x < idx.size(); ++x) {
        const FigureReport& a = reports[idx[x]];
        Interval ia = ReportInterval(a);
        for (size_t y = x + 1; y < idx.size(); ++y) {
          const FigureReport& b = reports[idx[y]];
          if (a.document == b.document) continue;
          if (a.place.empty() || !PlacesMatch(a.place, b.place)) continue;
          if (!Disjoint(ia, ReportInterval(b))) continue;
          if (!pairs.insert({std::min(a.document, b.document), std::max(a.document, b.document)}).second) continue;
          out.push_back({key.first, key.second, PlaceUnion({&a, &b}), period, a, b});
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Contradiction& a, const Contradiction& b) { return a.period > b.period; });
  if (options.limit && out.size() > options.limit) out.resize(options.limit);
  Statement sentence(ledger, "SELECT text FROM sentences WHERE document_id = ? AND idx = ?");
  for (Contradiction& c : out) {
    FetchSentence(sentence, c.a);
    FetchSentence(sentence, c.b);
  }
  return out;
}

const std::vector<std::string>& QueryKinds() {
  static const std::vector<std::string> kinds = {"documents", "entities",       "quotes",   "events", "claims",
                                                 "tallies",   "contradictions", "timeline", "search"};
  return kinds;
}

Table RunQuery(Ledger& ledger, const std::string& kind, const QueryOptions& options) {
  if (kind == "documents") return Documents(ledger, options);
  if (kind == "entities") return Entities(ledger, options);
  if (kind == "quotes") return Quotes(ledger, options);
  if (kind == "events") return Events(ledger, options);
  if (kind == "claims") return Claims(ledger, options);
  if (kind == "timeline") return Timeline(ledger, options);
  if (kind == "search") return Search(ledger, options);
  if (kind == "tallies") return TalliesTable(FindTallies(ledger, options));
  if (kind == "contradictions") return ContradictionsTable(FindContradictions(ledger, options));
  throw Error("query " + kind,
              "unknown kind (expected documents, entities, quotes, events, claims, tallies, contradictions, "
              "timeline or search)");
}

}  // namespace newsledger

#include "newsledger/query.h"

#include <gtest/gtest.h>

#include "ledger_fixtures.h"
#include "newsledger/error.h"
#include "newsledger/ledger.h"

namespace newsledger {
namespace {

using testing::Backend;
using testing::BackendName;
using testing::BackendTest;
using testing::Find;
using testing::MakeCount;
using testing::MakeDate;
using testing::MakeDoc;
using testing::MakeEntity;

std::string CellString(const Cell& c) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<int64_t>(c)) return std::to_string(std::get<int64_t>(c));
  if (std::holds_alternative<double>(c)) return std::to_string(std::get<double>(c));
  return "NULL";
}

std::string Column(const Table& t, size_t row, const std::string& name) {
  for (size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i] == name) return CellString(t.rows.at(row).at(i));
  ADD_FAILURE() << "no column " << name;
  return {};
}

// A flood story told by three outlets over three days.
Document FloodReport(const std::string& id, const std::string& outlet, const std::string& published,
                     const std::string& sentence, const std::string& figure, double value, Qualifier qualifier,
                     const std::string& counted, const std::string& day_text = "", const std::string& day = "") {
  Document doc = MakeDoc(id, outlet, published, "https://" + outlet + "/" + id,
                         {{sentence, "Rescue teams from Vellmar reached the valley."}});
  doc.entities.push_back(MakeEntity(doc, "Ostrava Valley", EntityType::kLoc, "Ostrava Valley", "e1"));
  doc.entities.push_back(MakeEntity(doc, "Vellmar", EntityType::kLoc, "Vellmar", "e2"));
  doc.quantities.push_back(MakeCount(doc, figure, value, qualifier, counted));
  if (!day_text.empty()) doc.times.push_back(MakeDate(doc, day_text, day));
  return doc;
}

class QueryTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ledger_ = std::make_unique<Ledger>(location());
    // Day 1: two outlets disagree about the same Sunday (37 dead vs 12 dead).
    ledger_->Store(FloodReport("a1", "north.example", "2031-03-03",
                               "At least 37 people were killed in the Ostrava Valley on Sunday.", "At least 37", 37,
                               Qualifier::kAtLeast, "people", "Sunday", "2031-03-02"));
    ledger_->Store(FloodReport("b1", "south.example", "2031-03-03",
                               "The floods killed 12 people in the Ostrava Valley on Sunday.", "12", 12,
                               Qualifier::kExact, "people", "Sunday", "2031-03-02"));
    // Later reports: a running count, no disagreement among them.
    ledger_->Store(FloodReport("a2", "north.example", "2031-03-04",
                               "The toll in the Ostrava Valley rose to at least 41 on Monday.", "at least 41", 41,
                               Qualifier::kAtLeast, "", "Monday", "2031-03-03"));
    ledger_->Store(FloodReport("a3", "north.example", "2031-03-06",
                               "Officials in the Ostrava Valley counted 44 dead by Wednesday.", "44", 44,
                               Qualifier::kExact, "dead", "Wednesday", "2031-03-05"));
    // Same subject elsewhere: neither a contradiction nor part of this tally.
    Document other = MakeDoc("c1", "east.example", "2031-03-03", "",
                             {{"Five people were killed in Harlow on Sunday."}});
    other.entities.push_back(MakeEntity(other, "Harlow", EntityType::kLoc, "Harlow", "e1"));
    other.quantities.push_back(MakeCount(other, "Five", 5, Qualifier::kExact, "people"));
    other.times.push_back(MakeDate(other, "Sunday", "2031-03-02"));
    ledger_->Store(other);
  }

  std::unique_ptr<Ledger> ledger_;
};

TEST_P(QueryTest, FindsTheContradictionWithBothSpansAndOutlets) {
  std::vector<Contradiction> found = FindContradictions(*ledger_, {});
  ASSERT_EQ(found.size(), 1u);
  const Contradiction& c = found[0];
  EXPECT_EQ(c.subject, "people killed");
  EXPECT_EQ(c.period, "2031-03-02");
  EXPECT_EQ(c.place, "ostrava valley");
  std::set<std::string> outlets = {c.a.outlet, c.b.outlet};
  EXPECT_EQ(outlets, (std::set<std::string>{"north.example", "south.example"}));
  std::set<std::string> figures = {c.a.text, c.b.text};
  EXPECT_EQ(figures, (std::set<std::string>{"At least 37", "12"}));
  Document a = ledger_->Load(c.a.document);
  EXPECT_EQ(a.text.substr(c.a.start, c.a.end - c.a.start), c.a.text);
  EXPECT_NE(c.a.sentence.find("Ostrava Valley"), std::string::npos);
}

TEST_P(QueryTest, FindsTheTallyAsASeriesInDateOrder) {
  std::vector<Tally> tallies = FindTallies(*ledger_, {});
  ASSERT_EQ(tallies.size(), 1u);
  const Tally& t = tallies[0];
  EXPECT_EQ(t.subject, "people killed");
  std::vector<std::string> series;
  for (const FigureReport& r : t.reports) series.push_back(r.published + " " + r.text + " " + r.outlet);
  EXPECT_EQ(series, (std::vector<std::string>{"2031-03-03 At least 37 north.example", "2031-03-03 12 south.example",
                                              "2031-03-04 at least 41 north.example",
                                              "2031-03-06 44 north.example"}));
  Table table = RunQuery(*ledger_, "tallies", {});
  EXPECT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(Column(table, 3, "figure"), "44");
}

TEST_P(QueryTest, AGapOfWeeksStartsANewSeriesAndFiguresWithoutAPlaceStayOut) {
  ledger_->Store(FloodReport("a9", "north.example", "2031-06-01",
                             "At least 3 people were killed in the Ostrava Valley on Sunday.", "At least 3", 3,
                             Qualifier::kAtLeast, "people", "Sunday", "2031-05-31"));
  ledger_->Store(FloodReport("b9", "south.example", "2031-06-02",
                             "At least 5 people were killed in the Ostrava Valley on Sunday.", "At least 5", 5,
                             Qualifier::kAtLeast, "people", "Sunday", "2031-05-31"));
  for (const char* id : {"n1", "n2"}) {
    Document doc = MakeDoc(id, "west.example", std::string(id) == "n1" ? "2031-03-03" : "2031-03-04", "",
                           {{"Nine people were killed, officials said."}});
    doc.quantities.push_back(MakeCount(doc, "Nine", std::string(id) == "n1" ? 9 : 90, Qualifier::kExact, "people"));
    ledger_->Store(doc);
  }
  std::vector<Tally> tallies = FindTallies(*ledger_, {});
  ASSERT_EQ(tallies.size(), 2u);
  EXPECT_EQ(tallies[0].reports.size(), 4u);
  EXPECT_EQ(tallies[1].reports.size(), 2u);
  EXPECT_EQ(tallies[1].reports[0].text, "At least 3");
  EXPECT_EQ(FindContradictions(*ledger_, {}).size(), 1u);  // 9 vs 90 with no place: not lined up
}

struct IntervalCase {
  const char* qualifier;
  std::optional<double> value, low, high;
  const char* other_qualifier;
  std::optional<double> other_value, other_low, other_high;
  bool disjoint;
};

TEST(IntervalTest, RangesThatCannotBothBeTrue) {
  const IntervalCase cases[] = {
      {"exact", 37, 37, 37, "exact", 12, 12, 12, true},
      {"at_least", 37, 37, {}, "exact", 12, 12, 12, true},
      {"at_least", 14, 14, {}, "at_least", 16, 16, {}, false},
      {"at_least", 14, 14, {}, "exact", 16, 16, 16, false},
      {"more_than", 80, 80, {}, "exact", 80, 80, 80, true},
      {"at_most", 10, {}, 10, "exact", 10, 10, 10, false},
      {"approx", 40, 40, 40, "exact", 37, 37, 37, false},
      {"approx", 40, 40, 40, "exact", 30, 30, 30, true},
      {"range", {}, 20, 30, "exact", 25, 25, 25, false},
      {"vague", {}, 24, 99, "exact", 12, 12, 12, true},
      {"exact", 5, {}, {}, "exact", 6, {}, {}, true},
  };
  for (const IntervalCase& c : cases) {
    FigureReport a, b;
    a.qualifier = c.qualifier;
    a.value = c.value;
    a.low = c.low;
    a.high = c.high;
    b.qualifier = c.other_qualifier;
    b.value = c.other_value;
    b.low = c.other_low;
    b.high = c.other_high;
    EXPECT_EQ(Disjoint(ReportInterval(a), ReportInterval(b)), c.disjoint) << c.qualifier << " vs " << c.other_qualifier;
    EXPECT_EQ(Disjoint(ReportInterval(b), ReportInterval(a)), c.disjoint);
  }
}

class QueryQuotesTest : public BackendTest {};

TEST_P(QueryQuotesTest, FiltersBySpeakerAliasTextAndDateWithBoundParameters) {
  Ledger ledger(location());
  Document a = MakeDoc("q1", "north.example", "2031-03-03", "",
                       {{"\"It's over; DROP TABLE quotes; --' we rebuild,\" said Mayor Ilse Varga.",
                         "Varga said the dam held."}});
  a.entities.push_back(MakeEntity(a, "Ilse Varga", EntityType::kPerson, "Ilse Varga", "e1"));
  a.entities.push_back(MakeEntity(a, "Varga", EntityType::kPerson, "Ilse Varga", "e1", 1));
  Quote q1;
  q1.span = Find(a, "It's over; DROP TABLE quotes; --' we rebuild,");
  q1.speaker = "Ilse Varga";
  q1.speaker_id = "e1";
  q1.cue = "said";
  Quote q2;
  q2.span = Find(a, "the dam held");
  q2.direct = false;
  q2.speaker = "Ilse Varga";
  q2.speaker_id = "e1";
  a.quotes = {q1, q2};
  Document b = MakeDoc("q2", "south.example", "2031-03-05", "",
                       {{"\"We need pumps,\" a ministry spokesman said."}});
  Quote q3;
  q3.span = Find(b, "We need pumps,");
  q3.speaker = "a ministry spokesman";
  b.quotes = {q3};
  ledger.Store(a);
  ledger.Store(b);

  struct Case {
    std::string QueryOptions::*field;
    std::string value;
    size_t rows;
  };
  const Case cases[] = {
      {&QueryOptions::speaker, "Ilse Varga", 2},
      {&QueryOptions::speaker, "varga", 2},           // an alias, any case
      {&QueryOptions::speaker, "spokesman", 1},       // words of a descriptive speaker
      {&QueryOptions::speaker, "' OR 1=1 --", 0},     // SQL in a value is just text
      {&QueryOptions::speaker, "\"unbalanced", 0},    // FTS syntax in a value is just text
      {&QueryOptions::text, "DROP TABLE quotes; --'", 1},
      {&QueryOptions::text, "pumps", 1},
      {&QueryOptions::entity, "Varga", 0},            // no quote mentions Varga inside the quote
      {&QueryOptions::since, "2031-03-04", 1},
      {&QueryOptions::until, "2031-03-03", 2},
      {&QueryOptions::outlet, "SOUTH.example", 1},
  };
  for (const Case& c : cases) {
    QueryOptions o;
    o.*c.field = c.value;
    EXPECT_EQ(RunQuery(ledger, "quotes", o).rows.size(), c.rows) << c.value;
  }
  QueryOptions by_alias;
  by_alias.speaker = "varga";
  Table t = RunQuery(ledger, "quotes", by_alias);
  EXPECT_EQ(Column(t, 0, "quote"), "It's over; DROP TABLE quotes; --' we rebuild,");
  EXPECT_EQ(ledger.DocumentCount(), 2);  // the table is still there
}

class QueryKindsTest : public BackendTest {};

TEST_P(QueryKindsTest, EveryKindRunsOnAnEmptyLedgerAndUnknownKindsFail) {
  Ledger ledger(location());
  for (const std::string& kind : QueryKinds()) {
    QueryOptions o;
    o.text = "anything";
    EXPECT_NO_THROW(RunQuery(ledger, kind, o)) << kind;
  }
  EXPECT_THROW(RunQuery(ledger, "everything", {}), Error);
  EXPECT_THROW(RunQuery(ledger, "search", {}), Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, QueryTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, QueryQuotesTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, QueryKindsTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

TEST(FtsQueryTest, QuotesEveryWord) {
  EXPECT_EQ(FtsQuery("drone strikes"), "\"drone\" \"strikes\"");
  EXPECT_EQ(FtsQuery("\"death toll\" rose"), "\"death toll\" \"rose\"");
  EXPECT_EQ(FtsQuery("say \"hi"), "\"say\" \"hi\"");
  EXPECT_EQ(FtsQuery("a\"\"b"), "\"a\" \"b\"");
  EXPECT_EQ(FtsQuery(" ; -- "), "");
}

TEST(FormatTableTest, EveryFormat) {
  Table t;
  t.columns = {"name", "n", "note"};
  t.rows = {{std::string("Varga, I."), int64_t{3}, std::monostate{}},
            {std::string("a \"b\" | c"), 2.5, std::string("x\ny")}};
  EXPECT_EQ(FormatTable(t, TableFormat::kCsv), "name,n,note\r\n\"Varga, I.\",3,\r\n\"a \"\"b\"\" | c\",2.5,\"x\ny\"\r\n");
  EXPECT_EQ(FormatTable(t, TableFormat::kJsonl),
            "{\"name\":\"Varga, I.\",\"n\":3,\"note\":null}\n{\"name\":\"a \\\"b\\\" | c\",\"n\":2.5,\"note\":\"x\\ny\"}\n");
  EXPECT_EQ(FormatTable(t, TableFormat::kMarkdown),
            "| name | n | note |\n|---|---|---|\n| Varga, I. | 3 |  |\n| a \"b\" \\| c | 2.5 | x y |\n");
  EXPECT_EQ(FormatTable(t, TableFormat::kTable),
            "name       n    note\n---------  ---  ----\nVarga, I.  3\na \"b\" | c  2.5  x y\n(2 rows)\n");
  EXPECT_EQ(FormatTable(t, TableFormat::kTable, 5),
            "name   n    note\n-----  ---  ----\nVarg…  3\na \"b…  2.5  x y\n(2 rows)\n");
  EXPECT_EQ(FormatTable(Table{{"a"}, {}}, TableFormat::kJson), "[]\n");
  EXPECT_THROW(ParseTableFormat("xml"), Error);
}

}  // namespace
}  // namespace newsledger

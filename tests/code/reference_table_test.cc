#include "code/reference_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "newsledger/error.h"

namespace newsledger {
namespace {

namespace fs = std::filesystem;

fs::path WriteTemp(const std::string& name, const std::string& body) {
  fs::path p = fs::temp_directory_path() / ("newsledger_ref_" + name + ".csv");
  std::ofstream(p, std::ios::binary) << body;
  return p;
}

TEST(ReferenceTable, ShippedTableHasOverdoseDeaths2024) {
  ReferenceTable t = ReferenceTable::LoadDefault();
  auto rows = t.Find("drug overdose deaths", "US", "2024", 0);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(*rows[0]->row.low, 80391);
  EXPECT_FALSE(rows[0]->row.url.empty());
  EXPECT_NE(rows[0]->row.source.find("CDC"), std::string::npos);
  // Without a period: the latest year as of publication.
  auto latest = t.Find("drug overdose deaths", "US", "", 2025);
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0]->row.period, "2024");
  auto earlier = t.Find("drug overdose deaths", "US", "", 2023);
  ASSERT_EQ(earlier.size(), 1u);
  EXPECT_EQ(earlier[0]->row.period, "2023");
  EXPECT_TRUE(t.Find("drug overdose deaths", "MX", "2024", 0).empty());
}

TEST(ReferenceTable, ParsesQuotedFieldsAndRejectsBadRows) {
  fs::path good = WriteTemp("good",
                            "# comment\nsubject,geography,period,low,high,source,url,retrieved\n"
                            "widgets,FR,2020,10,20,\"Office, \"\"national\"\"\",https://x,2025-01-01\n"
                            "widgets,FR,2021,,30,S,https://y,2025-01-01\n");
  ReferenceTable t = ReferenceTable::Load(good);
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[0].row.source, "Office, \"national\"");
  EXPECT_EQ(*t.rows()[1].row.low, 30);  // a missing bound is the other one
  struct Bad { std::string name, body, reason; };
  for (const Bad& b : {Bad{"nohdr", "widgets,FR,2020,1,2,s,u,r\n", "header"},
                       Bad{"nan", "subject,geography,period,low,high,source,url,retrieved\nw,FR,2020,abc,2,s,u,r\n", "not a number"},
                       Bad{"short", "subject,geography,period,low,high,source,url,retrieved\nw,FR,2020\n", "expected 8"},
                       Bad{"order", "subject,geography,period,low,high,source,url,retrieved\nw,FR,2020,5,2,s,u,r\n", "low > high"},
                       Bad{"quote", "subject,geography,period,low,high,source,url,retrieved\nw,FR,2020,1,2,\"s,u,r\n", "unclosed"}}) {
    fs::path p = WriteTemp(b.name, b.body);
    try {
      ReferenceTable::Load(p);
      ADD_FAILURE() << b.name << " loaded";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(b.reason), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(ReferenceTable::Load("/nonexistent/ref.csv"), Error);
}

struct CheckCase {
  Qualifier qualifier;
  std::optional<double> value, low, high;
  std::string status;
  double ratio;
};

TEST(CheckClaim, Table) {
  ReferenceRow r;
  r.low = r.high = 80000;
  const CheckCase cases[] = {
      {Qualifier::kVague, std::nullopt, 200000, 999999, "exceeds", 2.5},
      {Qualifier::kApprox, 80000, std::nullopt, std::nullopt, "consistent", 1.0},
      {Qualifier::kExact, 83000, std::nullopt, std::nullopt, "consistent", 1.038},
      {Qualifier::kExact, 90000, std::nullopt, std::nullopt, "exceeds", 1.125},
      {Qualifier::kExact, 40000, std::nullopt, std::nullopt, "below", 0.5},
      {Qualifier::kAtLeast, 21, 21, std::nullopt, "consistent", 0.0},
      {Qualifier::kMoreThan, 100000, 100000, std::nullopt, "exceeds", 1.25},
      {Qualifier::kAtMost, 50000, std::nullopt, 50000, "below", 0.625},
      {Qualifier::kRange, std::nullopt, 70000, 90000, "consistent", 1.0},
  };
  for (const CheckCase& c : cases) {
    Quantity q;
    q.qualifier = c.qualifier;
    q.value = c.value;
    q.low = c.low;
    q.high = c.high;
    ClaimCheck ch = CheckClaim(q, r);
    EXPECT_EQ(ch.status, c.status) << ToString(c.qualifier) << " " << c.value.value_or(-1);
    ASSERT_TRUE(ch.ratio);
    EXPECT_NEAR(*ch.ratio, c.ratio, 0.001) << ToString(c.qualifier);
  }
  Quantity pct;
  pct.type = QuantityType::kPercent;
  pct.value = 35;
  EXPECT_EQ(CheckClaim(pct, r).status, "not_comparable");
}

}  // namespace
}  // namespace newsledger

// examples_test.cc: the ledger over the project's own example articles, through the
// whole pipeline: ingesting twice stores each document once; the two flood reports
// that disagree (37 dead vs 12 dead, same floods, same day) come out as a
// contradiction; the mine collapse toll (14, then 16) comes out as a tally.
#include <gtest/gtest.h>

#include "ledger_fixtures.h"
#include "newsledger/ingest.h"
#include "newsledger/ledger.h"
#include "newsledger/pipeline.h"
#include "newsledger/query.h"

namespace newsledger {
namespace {

using testing::Backend;
using testing::BackendName;
using testing::BackendTest;

const std::string kExamples = std::string(NEWSLEDGER_SOURCE_DIR) + "/examples";

class ExamplesLedgerTest : public BackendTest {};

TEST_P(ExamplesLedgerTest, IngestingTwiceStoresEachDocumentOnce) {
  Pipeline pipeline;
  Ledger ledger(location());
  IngestStats first = Ingest({kExamples}, pipeline, ledger);
  ASSERT_GT(first.read, 10u);
  EXPECT_EQ(first.stored, first.read);
  EXPECT_EQ(first.failed, 0u);
  IngestStats second = Ingest({kExamples}, pipeline, ledger);
  EXPECT_EQ(second.read, first.read);
  EXPECT_EQ(second.stored, 0u);
  EXPECT_EQ(second.duplicates, first.read);
  EXPECT_EQ(ledger.DocumentCount(), static_cast<int64_t>(first.read));
}

class ExampleStoriesTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ledger_ = std::make_unique<Ledger>(location());
    IngestStats s = Ingest({kExamples + "/flood-paraguay-meridian.txt", kExamples + "/flood-paraguay-southerncone.txt",
                            kExamples + "/mine-collapse-ghana-day1.txt", kExamples + "/mine-collapse-ghana-followup.txt"},
                           pipeline_, *ledger_);
    ASSERT_EQ(s.stored, 4u);
    Table quantities = RunQuery(*ledger_, "documents", {});
    size_t n = 0;
    for (const auto& row : quantities.rows) n += static_cast<size_t>(std::get<int64_t>(row[8]));
    if (n == 0) GTEST_SKIP() << "the pipeline has no quantity stage yet";
  }

  Pipeline pipeline_;
  std::unique_ptr<Ledger> ledger_;
};

TEST_P(ExampleStoriesTest, TheTwoFloodReportsContradictEachOther) {
  QueryOptions o;
  o.subject = "killed";
  std::vector<Contradiction> found = FindContradictions(*ledger_, o);
  bool flood = false;
  for (const Contradiction& c : found) {
    std::set<std::string> outlets = {c.a.outlet, c.b.outlet};
    if (outlets.count("meridianwire.com") && outlets.count("southernconepost.com")) {
      flood = true;
      std::string figures = c.a.text + " / " + c.b.text;
      EXPECT_NE(figures.find("37"), std::string::npos) << figures;
      EXPECT_NE(figures.find("12"), std::string::npos) << figures;
    }
  }
  EXPECT_TRUE(flood) << FormatTable(RunQuery(*ledger_, "contradictions", {}), TableFormat::kTable);
}

TEST_P(ExampleStoriesTest, TheMineCollapseTollIsATally) {
  QueryOptions o;
  o.subject = "killed";
  bool found = false;
  for (const Tally& t : FindTallies(*ledger_, o)) {
    std::string series;
    for (const FigureReport& r : t.reports) series += r.published + " " + r.text + "; ";
    if (series.find("2026-05-18") != std::string::npos && series.find("2026-05-19") != std::string::npos) {
      found = true;
      EXPECT_NE(series.find("14"), std::string::npos) << series;
      EXPECT_NE(series.find("16"), std::string::npos) << series;
    }
  }
  EXPECT_TRUE(found) << FormatTable(RunQuery(*ledger_, "tallies", {}), TableFormat::kTable);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExamplesLedgerTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Backends, ExampleStoriesTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace newsledger

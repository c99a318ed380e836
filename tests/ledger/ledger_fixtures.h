// ledger_fixtures.h: hand-built Documents and temporary ledger files for the ledger tests.
#ifndef NEWSLEDGER_TESTS_LEDGER_FIXTURES_H_
#define NEWSLEDGER_TESTS_LEDGER_FIXTURES_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ledger/statement.h"
#include "newsledger/document.h"
#include "newsledger/ledger.h"

namespace newsledger::testing {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("newsledger_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_ / "ledger.db", std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The backends a ledger test runs on. The PostgreSQL run needs a server: the libpq
// connection string in NEWSLEDGER_TEST_PG (scripts/test.sh starts one and sets it);
// without it those tests are skipped.
enum class Backend { kSqlite, kPostgres };

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

inline std::string TestPostgres() {
  const char* v = std::getenv("NEWSLEDGER_TEST_PG");
  return v ? v : "";
}

// A fresh, empty ledger location: a file in a temporary directory, or a schema of its
// own on the test server (dropped with everything in it at the end).
class LedgerLocation {
 public:
  explicit LedgerLocation(Backend backend, const std::string& name = "ledger.db") : backend_(backend) {
    if (backend_ == Backend::kSqlite) {
      location_ = dir_.file(name);
      return;
    }
    static std::atomic<int> counter{0};
    schema_ = "nltest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_, false);
    location_ = "postgres:" + TestPostgres() + " options=-csearch_path=" + schema_;
  }
  ~LedgerLocation() {
    if (backend_ == Backend::kPostgres) Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE", false);
  }
  LedgerLocation(const LedgerLocation&) = delete;
  LedgerLocation& operator=(const LedgerLocation&) = delete;

  const std::string& str() const { return location_; }
  Backend backend() const { return backend_; }
  const TempDir& dir() const { return dir_; }

  // PostgreSQL only: runs SQL in this location's schema on a connection of its own.
  void Exec(const std::string& sql, bool in_schema = true) const {
    std::string conninfo = TestPostgres();
    if (in_schema) conninfo += " options=-csearch_path=" + schema_;
    PGconn* c = PQconnectdb(conninfo.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
        << sql << ": " << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
  }

 private:
  Backend backend_;
  TempDir dir_;
  std::string schema_;
  std::string location_;
};

// A test run once per backend; the PostgreSQL run is skipped without a test server.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres && TestPostgres().empty())
      GTEST_SKIP() << "NEWSLEDGER_TEST_PG is not set (no PostgreSQL server for the tests)";
    location_ = std::make_unique<LedgerLocation>(GetParam());
  }
  const std::string& location() const { return location_->str(); }

  std::unique_ptr<LedgerLocation> location_;
};

// The rows a query returns, each as its cells joined by "|" (NULL as "NULL").
inline std::vector<std::string> Rows(Ledger& ledger, std::string_view sql) {
  ledger_internal::Statement st(ledger, sql);
  std::vector<std::string> rows;
  while (st.Step()) {
    std::string row;
    for (int c = 0; c < st.Columns(); ++c) {
      if (c) row += "|";
      switch (st.Kind(c)) {
        case ledger_internal::ColumnKind::kNull: row += "NULL"; break;
        case ledger_internal::ColumnKind::kInt: row += std::to_string(st.Int(c)); break;
        default: row += st.Text(c);
      }
    }
    rows.push_back(row);
  }
  return rows;
}

inline int64_t Scalar(Ledger& ledger, std::string_view sql) {
  ledger_internal::Statement st(ledger, sql);
  return st.Step() ? st.Int(0) : -1;
}

// Builds a document from paragraphs of sentences (joined by one space, paragraphs by
// a newline), with paragraphs and sentences filled in.
inline Document MakeDoc(std::string id, std::string outlet, std::string published, std::string url,
                        const std::vector<std::vector<std::string>>& paragraphs) {
  Document doc;
  doc.id = std::move(id);
  doc.outlet = std::move(outlet);
  doc.published = std::move(published);
  doc.url = std::move(url);
  doc.origin = "test:" + doc.id;
  for (const auto& para : paragraphs) {
    if (!doc.text.empty()) doc.text += "\n";
    uint32_t pstart = static_cast<uint32_t>(doc.text.size());
    for (size_t i = 0; i < para.size(); ++i) {
      if (i) doc.text += " ";
      uint32_t s = static_cast<uint32_t>(doc.text.size());
      doc.text += para[i];
      doc.sentences.push_back({{s, static_cast<uint32_t>(doc.text.size())},
                               static_cast<uint32_t>(doc.paragraphs.size()), 0, 0});
    }
    Span p{pstart, static_cast<uint32_t>(doc.text.size())};
    doc.paragraphs.push_back({p, p, ""});
  }
  return doc;
}

// The span of the `nth` occurrence of `needle` in the document's text.
inline Span Find(const Document& doc, std::string_view needle, size_t nth = 0) {
  size_t pos = doc.text.find(needle);
  for (size_t i = 0; i < nth && pos != std::string::npos; ++i) pos = doc.text.find(needle, pos + 1);
  EXPECT_NE(pos, std::string::npos) << needle;
  if (pos == std::string::npos) return {};
  return {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

inline Entity MakeEntity(const Document& doc, std::string_view text, EntityType type, std::string canonical,
                         std::string id, size_t nth = 0, std::string country = "") {
  Entity e;
  e.span = Find(doc, text, nth);
  e.type = type;
  e.canonical = std::move(canonical);
  e.id = std::move(id);
  e.country = std::move(country);
  return e;
}

// A count: "at least 14 people" -> MakeCount(doc, "at least 14", 14, kAtLeast, "people").
inline Quantity MakeCount(const Document& doc, std::string_view text, double value, Qualifier qualifier,
                          std::string counted, size_t nth = 0) {
  Quantity q;
  q.span = Find(doc, text, nth);
  q.type = QuantityType::kCount;
  q.value = value;
  q.qualifier = qualifier;
  switch (qualifier) {
    case Qualifier::kExact: q.low = value; q.high = value; break;
    case Qualifier::kAtLeast: case Qualifier::kMoreThan: q.low = value; break;
    case Qualifier::kAtMost: case Qualifier::kLessThan: q.high = value; break;
    default: break;
  }
  q.counted = std::move(counted);
  if (!q.counted.empty()) {
    size_t pos = doc.text.find(q.counted, q.span.end);
    if (pos != std::string::npos)
      q.counted_span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + q.counted.size())};
  }
  return q;
}

inline TimeExpr MakeDate(const Document& doc, std::string_view text, std::string value) {
  TimeExpr t;
  t.span = Find(doc, text);
  t.type = TimeType::kDate;
  t.value = std::move(value);
  return t;
}

}  // namespace newsledger::testing

#endif  // NEWSLEDGER_TESTS_LEDGER_FIXTURES_H_

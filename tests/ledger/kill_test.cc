// kill_test.cc: `kill -9` during ingest leaves a ledger that opens, passes
// PRAGMA integrity_check and holds only whole documents; ingesting again finishes.
// Run on both backends (PostgreSQL when NEWSLEDGER_TEST_PG names a test server).
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "ledger_fixtures.h"
#include "newsledger/error.h"
#include "newsledger/ledger.h"

extern char** environ;

namespace newsledger {
namespace {

using testing::Backend;
using testing::BackendName;
using testing::BackendTest;
using testing::Scalar;
using testing::TempDir;

// Enough documents that the ingest is still running when it is killed; PostgreSQL
// writes each statement in a round trip, so fewer keep its run short.
int Documents(Backend backend) { return backend == Backend::kSqlite ? 800 : 100; }

// Writes `documents` small articles, one file each; returns their paths.
std::vector<std::string> WriteCorpus(const TempDir& dir, int documents) {
  static const char* kPlaces[] = {"Marrow", "Quell", "Tessel", "Harlow", "Vantry"};
  static const char* kOutlets[] = {"north.example", "south.example", "east.example"};
  std::vector<std::string> paths;
  std::filesystem::create_directories(dir.path() / "corpus");
  for (int i = 0; i < documents; ++i) {
    std::string path = (dir.path() / "corpus" / ("doc" + std::to_string(i) + ".txt")).string();
    std::ofstream out(path);
    const char* place = kPlaces[i % 5];
    out << "Title: Storm report " << i << "\nDate: 2031-03-" << (1 + i % 28) << "\nOutlet: " << kOutlets[i % 3]
        << "\n\n";
    // The body alone must differ from every other (the reader drops the header).
    out << "Storm report number " << i << " from " << place << ". (" << kOutlets[i % 3] << ")\n";
    for (int p = 0; p < 6; ++p) {
      out << "At least " << (i % 40 + p) << " people were evacuated from " << place << " on Sunday, officials said. "
          << "\"We moved " << (i * 7 % 300) << " families before dawn,\" said Mayor Ana Ruiz of " << place << ". "
          << "Crews cleared " << (p + 2) << " roads by Monday. (" << kOutlets[(i + p) % 3] << ")\n";
    }
    paths.push_back(path);
  }
  return paths;
}

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Documents whose rows are not all there.
constexpr const char* kBroken =
    "SELECT count(*) FROM documents d WHERE complete <> 1 "
    "OR n_paragraphs <> (SELECT count(*) FROM paragraphs WHERE document_id = d.id) "
    "OR n_sentences <> (SELECT count(*) FROM sentences WHERE document_id = d.id) "
    "OR n_entities <> (SELECT count(*) FROM entities WHERE document_id = d.id) "
    "OR n_mentions <> (SELECT count(*) FROM mentions WHERE document_id = d.id) "
    "OR n_quantities <> (SELECT count(*) FROM quantities WHERE document_id = d.id) "
    "OR n_times <> (SELECT count(*) FROM times WHERE document_id = d.id) "
    "OR n_quotes <> (SELECT count(*) FROM quotes WHERE document_id = d.id) "
    "OR n_events <> (SELECT count(*) FROM events WHERE document_id = d.id) "
    "OR n_claims <> (SELECT count(*) FROM claims WHERE document_id = d.id) "
    "OR n_checks <> (SELECT count(*) FROM checks WHERE document_id = d.id)";

// Documents in the ledger at `location`, or 0 while it has no schema yet.
int64_t StoredDocuments(const std::string& location) {
  try {
    Ledger ledger(location, {.read_only = true});
    return ledger.DocumentCount();
  } catch (const Error&) {
    return 0;
  }
}

void ExpectWhole(const std::string& location, Backend backend) {
  {
    Ledger ledger(location);  // opens (and would migrate) for writing
    EXPECT_EQ(Scalar(ledger, kBroken), 0);
  }
  if (backend != Backend::kSqlite) return;  // PostgreSQL keeps its own pages whole
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(location.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO sentences_fts(sentences_fts) VALUES('integrity-check')", nullptr, nullptr,
                         nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
}

class KillTest : public BackendTest {};

TEST_P(KillTest, KillNineLeavesOnlyWholeDocumentsAndIngestFinishesAfterwards) {
  const int documents = Documents(GetParam());
  std::vector<std::string> corpus = WriteCorpus(location_->dir(), documents);
  std::vector<std::string> args = {NEWSLEDGER_BINARY, "ingest", "--quiet", "--db", location()};
  args.insert(args.end(), corpus.begin(), corpus.end());

  pid_t pid = Spawn(args);
  ASSERT_GT(pid, 0);
  // Wait until some documents are stored, then kill it mid-way.
  int64_t stored = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    stored = StoredDocuments(location());
    if (stored >= 20) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed";

  ExpectWhole(location(), GetParam());
  int64_t after_kill = StoredDocuments(location());
  EXPECT_GE(after_kill, 20);
  EXPECT_LT(after_kill, documents);

  // Ingest again: the stored documents are skipped, the rest is stored.
  pid = Spawn(args);
  ASSERT_GT(pid, 0);
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ExpectWhole(location(), GetParam());
  Ledger ledger(location(), {.read_only = true});
  EXPECT_EQ(ledger.DocumentCount(), documents);
  EXPECT_EQ(Scalar(ledger, "SELECT count(DISTINCT content_hash) FROM documents"), documents);
}

INSTANTIATE_TEST_SUITE_P(Backends, KillTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace newsledger

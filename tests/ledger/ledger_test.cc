#include "newsledger/ledger.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "ledger/backend.h"
#include "ledger/subject.h"
#include "ledger_fixtures.h"
#include "newsledger/error.h"
#include "newsledger/output.h"

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
using testing::Rows;
using testing::Scalar;
using testing::TempDir;

// One document with every kind of annotation, including a quote holding ' and ;.
Document FullDocument() {
  Document doc = MakeDoc("river-1", "Valley Courier", "2031-04-12", "https://courier.example/river",
                         {{"Floodwaters forced at least 1,200 residents from Lindenfeld on Friday, officials said."},
                          {"\"It's the worst; we've ever seen,\" Mayor Ilse Varga said.",
                           "Varga said 14 bridges were closed."}});
  doc.title = "River floods Lindenfeld";
  doc.paragraphs[1].source = "wire.example";
  doc.sentences[0].token_begin = 0;
  doc.sentences[0].token_end = 12;
  doc.entities.push_back(MakeEntity(doc, "Lindenfeld", EntityType::kLoc, "Lindenfeld", "e1", 0, "DE"));
  doc.entities.back().geonames_id = 2881234;
  doc.entities.back().latitude = 50.5;
  doc.entities.back().longitude = 8.25;
  doc.entities.push_back(MakeEntity(doc, "Ilse Varga", EntityType::kPerson, "Ilse Varga", "e2"));
  doc.entities.push_back(MakeEntity(doc, "Varga", EntityType::kPerson, "Ilse Varga", "e2", 1));
  doc.quantities.push_back(MakeCount(doc, "at least 1,200", 1200, Qualifier::kAtLeast, "residents"));
  doc.quantities.push_back(MakeCount(doc, "14", 14, Qualifier::kExact, "bridges"));
  doc.times.push_back(MakeDate(doc, "Friday", "2031-04-11"));
  Quote q;
  q.span = Find(doc, "It's the worst; we've ever seen,");
  q.direct = true;
  q.speaker = "Ilse Varga";
  q.speaker_id = "e2";
  q.speaker_span = Find(doc, "Ilse Varga");
  q.cue = "said";
  q.cue_span = Find(doc, "said", 1);
  q.outlet = "wire.example";
  doc.quotes.push_back(q);
  Event e;
  e.span = Find(doc, "forced");
  e.type = "COERCE";
  e.status = "reported";
  e.location = EventArgument{"e1", "Lindenfeld", Find(doc, "Lindenfeld"), "DE", "", 2881234};
  e.time = "2031-04-11";
  e.quantities = {0};
  doc.events.push_back(e);
  Claim c;
  c.span = Find(doc, "Varga said 14 bridges were closed.");
  c.speaker = "Ilse Varga";
  c.speaker_id = "e2";
  c.subject = "bridges closed";
  c.place = "Lindenfeld";
  c.period = "2031-04";
  c.quantity = 1;
  ClaimCheck check;
  check.status = "exceeds";
  check.ratio = 1.4;
  check.reference = {"bridges closed", "Lindenfeld", "2031-04", 0.0, 10.0, "Road agency", "https://roads.example"};
  c.checks.push_back(check);
  doc.claims.push_back(c);
  return doc;
}

class LedgerTest : public BackendTest {};

TEST_P(LedgerTest, StoresAndReloadsEveryField) {
  Document doc = FullDocument();
  int64_t id;
  {
    Ledger ledger(location());
    StoreResult r = ledger.Store(doc);
    EXPECT_EQ(r.status, StoreStatus::kStored);
    EXPECT_EQ(r.revision, 1);
    id = r.document;
  }
  Ledger reopened(location(), {.read_only = true});
  Document loaded = reopened.Load(id);
  EXPECT_EQ(ToJson(loaded, true), ToJson(doc, true));
  EXPECT_EQ(loaded.origin, doc.origin);
  EXPECT_EQ(loaded.sentences[0].token_end, 12u);
  EXPECT_EQ(loaded.entities[0].geonames_id, 2881234);
  EXPECT_EQ(reopened.SchemaVersion(), Ledger::kSchemaVersion);
  EXPECT_THROW(reopened.Store(doc), Error);
  EXPECT_THROW(reopened.Load(id + 100), Error);
}

TEST_P(LedgerTest, EveryFactRowCarriesItsTextAndTheCountsMatch) {
  Ledger ledger(location());
  ledger.Store(FullDocument());
  EXPECT_EQ(Rows(ledger,
                 "SELECT complete, n_sentences, n_entities, n_mentions, n_quantities, n_quotes, "
                 "n_checks, (SELECT text FROM quotes), (SELECT count(*) FROM entities), "
                 "(SELECT count(*) FROM checks) FROM documents"),
            // Lindenfeld and Ilse Varga are the two entities.
            std::vector<std::string>{"1|3|2|3|2|1|1|It's the worst; we've ever seen,|2|1"});
}

TEST_P(LedgerTest, TheSameTextIsStoredOnce) {
  Ledger ledger(location());
  Document doc = FullDocument();
  StoreResult first = ledger.Store(doc);
  StoreResult again = ledger.Store(doc);
  EXPECT_EQ(again.status, StoreStatus::kDuplicate);
  EXPECT_EQ(again.document, first.document);
  // The same text under another URL is still the same text.
  doc.url = "https://mirror.example/river";
  EXPECT_EQ(ledger.Store(doc).status, StoreStatus::kDuplicate);
  EXPECT_EQ(ledger.DocumentCount(), 1);
  EXPECT_TRUE(ledger.Contains(ContentHash(doc.text)));
  EXPECT_EQ(ledger.ContentHashes().size(), 1u);
}

TEST_P(LedgerTest, ABatchStoresEachDocumentOnceAndOnlyWhenItCommits) {
  Ledger ledger(location());
  Ledger reader(location(), {.read_only = true});
  Document doc = FullDocument();
  ledger.BeginBatch();
  EXPECT_TRUE(ledger.in_batch());
  EXPECT_EQ(ledger.Store(doc).status, StoreStatus::kStored);
  EXPECT_EQ(ledger.Store(doc).status, StoreStatus::kDuplicate);  // seen inside the open batch
  Document bad = FullDocument();
  bad.url.clear();
  bad.text += " More.";
  bad.quotes[0].span = {5, static_cast<uint32_t>(bad.text.size() + 9)};
  EXPECT_THROW(ledger.Store(bad), Error);  // refused alone; the batch goes on
  doc.text += " Update.";
  EXPECT_EQ(ledger.Store(doc).status, StoreStatus::kRevision);
  EXPECT_EQ(reader.DocumentCount(), 0);  // not committed yet
  ledger.CommitBatch();
  EXPECT_FALSE(ledger.in_batch());
  EXPECT_EQ(reader.DocumentCount(), 2);
  ledger.BeginBatch();
  doc.text += " Again.";
  ledger.Store(doc);
  ledger.RollbackBatch();
  EXPECT_EQ(ledger.DocumentCount(), 2);
}

TEST_P(LedgerTest, AChangedTextUnderTheSameUrlIsANewRevision) {
  Ledger ledger(location());
  Document doc = FullDocument();
  StoreResult r1 = ledger.Store(doc);
  doc.text += " Update: the river fell overnight.";
  StoreResult r2 = ledger.Store(doc);
  EXPECT_EQ(r2.status, StoreStatus::kRevision);
  EXPECT_EQ(r2.revision, 2);
  EXPECT_NE(r2.document, r1.document);
  doc.text += " Roads reopened.";
  EXPECT_EQ(ledger.Store(doc).revision, 3);
  EXPECT_EQ(Rows(ledger, "SELECT revision, current FROM documents ORDER BY id"),
            (std::vector<std::string>{"1|0", "2|0", "3|1"}));
  // Without a URL there is no revision: a different text is a different document.
  Document other = FullDocument();
  other.url.clear();
  other.text += " Another story.";
  EXPECT_EQ(ledger.Store(other).status, StoreStatus::kStored);
}

// Sets the stored schema version behind the ledger's back.
void SetSchemaVersion(const testing::LedgerLocation& where, int version) {
  if (where.backend() == Backend::kPostgres) {
    where.Exec("UPDATE newsledger_schema SET version = " + std::to_string(version));
    return;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(where.str().c_str(), &db), SQLITE_OK);
  std::string sql = "PRAGMA user_version = " + std::to_string(version);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST_P(LedgerTest, MigratesANewLedgerAndRefusesANewerSchema) {
  { Ledger ledger(location()); EXPECT_EQ(ledger.SchemaVersion(), Ledger::kSchemaVersion); ledger.Store(FullDocument()); }
  SetSchemaVersion(*location_, Ledger::kSchemaVersion + 5);
  for (bool read_only : {false, true}) {
    try {
      Ledger ledger(location(), {.read_only = read_only});
      FAIL() << "a newer schema was opened";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("newer newsledger (schema 6"), std::string::npos) << e.what();
    }
  }
  // Refused, not modified: the data is still there once the version is restored.
  SetSchemaVersion(*location_, Ledger::kSchemaVersion);
  Ledger ledger(location());
  EXPECT_EQ(ledger.DocumentCount(), 1);
}

TEST_P(LedgerTest, RefusesADatabaseThatHoldsOtherTables) {
  if (GetParam() == Backend::kPostgres) {
    location_->Exec("CREATE TABLE t (x INTEGER)");
  } else {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(location().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  try {
    Ledger ledger(location());
    FAIL() << "opened a database of something else";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not a newsledger ledger"), std::string::npos) << e.what();
  }
}

TEST(LedgerFileTest, RefusesFilesThatAreNotLedgers) {
  TempDir dir;
  std::string junk = dir.file("junk.db");
  { FILE* f = std::fopen(junk.c_str(), "wb"); std::fputs("this is not a database, just some words that fill a page", f); std::fclose(f); }
  try {
    Ledger ledger(junk);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not a SQLite database"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Ledger(dir.file("missing.db"), {.read_only = true}), Error);
}

TEST(LedgerPostgresTest, AServerItCannotReachIsAClearErrorThatHidesThePassword) {
  // Port 1 on the loopback: nothing listens there, the refusal is immediate.
  for (const char* location : {"postgresql://news:s3cret@127.0.0.1:1/news?connect_timeout=2",
                               "postgres:host=127.0.0.1 port=1 dbname=news password=s3cret connect_timeout=2"}) {
    try {
      Ledger ledger(location);
      FAIL() << "connected to " << location;
    } catch (const Error& e) {
      std::string what = e.what();
      EXPECT_NE(what.find("cannot connect to the PostgreSQL server"), std::string::npos) << what;
      EXPECT_EQ(what.find("s3cret"), std::string::npos) << what;
    }
  }
}

TEST(LedgerPostgresTest, WordsBecomeATextSearchQueryWithNoOperatorsFromTheInput) {
  ledger_internal::Dialect pg{ledger_internal::BackendKind::kPostgres};
  EXPECT_EQ(pg.MatchParam("\"death toll\" \"rose\""), "('death' <-> 'toll') & ('rose')");
  EXPECT_EQ(pg.MatchParam("\"it's\" \"a|b\" \"!\""), "('it' <-> 's') & ('a' <-> 'b')");
  EXPECT_EQ(pg.MatchParam(""), "");
  ledger_internal::Dialect lite;
  EXPECT_EQ(lite.MatchParam("\"rose\"", "speaker"), "speaker : (\"rose\")");
}

TEST(LedgerFileTest, AReadOnlyFileIsAClearError) {
  TempDir dir;
  std::string path = dir.file("ledger.db");
  { Ledger ledger(path); ledger.Store(FullDocument()); }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
  try {
    Ledger ledger(path);
    FAIL() << "opened a write-protected ledger for writing";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
  }
  Ledger reader(path, {.read_only = true});
  EXPECT_EQ(reader.DocumentCount(), 1);
}

TEST(LedgerFileTest, ALockedFileIsAClearErrorAndLosesNothing) {
  TempDir dir;
  std::string path = dir.file("ledger.db");
  Ledger ledger(path, {.busy_timeout_ms = 50});
  ledger.Store(FullDocument());
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Document doc = FullDocument();
  doc.text += " More.";
  doc.url.clear();
  try {
    ledger.Store(doc);
    FAIL() << "wrote through another writer's lock";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(ledger.Store(doc).status, StoreStatus::kStored);
  EXPECT_EQ(ledger.DocumentCount(), 2);
}

TEST(LedgerFileTest, AFullDiskRollsBackTheDocumentAndKeepsTheOthers) {
  TempDir dir;
  Ledger ledger(dir.file("ledger.db"));
  ledger.Store(FullDocument());
  // SQLite reports a size limit exactly as it reports a full disk (SQLITE_FULL).
  int64_t pages = Scalar(ledger, "PRAGMA page_count");
  ledger.connection().Exec("PRAGMA max_page_count = " + std::to_string(pages + 2), "test");
  Document big = FullDocument();
  big.url.clear();
  big.text += "\n" + std::string(200000, 'x');
  try {
    ledger.Store(big);
    FAIL() << "wrote past the size limit";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos) << e.what();
  }
  EXPECT_EQ(ledger.DocumentCount(), 1);
  EXPECT_EQ(ledger.Load(1).text, FullDocument().text);
  // In a batch: the document that does not fit is rolled back alone, the one before it
  // in the same batch commits.
  ledger.connection().Exec("PRAGMA max_page_count = 1000000", "test");
  Document small = FullDocument();
  small.url.clear();
  small.text += " Small.";
  ledger.BeginBatch();
  ledger.Store(small);
  ledger.connection().Exec("PRAGMA max_page_count = " + std::to_string(Scalar(ledger, "PRAGMA page_count") + 2), "test");
  EXPECT_THROW(ledger.Store(big), Error);
  ledger.CommitBatch();
  EXPECT_EQ(ledger.DocumentCount(), 2);
}

TEST_P(LedgerTest, MergesEntitiesAcrossDocumentsWithTheirAliases) {
  Ledger ledger(location());
  Document a = MakeDoc("a", "A", "2031-04-12", "", {{"Mayor Ilse Varga visited Lindenfeld. Varga left."}});
  a.entities.push_back(MakeEntity(a, "Ilse Varga", EntityType::kPerson, "Ilse Varga", "e1"));
  a.entities.push_back(MakeEntity(a, "Varga", EntityType::kPerson, "Ilse Varga", "e1", 1));
  a.entities.push_back(MakeEntity(a, "Lindenfeld", EntityType::kLoc, "Lindenfeld", "e2", 0, "DE"));
  Document b = MakeDoc("b", "B", "2031-04-13", "", {{"Varga spoke in Lindenfeld again."}});
  b.entities.push_back(MakeEntity(b, "Varga", EntityType::kPerson, "Varga", "e1"));
  b.entities.push_back(MakeEntity(b, "Lindenfeld", EntityType::kLoc, "Lindenfeld", "e2"));
  Document c = MakeDoc("c", "C", "2031-04-14", "", {{"Varga, a rival, is no relation: Varga Holdings said so."}});
  c.entities.push_back(MakeEntity(c, "Varga Holdings", EntityType::kOrg, "Varga Holdings", "e1"));
  ledger.Store(a);
  ledger.Store(b);
  ledger.Store(c);
  EXPECT_EQ(Rows(ledger, "SELECT name, type, country, documents, mentions FROM global_entities ORDER BY id"),
            (std::vector<std::string>{"Ilse Varga|PERSON||2|3", "Lindenfeld|LOC|DE|2|2", "Varga Holdings|ORG||1|1"}));
}

TEST_P(LedgerTest, RefusesSpansOutsideTheTextAndStoresNothing) {
  Ledger ledger(location());
  Document doc = FullDocument();
  doc.quotes[0].span = {10, static_cast<uint32_t>(doc.text.size() + 5)};
  EXPECT_THROW(ledger.Store(doc), Error);
  doc = FullDocument();
  doc.entities[1].span = {20, 10};
  EXPECT_THROW(ledger.Store(doc), Error);
  EXPECT_EQ(ledger.DocumentCount(), 0);
  EXPECT_NO_THROW(CheckSpans(FullDocument()));
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

TEST(LedgerTest, ContentHashIsSha256) {
  EXPECT_EQ(ContentHash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ContentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ContentHash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(ContentHash(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

struct SubjectCase {
  const char* counted;
  const char* expected;
};

TEST(SubjectTest, NormalizesCountedPhrases) {
  const SubjectCase cases[] = {
      {"lethal strikes", "lethal strike"}, {"The Casualties", "casualty"}, {"people", "people"},
      {"children", "child"},               {"houses", "house"},            {"boxes", "box"},
      {"bridges", "bridge"},               {"", ""},
  };
  for (const SubjectCase& c : cases) EXPECT_EQ(NormalizeSubject(c.counted), c.expected) << c.counted;
}

struct CountCase {
  const char* sentence;
  const char* quantity;
  const char* counted;
  const char* expected;
};

TEST(SubjectTest, CountsTakeTheirOutcome) {
  const CountCase cases[] = {
      {"At least 14 people were killed in the blast.", "At least 14", "people", "people killed"},
      {"At least 14 miners were killed on Sunday.", "At least 14", "miners", "people killed"},
      {"Officials counted 37 dead.", "37", "dead", "people killed"},
      {"There were more than 80 deaths.", "more than 80", "deaths", "people killed"},
      {"The floods killed 12 people on Monday.", "12", "people", "people killed"},
      {"The death toll has risen to at least 16.", "at least 16", "", "people killed"},
      {"Twelve soldiers were reportedly wounded.", "Twelve", "soldiers", "soldier injured"},
      {"Nine lethal strikes killed 40 people.", "Nine", "lethal strikes", "lethal strike"},
      {"About 18,000 people live in the town.", "About 18,000", "people", ""},
      {"Police arrested 30 protesters.", "30", "protesters", "people arrested"},
      {"The mill made 500 tonnes of steel.", "500", "tonnes of steel", "tonne steel"},
  };
  for (const CountCase& c : cases) {
    Document doc = MakeDoc("k", "K", "2031-05-02", "", {{c.sentence}});
    doc.quantities.push_back(MakeCount(doc, c.quantity, 1, Qualifier::kExact, c.counted));
    EXPECT_EQ(DeriveQuantityKey(doc, 0).subject, c.expected) << c.sentence;
  }
}

TEST(SubjectTest, PlaceAndPeriodComeFromTheSentence) {
  Document doc = MakeDoc("k", "K", "2031-05-02", "",
                         {{"At least 14 people were killed in Marrow, Quell, on Tuesday.", "Officials counted 37 dead."}});
  doc.entities.push_back(MakeEntity(doc, "Marrow", EntityType::kLoc, "Marrow", "e1"));
  doc.entities.push_back(MakeEntity(doc, "Quell", EntityType::kLoc, "Quell", "e2"));
  doc.times.push_back(MakeDate(doc, "Tuesday", "2031-04-29"));
  doc.quantities.push_back(MakeCount(doc, "At least 14", 14, Qualifier::kAtLeast, "people"));
  doc.quantities.push_back(MakeCount(doc, "37", 37, Qualifier::kExact, "dead"));
  QuantityKey k0 = DeriveQuantityKey(doc, 0), k1 = DeriveQuantityKey(doc, 1);
  EXPECT_EQ(k0.place, "marrow|quell");
  EXPECT_EQ(k0.period, "2031-04-29");
  EXPECT_EQ(k1.place, "");
  EXPECT_EQ(k1.period, "2031-05-02");
  EXPECT_TRUE(PlacesMatch("marrow|quell", "quell"));
  EXPECT_TRUE(PlacesMatch("", ""));
  EXPECT_FALSE(PlacesMatch("marrow", ""));
  EXPECT_FALSE(PlacesMatch("marrow|quell", "tessel"));
}

}  // namespace
}  // namespace newsledger

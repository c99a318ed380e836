#include "code/event_lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "code/event_lexicon_trainer.h"
#include "newsledger/error.h"

namespace newsledger {
namespace {

namespace fs = std::filesystem;

fs::path Write(const std::string& name, const std::string& body) {
  fs::path p = fs::temp_directory_path() / ("newsledger_lex_" + name);
  std::ofstream(p, std::ios::binary) << body;
  return p;
}

TEST(EventLexicon, ReadsPetrarchVerbFormat) {
  fs::path f = Write("verbs.txt",
                     "<!-- a comment\n spanning lines -->\n"
                     "&TIES\n+TIES\n+RELATIONS_\n\n"
                     "--- RESTORE [---] ---\n"
                     "RESTORE  # comment\n"
                     "RENEW {RENEWS RENEWED RENEWING} [040]\n"
                     "+FIGHT_BACK {+FOUGHT_BACK}\n"
                     "- * DIPLOMATIC &TIES WITH + [050]\n"
                     "- % * RELATIONS [050:050]\n");
  EventLexicon lex;
  lex.AddPetrarchVerbs(f);
  ASSERT_TRUE(lex.LemmaOf("restored"));
  EXPECT_EQ(*lex.LemmaOf("restored"), "restore");
  EXPECT_EQ(*lex.LemmaOf("renewed"), "renew");
  EXPECT_EQ(*lex.LemmaOf("fought back"), "fight back");
  EXPECT_EQ(lex.Verb("restore")->code, "---");
  EXPECT_EQ(lex.Verb("renew")->code, "040");
  const auto& pats = lex.Patterns(lex.Verb("restore")->block);
  ASSERT_EQ(pats.size(), 2u);
  EXPECT_EQ(pats[0].code, "050");
  ASSERT_EQ(pats[0].after.size(), 3u);
  EXPECT_TRUE(lex.SlotMatches(pats[0].after[0], "diplomatic"));
  EXPECT_TRUE(lex.SlotMatches(pats[0].after[1], "ties"));
  EXPECT_TRUE(lex.SlotMatches(pats[0].after[1], "relations"));
  EXPECT_FALSE(lex.SlotMatches(pats[0].after[1], "trade"));
  EXPECT_EQ(pats[1].code, "050:050");
  // Written and read back, the compact form says the same.
  std::ostringstream out;
  lex.WriteVerbs(out, "# test\n");
  fs::path compact = Write("verbs.tsv", out.str());
  EventLexicon back;
  back.LoadVerbs(compact);
  EXPECT_EQ(*back.LemmaOf("renewing"), "renew");
  EXPECT_EQ(back.Patterns(back.Verb("restore")->block).size(), 2u);
}

TEST(EventLexicon, ReadsActorsAndAgents) {
  fs::path actors = Write("actors.txt",
                          "GONDOR [GON]\n+MINAS_TIRITH\n"
                          "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\n"
                          "BOROMIR [---]\n");
  EventLexicon lex;
  lex.AddPetrarchActors(actors, [](std::string_view c) { return std::string(c.substr(0, 3)); });
  ASSERT_TRUE(lex.Actor("minas tirith"));
  EXPECT_EQ(lex.Actor("minas tirith")->country, "GON");
  ASSERT_TRUE(lex.Actor("smeagol"));
  EXPECT_EQ(lex.Actor("smeagol")->sector, "rebel");  // the last code listed wins
  EXPECT_FALSE(lex.Actor("boromir"));
  fs::path agents = Write("agents.txt",
                          "!PERSON! = MAN, MEN\nPOLICE!PERSON! [~COP]\nTROOPS {} [~MIL]\n"
                          "FOREIGN_MINISTER [~GOVFRM]\nCARTEL [~CRM]\n");
  lex.AddPetrarchAgents(agents);
  EXPECT_EQ(lex.Agent("policemen")->sector, "police");
  EXPECT_EQ(lex.Agent("troops")->sector, "military");
  EXPECT_EQ(lex.Agent("foreign ministers")->sector, "government");
  EXPECT_EQ(lex.Agent("cartels")->sector, "criminal");
  EXPECT_THROW(lex.AddPetrarchVerbs("/nonexistent/verbs.txt"), Error);
}

TEST(EventLexicon, ShippedLexiconAndPloverMap) {
  EventLexicon lex = EventLexicon::Load();
  EXPECT_GT(lex.verb_count(), 1000u);
  EXPECT_EQ(lex.Actor("mexico")->country, "MX");
  EXPECT_EQ(lex.Actor("u.s.")->country, "US");
  EXPECT_EQ(lex.Agent("cartel")->sector, "criminal");
  struct { const char* code; const char* type; } map[] = {
      {"190", "ASSAULT"}, {"195", "ASSAULT"}, {"138", "THREATEN"}, {"163", "SANCTION"},
      {"173", "COERCE"}, {"041", "CONSULT"}, {"0874", "RETREAT"}, {"1012", "REQUEST"}, {"010", ""}};
  for (const auto& m : map) {
    const PloverType* p = lex.ToPlover(m.code);
    ASSERT_TRUE(p) << m.code;
    EXPECT_EQ(p->type, m.type) << m.code;
  }
  EXPECT_FALSE(lex.ToPlover("903"));
}

TEST(EventLexicon, GeneratorReproducesShippedFiles) {
  fs::path data = NEWSLEDGER_SHARED_DATA;
  if (!fs::exists(data / "petrarch2")) GTEST_SKIP() << "no shared data at " << data;
  fs::path out = fs::temp_directory_path() / "newsledger_lexgen";
  BuildEventLexicons(data, out);
  auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  for (const char* f : {"event_verbs.tsv", "event_actors.tsv", "event_agents.tsv"})
    EXPECT_EQ(slurp(out / f), slurp(fs::path(NEWSLEDGER_SOURCE_DIR) / "data" / f)) << f << " is stale: run `newsledger train events`";
}

}  // namespace
}  // namespace newsledger

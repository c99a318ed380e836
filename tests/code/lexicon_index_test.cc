#include "code/lexicon_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace newsledger {
namespace {

namespace fs = std::filesystem;

fs::path Write(const std::string& name, const std::string& body) {
  fs::path p = fs::temp_directory_path() / ("newsledger_lexindex_" + name);
  std::ofstream(p, std::ios::binary) << body;
  return p;
}

// Walks a key's pieces from a root, the way the coders walk token keys.
uint32_t WalkKey(const LexiconIndex& index, uint32_t root, std::string_view key) {
  std::vector<uint32_t> ids;
  index.PieceIds(key, ids);
  return index.Walk(root, ids.data(), ids.size());
}

TEST(StringIds, InternsAndFinds) {
  StringIds ids;
  EXPECT_EQ(ids.Find("strike"), StringIds::kNone);
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(i * 7919) + std::string(i % 13, 'x'));
  words.push_back("");
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(ids.Intern(words[i]), i);
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(ids.Find(words[i]), i) << words[i];
  EXPECT_EQ(ids.Intern(words[3]), 3u);
  EXPECT_EQ(ids.Find("w1x"), StringIds::kNone);
  EXPECT_EQ(ids.size(), words.size());
}

// The index answers exactly what the lexicon's string lookups answer.
TEST(LexiconIndex, MatchesTheLexiconsLookups) {
  EventLexicon lex;
  lex.AddPetrarchVerbs(Write("verbs.txt",
                             "&TIES\n+TIES\n+RELATIONS_\n\n"
                             "--- RESTORE [---] ---\n"
                             "RESTORE\n"
                             "RENEW {RENEWS RENEWED RENEWING} [040]\n"
                             "+FIGHT_BACK {+FOUGHT_BACK}\n"
                             "- * DIPLOMATIC &TIES WITH + [050]\n"
                             "- % * RELATIONS [050:050]\n"
                             "- EFFORT * TALKS [051]\n"));
  lex.LoadActors(Write("actors.tsv", "arnor\tAR\t\nnew arnor republic\tNR\tgovernment\nnew\tNW\t\n"));
  lex.LoadAgents(Write("agents.tsv", "troops\tmilitary\nsecurity forces\tpolice\n"));
  LexiconIndex index(lex);

  const std::vector<std::string> keys = {"arnor", "new arnor republic", "new arnor", "new", "troops",
                                         "security forces", "security", "restored", "fought back",
                                         "fight back", "renewing", "fought", "unknown words", ""};
  for (const std::string& key : keys) {
    SCOPED_TRACE(key);
    uint32_t a = WalkKey(index, index.actor_root(), key);
    EXPECT_EQ(a == LexiconIndex::kNone ? nullptr : index.node(a).actor, lex.Actor(key));
    uint32_t g = WalkKey(index, index.agent_root(), key);
    EXPECT_EQ(g == LexiconIndex::kNone ? nullptr : index.node(g).agent, lex.Agent(key));
    uint32_t f = WalkKey(index, index.form_root(), key);
    EXPECT_EQ(f == LexiconIndex::kNone ? nullptr : index.node(f).lemma, lex.LemmaOf(key));
    if (const std::string* lemma = lex.LemmaOf(key)) {
      EXPECT_EQ(index.node(f).verb, lex.Verb(*lemma));
    }
  }
  // A prefix of a name leads to an inner node that names nothing.
  uint32_t inner = WalkKey(index, index.actor_root(), "new arnor");
  ASSERT_NE(inner, LexiconIndex::kNone);
  EXPECT_EQ(index.node(inner).actor, nullptr);

  // Every pattern slot matches the same words as EventLexicon::SlotMatches.
  const std::vector<std::string> words = {"diplomatic", "ties", "relations", "relation", "with", "effort",
                                          "efforts", "effor", "talks", "trade", "", "x"};
  const uint32_t block = lex.Verb("restore")->block;
  const auto& raw = lex.Patterns(block);
  const auto& compiled = index.Patterns(block);
  ASSERT_EQ(raw.size(), compiled.size());
  std::vector<uint32_t> ids;
  for (size_t p = 0; p < raw.size(); ++p) {
    EXPECT_EQ(*compiled[p].code, raw[p].code);
    ASSERT_EQ(raw[p].after.size(), compiled[p].after.size());
    ASSERT_EQ(raw[p].before.size(), compiled[p].before.size());
    auto check = [&](const PatternSlot& slot, uint32_t s) {
      for (const std::string& w : words) {
        index.TokenIds(w, ids);
        EXPECT_EQ(LexiconIndex::SlotMatches(index.slot(s), ids.data(), ids.size()), lex.SlotMatches(slot, w))
            << "pattern " << p << " word '" << w << "'";
        // The inverted lists agree with the slots.
        bool listed = false;
        for (uint32_t id : ids) {
          auto [b, e] = index.SlotsWith(id);
          for (const uint32_t* x = b; x != e; ++x) listed |= *x == s;
        }
        EXPECT_EQ(listed, lex.SlotMatches(slot, w));
      }
    };
    for (size_t k = 0; k < raw[p].after.size(); ++k) check(raw[p].after[k], compiled[p].after[k]);
    for (size_t k = 0; k < raw[p].before.size(); ++k) check(raw[p].before[k], compiled[p].before[k]);
  }
}

// The coder tests only the patterns all of whose slots a window matched
// (PatternsWith, distinct_slots); that skips no pattern only if every pattern is
// listed under each of its slots, once, and counts its slots right. Checked on the
// shipped lexicon, with the prefix trie behind TokenIds against the lexicon's own
// string matching.
TEST(LexiconIndex, PatternListsAndPrefixesMatchTheShippedLexicon) {
  const EventLexicon lex = EventLexicon::Load();
  const LexiconIndex index(lex);
  std::map<uint32_t, const PatternSlot*> raw_slot;  // compiled slot -> one raw slot compiled to it
  size_t listed = 0, counted = 0;
  for (uint32_t block = 0; block < lex.block_count(); ++block) {
    const auto& compiled = index.Patterns(block);
    ASSERT_EQ(compiled.size(), lex.Patterns(block).size());
    EXPECT_LE(compiled.size(), index.max_block_patterns());
    for (uint32_t k = 0; k < compiled.size(); ++k) {
      std::set<uint32_t> distinct;
      for (const auto* side : {&compiled[k].before, &compiled[k].after}) distinct.insert(side->begin(), side->end());
      EXPECT_EQ(compiled[k].distinct_slots, distinct.size()) << "block " << block << " pattern " << k;
      counted += distinct.size();
      for (uint32_t s : distinct) {
        auto [b, e] = index.PatternsWith(s, block);
        EXPECT_EQ(std::count(b, e, k), 1) << "block " << block << " pattern " << k << " slot " << s;
        EXPECT_TRUE(std::is_sorted(b, e));
      }
      const VerbPattern& raw = lex.Patterns(block)[k];
      for (size_t j = 0; j < raw.before.size(); ++j) raw_slot.emplace(compiled[k].before[j], &raw.before[j]);
      for (size_t j = 0; j < raw.after.size(); ++j) raw_slot.emplace(compiled[k].after[j], &raw.after[j]);
    }
  }
  for (uint32_t s = 0; s < index.slot_count(); ++s)
    for (uint32_t block = 0; block < lex.block_count(); ++block) {
      auto [b, e] = index.PatternsWith(s, block);
      listed += static_cast<size_t>(e - b);
    }
  EXPECT_EQ(listed, counted);  // nothing listed that is not in a pattern

  // Words known and unknown to the vocabulary, prefixes of pattern prefixes, and
  // keys the trie walk must stop on (empty, one byte, non-ASCII).
  const std::vector<std::string> words = {"diplomatic", "relations", "efforts", "effort", "effo", "talks",
                                          "sanctions", "sanction", "sanctioning", "military", "militarily",
                                          "ties", "troops", "aid", "aids", "assistance", "peacekeepers",
                                          "peace", "the", "of", "to", "x", "", "é", "negotiations",
                                          "negotiate", "zzzz", "cooperation", "cooperative", "co"};
  std::vector<uint32_t> ids;
  for (const std::string& w : words) {
    index.TokenIds(w, ids);
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    for (const auto& [s, raw] : raw_slot)
      EXPECT_EQ(LexiconIndex::SlotMatches(index.slot(s), ids.data(), ids.size()), lex.SlotMatches(*raw, w))
          << "slot " << s << " word '" << w << "'";
  }
}

}  // namespace
}  // namespace newsledger

// quote_eval_test.cc: the scoring behind `evaluate quotes`, and the score of the
// full pipeline on our annotated set (tests/data/quotes) as a regression guard.
#include "eval/quote_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "newsledger/error.h"
#include "newsledger/pipeline.h"
#include "newsledger/reader.h"

namespace newsledger::eval {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::filesystem::path p = std::filesystem::temp_directory_path() / name;
  std::ofstream(p) << content;
  return p.string();
}

TEST(QuoteEval, ReadsGoldAndReportsBadLines) {
  std::string ok = WriteTemp("nl_quote_gold_ok.jsonl",
                             "{\"file\":\"a.txt\",\"text\":\"x y\",\"direct\":true,\"speaker\":null,\"cue\":\"said\"}\n"
                             "\n"
                             "{\"file\":\"a.txt\",\"text\":\"z\",\"direct\":false,\"speaker\":\"Ann Lee\","
                             "\"occurrence\":2}\n");
  std::vector<GoldQuote> g = ReadGoldQuotes(ok);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_FALSE(g[0].speaker.has_value());
  EXPECT_EQ(*g[1].speaker, "Ann Lee");
  EXPECT_EQ(g[1].occurrence, 2u);
  EXPECT_FALSE(g[1].direct);

  const char* bad[] = {
      "not json",
      "{\"text\":\"x\",\"direct\":true}",
      "{\"file\":\"a\",\"direct\":true}",
      "{\"file\":\"a\",\"text\":\"x\"}",
      "{\"file\":\"a\",\"text\":\"x\",\"direct\":true,\"speaker\":3}",
  };
  for (const char* line : bad) {
    std::string p = WriteTemp("nl_quote_gold_bad.jsonl", std::string("\n") + line + "\n");
    try {
      ReadGoldQuotes(p);
      ADD_FAILURE() << "accepted: " << line;
    } catch (const Error& e) {
      EXPECT_EQ(e.where(), p + ":2") << line;
    }
  }
  EXPECT_THROW(ReadGoldQuotes("/nonexistent/gold.jsonl"), Error);
}

TEST(QuoteEval, LocatesDirectQuotesAfterAMark) {
  Document doc;
  doc.text = "It was open season. She said it was “open” again, then \"open\".";
  GoldQuote g;
  g.text = "open";
  g.direct = true;
  auto s = LocateGold(doc, g);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->start, doc.text.find("“open”") + 3);
  g.occurrence = 1;
  s = LocateGold(doc, g);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->start, doc.text.find("\"open\"") + 1);
  g.direct = false;
  g.occurrence = 0;
  EXPECT_EQ(LocateGold(doc, g)->start, doc.text.find("open"));
  g.text = "absent";
  EXPECT_FALSE(LocateGold(doc, g));
}

TEST(QuoteEval, NormalizesSpeakers) {
  EXPECT_EQ(NormalizeSpeaker("The  Interior Ministry"), "interior ministry");
  EXPECT_EQ(NormalizeSpeaker("rail users’ groups"), "rail users' groups");
  EXPECT_EQ(NormalizeSpeaker("Jean\u2011Baptiste Lukusa"), "jean-baptiste lukusa");
  EXPECT_EQ(NormalizeSpeaker(""), "");
}

TEST(QuoteEval, ScoresOverlapKindAndSpeaker) {
  Document doc;
  doc.origin = "t";
  doc.text = "Ann Lee said the river rose 3 metres. “It is bad,” she said.";
  auto span_of = [&](std::string_view s) {
    uint32_t at = static_cast<uint32_t>(doc.text.find(s));
    return Span{at, at + static_cast<uint32_t>(s.size())};
  };
  GoldQuote g1{"t", "the river rose 3 metres", false, std::string("Ann Lee"), "said", 0, "g:1"};
  GoldQuote g2{"t", "It is bad,", true, std::string("Ann Lee"), "said", 0, "g:2"};
  Quote p1;
  p1.span = span_of("the river rose 3");  // 4 of 5 words: overlap >= 0.5
  p1.direct = false;
  p1.speaker = "ann lee";
  p1.cue = "said";
  Quote p2;
  p2.span = span_of("It is bad,");
  p2.direct = false;  // wrong kind: no match
  p2.speaker = "Ann Lee";
  doc.quotes = {p1, p2};
  QuoteScores s;
  std::vector<std::string> notes;
  ScoreQuotes(doc, {&g1, &g2}, &s, &notes);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_EQ(s.predicted, 2u);
  EXPECT_EQ(s.matched, 1u);
  EXPECT_EQ(s.exact, 0u);
  EXPECT_EQ(s.speaker_correct, 1u);
  EXPECT_DOUBLE_EQ(s.f1(), 0.5);
  EXPECT_EQ(notes.size(), 2u);  // one miss, one false alarm
}

// The whole pipeline on our hand-annotated set: guards the figures in the README.
TEST(QuoteEval, AnnotatedSetMeetsTargets) {
  std::filesystem::path dir = std::filesystem::path(NEWSLEDGER_SOURCE_DIR) / "tests/data/quotes";
  std::vector<GoldQuote> gold = ReadGoldQuotes((dir / "gold.jsonl").string());
  ASSERT_GE(gold.size(), 60u);
  std::map<std::string, std::vector<const GoldQuote*>> by_file;
  for (const GoldQuote& g : gold) by_file[g.file].push_back(&g);
  ASSERT_GE(by_file.size(), 10u);
  Pipeline pipeline;
  QuoteScores scores;
  for (const auto& [file, quotes] : by_file) {
    size_t docs = 0;
    ReadPath(
        (dir / file).string(),
        [&](Document&& doc) {
          pipeline.annotate(doc);
          ScoreQuotes(doc, quotes, &scores);
          ++docs;
        },
        [](const ReadIssue&) {});
    EXPECT_EQ(docs, 1u) << file;
  }
  EXPECT_EQ(scores.unlocated, 0u);
  EXPECT_GE(scores.f1(), 0.90);
  EXPECT_GE(scores.speaker_accuracy(), 0.90);
}

}  // namespace
}  // namespace newsledger::eval

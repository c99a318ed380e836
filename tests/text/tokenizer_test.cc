#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsledger::text {
namespace {

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<Token> out;
  Tokenize(s, {0, static_cast<uint32_t>(s.size())}, &out);
  std::vector<std::string> forms;
  for (const Token& t : out) forms.push_back(s.substr(t.span.start, t.span.size()));
  return forms;
}

struct Case {
  const char* input;
  std::vector<std::string> expected;
};

class TokenizerTest : public ::testing::TestWithParam<Case> {};

TEST_P(TokenizerTest, SplitsAsUdDoes) {
  EXPECT_EQ(Tokens(GetParam().input), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenizerTest,
    ::testing::Values(
        Case{"The U.S. Navy said so.", {"The", "U.S.", "Navy", "said", "so", "."}},
        Case{"Dr. Ana Ruiz met Gen. Lee on Jan. 5.", {"Dr.", "Ana", "Ruiz", "met", "Gen.", "Lee", "on", "Jan.", "5", "."}},
        Case{"J. R. Ewing", {"J.", "R.", "Ewing"}},
        Case{"about 80,000 people, 3.5 tons", {"about", "80,000", "people", ",", "3.5", "tons"}},
        Case{"costs $38 million, or 12%.", {"costs", "$", "38", "million", ",", "or", "12", "%", "."}},
        Case{"Peru\u2019s port", {"Peru", "\u2019s", "port"}},
        Case{"she wouldn\u2019t go", {"she", "would", "n\u2019t", "go"}},
        Case{"I can't and we've", {"I", "ca", "n't", "and", "we", "'ve"}},
        Case{"cross\u2011border trade", {"cross\u2011border", "trade"}},
        Case{"long-term deal", {"long", "-", "term", "deal"}},
        Case{"a non-binding vote", {"a", "non-binding", "vote"}},
        Case{"call 713-555-0100 now", {"call", "713-555-0100", "now"}},
        Case{"at 10:30 on 9/11", {"at", "10:30", "on", "9/11"}},
        Case{"\u201cWe agree,\u201d she said", {"\u201c", "We", "agree", ",", "\u201d", "she", "said"}},
        Case{"\"Yes\" he said", {"\"", "Yes", "\"", "he", "said"}},
        Case{"wait... then\u2026 now", {"wait", "...", "then", "\u2026", "now"}},
        Case{"2025\u2014weeks later", {"2025", "\u2014", "weeks", "later"}},
        Case{"see https://example.org/a?b=1. Then", {"see", "https://example.org/a?b=1", ".", "Then"}},
        Case{"mail press@example.com today", {"mail", "press@example.com", "today"}},
        Case{"from reuters.com today", {"from", "reuters.com", "today"}},
        Case{"in the 1990s and the 21st", {"in", "the", "1990s", "and", "the", "21st"}},
        Case{"O\u2019Brien cannot", {"O\u2019Brien", "can", "not"}},
        Case{"S\u00e3o Paulo \u00a0 na\u00efve", {"S\u00e3o", "Paulo", "na\u00efve"}},
        Case{"", {}},
        Case{"  \n ", {}}));

TEST(TokenizerTest, SpansCoverEveryNonSpaceByteInOrder) {
  std::string s = "Officials said 1,200 \u201cdisplaced\u201d families (about 6%) fled\u2014U.S. data.";
  std::vector<Token> out;
  Tokenize(s, {0, static_cast<uint32_t>(s.size())}, &out);
  uint32_t pos = 0;
  for (const Token& t : out) {
    ASSERT_GE(t.span.start, pos);
    for (uint32_t k = pos; k < t.span.start; ++k) EXPECT_TRUE(s[k] == ' ') << "byte " << k << " skipped";
    ASSERT_GT(t.span.end, t.span.start);
    pos = t.span.end;
  }
  EXPECT_EQ(pos, s.size());
}

TEST(TokenizerTest, SpaceAfterReflectsAdjacency) {
  std::string s = "Yes, no";
  std::vector<Token> out;
  Tokenize(s, {0, static_cast<uint32_t>(s.size())}, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].space_after);
  EXPECT_TRUE(out[1].space_after);
}

TEST(TokenizerTest, ToleratesStrayBytesAndLongRuns) {
  std::string s(100000, '9');
  s += " \xff\xfe abc";
  s += std::string(5000, '!');
  std::vector<Token> out;
  Tokenize(s, {0, static_cast<uint32_t>(s.size())}, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].span.size(), 100000u);
}

}  // namespace
}  // namespace newsledger::text

namespace newsledger::text {
namespace {

// Letter runs are scanned 16 bytes at a time: words longer than a block, words that
// end at a block edge, and a range that ends inside a run of letters must all give
// the same tokens as the byte-by-byte scan.
TEST(TokenizerTest, LetterRunsAcrossBlocksAndRangeEnds) {
  struct RangeCase {
    std::string text;
    uint32_t end;
    std::vector<std::string> expected;
  };
  const std::string long_word(40, 'q');
  const std::vector<RangeCase> cases = {
      {long_word + " end of text padding here", 40, {long_word}},
      {"Abcdefghijklmnop qrs tuvwxyzabcdefghijklmnop", 44, {"Abcdefghijklmnop", "qrs", "tuvwxyzabcdefghijklmnop"}},
      {"Internationalisation9x and then more letters follow", 21, {"Internationalisation9"}},
      {"Counterrevolutionaries are words longer than sixteen", 10, {"Counterrev"}},
      {"caf\xC3\xA9terias stay one word even after the accent", 11, {"caf\xC3\xA9terias"}},
  };
  for (const RangeCase& c : cases) {
    std::vector<Token> out;
    Tokenize(c.text, {0, c.end}, &out);
    std::vector<std::string> forms;
    for (const Token& t : out) forms.push_back(c.text.substr(t.span.start, t.span.size()));
    EXPECT_EQ(forms, c.expected) << c.text << " up to " << c.end;
  }
}

}  // namespace
}  // namespace newsledger::text

// Table-driven tests of the shared number parser (recognize/number_parser.h), on
// phrases written for these tests.
#include "recognize/number_parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace newsledger::recognize {
namespace {

struct Lexed {
  std::string text, lower;
  std::vector<Lexeme> lx;
  explicit Lexed(std::string t) : text(std::move(t)), lower(LowerAscii(text)) {
    Lex(text, lower, {0, static_cast<uint32_t>(text.size())}, &lx);
  }
  uint32_t size() const { return static_cast<uint32_t>(lx.size()); }
};

struct Case {
  const char* text;
  double value;
  bool ordinal;
  bool fraction;
};

class WholePhrase : public ::testing::TestWithParam<Case> {};

// Each phrase is read whole, with its value and kind.
TEST_P(WholePhrase, IsOneNumber) {
  const Case& c = GetParam();
  Lexed l(c.text);
  auto m = ParseNumber(l.lx, 0, l.size());
  ASSERT_TRUE(m.has_value()) << c.text;
  EXPECT_EQ(m->end, l.size()) << c.text;
  EXPECT_NEAR(m->value, c.value, 1e-9 * std::max(1.0, std::fabs(c.value))) << c.text;
  EXPECT_EQ(m->ordinal, c.ordinal) << c.text;
  EXPECT_EQ(m->fraction, c.fraction) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    NumberParser, WholePhrase,
    ::testing::Values(
        // digits grouped by spaces, scales, powers
        Case{"1 234 567", 1234567, false, false}, Case{"40 000", 40000, false, false},
        Case{"1 234 567.89", 1234567.89, false, false}, Case{"6.23x10^-4", 0.000623, false, false},
        Case{"1.2b", 1.2e9, false, false}, Case{"3 dozens", 36, false, false},
        Case{"4 thousand 3 hundred and 21", 4321, false, false}, Case{"3 hundred and one", 301, false, false},
        Case{"3 million and a quarter", 3.25e6, false, false},
        // decimals read digit by digit
        Case{"two hundred point seven five", 200.75, false, false},
        Case{"nought point eleven", 0.11, false, false}, Case{"one point five million", 1.5e6, false, false},
        // fractions and their denominators
        Case{"a fifth", 0.2, false, true}, Case{"a hundredth", 0.01, false, true},
        Case{"three twenty-firsts", 3.0 / 21, false, true}, Case{"one hundred thirty fifths", 100.0 / 35, false, true},
        Case{"one hundred and thirty fifths", 26, false, true}, Case{"one one hundred fifth", 1.0 / 105, false, true},
        Case{"one hundred and three quarters", 100.75, false, false},
        Case{"one million and a half", 1.5e6, false, false}, Case{"five and a half million", 5.5e6, false, false},
        Case{"one billion and a half million", 1.0005e9, false, false},
        Case{"quarter million", 250000, false, false}, Case{"hundred thousand", 1e5, false, false},
        // ratios
        Case{"one in five", 0.2, false, true}, Case{"two out of three", 2.0 / 3, false, true},
        Case{"1 over 4", 0.25, false, true},
        // ordinals
        Case{"twenty-fifth", 25, true, false}, Case{"one hundred twenty fifth", 125, true, false},
        Case{"a hundred trillionth", 1e14, true, false}, Case{"two hundredth", 200, true, false}));

// Where a number stops: ratios need a share of a whole, not a year, a duration or a
// following noun after "over"; a singular ordinal after "a" is a rank, not 1/n.
TEST(NumberParser, StopsWhereTheNumberEnds) {
  struct Stop {
    const char* text;
    uint32_t end;
    double value;
  };
  const Stop cases[] = {
      {"12 in 24 hours", 1, 12},
      {"2 in 2019", 1, 2},
      {"5 over 12 months", 1, 5},
      {"3 hundred and 2 hundred", 2, 300},
      {"4 thousand 3 hundred and 0", 4, 4300},
      {"5 B.", 1, 5},  // a spaced one-letter scale needs a decimal number ("1,674.5 G")
  };
  for (const Stop& c : cases) {
    Lexed l(c.text);
    auto m = ParseNumber(l.lx, 0, l.size());
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->end, c.end) << c.text;
    EXPECT_DOUBLE_EQ(m->value, c.value) << c.text;
  }
  Lexed century("a twenty-first century idea");
  auto m = ParseNumber(century.lx, 0, century.size());
  EXPECT_FALSE(m.has_value() && m->fraction);
}

// Long chains of "and" parts and scales: bounded recursion, every reading moves on.
TEST(NumberParser, LongChainsStayLinear) {
  std::string text;
  for (int k = 0; k < 2000; ++k) text += "one and ";
  for (int k = 0; k < 2000; ++k) text += "3 hundred and ";
  for (int k = 0; k < 2000; ++k) text += "1 thousand 2 hundred ";
  for (int k = 0; k < 2000; ++k) text += "one one twenty-first ";
  Lexed l(text);
  uint32_t i = 0, readings = 0;
  while (i < l.size()) {
    auto m = ParseNumber(l.lx, i, l.size());
    if (!m) { ++i; continue; }
    ASSERT_GT(m->end, i);
    ASSERT_LE(m->end - i, 8u) << "a reading ran on at lexeme " << i;
    ++readings;
    i = m->end;
  }
  EXPECT_GT(readings, 4000u);
}

TEST(NumberParser, RelativeOrdinals) {
  struct Rel {
    const char* text;
    uint32_t at, end;
    bool from_end;
    int offset;
  };
  const Rel cases[] = {
      {"the second to last", 0, 4, true, -1}, {"the third to last", 0, 4, true, -2},
      {"the last but one", 0, 4, true, -1},   {"the one before the last", 0, 5, true, -1},
      {"penultimate", 0, 1, true, -1},        {"antepenultimate", 0, 1, true, -2},
      {"next to last", 0, 3, true, -1},       {"last", 0, 1, true, 0},
      {"next one", 0, 2, false, 1},           {"previous", 0, 1, false, -1},
  };
  for (const Rel& c : cases) {
    Lexed l(c.text);
    auto r = ParseRelativeOrdinal(l.lx, c.at, l.size());
    ASSERT_TRUE(r.has_value()) << c.text;
    EXPECT_EQ(r->end, c.end) << c.text;
    EXPECT_EQ(r->from_end, c.from_end) << c.text;
    EXPECT_EQ(r->offset, c.offset) << c.text;
  }
  Lexed plain("the report");
  EXPECT_FALSE(ParseRelativeOrdinal(plain.lx, 0, plain.size()).has_value());
}

TEST(NumberParser, OneAsAPronoun) {
  const char* pronouns[] = {"Which one", "the one", "this one", "one another"};
  for (const char* t : pronouns) {
    Lexed l(t);
    uint32_t at = l.lx[0].is("one") ? 0 : 1;
    EXPECT_TRUE(OneIsPronoun(l.lx, at, 0, l.size())) << t;
  }
  Lexed count("one soldier");
  EXPECT_FALSE(OneIsPronoun(count.lx, 0, 0, count.size()));
}

// Digit strings: plain digits take a fast path, separators and decimals the full one;
// both must give the exact value, and refuse more than 15 significant digits.
TEST(ParseDigitsTest, PlainAndSeparatedDigits) {
  struct D {
    const char* s;
    std::optional<double> v;
  };
  for (const D& d : std::vector<D>{{"0", 0},
                                   {"7", 7},
                                   {"007", 7},
                                   {"2025", 2025},
                                   {"999999999999999", 999999999999999.0},
                                   {"000000000000001", 1},
                                   {"1234567890123456", std::nullopt},
                                   {"0000000000000001", 1},
                                   {"80,000", 80000},
                                   {"3.5", 3.5},
                                   {"1.111,11", 1111.11},
                                   {"12,34,567.89", 1234567.89},
                                   {"192.168.1.2", std::nullopt},
                                   {"", std::nullopt}}) {
    std::optional<double> got = ParseDigits(d.s);
    ASSERT_EQ(got.has_value(), d.v.has_value()) << d.s;
    if (got) {
      EXPECT_EQ(*got, *d.v) << d.s;
    }
  }
}

}  // namespace
}  // namespace newsledger::recognize

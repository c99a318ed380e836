// pipeline_quantities_test.cc: money and counts read through the whole pipeline (the
// recognizer's candidate filter and the tagger in place), on sentences we wrote.
#include <gtest/gtest.h>

#include <string>

#include "annotate.h"

namespace newsledger {
namespace {

struct Case {
  const char* text;
  const char* span;  // the quantity that must be found
  const char* unit;
  double value;
};

class PipelineQuantitiesTest : public ::testing::TestWithParam<Case> {};

TEST_P(PipelineQuantitiesTest, FindsTheAmount) {
  const Case& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  std::string got;
  for (const Quantity& q : doc.quantities) {
    got += "[" + std::string(doc.view(q.span)) + "] ";
    if (doc.view(q.span) != c.span) continue;
    EXPECT_EQ(q.unit, c.unit) << c.text;
    ASSERT_TRUE(q.value.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(*q.value, c.value) << c.text;
    return;
  }
  ADD_FAILURE() << c.text << ": no [" << c.span << "]; got " << got;
}

INSTANTIATE_TEST_SUITE_P(
    Money, PipelineQuantitiesTest,
    ::testing::Values(Case{"The state spent Rs 500 crore on the new canal.", "Rs 500 crore", "INR", 5e9},
                      Case{"Analysts said the write-down could reach 700 million pounds.", "700 million pounds",
                           "GBP", 7e8},
                      Case{"The city paid €45 million for the land.", "€45 million", "EUR", 4.5e7},
                      // A currency name several countries share is that of the country
                      // the text names; with none (or two) named, the usual one.
                      Case{"Morocco will spend 10 billion dirhams on new dams.", "10 billion dirhams", "MAD", 1e10},
                      Case{"Pakistan will spend 50 billion rupees on canals.", "50 billion rupees", "PKR", 5e10},
                      Case{"The court fined the firm 2 million rupees.", "2 million rupees", "INR", 2e6},
                      // Spanish plurals of Latin American currencies.
                      Case{"The government pledged 500 million soles for the rebuilding.", "500 million soles",
                           "PEN", 5e8},
                      Case{"The fine was 40,000 quetzales.", "40,000 quetzales", "GTQ", 4e4}));

// A number after "magnitude" is a quake's size, not a count of the quake.
INSTANTIATE_TEST_SUITE_P(
    Magnitudes, PipelineQuantitiesTest,
    ::testing::Values(Case{"A magnitude 7.1 earthquake struck the coast on Sunday.", "7.1", "magnitude", 7.1},
                      Case{"An earthquake of magnitude 5.8 hit Van on Monday.", "5.8", "magnitude", 5.8}));

// "a third" with nothing after it that an ordinal would modify is a fraction, with the
// qualifier before it; "a third term" stays an ordinal (the test after).
INSTANTIATE_TEST_SUITE_P(
    Fractions, PipelineQuantitiesTest,
    ::testing::Values(Case{"The harvest fell by roughly a third from last year.", "roughly a third", "fraction",
                           1.0 / 3},
                      Case{"A fifth of the budget went to roads.", "A fifth", "fraction", 0.2}));

TEST(PipelineQuantitiesTest, AnOrdinalBeforeItsNounIsNoFraction) {
  Document doc = testing::AnnotateText("She won a third term in May.");
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].type, QuantityType::kOrdinal);
  EXPECT_EQ(doc.view(doc.quantities[0].span), "third");
}

TEST(PipelineQuantitiesTest, NamesAndTalliesAreNoCounts) {
  Document doc = testing::AnnotateText("The FTSE 100 fell after the senate voted 52-48 on the budget.");
  for (const Quantity& q : doc.quantities) ADD_FAILURE() << "unexpected [" << doc.view(q.span) << "]";
}

// A capitalised number word after a capitalised word (or "of" after one) is part of
// a name; a count opening the sentence stays one.
TEST(PipelineQuantitiesTest, NumberWordsInsideNamesAreNoCounts) {
  Document doc = testing::AnnotateText("Leaders of the Group of Seven will meet in Evian. Seven of them arrived.");
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.view(doc.quantities[0].span), "Seven");
  EXPECT_EQ(doc.quantities[0].span.start, 50u);  // the second sentence's
}

// A bare count before its verb counts what the count of the clause before it counts;
// without such a clause (or past a noun) it counts nothing.
struct CountedCase {
  const char* text;
  const char* span;
  const char* counted;
};

class PipelineCountedTest : public ::testing::TestWithParam<CountedCase> {};

TEST_P(PipelineCountedTest, SharesTheCountedNounOfTheClauseBefore) {
  const CountedCase& c = GetParam();
  Document doc = testing::AnnotateText(c.text);
  for (const Quantity& q : doc.quantities) {
    if (doc.view(q.span) != c.span) continue;
    EXPECT_EQ(q.counted, c.counted) << c.text;
    return;
  }
  ADD_FAILURE() << "no quantity [" << c.span << "] in: " << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Ellipsis, PipelineCountedTest,
    ::testing::Values(CountedCase{"Two miners died and 37 were injured in the collapse.", "37", "miners"},
                      // The later count as the object of its own verb.
                      CountedCase{"The blast killed at least nine people and injured more than 120, police said.",
                                  "more than 120", "people"},
                      CountedCase{"The storm destroyed 300 homes and damaged 45 in Leyte.", "45", "homes"},
                      // A figure the count is compared with counts the same thing.
                      CountedCase{"By Tuesday evening 38 container ships were waiting at anchor, up from 12 on Monday.",
                                  "12", "container ships"},
                      CountedCase{"The clinic saw 140 patients in May, compared with 95 in April.", "95", "patients"},
                      CountedCase{"At least 40 soldiers were killed and 12 were captured.", "12", "soldiers"},
                      CountedCase{"Some 300 homes were flooded, while 25 collapsed.", "25", "homes"},
                      CountedCase{"The board has 12 members, and 7 voted for the plan.", "7", ""},
                      CountedCase{"Nine wells ran dry in May; 14 were capped.", "14", ""}));

// A dotted abbreviation is one word of the counted phrase, not its end.
INSTANTIATE_TEST_SUITE_P(
    Abbreviations, PipelineCountedTest,
    ::testing::Values(CountedCase{"About 300 U.S. troops arrived in Riga.", "About 300", "U.S. troops"},
                      CountedCase{"The 2nd U.N. peacekeeping battalion left Goma.", "2nd",
                                  "U.N. peacekeeping battalion"}));

}  // namespace
}  // namespace newsledger

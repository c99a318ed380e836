#include "recognize/quantity_recognizer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "recognize/number_parser.h"
#include "recognize/time_recognizer.h"

namespace newsledger {
namespace {

Document Annotate(const std::string& text, const std::string& published = "2025-11-17") {
  static const TimeRecognizer times;
  static const QuantityRecognizer quantities;
  Document doc;
  doc.text = text;
  doc.published = published;
  times.annotate(doc);
  quantities.annotate(doc);
  return doc;
}

constexpr double kNone = -1e300;  // stands for "unset" in the tables

std::optional<double> Opt(double v) { return v == kNone ? std::nullopt : std::optional<double>(v); }

struct QCase {
  const char* text;
  const char* span;
  Qualifier qualifier;
  double value, low, high;
  const char* unit;
  const char* counted;
};

class QuantityTest : public ::testing::TestWithParam<QCase> {};

TEST_P(QuantityTest, Recognizes) {
  const QCase& c = GetParam();
  Document doc = Annotate(c.text);
  const Quantity* q = nullptr;
  for (const Quantity& x : doc.quantities)
    if (doc.view(x.span) == c.span) q = &x;
  ASSERT_NE(q, nullptr) << c.text << " -> no quantity \"" << c.span << "\" (" << doc.quantities.size() << " found)";
  EXPECT_EQ(q->qualifier, c.qualifier) << c.text;
  EXPECT_EQ(q->value, Opt(c.value)) << c.text;
  EXPECT_EQ(q->low, Opt(c.low)) << c.text;
  EXPECT_EQ(q->high, Opt(c.high)) << c.text;
  EXPECT_EQ(q->unit, c.unit) << c.text;
  EXPECT_EQ(q->counted, c.counted) << c.text;
}

// One row per qualifier and per unit kind, on sentences written for these tests.
INSTANTIATE_TEST_SUITE_P(
    Qualifiers, QuantityTest,
    ::testing::Values(
        QCase{"The storm destroyed 312 barns in the valley.", "312", Qualifier::kExact, 312, 312, 312, "", "barns"},
        QCase{"Rescuers pulled about 1,200 people from the river.", "about 1,200", Qualifier::kApprox, 1200, kNone,
              kNone, "", "people"},
        QCase{"Police counted at least 14 burned cars on the bridge.", "at least 14", Qualifier::kAtLeast, 14, 14,
              kNone, "", "burned cars"},
        QCase{"The fire killed more than 30 horses, officials said.", "more than 30", Qualifier::kMoreThan, 30, 30,
              kNone, "", "horses"},
        QCase{"The shelter can take up to 450 families tonight.", "up to 450", Qualifier::kAtMost, 450, kNone, 450,
              "", "families"},
        QCase{"Nearly two-thirds of voters backed the levy.", "Nearly two-thirds", Qualifier::kAtMost, 2.0 / 3,
              kNone, 2.0 / 3, "fraction", "voters"},
        QCase{"Fewer than 90 ships crossed the strait.", "Fewer than 90", Qualifier::kLessThan, 90, kNone, 90, "",
              "ships"},
        QCase{"The town has between 6,000 and 7,500 residents.", "between 6,000 and 7,500", Qualifier::kRange,
              kNone, 6000, 7500, "", "residents"},
        QCase{"Officials expect 40 to 50 trucks a week.", "40 to 50", Qualifier::kRange, kNone, 40, 50, "", "trucks"},
        QCase{"Tens of thousands of fans filled the square.", "Tens of thousands", Qualifier::kVague, kNone, 20000,
              99999, "", "fans"},
        QCase{"The war displaced hundreds of thousands of farmers.", "hundreds of thousands", Qualifier::kVague,
              kNone, 200000, 999999, "", "farmers"},
        QCase{"Dozens of homes were flooded.", "Dozens", Qualifier::kVague, kNone, 24, 99, "", "homes"},
        QCase{"Several hundred workers walked out.", "Several hundred", Qualifier::kVague, kNone, 300, 999, "",
              "workers"},
        QCase{"Several ministers resigned on the spot.", "Several", Qualifier::kVague, kNone, 3, 9, "", "ministers"},
        QCase{"No more than 25 guests were allowed inside.", "No more than 25", Qualifier::kAtMost, 25, kNone, 25, "",
              "guests"},
        QCase{"They found twenty-one old coins in the well.", "twenty-one", Qualifier::kExact, 21, 21, 21, "",
              "old coins"},
        QCase{"A dozen lawmakers signed the letter.", "A dozen", Qualifier::kExact, 12, 12, 12, "", "lawmakers"},
        QCase{"The mill employs 1.2 million people across the region.", "1.2 million", Qualifier::kExact, 1.2e6,
              1.2e6, 1.2e6, "", "people"},
        QCase{"Turnout reached 35 percent in the north.", "35 percent", Qualifier::kExact, 35, 35, 35, "percent", ""},
        QCase{"Prices rose 4.5% last month.", "4.5%", Qualifier::kExact, 4.5, 4.5, 4.5, "percent", ""},
        QCase{"The program costs $38 million a day.", "$38 million a day", Qualifier::kExact, 38e6, 38e6, 38e6, "USD",
              ""},
        QCase{"The fine was 2 million pesos.", "2 million pesos", Qualifier::kExact, 2e6, 2e6, 2e6, "MXN", ""},
        QCase{"The club paid €40m for the striker.", "€40m", Qualifier::kExact, 40e6, 40e6, 40e6, "EUR", ""},
        QCase{"Tickets cost £12 each.", "£12", Qualifier::kExact, 12, 12, 12, "GBP", ""},
        QCase{"The state spent Rs 500 crore on roads.", "Rs 500 crore", Qualifier::kExact, 5e9, 5e9, 5e9, "INR", ""},
        // "pounds" is sterling after a scale word or in a story that writes "£"; weight
        // before "of" or in a compound adjective.
        QCase{"The council borrowed 40 million pounds.", "40 million pounds", Qualifier::kExact, 40e6, 40e6, 40e6,
              "GBP", ""},
        QCase{"A £5 levy raised 900 pounds a week.", "900 pounds a week", Qualifier::kExact, 900, 900, 900, "GBP",
              ""},
        QCase{"Seized: 40 million pounds of rice, worth £3m.", "40 million pounds", Qualifier::kExact, 40e6, 40e6,
              40e6, "lb", ""},
        QCase{"The baby weighed 8 pounds.", "8 pounds", Qualifier::kExact, 8, 8, 8, "lb", ""},
        // What a part counts: the whole's noun, past a possessor.
        QCase{"Nearly two-thirds of the city's water budget went unspent.", "Nearly two-thirds", Qualifier::kAtMost,
              2.0 / 3, kNone, 2.0 / 3, "fraction", "water budget"},
        QCase{"Only 14 of the 19 planned dams were started.", "14", Qualifier::kExact, 14, 14, 14, "",
              "planned dams"},
        // A glued suffix on both ends of a range.
        QCase{"Rents rose between 5% and 7% in the port.", "between 5% and 7%", Qualifier::kRange, kNone, 5, 7,
              "percent", ""},
        QCase{"Repairs will cost between £150m and £200m.", "between £150m and £200m", Qualifier::kRange, kNone,
              150e6, 200e6, "GBP", ""},
        // A number after a capitalised word that opens the sentence still counts.
        QCase{"Some 500 pilgrims camped by the road.", "Some 500", Qualifier::kApprox, 500, kNone, kNone, "",
              "pilgrims"},
        QCase{"The fire burned 4,000 acres of forest.", "4,000 acres", Qualifier::kExact, 4000, 4000, 4000, "acre",
              ""},
        QCase{"The pipeline carries 500,000 barrels a day.", "500,000 barrels a day", Qualifier::kExact, 500000,
              500000, 500000, "bbl", ""},
        QCase{"The pass is 12 km long.", "12 km", Qualifier::kExact, 12, 12, 12, "km", ""},
        // comparisons with "or equal", explicit equality, joined comparisons, ratios
        QCase{"The grant covers less than or equal to 80 farms.", "less than or equal to 80", Qualifier::kAtMost,
              80, kNone, 80, "", "farms"},
        QCase{"Loans of greater than or equal to 300 tractors were approved.", "greater than or equal to 300",
              Qualifier::kAtLeast, 300, 300, kNone, "", "tractors"},
        QCase{"Crews fixed more than 10 and fewer than 20 bridges.", "more than 10 and fewer than 20",
              Qualifier::kRange, kNone, 10, 20, "", "bridges"},
        QCase{"The depot holds at most 900 and at least 600 buses.", "at most 900 and at least 600",
              Qualifier::kRange, kNone, 600, 900, "", "buses"},
        QCase{"The bonus equals 40 dollars.", "equals 40 dollars", Qualifier::kExact, 40, 40, 40, "USD", ""},
        QCase{"One in five adults skipped the vote.", "One in five", Qualifier::kExact, 0.2, 0.2, 0.2, "fraction",
              "adults"},
        QCase{"The census found 1 234 567 voters.", "1 234 567", Qualifier::kExact, 1234567, 1234567, 1234567, "",
              "voters"},
        QCase{"The lab raised 30 MEUR in one round.", "30 MEUR", Qualifier::kExact, 30e6, 30e6, 30e6, "EUR", ""},
        QCase{"The mill sold it for 75 USD million.", "75 USD million", Qualifier::kExact, 75e6, 75e6, 75e6, "USD",
              ""}));

// Joined comparisons keep which bounds are excluded.
TEST(QuantityRecognizer, ExclusiveBounds) {
  Document doc = Annotate("Crews fixed more than 10 and at most 20 bridges, and over 5 roads.");
  ASSERT_EQ(doc.quantities.size(), 2u);
  EXPECT_EQ(doc.quantities[0].qualifier, Qualifier::kRange);
  EXPECT_TRUE(doc.quantities[0].low_exclusive);
  EXPECT_FALSE(doc.quantities[0].high_exclusive);
  EXPECT_EQ(doc.quantities[1].qualifier, Qualifier::kMoreThan);
  EXPECT_TRUE(doc.quantities[1].low_exclusive);
  // Bounds in the wrong order stay two comparisons.
  Document d2 = Annotate("They saw more than 40 and less than 10 boats.");
  ASSERT_EQ(d2.quantities.size(), 2u);
  EXPECT_EQ(d2.quantities[0].qualifier, Qualifier::kMoreThan);
  EXPECT_EQ(d2.quantities[1].qualifier, Qualifier::kLessThan);
}

TEST(QuantityRecognizer, OrdinalsAreNotCounts) {
  Document doc = Annotate("It was the ninth attack on the 21st floor.");
  ASSERT_EQ(doc.quantities.size(), 2u);
  EXPECT_EQ(doc.quantities[0].type, QuantityType::kOrdinal);
  EXPECT_EQ(doc.quantities[0].value, 9);
  EXPECT_EQ(doc.quantities[1].type, QuantityType::kOrdinal);
  EXPECT_EQ(doc.quantities[1].value, 21);
}

TEST(QuantityRecognizer, PerAndMoneyTypes) {
  Document doc = Annotate("Shares fell $1.40 a share.");
  ASSERT_EQ(doc.quantities.size(), 1u);
  EXPECT_EQ(doc.quantities[0].type, QuantityType::kMoney);
  EXPECT_EQ(doc.quantities[0].per, "share");
}

// Numbers that are not quantities: years, times, dates, phone numbers, ages, names.
TEST(QuantityRecognizer, SkipsNonCounts) {
  const char* texts[] = {
      "The law passed in 2019 after a long fight.",
      "The meeting starts at 10:30 a.m. on March 3.",
      "Call 555-0134 for details.",
      "Esther Mbeki, 34, sells cassava at the market.",
      "The 45-year-old driver was arrested.",
      "Members of MS-13 were charged.",
      "Traffic stopped on Route 66 near the border.",
      "The filing is at https://example.org/doc?id=4471&q=30%25%2020 for readers.",
      "The rule applies under Article 5 B.",
      "Shares in the FTSE 100 slipped at the open.",
      "Investigators examined the Airbus 320 on the runway.",
      "The firm filed for Chapter 11 protection.",
      "The senate voted 61-38 to confirm her.",
  };
  for (const char* t : texts) {
    Document doc = Annotate(t);
    EXPECT_TRUE(doc.quantities.empty()) << t << " -> " << doc.view(doc.quantities.front().span);
  }
}

// Bad input: no crash, and no value we cannot stand behind.
TEST(QuantityRecognizer, BadInputKeepsTextWithoutValue) {
  Document doc = Annotate("The model predicts 10^400 outcomes and 12345678901234567890123 grains.");
  ASSERT_EQ(doc.quantities.size(), 2u);
  EXPECT_FALSE(doc.quantities[0].value.has_value());
  EXPECT_FALSE(doc.quantities[1].value.has_value());
  EXPECT_EQ(doc.view(doc.quantities[1].span), "12345678901234567890123");
  std::string noise = "\xE2\x82\xAC\xE2\x80\x91-$$%% 9\xC3\xA9 99999999999999999999999999999999999999999 \xD9\xA3\xD9\xA4 $";
  for (int k = 0; k < 50; ++k) noise += "1,2.3-4/5 ";
  Document d2 = Annotate(noise);
  SUCCEED();
}

struct NumCase {
  const char* text;
  double value;
};

TEST(NumberParser, ParsesDigitsAndWords) {
  const NumCase cases[] = {
      {"1,200", 1200},      {"3.5", 3.5},          {"12,34,567.89", 1234567.89},
      {"1.111,11", 1111.11}, {"twenty-one", 21},   {"one hundred and six", 106},
      {"a dozen", 12},      {"half a million", 5e5}, {"two and a half", 2.5},
      {"three-quarters", 0.75}, {"1.2 million", 1.2e6}, {"10k", 1e4},
  };
  for (const NumCase& c : cases) {
    std::string text = c.text;
    std::string lower = recognize::LowerAscii(text);
    std::vector<recognize::Lexeme> lx;
    recognize::Lex(text, lower, {0, static_cast<uint32_t>(text.size())}, &lx);
    auto m = recognize::ParseNumber(lx, 0, static_cast<uint32_t>(lx.size()));
    ASSERT_TRUE(m.has_value()) << c.text;
    EXPECT_EQ(m->end, lx.size()) << c.text;
    EXPECT_NEAR(m->value, c.value, 1e-9 * std::max(1.0, c.value)) << c.text;
  }
  EXPECT_FALSE(recognize::ParseDigits("192.168.1.2").has_value());
  EXPECT_FALSE(recognize::ParseDigits("12345678901234567").has_value());
}

}  // namespace
}  // namespace newsledger

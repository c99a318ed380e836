#include "code/claim_extractor.h"

#include <gtest/gtest.h>

#include "doc_builder.h"

namespace newsledger {
namespace {

using testing::DocBuilder;

const ClaimExtractor& Extractor() {
  static const auto* x = new ClaimExtractor();
  return *x;
}

TEST(ClaimExtractor, QuotedVagueClaimExceedsLatestYear) {
  Document doc = DocBuilder(
                     "The senator said the United States had \"seen hundreds of thousands of lives lost to "
                     "drugs\" in recent years. Official figures show about 80,000 people died from "
                     "overdoses in 2024.")
                     .Entity("senator", EntityType::kPerson, "e1")
                     .Entity("United States", EntityType::kLoc, "e2", "US")
                     .Quantity("hundreds of thousands", std::nullopt, 200000, 999999, Qualifier::kVague, "lives")
                     .Quantity("about 80,000", 80000, std::nullopt, std::nullopt, Qualifier::kApprox, "people")
                     .Time("2024", "2024")
                     .Quote("seen hundreds of thousands of lives lost to drugs", "the senator", "e1")
                     .Build();
  doc.outlet = "example.com";
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 2u);
  const Claim& a = doc.claims[0];
  EXPECT_EQ(a.speaker, "the senator");
  EXPECT_EQ(a.speaker_id, "e1");
  EXPECT_EQ(a.subject, "drug overdose deaths");
  EXPECT_EQ(a.place, "US");
  EXPECT_EQ(a.period, "");
  ASSERT_EQ(a.checks.size(), 1u);
  EXPECT_EQ(a.checks[0].status, "exceeds");
  EXPECT_EQ(a.checks[0].reference.period, "2024");
  EXPECT_GT(*a.checks[0].ratio, 2.0);
  const Claim& b = doc.claims[1];
  EXPECT_EQ(b.speaker, "example.com");  // the outlet
  EXPECT_EQ(b.subject, "drug overdose deaths");
  EXPECT_EQ(b.place, "US");  // from the sentence before, same paragraph
  EXPECT_EQ(b.period, "2024");
  ASSERT_EQ(b.checks.size(), 1u);
  EXPECT_EQ(b.checks[0].status, "consistent");
}

TEST(ClaimExtractor, OtherCountsAreClaimsWithoutChecks) {
  Document doc = DocBuilder("Mexico deployed 10,000 troops to its northern border.")
                     .Entity("Mexico", EntityType::kLoc, "e1", "MX")
                     .Quantity("10,000", 10000, std::nullopt, std::nullopt, Qualifier::kExact, "troops")
                     .Build();
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].subject, "troops");
  EXPECT_EQ(doc.claims[0].place, "MX");
  EXPECT_TRUE(doc.claims[0].checks.empty());
}

// "Farah" is a province in the actor lexicon; inside a person's name it is no place.
TEST(ClaimExtractor, APlaceWordInsideAPersonsNameIsNoPlace) {
  Document doc = DocBuilder("Idil Farah said 300 families had signed the petition.")
                     .Entity("Idil Farah", EntityType::kPerson, "e1")
                     .Quantity("300", 300, std::nullopt, std::nullopt, Qualifier::kExact, "families")
                     .Build();
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].place, "");
}

TEST(ClaimExtractor, TrafficDeathsBelow) {
  Document doc = DocBuilder("In 2023, some 20,000 people were killed in road crashes across the United States.")
                     .Quantity("some 20,000", 20000, std::nullopt, std::nullopt, Qualifier::kApprox, "people")
                     .Time("2023", "2023")
                     .Build();
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].subject, "traffic deaths");
  EXPECT_EQ(doc.claims[0].place, "US");  // from the actor lexicon, no entity needed
  ASSERT_EQ(doc.claims[0].checks.size(), 1u);
  EXPECT_EQ(doc.claims[0].checks[0].status, "below");
}

TEST(ClaimExtractor, AClaimDatedByTheDayItWasMadeMeetsTheLatestFigureBeforeIt) {
  Document doc = DocBuilder("More than 90,000 people die in road crashes across the United States every year, the "
                            "senator said on Monday.")
                     .Quantity("More than 90,000", 90000, 90000, std::nullopt, Qualifier::kMoreThan, "people")
                     .Time("Monday", "2031-06-02")
                     .Build();
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_EQ(doc.claims[0].subject, "traffic deaths");
  EXPECT_EQ(doc.claims[0].period, "2031");
  ASSERT_EQ(doc.claims[0].checks.size(), 1u);
  EXPECT_EQ(doc.claims[0].checks[0].status, "exceeds");
  EXPECT_EQ(doc.claims[0].checks[0].reference.period, "2024");  // the latest row of the table
}

TEST(ClaimExtractor, AClaimAboutAYearWithoutAFigureIsNotChecked) {
  Document doc = DocBuilder("In 2031, some 20,000 people were killed in road crashes across the United States.")
                     .Quantity("some 20,000", 20000, std::nullopt, std::nullopt, Qualifier::kApprox, "people")
                     .Time("2031", "2031")
                     .Build();
  Extractor().annotate(doc);
  ASSERT_EQ(doc.claims.size(), 1u);
  EXPECT_TRUE(doc.claims[0].checks.empty());
}

TEST(ClaimExtractor, OrdinalsAndYearsAreNotClaims) {
  Document doc = DocBuilder("It was the ninth strike.")
                     .Quantity("ninth", 9, std::nullopt, std::nullopt, Qualifier::kExact, "", QuantityType::kOrdinal)
                     .Build();
  Extractor().annotate(doc);
  EXPECT_TRUE(doc.claims.empty());
}

}  // namespace
}  // namespace newsledger

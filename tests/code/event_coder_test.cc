#include "code/event_coder.h"

#include <gtest/gtest.h>

#include <memory>

#include "doc_builder.h"

namespace newsledger {
namespace {

using testing::DocBuilder;

const EventCoder& Coder() {
  static const auto* coder = new EventCoder();
  return *coder;
}

struct Expected {
  std::string trigger, type, status, actor_country, actor_sector, target_country;
};

struct Case {
  std::string text;
  std::vector<Expected> events;  // exactly these, in order
};

// Entities are left to the coder's own actor and agent lexicon here: country names,
// demonyms and agent words.
const Case kCases[] = {
    {"The Colombian army carried out at least 12 raids on rebel camps near the Venezuelan border.",
     {{"raids", "ASSAULT", "reported", "CO", "military", ""}}},
    {"Chile is about to restore full diplomatic ties with Peru.",
     {{"restore", "SUPPORT", "planned", "CL", "", "PE"}}},
    {"Germany said it is open to launching air strikes inside Syria.",
     {{"air strikes", "THREATEN", "proposed", "DE", "", "SY"}}},
    {"Israeli troops attacked a refugee camp in Gaza on Monday.",
     {{"attacked", "ASSAULT", "reported", "IL", "military", ""}}},
    {"Iran threatened to strike American bases in the region.",
     {{"strike", "THREATEN", "threatened", "IR", "", "US"}}},
    {"Brazilian police arrested four Paraguayan smugglers.",
     {{"arrested", "COERCE", "reported", "BR", "police", "PY"}}},
    {"Peruvian officials denied that the navy attacked fishing boats.",
     {{"attacked", "ASSAULT", "denied", "", "military", ""}}},
    {"The army did not attack the village.", {}},
    // The noun of a verb's own action is not a second event.
    {"Colombian rebels killed nine Peruvian soldiers in an attack on a border post.",
     {{"killed", "ASSAULT", "reported", "CO", "rebel", "PE"}}},
    // An agentless passive: the subject is what was acted on.
    {"Two Peruvian smugglers were arrested on Friday.", {{"arrested", "COERCE", "reported", "", "", "PE"}}},
    // A common verb coded by its default meaning reaches no one: no verbal event.
    {"The Chilean minister called the plan reckless.", {}},
    {"Peruvian officials spoke on condition of anonymity.", {}},
    // No participant on either side: a verb, not an event.
    {"The layoffs come a year after the merger.", {}},
    {"Canada expelled two Indian diplomats.", {{"expelled", "SANCTION", "reported", "CA", "", "IN"}}},
    {"The ministry designated three Ecuadorian gangs as terrorist groups.",
     {{"designated", "SANCTION", "reported", "", "government", "EC"}}},
    {"Japan and South Korea condemned the missile launch.",
     {{"condemned", "ACCUSE", "reported", "JP", "", ""}, {"condemned", "ACCUSE", "reported", "KR", "", ""}}},
    {"If the talks fail, Turkey could invade northern Iraq.",
     {{"invade", "THREATEN", "hypothetical", "TR", "", "IQ"}}},
};

class EventCoderTable : public ::testing::TestWithParam<Case> {};

TEST_P(EventCoderTable, CodesSentence) {
  const Case& c = GetParam();
  Document doc = DocBuilder(c.text).Build();
  Coder().annotate(doc);
  std::string got;
  for (const Event& e : doc.events)
    got += std::string(doc.view(e.span)) + "/" + e.type + "/" + e.status + "/" +
           (e.actor ? e.actor->country + ":" + e.actor->sector : "-") + "/" +
           (e.target ? e.target->country : "-") + "; ";
  ASSERT_EQ(doc.events.size(), c.events.size()) << c.text << "\n got: " << got;
  for (size_t i = 0; i < c.events.size(); ++i) {
    const Expected& x = c.events[i];
    const Event& e = doc.events[i];
    SCOPED_TRACE(c.text + "\n got: " + got);
    EXPECT_EQ(doc.view(e.span), x.trigger);
    EXPECT_EQ(e.type, x.type);
    EXPECT_EQ(e.status, x.status);
    EXPECT_EQ(e.actor ? e.actor->country : "", x.actor_country);
    EXPECT_EQ(e.actor ? e.actor->sector : "", x.actor_sector);
    EXPECT_EQ(e.target ? e.target->country : "", x.target_country);
  }
}

INSTANTIATE_TEST_SUITE_P(Sentences, EventCoderTable, ::testing::ValuesIn(kCases));

TEST(EventCoder, AttachesEntitiesQuantitiesTimeQuoteAndLocation) {
  Document doc = DocBuilder(
                     "Since early March, the Peruvian navy has carried out at least 14 strikes on "
                     "smuggling boats in the Pacific, killing more than 30 people. \"We will continue "
                     "the strikes,\" the admiral said.")
                     .Entity("Peruvian", EntityType::kMisc, "e1", "PE")
                     .Entity("Pacific", EntityType::kLoc, "e2")
                     .Quantity("at least 14", 14, 14, std::nullopt, Qualifier::kAtLeast, "strikes")
                     .Quantity("more than 30", 30, 30, std::nullopt, Qualifier::kMoreThan, "people")
                     .Time("Since early March", "2025-03", "START")
                     .Quote("We will continue the strikes,", "the admiral")
                     .Build();
  Coder().annotate(doc);
  ASSERT_GE(doc.events.size(), 1u);
  const Event& e = doc.events[0];
  EXPECT_EQ(doc.view(e.span), "strikes");
  EXPECT_EQ(e.type, "ASSAULT");
  EXPECT_EQ(e.status, "reported");
  ASSERT_TRUE(e.actor);
  EXPECT_EQ(e.actor->country, "PE");
  EXPECT_EQ(e.actor->sector, "military");
  EXPECT_EQ(e.actor->id, "e1");
  ASSERT_TRUE(e.location);
  EXPECT_EQ(e.location->id, "e2");
  EXPECT_EQ(e.time, "2025-03");
  EXPECT_EQ(e.quantities, (std::vector<uint32_t>{0, 1}));
  EXPECT_FALSE(e.quote);
}

TEST(EventCoder, EventInsideQuoteGetsQuoteIndex) {
  Document doc = DocBuilder("\"Our soldiers will never invade Chile,\" the general said.")
                     .Quote("Our soldiers will never invade Chile,", "the general")
                     .Build();
  Coder().annotate(doc);
  EXPECT_TRUE(doc.events.empty());  // negated
  Document doc2 = DocBuilder("\"Our soldiers raided the camp,\" the general said.")
                      .Quote("Our soldiers raided the camp,", "the general")
                      .Build();
  Coder().annotate(doc2);
  ASSERT_EQ(doc2.events.size(), 1u);
  EXPECT_EQ(doc2.events[0].quote, 0u);
}

TEST(EventCoder, BadInputDoesNotCrash) {
  for (std::string text : {std::string(), std::string("\xff\xfe attack"), std::string(5000, 'a'),
                           std::string("attack attack attack , , , and and")}) {
    Document doc;
    doc.text = text;
    Segmenter().annotate(doc);
    Coder().annotate(doc);
    for (const Event& e : doc.events) EXPECT_LE(e.span.end, doc.text.size());
  }
}

}  // namespace
}  // namespace newsledger

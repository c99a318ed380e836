#include "recognize/entity_recognizer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "newsledger/segmenter.h"
#include "recognize/ner_trainer.h"

namespace newsledger {
namespace {

const EntityRecognizer& Recognizer() {
  static const EntityRecognizer* r = new EntityRecognizer();
  return *r;
}

Document Annotate(const std::string& text) {
  Document doc;
  doc.text = text;
  Segmenter().annotate(doc);
  Recognizer().annotate(doc);
  return doc;
}

// "TYPE text" for every named (non-pronoun) mention.
std::vector<std::string> Mentions(const Document& doc) {
  std::vector<std::string> out;
  for (const Entity& e : doc.entities)
    if (!e.pronoun) out.push_back(std::string(ToString(e.type)) + " " + std::string(doc.view(e.span)));
  return out;
}

const Entity* Find(const Document& doc, std::string_view text, size_t nth = 0) {
  for (const Entity& e : doc.entities)
    if (doc.view(e.span) == text && nth-- == 0) return &e;
  return nullptr;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
};

class EntitySpansTest : public ::testing::TestWithParam<Case> {};

TEST_P(EntitySpansTest, FindsMentionsWithUnerSpans) {
  EXPECT_EQ(Mentions(Annotate(GetParam().text)), GetParam().expected) << GetParam().text;
}

// Our own sentences. Spans follow UNER: no "the", no title, no possessive.
INSTANTIATE_TEST_SUITE_P(
    Table, EntitySpansTest,
    ::testing::Values(
        Case{"President Jane Doe of Freedonia told reporters in Lisbon that the Justice Department and the Coast "
             "Guard would help.",
             {"PERSON Jane Doe", "LOC Freedonia", "LOC Lisbon", "ORG Justice Department", "ORG Coast Guard"}},
        Case{"The storm flooded parts of Texas and Oklahoma on Monday, the National Weather Service said.",
             {"LOC Texas", "LOC Oklahoma", "ORG National Weather Service"}},
        Case{"Mexican and Colombian officials met in Bogotá.",
             {"MISC Mexican", "MISC Colombian", "LOC Bogotá"}},
        Case{"Spokeswoman Ana Ruiz said the Health Ministry would publish the figures.",
             {"PERSON Ana Ruiz", "ORG Health Ministry"}},
        Case{"The company's chief executive, Tom Becker, flew to Berlin.", {"PERSON Tom Becker", "LOC Berlin"}},
        Case{"Brazil's central bank raised rates, Reuters reported.", {"LOC Brazil", "ORG Reuters"}},
        Case{"A lawyer for the U.S. Attorney's Office spoke after Chief Judge Ellen Varga ruled.",
             {"ORG U.S. Attorney's Office", "PERSON Ellen Varga"}},
        Case{"The mayor, Jean\u2011Luc Mbala, told Radio Lumiere Sud that the bridge had held.",
             {"PERSON Jean\u2011Luc Mbala", "ORG Radio Lumiere Sud"}},
        Case{"U.S. Secretary of State Maren Holt met Foreign Minister Ivo Petrov in Riga.",
             {"LOC U.S.", "PERSON Maren Holt", "PERSON Ivo Petrov", "LOC Riga"}},
        Case{"The war has displaced two million people, according to UN estimates.", {"ORG UN"}},
        Case{"A Transport Ministry spokeswoman said the line would reopen.", {"ORG Transport Ministry"}},
        Case{"The envoy said Washington would send more aid to Kenya.", {"LOC Washington", "LOC Kenya"}},
        Case{"Supt. Mara Quist told reporters the pier was safe.", {"PERSON Mara Quist"}},
        // "the town of X": a place, whatever the model made of the name.
        Case{"Shelling hit the town of Kaya and the village of Ostrava Mala overnight.",
             {"LOC Kaya", "LOC Ostrava Mala"}},
        // A name the text introduces as an organisation is one; a person's appositive
        // that only mentions one ("the head of the firm") changes nothing.
        Case{"The operator, Hidro Srbija, said the dam was safe.", {"ORG Hidro Srbija"}},
        Case{"The chipmaker Valtrex Semiconductor said it would cut jobs.", {"ORG Valtrex Semiconductor"}},
        Case{"His lawyer, Jane Doe, said the firm would appeal.", {"PERSON Jane Doe"}},
        Case{"Jane Doe, the head of the firm, said it would appeal.", {"PERSON Jane Doe"}},
        // A first name the model drops after a title word is part of the name.
        Case{"Chief executive Priya Raman told analysts on a call that revenue would fall.",
             {"PERSON Priya Raman"}},
        // A "person" ending in an organisation head with no first name is the
        // organisation; a title word ("Justice") is then part of its name.
        Case{"The Orlova Trust and the Justice Department said on Monday that the fund was closed.",
             {"ORG Orlova Trust", "ORG Justice Department"}},
        Case{"Brevant Systems said its profit rose.", {"ORG Brevant Systems"}},
        // A foreign organisation head makes the name an organisation.
        Case{"Médecins Sans Frontières said its clinic in Goma had treated 40 patients.",
             {"ORG Médecins Sans Frontières", "LOC Goma"}},
        // The second half of a hyphenated compound is no lowercase place name.
        Case{"Demand from data-centre operators rose in Ohio.", {"LOC Ohio"}},
        // A place-like name introduced by an apposition with a role word is a person.
        Case{"\"We will appeal,\" said Idil Farah, the group's executive director.", {"PERSON Idil Farah"}},
        // A place before a possessive is the organisation's place, not its name.
        Case{"Latvia's Green Party won 12 seats on Sunday.", {"LOC Latvia", "ORG Green Party"}},
        // A country before a title is no part of the person's name.
        Case{"The envoy will meet U.S. President Donald Trump in July.", {"LOC U.S.", "PERSON Donald Trump"}},
        // The agency in a wire dateline's parentheses is an organisation.
        Case{"QUITO (Andes Report) - Rains flooded the old town on Monday.", {"LOC QUITO", "ORG Andes Report"}},
        // A name after "ROLE at" is where the role is held: an organisation.
        Case{"Omar Diallo, an analyst at Weinberg, said the shares were cheap.",
             {"PERSON Omar Diallo", "ORG Weinberg"}},
        // An apposition with a role noun that is no title ("a nurse") makes a
        // place-like name a person, as a title does.
        Case{"Hodan Farah, a nurse at the district clinic, said supplies had run out.", {"PERSON Hodan Farah"}},
        // A demonym that is also a subdivision's name ("Somali", a region of Ethiopia)
        // before a lowercase noun is the demonym.
        Case{"Somali officials met envoys from Kenya on Monday.", {"MISC Somali", "LOC Kenya"}},
        Case{"Nothing happened here today.", {}}));

TEST(EntityRecognizerTest, LaterShortMentionsShareTheIdAndCanonicalName) {
  Document doc = Annotate(
      "Senator Maria Okafor met officials of the Federal Aviation Administration (FAA) in Chicago. "
      "Okafor said the FAA had not answered. The United States and the U.S. Navy were not named.");
  const Entity* full = Find(doc, "Maria Okafor");
  const Entity* surname = Find(doc, "Okafor", 0);
  ASSERT_TRUE(full && surname);
  // Find("Okafor") hits the standalone mention (the full name is a different text).
  EXPECT_EQ(surname->id, full->id);
  EXPECT_EQ(surname->canonical, "Maria Okafor");
  const Entity* agency = Find(doc, "Federal Aviation Administration");
  const Entity* acronym1 = Find(doc, "FAA", 0);
  const Entity* acronym2 = Find(doc, "FAA", 1);
  ASSERT_TRUE(agency && acronym1 && acronym2);
  EXPECT_EQ(acronym1->id, agency->id);
  EXPECT_EQ(acronym2->id, agency->id);
  EXPECT_EQ(acronym2->canonical, "Federal Aviation Administration");
  EXPECT_NE(agency->id, full->id);
  const Entity* us = Find(doc, "United States");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->country, "US");
}

// The first word of an organisation's name, alone later in the document, is that
// organisation; a common word ("Justice" of "Justice Department") is not.
TEST(EntityRecognizerTest, AnOrganisationsFirstWordAloneIsItsShortForm) {
  Document doc = Annotate(
      "Officials of the Kestrova Foundation met the Justice Department. The deal gives Kestrova more money, "
      "and justice was served.");
  const Entity* full = Find(doc, "Kestrova Foundation");
  const Entity* short_form = Find(doc, "Kestrova");
  ASSERT_TRUE(full && short_form);
  EXPECT_EQ(short_form->type, EntityType::kOrg);
  EXPECT_EQ(short_form->id, full->id);
  EXPECT_EQ(short_form->canonical, "Kestrova Foundation");
  EXPECT_EQ(Find(doc, "justice"), nullptr);
}

TEST(EntityRecognizerTest, IdsFollowFirstMentionOrder) {
  Document doc = Annotate("Paul Mensah visited Accra. Mensah later left Accra for Nairobi.");
  std::vector<std::string> ids;
  for (const Entity& e : doc.entities) ids.push_back(e.id);
  ASSERT_GE(ids.size(), 5u);
  EXPECT_EQ(ids[0], "e1");  // Paul Mensah
  EXPECT_EQ(ids[1], "e2");  // Accra
  EXPECT_EQ(ids[2], "e1");  // Mensah
  EXPECT_EQ(ids[3], "e2");  // Accra
  EXPECT_EQ(ids[4], "e3");  // Nairobi
}

TEST(EntityRecognizerTest, PronounsInQuoteFramesResolveToTheSpeaker) {
  Document doc = Annotate(
      "Governor Helen Park spoke to reporters on Friday. \u201CWe are ready,\u201D she said, adding that her staff "
      "had worked all night. \u201CHe should resign,\u201D Park said of the mayor.");
  const Entity* name = Find(doc, "Helen Park");
  ASSERT_TRUE(name);
  const Entity* she = Find(doc, "she");
  const Entity* her = Find(doc, "her");
  ASSERT_TRUE(she && her);
  EXPECT_TRUE(she->pronoun);
  EXPECT_EQ(she->id, name->id);
  EXPECT_EQ(her->id, name->id);
  EXPECT_EQ(she->canonical, "Helen Park");
  // "He" inside the quotation is not the speaker.
  EXPECT_EQ(Find(doc, "He"), nullptr);
}

TEST(EntityRecognizerTest, PronounGenderKeepsApartTwoPeople) {
  Document doc = Annotate("Mrs. Alice Grant met Mr. Omar Haddad in Cairo. He said the talks went well.");
  const Entity* he = Find(doc, "He");
  const Entity* omar = Find(doc, "Omar Haddad");
  ASSERT_TRUE(he && omar);
  EXPECT_EQ(he->id, omar->id);
}

TEST(EntityRecognizerTest, PlacesCarryCodesAndCoordinates) {
  Document doc = Annotate("Protesters gathered in Lisbon and Nairobi, and officials in Kenya responded.");
  const Entity* lisbon = Find(doc, "Lisbon");
  ASSERT_TRUE(lisbon);
  EXPECT_EQ(lisbon->type, EntityType::kLoc);
  EXPECT_EQ(lisbon->country, "PT");
  EXPECT_EQ(lisbon->geonames_id, 2267057);
  ASSERT_TRUE(lisbon->latitude && lisbon->longitude);
  EXPECT_NEAR(*lisbon->latitude, 38.7, 0.1);
  const Entity* kenya = Find(doc, "Kenya");
  ASSERT_TRUE(kenya);
  EXPECT_EQ(kenya->country, "KE");
  EXPECT_EQ(kenya->geonames_id, 0);
}

TEST(EntityRecognizerTest, EmptyAndOddInputDoNotCrash) {
  for (const char* text : {"", "   ", "\"", "(((", "A", "he he he", "\xE2\x80\x9C\xE2\x80\x9D"}) {
    Document doc = Annotate(text);
    for (const Entity& e : doc.entities) EXPECT_LE(e.span.end, doc.text.size());
  }
  Document doc;
  doc.text = "no segmenter ran";
  Recognizer().annotate(doc);
  EXPECT_TRUE(doc.entities.empty());
}

TEST(EntityRecognizerTest, EntitiesAreOrderedBySpan) {
  Document doc = Annotate("Anna Weber said she met Carlos Ruiz in Madrid, and he agreed.");
  for (size_t k = 1; k < doc.entities.size(); ++k)
    EXPECT_LE(doc.entities[k - 1].span.start, doc.entities[k].span.start);
}

// --- Gazetteer -------------------------------------------------------------------

TEST(GazetteerTest, MatchesLongestNamesCaseInsensitively) {
  const Gazetteer& g = Gazetteer::Default();
  std::vector<uint64_t> h;
  for (const char* w : {"in", "the", "united", "STATES", "today"}) h.push_back(HashFolded(w));
  const GazetteerEntry* e = g.LongestMatch(h.data(), h.size(), 2);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->length, 2);
  EXPECT_TRUE(e->kinds & kGazCountry);
  EXPECT_EQ(std::string(e->country, 2), "US");
  EXPECT_EQ(g.LongestMatch(h.data(), h.size(), 0), nullptr);
  ASSERT_TRUE(g.Find("Mexican"));
  EXPECT_TRUE(g.Find("Mexican")->kinds & kGazDemonym);
  EXPECT_EQ(std::string(g.Find("Mexican")->country, 2), "MX");
  EXPECT_TRUE(g.WordKinds(HashFolded("Spokeswoman")) & kWordTitle);
  EXPECT_TRUE(g.WordKinds(HashFolded("Guard")) & kWordOrgHead);
  EXPECT_EQ(g.CountryName("MX"), "Mexico");
}

// A demonym keeps its own country even when a subdivision or city is spelled the
// same ("Somali" is also Ethiopia's Somali Region); a country name keeps its code.
TEST(GazetteerTest, DemonymsKeepTheirCountry) {
  const Gazetteer& g = Gazetteer::Default();
  struct {
    const char* name;
    uint8_t kinds;  // bits the entry must have
    const char* country;
  } cases[] = {
      {"Somali", kGazDemonym | kGazSubdivision, "SO"},
      {"Somalis", kGazDemonym, "SO"},
      {"Mexican", kGazDemonym, "MX"},
      {"Georgia", kGazCountry | kGazSubdivision, "GE"},
  };
  for (const auto& c : cases) {
    const GazetteerEntry* e = g.Find(c.name);
    ASSERT_TRUE(e) << c.name;
    EXPECT_EQ(e->kinds & c.kinds, c.kinds) << c.name;
    EXPECT_EQ(std::string(e->country, 2), c.country) << c.name;
  }
  Document doc = Annotate("Somali officials met envoys from Kenya on Monday.");
  const Entity* somali = Find(doc, "Somali");
  ASSERT_TRUE(somali);
  EXPECT_EQ(somali->country, "SO");
}

TEST(GazetteerTest, FoldsUnicodeCaseAndHyphens) {
  EXPECT_EQ(FoldCase("ÉCOLE Ünited"), "école ünited");
  EXPECT_EQ(HashFolded("MS\u201113"), HashFolded("ms-13"));
  EXPECT_EQ(HashFolded("Bogotá"), HashFolded("BOGOTÁ"));
}

TEST(GazetteerTest, MissingListsAreReportedByName) {
  try {
    Gazetteer g(IsoCodesDir(), "/nonexistent/ner");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/ner"), std::string::npos) << e.what();
  }
}

// --- Model files ------------------------------------------------------------------

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string LoadError(const std::string& bytes) {
  std::filesystem::path p = std::filesystem::temp_directory_path() / "newsledger_ner_test.bin";
  {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  std::string what;
  try {
    NerModel m(p, Gazetteer::Default());
  } catch (const Error& e) {
    what = e.what();
  }
  std::filesystem::remove(p);
  return what;
}

TEST(NerModelTest, RefusesDamagedFilesWithAClearError) {
  const std::string good = ReadAll(ResourcePath("models/ner.bin"));
  ASSERT_GT(good.size(), 100u);
  EXPECT_EQ(LoadError(good), "");
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  EXPECT_NE(LoadError(bad_magic).find("bad magic"), std::string::npos);
  std::string bad_version = good;
  bad_version[8] = 99;  // little-endian u32 after the magic
  EXPECT_NE(LoadError(bad_version).find("version 99"), std::string::npos);
  EXPECT_NE(LoadError(good.substr(0, good.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(LoadError(good.substr(0, 10)).find("truncated"), std::string::npos);
  std::string flipped = good;
  flipped[flipped.size() - 20] ^= 0x55;
  EXPECT_NE(LoadError(flipped), "");
  EXPECT_NE(LoadError("").find("truncated"), std::string::npos);
  try {
    NerModel m("/nonexistent/ner.bin", Gazetteer::Default());
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

TEST(NerModelTest, TrainingIsDeterministicAndRoundTrips) {
  // A tiny corpus of our own; small table so the test is fast.
  auto sentence = [](std::vector<std::string> words, std::vector<uint8_t> labels) {
    NerSentence s;
    s.words = std::move(words);
    s.labels = std::move(labels);
    return s;
  };
  using namespace ner;
  std::vector<NerSentence> data = {
      sentence({"Anna", "Weber", "visited", "Berlin", "."}, {kBPer, kIPer, kO, kBLoc, kO}),
      sentence({"The", "Acme", "Corporation", "hired", "Omar", "."}, {kO, kBOrg, kIOrg, kO, kBPer, kO}),
      sentence({"Rain", "fell", "in", "Lima", "."}, {kO, kO, kO, kBLoc, kO}),
  };
  ModelOptions options;
  options.hash_bits = 12;
  options.epochs = 3;
  std::ostringstream log;
  NerTrainResult a = TrainNer(options, data, data, Gazetteer::Default(), log);
  NerTrainResult b = TrainNer(options, data, data, Gazetteer::Default(), log);
  EXPECT_EQ(a.model_bytes, b.model_bytes);
  EXPECT_EQ(a.dev_f1.size(), 3u);
  NerModel m(options, std::vector<float>(((size_t{1} << 12) + kDenseRows) * kRowWidth, 0.0f), Gazetteer::Default());
  m.Parse(a.model_bytes, "memory");
  EXPECT_EQ(m.options().hash_bits, 12u);
  EXPECT_FALSE(m.self_tests().empty());
}

TEST(NerTrainerTest, ReadsIob2AndReportsBadLines) {
  std::filesystem::path p = std::filesystem::temp_directory_path() / "newsledger_ner_test.iob2";
  {
    std::ofstream out(p);
    out << "# sent_id = 1\n1\tAnna\tB-PER\t-\t-\n2\tsaw\tO\t-\t-\n3\tRome\tI-LOC\t-\t-\n\n1\tOK\tB-OTH\n";
  }
  std::vector<NerSentence> s = ReadIob2(p);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].labels, (std::vector<uint8_t>{ner::kBPer, ner::kO, ner::kBLoc}));  // stray I- repaired
  EXPECT_EQ(s[1].labels, (std::vector<uint8_t>{ner::kO}));
  {
    std::ofstream out(p);
    out << "1\tAnna\n";
  }
  try {
    ReadIob2(p);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(":1"), std::string::npos) << e.what();
  }
  std::filesystem::remove(p);
}

TEST(NerTrainerTest, ScoresSpansExactly) {
  using namespace ner;
  SpanCounts by_type[4], all;
  CountSpans({kBPer, kIPer, kO, kBLoc}, {kBPer, kO, kO, kBLoc}, by_type, all);
  EXPECT_EQ(all.gold, 2u);
  EXPECT_EQ(all.predicted, 2u);
  EXPECT_EQ(all.correct, 1u);
  EXPECT_EQ(by_type[3].correct, 1u);
  EXPECT_DOUBLE_EQ(all.f1(), 0.5);
}

TEST(NerTrainerTest, LowercasedCopiesFollowTheOriginalsWithTheirLabels) {
  using namespace ner;
  std::vector<NerSentence> data(2);
  data[0].words = {"Taco", "Bell", "in", "ÉVORA"};
  data[0].labels = {kBOrg, kIOrg, kO, kBLoc};
  data[1].words = {"NASA"};
  data[1].labels = {kBOrg};
  AddLowercasedCopies(data);
  ASSERT_EQ(data.size(), 4u);
  EXPECT_EQ(data[0].words[0], "Taco");  // originals untouched
  EXPECT_EQ(data[2].words, (std::vector<std::string>{"taco", "bell", "in", "évora"}));
  EXPECT_EQ(data[2].labels, data[0].labels);
  EXPECT_EQ(data[3].words, (std::vector<std::string>{"nasa"}));
  EXPECT_EQ(data[3].labels, data[1].labels);
}

TEST(NerTrainerTest, FixedTrainingKeepsTheLastPassAndTheGivenPenalty) {
  using namespace ner;
  std::vector<NerSentence> data(1);
  data[0].words = {"Anna", "Weber", "visited", "Berlin", "."};
  data[0].labels = {kBPer, kIPer, kO, kBLoc, kO};
  ModelOptions options;
  options.hash_bits = 12;
  options.epochs = 2;
  options.o_penalty = 1.5f;
  std::ostringstream log;
  NerTrainResult r = TrainNer(options, data, {}, Gazetteer::Default(), log, /*fixed=*/true);
  EXPECT_EQ(r.best_epoch, 2u);
  EXPECT_TRUE(r.dev_f1.empty());  // dev is never scored
  std::unique_ptr<NerModel> m = NerModel::FromBytes(r.model_bytes, "memory", Gazetteer::Default());
  EXPECT_FLOAT_EQ(m->options().o_penalty, 1.5f);
  EXPECT_THROW(NerModel::FromBytes(r.model_bytes.substr(0, 20), "memory", Gazetteer::Default()), Error);
}

}  // namespace
}  // namespace newsledger

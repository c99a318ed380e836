// quote_attributor_test.cc: a table of our own sentences and the quotes they hold.
//
// Each case runs the segmenter and the quote attributor alone (no tagger, no entity
// recognizer: the capitalisation fallbacks) and compares every quote: text, kind,
// speaker, cue, and reported_by when the case names one. A second table checks
// what must NOT be taken as a quote.
#include "attribute/quote_attributor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsledger/segmenter.h"

namespace newsledger {
namespace {

struct Want {
  const char* text;
  bool direct;
  const char* speaker;  // "" = none
  const char* cue;
  const char* reported_by = nullptr;  // nullptr = not checked
};

struct Case {
  const char* name;
  const char* text;
  std::vector<Want> quotes;
};

Document Annotate(const std::string& text, const std::string& outlet = "") {
  static const Segmenter segmenter;
  static const QuoteAttributor attributor;
  Document doc;
  doc.text = text;
  doc.outlet = outlet;
  segmenter.annotate(doc);
  attributor.annotate(doc);
  return doc;
}

std::string Dump(const Document& doc) {
  std::string out;
  for (const Quote& q : doc.quotes)
    out += std::string(q.direct ? "  D [" : "  I [") + std::string(doc.view(q.span)) + "] " + q.speaker + " / " +
           q.cue + " / " + q.reported_by + "\n";
  return out;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"quote_then_said_name",
       "“The levee will hold,” said Mara Quist, the county engineer.",
       {{"The levee will hold,", true, "Mara Quist", "said"}}},
      {"quote_then_name_said_with_title",
       "\"We found no leak,\" Fire Chief Oren Baptiste said on Friday.",
       {{"We found no leak,", true, "Oren Baptiste", "said"}}},
      {"name_said_colon_quote",
       "The minister was blunt. Hana Sato said: \"Nobody will be evicted this winter.\"",
       {{"Nobody will be evicted this winter.", true, "Hana Sato", "said"}}},
      {"pronoun_resolves_to_subject",
       "Deputy Mayor Ilse Brandt toured the shelter on Sunday. “We have beds for 300 people,” she said.",
       {{"We have beds for 300 people,", true, "Ilse Brandt", "said"}}},
      {"short_name_resolves_to_full_name",
       "Coach Darnell Hughes was fired in May. \"I have no regrets,\" Hughes told reporters.",
       {{"I have no regrets,", true, "Darnell Hughes", "told"}}},
      {"continuation_across_sentences",
       "“The audit is finished,” said Nils Ekberg. “It found nothing. Not one missing coin.”",
       {{"The audit is finished,", true, "Nils Ekberg", "said"},
        {"It found nothing. Not one missing coin.", true, "Nils Ekberg", "said"}}},
      {"continuation_across_paragraphs",
       "“We will rebuild the school,” said Principal Ada Mwangi. “The children deserve it.\n"
       "“And we will do it before September.”",
       {{"We will rebuild the school,", true, "Ada Mwangi", "said"},
        {"The children deserve it.\n“And we will do it before September.", true, "Ada Mwangi", "said"}}},
      {"partial_quote_inside_indirect",
       "Senator Paula Reyes said the bill was “dead on arrival” and would not reach a vote.",
       {{"the bill was “dead on arrival” and would not reach a vote", false, "Paula Reyes", "said"},
        {"dead on arrival", true, "Paula Reyes", "said"}}},
      {"said_that_with_adverbial",
       "The harbour master, Tomas Lind, said on Tuesday that two ferries had been grounded.",
       {{"two ferries had been grounded", false, "Tomas Lind", "said"}}},
      {"told_reporters_in_place_that",
       "Governor Eli Fontaine told reporters in Baton Rouge that the curfew would end at dawn.",
       {{"the curfew would end at dawn", false, "Eli Fontaine", "told"}}},
      {"trailing_attribution_descriptive",
       "At least 40 homes were flooded overnight, the regional fire service said.",
       {{"At least 40 homes were flooded overnight", false, "the regional fire service", "said"}}},
      {"trailing_inverted_attribution",
       "Prices will keep rising through the spring, said Lotte Varga, an economist.",
       {{"Prices will keep rising through the spring", false, "Lotte Varga", "said"}}},
      {"according_to_first",
       "According to the coast guard, 17 fishermen were rescued.",
       {{"17 fishermen were rescued", false, "the coast guard", "according to"}}},
      {"according_to_last_with_name",
       "The dam was built in 1962, according to Helga Strand, the utility’s historian.",
       {{"The dam was built in 1962", false, "Helga Strand", "according to"}}},
      {"according_to_account_reports",
       "Mayor Rui Costa said he would “never” sell the stadium, according to Radio Lusa’s account of the meeting.",
       {{"he would “never” sell the stadium", false, "Rui Costa", "said", "Radio Lusa"},
        {"never", true, "Rui Costa", "said", "Radio Lusa"}}},
      {"agency_reported_that_he_said",
       "Minister Jonas Falk spoke on Monday. Reuters reported that he suggested the plant could close.",
       {{"the plant could close", false, "Jonas Falk", "suggested", "Reuters"}}},
      {"agency_reported_plain",
       "The Baltic Times reported that the border crossing would reopen in March.",
       {{"the border crossing would reopen in March", false, "Baltic Times", "reported", "Baltic Times"}}},
      {"passive_frame_replied",
       "Asked whether she would resign, Treasurer Nora Blix replied, “Not today.”",
       {{"Not today.", true, "Nora Blix", "replied"}}},
      {"participle_adding",
       "Dr. Kofi Mensah told the inquiry that the ward was understaffed, adding, “We warned them twice.”",
       {{"the ward was understaffed", false, "Kofi Mensah", "told"},
        {"We warned them twice.", true, "Kofi Mensah", "adding"}}},
      {"coordinated_and_said",
       "Police Chief Amara Cole called the riot “shameful” and said 12 officers were hurt.",
       {{"shameful", true, "Amara Cole", "called"}, {"12 officers were hurt", false, "Amara Cole", "said"}}},
      {"denied_gerund",
       "The militia denied shelling the village.",
       {{"shelling the village", false, "The militia", "denied"}}},
      {"denied_that",
       "Finance Minister Petra Novak denied that the budget hid any debt.",
       {{"the budget hid any debt", false, "Petra Novak", "denied"}}},
      {"nested_single_quotes",
       "She wrote: \"My father told me, 'Never sign in pencil.' I never did.\"",
       {{"My father told me, 'Never sign in pencil.' I never did.", true, "", "wrote"}}},
      {"ellipsis_and_brackets",
       "Ambassador Lena Roth said, “We listen… we negotiate, [and] we do not give up.”",
       {{"We listen… we negotiate, [and] we do not give up.", true, "Lena Roth", "said"}}},
      {"appositive_relative_clause_skipped",
       "Walter Pike, who chairs the water board, said rates would rise by 6% in July.",
       {{"rates would rise by 6% in July", false, "Walter Pike", "said"}}},
      {"appositive_name_is_speaker",
       "A hospital spokeswoman, Greta Lund, said that 9 patients remained in intensive care.",
       {{"9 patients remained in intensive care", false, "Greta Lund", "said"}}},
      {"unnamed_descriptive_speaker",
       "A senior army officer, speaking on condition of anonymity, said the convoy had been ambushed.",
       {{"the convoy had been ambushed", false, "A senior army officer", "said"}}},
      {"present_tense_officials_say",
       "Officials say the bridge will reopen within weeks.",
       {{"the bridge will reopen within weeks", false, "Officials", "say"}}},
      {"subordinate_clause_ends_at_comma",
       "While the company argues the merger will lower prices, regulators remain unconvinced.",
       {{"the merger will lower prices", false, "the company", "argues"}}},
      {"british_single_quotes",
       "‘We are ready for a long fight,’ said Owen Hale, the union’s negotiator.",
       {{"We are ready for a long fight,", true, "Owen Hale", "said"}}},
      {"passive_told_has_no_speaker",
       "Residents were told that the water was safe to drink.",
       {{"the water was safe to drink", false, "", "told"}}},
      {"it_said_refers_to_organisation",
       "Kestrel Mining Corp said on Monday it would cut 400 jobs. It said the cuts would start in June.",
       {{"it would cut 400 jobs", false, "Kestrel Mining Corp", "said"},
        {"the cuts would start in June", false, "Kestrel Mining Corp", "said"}}},
      {"the_agency_resolves",
       "The Federal Aviation Administration grounded the jets on Friday. The inspections will take two weeks, the "
       "agency said.",
       {{"The inspections will take two weeks", false, "Federal Aviation Administration", "said"}}},
      {"appositive_descriptors_then_name",
       "Her rival, former fire chief Len Abara, conceded on Monday but said he would run again.",
       {{"he would run again", false, "Len Abara", "said"}}},
      {"acronym_names_an_earlier_organisation",
       "The World Food Programme cut rations in May. The WFP said funding had fallen by 40%.",
       {{"funding had fallen by 40%", false, "World Food Programme", "said"}}},
      {"moved_subject_is_no_content",
       "The lake shrank by a third, a rate they said was alarming, scientists reported.",
       {{"The lake shrank by a third, a rate they said was alarming", false, "scientists", "reported"}}},
      {"owner_of_document_is_subject",
       "The Red Crescent has opened 12 clinics since 2020, according to its annual reports.",
       {{"The Red Crescent has opened 12 clinics since 2020", false, "Red Crescent", "according to"}}},
      {"plural_possessive_in_organisation_name",
       "The Dockers’ Union said the port would close at noon.",
       {{"the port would close at noon", false, "Dockers’ Union", "said"}}},
      {"new_source_closes_content",
       "Ilka Berg said the roof had leaked for years, and she warned that the hall was unsafe.",
       {{"the roof had leaked for years", false, "Ilka Berg", "said"},
        {"the hall was unsafe", false, "Ilka Berg", "warned"}}},
      {"unnamed_document_is_a_medium",
       "The ministry said it would hire 300 nurses, according to a statement issued on Friday.",
       {{"it would hire 300 nurses", false, "The ministry", "said"}}},
      {"paper_named_earlier",
       "The skipper told the newspaper Kieler Blatt that the nets were torn. According to the paper, the boat was 40 "
       "years old.",
       {{"the nets were torn", false, "The skipper", "told", "Kieler Blatt"},
        {"the boat was 40 years old", false, "Kieler Blatt", "according to"}}},
      {"organisation_by_appositive",
       "Brightwave, the solar panel maker, will close two plants, the company said.",
       {{"Brightwave, the solar panel maker, will close two plants", false, "Brightwave", "said"}}},
      {"source_beats_name_in_its_content",
       "Mayor Ines Duarte told reporters that Tom Becker would pay. “We will not wait,” she said.",
       {{"Tom Becker would pay", false, "Ines Duarte", "told"}, {"We will not wait,", true, "Ines Duarte", "said"}}},
      {"capitalised_role_is_a_title",
       "Analyst Priya Nair wrote that margins would shrink.",
       {{"margins would shrink", false, "Priya Nair", "wrote"}}},
      {"office_of_then_name",
       "Secretary of State Maren Holt said the embassy would stay open.",
       {{"the embassy would stay open", false, "Maren Holt", "said"}}},
      {"question_asked",
       "“Who pays for the repairs?” asked Councilman Teo Brandt. Nobody answered.",
       {{"Who pays for the repairs?", true, "Teo Brandt", "asked"}}},
      {"attribution_inside_a_split_quote",
       "“We are tired,” the nurse said, “but we are not leaving.”",
       {{"We are tired,", true, "the nurse", "said"}, {"but we are not leaving.", true, "the nurse", "said"}}},
      {"subject_with_title_of_office_across_a_coordination",
       "Interior Secretary of State Maren Holt on Monday visited the port and said the border would reopen.",
       {{"the border would reopen", false, "Maren Holt", "said"}}},
      {"document_from_its_author",
       "The plan was “dead on arrival,” a statement from the opposition said.",
       {{"dead on arrival,", true, "the opposition", "said"}}},
      {"wire_dateline_is_not_content",
       "OSLO (Nordwire) - Ferry crews walked out on Monday, the union said.",
       {{"Ferry crews walked out on Monday", false, "the union", "said"}}},
      {"document_source_names_its_author",
       "A leaked Interior Ministry memo asserts that the camps are over capacity.",
       {{"the camps are over capacity", false, "Interior Ministry", "asserts"}}},
  };
  return cases;
}

TEST(QuoteAttributor, Table) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    Document doc = Annotate(c.text);
    ASSERT_EQ(doc.quotes.size(), c.quotes.size()) << Dump(doc);
    for (size_t i = 0; i < c.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const Want& w = c.quotes[i];
      EXPECT_EQ(doc.view(q.span), w.text) << Dump(doc);
      EXPECT_EQ(q.direct, w.direct) << Dump(doc);
      EXPECT_EQ(q.speaker, w.speaker) << Dump(doc);
      EXPECT_EQ(q.cue, w.cue) << Dump(doc);
      if (w.reported_by) {
        EXPECT_EQ(q.reported_by, w.reported_by) << Dump(doc);
      }
      EXPECT_LE(q.span.end, doc.text.size());
      EXPECT_EQ(doc.view(q.cue_span), q.cue == "according to" ? doc.view(q.cue_span) : q.cue);
    }
  }
}

// Sentences with reporting words or quotation marks that hold no quote.
TEST(QuoteAttributor, NotQuotes) {
  const char* texts[] = {
      "The ship, nicknamed \"Old Rusty\" by its crew, sank in 1994.",
      "He declined to say whether the plant would close.",
      "The report was released on Monday.",
      "Officials did not say how many people were hurt.",
      "The senator’s ‘reforms’ were shelved.",
      "She announced a plan to plant 2,000 trees.",
      "Investigators found the flight recorder on Tuesday.",
      "The crowd gathered outside the Tri‑State Arena.",
      "The alleged smugglers were arrested at the port.",
  };
  for (const char* t : texts) {
    Document doc = Annotate(t);
    EXPECT_TRUE(doc.quotes.empty()) << t << "\n" << Dump(doc);
  }
}

TEST(QuoteAttributor, OutletIsParagraphTagElseDocument) {
  Document doc = Annotate(
      "“Stay indoors,” said Ina Holm, the fire chief.\n"
      "Wind speeds reached 120 km/h, forecasters said. (weatherdesk.net)",
      "Coastal Gazette");
  ASSERT_EQ(doc.quotes.size(), 2u) << Dump(doc);
  EXPECT_EQ(doc.quotes[0].outlet, "Coastal Gazette");
  EXPECT_EQ(doc.quotes[1].outlet, "weatherdesk.net");
  EXPECT_EQ(doc.quotes[1].speaker, "forecasters");
}

TEST(QuoteAttributor, UsesEntityIdsWhenPresent) {
  static const Segmenter segmenter;
  static const QuoteAttributor attributor;
  Document doc;
  doc.text = "Chancellor Greta Vogt arrived late. “The vote stands,” she said.";
  segmenter.annotate(doc);
  auto span_of = [&](std::string_view s) {
    uint32_t at = static_cast<uint32_t>(doc.text.find(s));
    return Span{at, at + static_cast<uint32_t>(s.size())};
  };
  Entity name;
  name.span = span_of("Greta Vogt");
  name.type = EntityType::kPerson;
  name.canonical = "Greta Vogt";
  name.id = "e4";
  Entity pronoun = name;
  pronoun.span = span_of("she");
  pronoun.pronoun = true;
  doc.entities = {name, pronoun};
  attributor.annotate(doc);
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  EXPECT_EQ(doc.quotes[0].speaker, "Greta Vogt");
  EXPECT_EQ(doc.quotes[0].speaker_id, "e4");
  EXPECT_EQ(doc.view(doc.quotes[0].speaker_span), "she");
}

// A name on the first token of a dateline that opens the text (the dateline is cut
// off its sentence) is no speaker and no crash.
TEST(QuoteAttributor, EntityInsideOpeningDateline) {
  static const Segmenter segmenter;
  static const QuoteAttributor attributor;
  Document doc;
  doc.text = "VESTBY HARBOUR (Nordwire) - Ferry crews walked out on Monday, the union said.";
  segmenter.annotate(doc);
  Entity org;
  org.span = {0, 6};
  org.type = EntityType::kOrg;
  org.canonical = "VESTBY";
  org.id = "e1";
  doc.entities = {org};
  attributor.annotate(doc);
  ASSERT_EQ(doc.quotes.size(), 1u) << Dump(doc);
  EXPECT_EQ(doc.view(doc.quotes[0].span), "Ferry crews walked out on Monday");
  EXPECT_EQ(doc.quotes[0].speaker, "the union");
}

// Bad or odd input never crashes and keeps spans inside the text.
TEST(QuoteAttributor, OddInput) {
  std::string long_open = "\"" + std::string(20000, 'a') + " said";
  const std::string texts[] = {
      "",
      "\"",
      "“”",
      "\" \" \" \"",
      "’’’ ‘‘‘ '''",
      "said said said, said \"said\" said.",
      "according to",
      "According to, ,",
      long_open,
      "“Unclosed quote that runs on and on\n\nand a second paragraph without any mark",
      "Asked, he replied, “",
  };
  for (const std::string& t : texts) {
    Document doc = Annotate(t);
    for (const Quote& q : doc.quotes) {
      EXPECT_LE(q.span.start, q.span.end);
      EXPECT_LE(q.span.end, doc.text.size());
    }
  }
}

TEST(QuoteAttributor, QuotesAreOrderedByStart) {
  Document doc = Annotate(
      "Mayor Ivo Petrov said the tunnel was “safe” and that repairs would cost $4 million, according to the city’s "
      "account. “We checked every bolt,” he said.");
  for (size_t i = 1; i < doc.quotes.size(); ++i) EXPECT_LE(doc.quotes[i - 1].span.start, doc.quotes[i].span.start);
  EXPECT_GE(doc.quotes.size(), 3u) << Dump(doc);
}

}  // namespace
}  // namespace newsledger

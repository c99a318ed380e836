// claim_extractor.h: the stage that records numeric claims and checks them against
// reference statistics.
//
// Adds Document::claims, ordered by start: one claim per quantity that states a
// count, measure, share or amount (ordinals and numbers inside time expressions are
// not claims), with
//  - speaker: the speaker of the quote that covers the number, else the outlet of
//    its paragraph (or the document's outlet);
//  - subject: the reference subject its words name (data/claim_subjects.tsv: "lost
//    ... people to drugs", "died from overdoses" -> "drug overdose deaths"), else
//    what the quantity counts;
//  - place: ISO 3166-1 alpha-2 of the nearest country named in its sentence (entity
//    or actor name), else in the paragraph before it;
//  - period: the year of the nearest dated time expression in its sentence;
//  - checks: for every reference row of that subject, place and period (without a
//    period: the latest year not after the publication year), CheckClaim().
// Cost: O(quantities x sentence tokens); country names are looked up once per sentence
// (a word trie, LexiconIndex). Thread-safe: const after construction.
#ifndef NEWSLEDGER_CODE_CLAIM_EXTRACTOR_H_
#define NEWSLEDGER_CODE_CLAIM_EXTRACTOR_H_

#include <string>
#include <vector>

#include "code/event_lexicon.h"
#include "code/lexicon_index.h"
#include "code/reference_table.h"
#include "newsledger/stage.h"

namespace newsledger {

// A subject and the word groups that name it (every group must have a word near
// the number); a word ending in '*' matches as a prefix.
struct SubjectRule {
  std::string subject;
  std::vector<std::vector<std::string>> groups;
};

std::vector<SubjectRule> LoadSubjectRules(const std::filesystem::path& file);

class ClaimExtractor : public Stage {
 public:
  // reference_file: a CSV table, or empty for data/reference_statistics.csv.
  explicit ClaimExtractor(const std::string& reference_file = "");
  ClaimExtractor(ReferenceTable table, std::vector<SubjectRule> subjects, EventLexicon places);

  const char* name() const override { return "claims"; }
  void annotate(Document& doc) const override;

  const ReferenceTable& table() const { return table_; }

 private:
  ReferenceTable table_;
  std::vector<SubjectRule> subjects_;
  EventLexicon places_;  // actor names -> country (only actors are loaded)
  LexiconIndex places_index_;  // over places_, built after it
};

}  // namespace newsledger

#endif  // NEWSLEDGER_CODE_CLAIM_EXTRACTOR_H_

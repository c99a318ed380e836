// subject.h: what a quantity counts, where and when: the key that lines up figures
// from different articles (tallies and contradictions).
//
// For quantity q of a document, in order of preference (the claim built on q comes
// last: its fields are coarser, a country code or a year, than what the sentence says):
//   subject: q.counted normalised: case-folded, determiners dropped, each word
//            singularised ("lethal strikes" -> "lethal strike"). A count with an
//            outcome takes it: "37 dead", "80 deaths", "14 miners were killed", "the
//            floods killed 12 people", "the death toll rose to 16" -> "people
//            killed"; groups counted apart keep their noun ("12 soldiers were
//            killed" -> "soldier killed"). Empty for ordinals, counts of nothing and
//            a bare "people"; then the claim's subject.
//   place:   the location of an event that lists q, else the distinct places (LOC
//            entities) named in q's sentence, case-folded, sorted and joined by "|"
//            ("alto serrano|paraguay"), else the claim's place; empty when none.
//            Two places match when they share a name (PlacesMatch).
//   period:  the time of an event that lists q, else the first resolved date
//            (TIMEX3 value starting with a year) in q's sentence, else the claim's
//            period, else the document's publication date.
// Cost: O(words of the sentence) per quantity.
#ifndef NEWSLEDGER_LEDGER_SUBJECT_H_
#define NEWSLEDGER_LEDGER_SUBJECT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "newsledger/document.h"

namespace newsledger {

struct QuantityKey {
  std::string subject;
  std::string place;
  std::string period;
};

QuantityKey DeriveQuantityKey(const Document& doc, size_t quantity);

// True when two place keys name a common place, or are both empty.
bool PlacesMatch(std::string_view a, std::string_view b);

// Case-folds and singularises a counted noun phrase ("The Lethal Strikes" -> "lethal strike").
std::string NormalizeSubject(std::string_view counted);

// Case-folds a name (utf8proc), collapsing runs of white space.
std::string FoldName(std::string_view name);

// Index of the sentence holding byte `offset`, or -1 when no sentence does.
int64_t SentenceAt(const Document& doc, uint32_t offset);

}  // namespace newsledger

#endif  // NEWSLEDGER_LEDGER_SUBJECT_H_

// quantity_recognizer.h: numbers and what they count ("how many").
//
// Adds Document::quantities, ordered by span.start. Each quantity spans its
// qualifier, currency sign, number, scale, unit and rate ("more than $38 million a
// day"); the noun phrase it counts is kept apart in `counted` / `counted_span`.
//
// Scheme (the output contract of DESIGN.md):
//  - qualifier: exact (low = high = value); approx "about, around, roughly, some, an
//    estimated, or so" (value only, no bounds stated); at_least "at least, no fewer
//    than, or more, N-plus" (low = value); more_than "more than, over, above, in excess
//    of" (low = value, exclusive); at_most "up to, nearly, almost, as many as, no more
//    than, or fewer" (high = value); less_than "fewer than, less than, under, below"
//    (high = value, exclusive); range "between A and B, from A to B, A-B, A to B, A or
//    B" (low = A, high = B, no value); vague (no value, bounds by the rule below).
//  - vague bounds: a plural order of magnitude spans 2 of it up to just under the next
//    one that English names: "tens" 20-99, "dozens" 24-99, "scores" 40-99, "hundreds"
//    200-999, "thousands" 2,000-9,999, "millions" 2-9.99 million, "billions"; "of"
//    multiplies ("tens of thousands" 20,000-99,999; "hundreds of thousands"
//    200,000-999,999). "a few" 2-5, "a handful" 2-5, "several" 3-9, and each of them
//    before a scale multiplies it ("several hundred" 300-999).
//  - type: money (unit = ISO 4217 code: "$" is USD, "C$" CAD, "€" EUR, "£" GBP, "pesos"
//    MXN, names and codes from iso-codes; cents and pence are hundredths; a name several
//    countries share, "dinars", is that of the one such country the document names),
//    percent
//    (unit "percent", 35 for "35%"; "percentage points" unit "percentage point"),
//    measure (unit "km", "mi", "acre", "t", "bbl"...), ordinal ("ninth", "21st"),
//    number (fractions such as "two-thirds": value 0.667, unit "fraction"; "a third",
//    "one fifth" when no noun follows that an ordinal would modify), count.
//  - per: the period or item of a rate ("a day", "per year", "a share").
//  - not quantities: numbers inside time expressions (years, dates, durations, times
//    of day: run TimeRecognizer first), phone numbers, identifiers ("MS-13", "Route
//    66", "G7"), ages ("a 45-year-old", "Kahindo, 34,"), list numbering.
//  - values a double cannot hold exactly (overflow, more than 15 digits) are left out:
//    the quantity keeps its text and qualifier without value/low/high.
// counted: the words after the number up to a preposition, verb, punctuation or
// function word, ending at the plural head ("21 lethal strikes on..." -> "lethal
// strikes"); after "of" for vague numbers, fractions and percentages ("hundreds of
// thousands of people" -> "people"). POS tags are used when the tagger has run; then
// a bare count before its verb shares the counted noun of the count just before it in
// a joined clause ("two people died and 37 were injured": 37 counts people).
// Cost: linear in the text; one hash lookup per word plus a few per number.
// Thread-safe: const after construction.
#ifndef NEWSLEDGER_RECOGNIZE_QUANTITY_RECOGNIZER_H_
#define NEWSLEDGER_RECOGNIZE_QUANTITY_RECOGNIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsledger/stage.h"

namespace newsledger {

class QuantityRecognizer : public Stage {
 public:
  // Reads currency names and codes from iso-codes (IsoCodesDir()/iso_4217.json);
  // throws newsledger::Error when the file is missing or malformed.
  QuantityRecognizer();
  const char* name() const override { return "quantities"; }
  // Appends to doc.quantities; numbers inside doc.times spans are skipped.
  void annotate(Document& doc) const override;

  // Byte length of the qualifier words that open a quantity's text ("more than ",
  // "at least ", "about "), 0 when none: lets evaluations compare the number alone.
  static size_t QualifierPrefixLength(std::string_view text);

 private:
  // The bare-count rule above, on doc.quantities (ordered by start).
  static void ShareCountedNoun(Document& doc);
  // A bare currency name several countries share ("dirhams", "dinars", "rupees") is the
  // currency of the one such country the document names (Morocco: MAD), else the default.
  void CurrencyOfTheCountry(Document& doc) const;
  std::unordered_map<std::string, std::vector<std::string>> same_name_;  // "dinar" -> its ISO codes
  struct Currency {
    std::string code;
    double factor = 1;  // 0.01 for cents and pence
  };
  std::unordered_map<std::string, Currency> currency_names_;  // "mexican pesos" -> MXN
  std::unordered_map<std::string, std::string> currency_codes_;  // "USD" -> "USD"
  size_t max_name_words_ = 1;
  friend struct QuantityScan;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_QUANTITY_RECOGNIZER_H_

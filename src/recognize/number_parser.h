// number_parser.h: the shared text layer of the quantity and time recognizers.
//
// Exports
//  - Lex(): splits a byte range of the document into Lexemes, finer than the
//    segmenter's tokens: digits and letters always part ("21st" -> 21|st, "5pm" ->
//    5|pm, "10k" -> 10|k), so the number and time grammars can read "21st", "5pm",
//    "$38m" or "2025-11-17" piece by piece. Each lexeme keeps its exact byte span,
//    whether white space precedes it, its ASCII-lowercased text, and a pointer to its
//    entry in the recognizers' word table (number words, ordinals, months, weekdays,
//    time units), looked up once.
//  - ParseDigits(): the value of a digit string with thousands separators and a
//    decimal point ("1,200", "3.5", "12,34,567.89", "1.111,11").
//  - ParseNumber(): the longest number that starts at a lexeme: digits ("80,000",
//    "1.2 million", "10k", "3/4", "2 1/4"), words ("twenty-one", "a dozen", "one
//    hundred and six", "half a million", "two and a half"), fractions ("two-thirds",
//    "three quarters"), ordinals ("21st", "ninth", "twenty-first").
//
// Values are doubles. A number that a double cannot hold exactly (more than 15
// significant digits, overflow such as "10^400") comes back with has_value = false,
// so callers keep the text and drop the value instead of reporting a wrong one.
// Cost: Lex is one pass over the bytes plus one hash lookup per word; ParseNumber
// looks at a handful of lexemes.
#ifndef NEWSLEDGER_RECOGNIZE_NUMBER_PARSER_H_
#define NEWSLEDGER_RECOGNIZE_NUMBER_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::recognize {

// What the recognizers know about a word (one table for all of them).
struct WordInfo {
  int16_t card = -1;        // zero..ninety: 0..90
  int8_t card_kind = 0;     // 1: 0..9, 2: 10..19, 3: 20..90 (tens)
  double scale = 0;         // hundred 100, thousand 1e3, million 1e6, lakh 1e5, dozen 12...
  int16_t ord = -1;         // first 1 ... ninetieth 90; hundredth/thousandth via ord_scale
  double ord_scale = 0;     // hundredth 100, thousandth 1e3, millionth 1e6 ...
  bool denom_plural = false;// "thirds", "quarters", "halves": a fraction denominator
  int8_t denom = 0;         // half 2, quarter 4 (fraction-only words)
  int8_t month = 0;         // 1..12 (full names and abbreviations)
  bool month_abbr = false;  // "jan", "sept": needs a day, year or period nearby
  int8_t weekday = 0;       // 1..7, Monday = 1 (ISO 8601)
  int8_t time_unit = 0;     // TimeUnit below
  bool time_unit_plural = false;
  // May open a time expression / a quantity (besides numbers, months, weekdays...):
  // lets the recognizers skip every other word with one test.
  bool time_trigger = false;
  bool qty_trigger = false;
  bool time_strong = false;  // a time word by itself ("today", "week", "summer")
};

// Time units, shared by durations, "ago", "per day" and the time grammar.
enum TimeUnit : int8_t {
  kNoUnit = 0, kSecond, kMinute, kHour, kDay, kWeek, kFortnight, kMonth, kQuarter, kYear,
  kDecade, kCentury,
};

enum class LexKind : uint8_t {
  kWord,     // letters (any script) and apostrophes inside words are split off
  kNumber,   // ASCII digits, with inner , or . followed by a digit ("1,200", "3.5")
  kHyphen,   // - U+2010 U+2011
  kDash,     // en and em dashes, U+2212 minus
  kPunct,    // . , ; : ! ? ( ) / and the like, one character per lexeme
  kQuote,    // quotation marks and apostrophes
  kSymbol,   // $ € £ % + = ^ ...
  kFraction, // ½ ¼ ¾ ⅓ ... (value in `vulgar`)
};

struct Lexeme {
  uint32_t start = 0, end = 0;   // byte span in the document text
  std::string_view low;          // ASCII-lowercased text (same bytes otherwise)
  LexKind kind = LexKind::kWord;
  bool space_before = true;      // white space or the start of the range precedes it
  bool upper_initial = false;    // first letter upper case in the original
  bool all_upper = false;        // at least two letters, all upper case
  bool newline_before = false;
  const WordInfo* info = nullptr;// entry in the word table, or null
  double vulgar = 0;             // value of a vulgar fraction character
  // Inlined with the length of `w` known, the compare of a literal is a few
  // instructions instead of a call to memcmp (the recognizers call it very often).
  [[gnu::always_inline]] bool is(std::string_view w) const {
    return low.size() == w.size() && __builtin_memcmp(low.data(), w.data(), w.size()) == 0;
  }
  bool glued() const { return !space_before; }
};

// Lower-cases ASCII letters of `text` (same length, so byte offsets carry over).
std::string LowerAscii(std::string_view text);

// Lexes text[range) (spans are document offsets); `lower` is LowerAscii(text).
void Lex(std::string_view text, std::string_view lower, Span range, std::vector<Lexeme>* out);

// The word table entry of a lowercased word, or null.
const WordInfo* LookupWord(std::string_view lower);

// Value of a digit string such as "1,200", "3.5", "12,34,567.89", "1.111,11".
// nullopt for malformed groupings ("192.168.1.2") and for more than 15 significant digits.
std::optional<double> ParseDigits(std::string_view digits);

struct NumberMatch {
  uint32_t begin = 0, end = 0;   // lexeme indices [begin, end)
  double value = 0;
  bool has_value = true;         // false: too large or too precise to represent
  bool ordinal = false;          // "21st", "ninth"
  bool fraction = false;         // "two-thirds", "3/4", "half" (a share, not a count)
  bool words = false;            // spelled out ("twenty-one")
  bool multiplied = false;       // ends with a scale word ("1.2 million", "a dozen")
  bool negative = false;
  bool plural = false;           // a plural ordinal ("fifths"), read only with plural_ordinal
  bool from_fraction = false;    // starts with a fraction, maybe scaled ("a half million")
  double scale = 1;              // the scale word after such a fraction (1e6 in "half a million")
};

struct NumberOptions {
  bool allow_negative = true;    // "-5", "minus five"
  bool allow_fraction = true;    // "3/4", "two-thirds", "half"
  bool allow_ordinal = true;
  bool allow_bare_a = false;     // "a hundred" ok always; "a" alone never
  bool plural_ordinal = false;   // read "fifths", "twenty-firsts" as ordinals (denominators)
  bool ratios = true;            // "one in five", "two out of three", "1 over 3" as fractions
  bool inner = false;            // a part read after "and": no further "and" parts (bounded recursion)
};

// The longest number starting at lexeme i (before `end`), or nullopt.
std::optional<NumberMatch> ParseNumber(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end,
                                       const NumberOptions& options = {});

// True when the word "one" at lexeme i is a pronoun ("the one", "which one", "this one
// you", "one another"), not a count; `begin` is the first lexeme of the sentence.
bool OneIsPronoun(const std::vector<Lexeme>& lx, uint32_t i, uint32_t begin, uint32_t end);

// Ordinals relative to a position rather than a number: "last" (end+0), "penultimate",
// "next to last", "the second to last", "the last but one", "the one before the last"
// (end-1), "antepenultimate" (end-2), "next" (current+1), "previous" (current-1),
// "current" (current+0). The quantity recognizer does not report them (they have no
// value); the evaluation of ordinal readings does.
struct RelativeOrdinal {
  uint32_t begin = 0, end = 0;   // lexeme indices [begin, end)
  bool from_end = false;         // relative to the end of a list, else to the current item
  int offset = 0;
};
std::optional<RelativeOrdinal> ParseRelativeOrdinal(const std::vector<Lexeme>& lx, uint32_t i, uint32_t end);

// The document lexed once for every recognizer of a pass: the lexemes of each work
// range (WorkRanges) in order, range r being lexemes [first[r], first[r+1]); spans and
// `low` views refer to the cached copy's text, whose offsets equal the document's.
struct LexedDocument {
  std::string lower;             // LowerAscii of the text (the lexemes' `low` views)
  std::vector<Span> ranges;
  std::vector<Lexeme> lexemes;
  std::vector<uint32_t> first;   // ranges.size() + 1 entries
};
// Lexes doc (or reuses one of the last 32 lexings on this thread when the text and
// ranges are the same bytes): the time and quantity recognizers share one pass. The
// reference stays valid until the next call on this thread. Cost: one memcmp of the
// text on a hit.
const LexedDocument& LexDocument(const Document& doc);
// Drops this thread's cached lexing (benchmarks call it so each pass lexes once).
void ForgetLexedDocument();

// The byte ranges the recognizers read: the document's sentences when the segmenter
// has run, otherwise its non-empty lines.
std::vector<Span> WorkRanges(const Document& doc);

// The tagger's UPOS of the token starting at byte `start`, or "" (no tagger, no token).
std::string_view UposAt(const Document& doc, uint32_t start);
std::string_view XposAt(const Document& doc, uint32_t start);

// Formats a double for output and tests: integers without a decimal point, otherwise
// up to 15 significant digits ("0.666666666666667").
std::string FormatNumber(double v);

}  // namespace newsledger::recognize

#endif  // NEWSLEDGER_RECOGNIZE_NUMBER_PARSER_H_

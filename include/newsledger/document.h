// document.h: the Document every stage reads and annotates.
//
// A Document owns the article's UTF-8 text and its metadata; each stage of the
// pipeline appends annotations to it. Every annotation carries a Span, a byte range
// [start, end) into `text`, so that any fact can be traced back to the exact bytes
// it came from. Arrays are kept ordered by `span.start` once their stage has run.
//
// Indexes between annotations (an event's quantities, a quote's speaker entity)
// are positions in the same Document's arrays, never pointers, so a Document can be
// moved, copied and serialised freely.
#ifndef NEWSLEDGER_DOCUMENT_H_
#define NEWSLEDGER_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsledger {

// A byte range [start, end) into Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Span& o) const { return start < o.end && o.start < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A paragraph: `span` covers the whole line(s) including a trailing outlet tag such
// as "(reuters.com)"; `body` excludes the tag and trailing space. Sentences lie in
// `body`, never in the tag.
struct Paragraph {
  Span span;
  Span body;
  std::string source;  // outlet of the tag without parentheses, or empty
};

// What the tokenizer recognised a token as (before tagging).
enum class TokenKind : uint8_t {
  kWord,
  kNumber,       // 1,200  3.5  21  1990s
  kPunct,        // . , ; : ! ? ( ) dashes, ellipsis
  kQuote,        // " “ ” ‘ ’ ' « » (as quotation marks, not apostrophes)
  kSymbol,       // $ € % & + etc.
  kUrl,
  kEmail,
  kAbbreviation, // U.S.  Dr.  Jan.
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  bool space_after = true;  // false when the next token starts at span.end
  // Filled by the tagger; empty before it runs.
  std::string upos;
  std::string xpos;
  std::string lemma;
};

struct Sentence {
  Span span;
  uint32_t paragraph = 0;     // index into Document::paragraphs
  uint32_t token_begin = 0;   // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
};

enum class EntityType : uint8_t { kPerson, kOrg, kLoc, kMisc };

// One mention of an entity. Mentions of the same real-world entity in a document
// share `id` and `canonical` (the fullest name the document uses).
struct Entity {
  Span span;
  EntityType type = EntityType::kMisc;
  std::string canonical;
  std::string id;             // "e1", "e2"... unique per entity within the document
  bool pronoun = false;       // "he", "his", "she" resolved to the entity
  std::string country;        // ISO 3166-1 alpha-2 for countries, cities, national bodies
  int64_t geonames_id = 0;    // for cities; 0 when unknown
  std::optional<double> latitude, longitude;
};

enum class Qualifier : uint8_t {
  kExact, kApprox, kAtLeast, kMoreThan, kAtMost, kLessThan, kRange, kVague,
};

enum class QuantityType : uint8_t { kCount, kOrdinal, kPercent, kMoney, kMeasure, kNumber };

struct Quantity {
  Span span;
  QuantityType type = QuantityType::kCount;
  // Unset when the text has no representable value (overflow, "several" has bounds only).
  std::optional<double> value, low, high;
  Qualifier qualifier = Qualifier::kExact;
  // Whether low / high are themselves excluded: more_than and less_than bounds, and
  // such comparisons joined into a range ("more than 5 and less than 10").
  bool low_exclusive = false, high_exclusive = false;
  std::string unit;           // "percent", ISO 4217 code, "km", "acre"... or empty
  std::string per;            // "day", "year"... for rates, or empty
  std::string counted;        // the noun phrase counted, or empty
  Span counted_span;
};

enum class TimeType : uint8_t { kDate, kTime, kDuration, kSet };

struct TimeExpr {
  Span span;
  TimeType type = TimeType::kDate;
  std::string value;          // TIMEX3 value: 2025-11-17, 2025-W36, P3Y, XXXX-04...
  std::string mod;            // START, MID, END, APPROX, BEFORE, AFTER... or empty
  // The preposition that makes this time the bound of a range ("since", "until",
  // "before", "after", "by"), outside `span`; empty when none.
  std::string relation;
};

struct Quote {
  Span span;                  // the quoted words (inside the marks, for direct quotes)
  bool direct = true;
  std::string speaker;        // canonical name, descriptive phrase, or empty
  std::string speaker_id;     // entity id, or empty
  Span speaker_span;
  std::string cue;            // "said", "told", "according to", "adding"...
  Span cue_span;
  std::string outlet;         // paragraph tag or document outlet
  std::string reported_by;    // source named in the text that relays it, or empty
};

// An event participant or place.
struct EventArgument {
  std::string id;             // entity id, or empty
  std::string text;
  Span span;
  std::string country;        // ISO 3166-1 alpha-2 or empty
  std::string sector;         // government, military, rebel, criminal, civilian...
  int64_t geonames_id = 0;
};

// One coded event (PLOVER).
struct Event {
  Span span;                  // trigger
  std::string type;           // ASSAULT, THREATEN, SANCTION...
  std::string mode;           // PLOVER mode, or empty
  std::string status = "reported";  // reported, threatened, proposed, planned, denied, hypothetical
  std::optional<EventArgument> actor, target, location;
  std::string time;           // TIMEX3 value, or empty
  std::vector<uint32_t> quantities;  // indexes into Document::quantities
  std::optional<uint32_t> quote;     // index into Document::quotes
};

struct ReferenceRow {
  std::string subject, place, period;
  std::optional<double> low, high;
  std::string source, url;
};

struct ClaimCheck {
  std::string status;         // consistent, exceeds, below, not_comparable
  std::optional<double> ratio;
  ReferenceRow reference;
};

struct Claim {
  Span span;
  std::string speaker, speaker_id;
  std::string subject, place, period;
  uint32_t quantity = 0;      // index into Document::quantities
  std::vector<ClaimCheck> checks;
};

struct Document {
  // Metadata.
  std::string id;
  std::string url;
  std::string outlet;
  std::string title;
  std::string published;      // ISO 8601 date (YYYY-MM-DD) or empty
  bool published_inferred = false;
  std::string origin;         // where it was read: "path", "path:line", "path@offset"

  std::string text;           // valid UTF-8

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Entity> entities;
  std::vector<Quantity> quantities;
  std::vector<TimeExpr> times;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  std::vector<Claim> claims;

  std::string_view view(Span s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
};

// Names used in the output contract.
const char* ToString(TokenKind k);
const char* ToString(EntityType t);
const char* ToString(Qualifier q);
const char* ToString(QuantityType t);
const char* ToString(TimeType t);

}  // namespace newsledger

#endif  // NEWSLEDGER_DOCUMENT_H_

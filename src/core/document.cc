#include "newsledger/document.h"

namespace newsledger {

const char* ToString(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kQuote: return "quote";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kAbbreviation: return "abbreviation";
  }
  return "word";
}

const char* ToString(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

const char* ToString(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kRange: return "range";
    case Qualifier::kVague: return "vague";
  }
  return "exact";
}

const char* ToString(QuantityType t) {
  switch (t) {
    case QuantityType::kCount: return "count";
    case QuantityType::kOrdinal: return "ordinal";
    case QuantityType::kPercent: return "percent";
    case QuantityType::kMoney: return "money";
    case QuantityType::kMeasure: return "measure";
    case QuantityType::kNumber: return "number";
  }
  return "count";
}

const char* ToString(TimeType t) {
  switch (t) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

}  // namespace newsledger

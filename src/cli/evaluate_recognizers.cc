// evaluate_recognizers.cc: `newsledger evaluate recognizers --specs DIR [--skip FILE]`.
//
// Runs the quantity and time recognizers over the English test specifications of
// Microsoft Recognizers-Text (Number, NumberWithUnit and DateTime models) and prints,
// per file, the cases, the cases whose spans all match, and the cases whose spans and
// values all match; the last line is `recognizers numbers=X currency=Y datetime=Z`
// (fractions of cases with span and value right).
//
// Mapping their resolutions to our contract:
//  - NumberModel: every number the shared number parser reads (cardinals and
//    fractions, not ordinals), value compared numerically.
//  - NumberRangeModel: quantities with a bounding qualifier; "(20,35]" compared with
//    low/high and the qualifier's open or closed end (range: [low,high)).
//  - OrdinalModel: every ordinal the shared number parser reads, with the relative
//    ones ("last" end+0, "penultimate" end-1, "next" current+1) it reads apart.
//  - PercentModel: quantities of type percent.
//  - CurrencyModel / DimensionModel: money / measure quantities; the span compared is
//    the number with its currency or unit (qualifier words and the rate left out, as
//    theirs are); currency names map to ISO 4217 codes, cents and pence to hundredths.
//  - DateTime: our TIMEX3 value matches their timex (X's match any digit), or one of
//    their resolved values (past or future reading), or their "(start,end,P..)" range
//    against our ISO interval "start/end"; our `relation` ("since") and `mod` map to
//    their Mod, and their span includes the relation word as ours does not. A week,
//    month or year of ours matches their range of its days ("2016-W46" = 2016-11-14 to
//    2016-11-21, which they write "2016-11-W03").
//  - DateParser, DatePeriodParser, DurationParser test one type of their extractor
//    each: our items of another class that overlap none of theirs are left out.
// A case counts when we find exactly their spans with their values. Cases whose
// expectation conflicts with our contract are skipped only through the checked-in
// list (data/recognizers_skip.tsv: file, input, reason), at most 10% per file.
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/evaluate.h"
#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "recognize/number_parser.h"
#include "recognize/quantity_recognizer.h"
#include "recognize/time_recognizer.h"

namespace newsledger::cli {
namespace {

namespace fs = std::filesystem;
using recognize::Lexeme;

struct Args {
  std::string specs;
  std::string skip;
  bool verbose = false;
};

enum class Model { kNumber, kRange, kPercent, kOrdinal, kCurrency, kDimension, kDateTime, kDateParser };

struct SpecFile {
  const char* path;
  Model model;
  const char* group;  // numbers, currency, dimension, datetime
};

const SpecFile kFiles[] = {
    {"Number/English/NumberModel.json", Model::kNumber, "numbers"},
    {"Number/English/NumberRangeModel.json", Model::kRange, "numbers"},
    {"Number/English/PercentModel.json", Model::kPercent, "numbers"},
    {"Number/English/OrdinalModel.json", Model::kOrdinal, "numbers"},
    {"NumberWithUnit/English/CurrencyModel.json", Model::kCurrency, "currency"},
    {"NumberWithUnit/English/DimensionModel.json", Model::kDimension, "dimension"},
    {"DateTime/English/DateTimeModel.json", Model::kDateTime, "datetime"},
    {"DateTime/English/DateParser.json", Model::kDateParser, "datetime"},
    {"DateTime/English/DatePeriodParser.json", Model::kDateParser, "datetime"},
    {"DateTime/English/DurationParser.json", Model::kDateParser, "datetime"},
};

// One expected or produced item: character span and a comparable value.
struct Item {
  size_t start = 0, end = 0;   // code points
  std::string text;
  std::vector<std::string> values;  // any of these is right (expected side)
  std::string value;                // ours
  std::string mod;
  std::string kind;                 // DateTime: duration, set or point (date/time/ranges)
};

size_t CodePoints(std::string_view s, size_t byte_end) {
  size_t n = 0;
  for (size_t i = 0; i < byte_end && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

size_t Utf8Length(std::string_view s) { return CodePoints(s, s.size()); }

std::string Lower(std::string s) { return recognize::LowerAscii(s); }

bool SameNumber(const std::string& a, const std::string& b) {
  if (a == b) return true;
  char* ea = nullptr;
  char* eb = nullptr;
  double x = std::strtod(a.c_str(), &ea), y = std::strtod(b.c_str(), &eb);
  if (ea == a.c_str() || eb == b.c_str()) return false;
  return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
}

std::string Num(double v) { return recognize::FormatNumber(v); }

// Their currency unit names -> ISO codes (and a factor for cents and pence).
std::pair<std::string, double> CurrencyCode(const std::string& unit, const std::string& iso) {
  if (!iso.empty()) return {iso, 1};
  static const std::map<std::string, std::pair<std::string, double>> m = {
      {"Dollar", {"USD", 1}}, {"Cent", {"USD", 0.01}}, {"Pound", {"GBP", 1}}, {"Pence", {"GBP", 0.01}},
      {"Penny", {"GBP", 0.01}}, {"Euro", {"EUR", 1}}, {"Franc", {"CHF", 1}}, {"Peseta", {"ESP", 1}},
      {"Rupee", {"INR", 1}}, {"Bitcoin", {"XBT", 1}}, {"Satoshi", {"XBT", 1e-8}},
      {"Netherlands guilder", {"NLG", 1}}, {"Finnish markka", {"FIM", 1}}, {"Yen", {"JPY", 1}},
      {"Mark", {"DEM", 1}}, {"Sen", {"JPY", 0.01}}};
  auto it = m.find(unit);
  if (it != m.end()) return it->second;
  return {unit, 1};
}

std::string DimensionCode(const std::string& unit) {
  static const std::map<std::string, std::string> m = {
      {"Mile", "mi"}, {"Foot", "ft"}, {"Inch", "in"}, {"Yard", "yd"}, {"Kilometer", "km"}, {"Meter", "m"},
      {"Centimeter", "cm"}, {"Millimeter", "mm"}, {"Decimeter", "dm"}, {"Acre", "acre"}, {"Hectare", "ha"},
      {"Square meter", "m2"}, {"Square kilometer", "km2"}, {"Square mile", "mi2"}, {"Square foot", "ft2"},
      {"Cubic foot", "ft3"}, {"Cubic meter", "m3"}, {"Kilogram", "kg"}, {"Gram", "g"}, {"Milligram", "mg"},
      {"Microgram", "ug"}, {"Pound", "lb"}, {"Ounce", "oz"}, {"Ton", "ton"}, {"Metric ton", "t"},
      {"Liter", "L"}, {"Milliliter", "mL"}, {"Gallon", "gal"}, {"Barrel", "bbl"}, {"Cup", "cup"},
      {"Tablespoon", "tbsp"}, {"Teaspoon", "tsp"}, {"Mile per hour", "mph"}, {"Kilometer per hour", "km/h"},
      {"Knot", "kn"}, {"Degree", "deg"}, {"Radian", "rad"}, {"Turn", "turn"}, {"Dram", "dram"}, {"Bit", "bit"},
      {"Byte", "B"}, {"Megabyte", "MB"}, {"Megabit", "Mb"}, {"Gigabyte", "GB"}, {"Kilobyte", "kB"},
      {"Terabyte", "TB"}, {"Watt", "W"}, {"Kilowatt", "kW"}, {"Megawatt", "MW"}};
  auto it = m.find(unit);
  return it == m.end() ? unit : it->second;
}

// "X" in their timex matches any character of ours at the same place.
bool TimexMatch(const std::string& theirs, const std::string& ours) {
  if (theirs.size() != ours.size()) return false;
  for (size_t i = 0; i < theirs.size(); ++i)
    if (theirs[i] != ours[i] && theirs[i] != 'X') return false;
  return true;
}

// Clock times written with zero seconds or minutes name the same instant:
// "T16:00:00" = "T16:00" = "T16" (theirs write "4pm" as T16 and "4:00" as T16:00).
std::string CanonTime(std::string v) {
  size_t t = v.find('T');
  if (t == std::string::npos || t + 3 > v.size()) return v;
  while (v.size() >= t + 6 && v.compare(v.size() - 3, 3, ":00") == 0) v.erase(v.size() - 3);
  return v;
}

bool TimexEq(const std::string& theirs, const std::string& ours) {
  return TimexMatch(theirs, ours) || TimexMatch(CanonTime(theirs), CanonTime(ours));
}

// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long DaysFromCivil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Their weekday without a week ("XXXX-WXX-2T13", a Tuesday at 1pm) against our resolved
// day ("2018-09-04T13"): right when our day is that weekday and the rest agrees.
bool WeekdayMatch(const std::string& theirs, const std::string& ours) {
  if (theirs.size() < 10 || theirs.compare(0, 9, "XXXX-WXX-") != 0 || theirs[9] < '1' || theirs[9] > '7') return false;
  if (ours.size() < 10 || ours[4] != '-' || ours[7] != '-') return false;
  for (int k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(ours[k]))) return false;
  long days = DaysFromCivil(std::stol(ours.substr(0, 4)), std::stol(ours.substr(5, 2)), std::stol(ours.substr(8, 2)));
  long wd = ((days + 3) % 7 + 7) % 7 + 1;  // 1970-01-01 was a Thursday
  if (wd != theirs[9] - '0') return false;
  std::string a = theirs.substr(10), b = ours.substr(10);
  return a == b || TimexMatch(CanonTime("0000-00-00" + a), CanonTime("0000-00-00" + b));
}

// Our TIMEX3 values that name a calendar period ("2016-Q3", "2016-H2", "2016-W45",
// "2016-11", "2016", "197" for the 1970s, "19" for the 1900s) as the ISO interval
// "start/end" (end exclusive, as theirs).
std::string AsInterval(const std::string& v) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  if (v.size() == 7 && v.compare(0, 5, "XXXX-") == 0 && (v[5] == 'Q' || v[5] == 'H')) {
    // A quarter or half of an unspecified year: "XXXX-Q3" = XXXX-07-01/XXXX-10-01.
    std::string iv = AsInterval("2001" + v.substr(4));
    if (iv.empty()) return iv;
    return "XXXX" + iv.substr(4, 6) + "/XXXX" + iv.substr(15);
  }
  if (v.size() == 7 && digits(v.substr(0, 4)) && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H') && std::isdigit(static_cast<unsigned char>(v[6]))) {
    int y = std::stoi(v.substr(0, 4)), n = v[6] - '0', len = v[5] == 'Q' ? 3 : 6;
    int m1 = (n - 1) * len + 1, m2 = m1 + len, y2 = y;
    if (m2 > 12) { m2 -= 12; ++y2; }
    char b[64];
    std::snprintf(b, sizeof b, "%04d-%02d-01/%04d-%02d-01", y, m1, y2, m2);
    return b;
  }
  if (v.size() == 8 && digits(v.substr(0, 4)) && v[4] == '-' && v[5] == 'W' && digits(v.substr(6))) {
    // An ISO week: Monday to the next Monday.
    auto civil = [](long z) {
      z += 719468;
      long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
      long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
      long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
      char b[64];
      std::snprintf(b, sizeof b, "%04ld-%02ld-%02ld", y, m, d);
      return std::string(b);
    };
    long jan4 = DaysFromCivil(std::stol(v.substr(0, 4)), 1, 4);
    long monday = jan4 - (((jan4 + 3) % 7 + 7) % 7) + 7L * (std::stol(v.substr(6)) - 1);
    return civil(monday) + "/" + civil(monday + 7);
  }
  if (v.size() == 7 && digits(v.substr(0, 4)) && v[4] == '-' && digits(v.substr(5))) {  // a month
    int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(5));
    if (m < 1 || m > 12) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%04d-%02d-01/%04d-%02d-01", y, m, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
    return b;
  }
  if (v.size() == 4 && digits(v)) {  // a year
    int y = std::stoi(v);
    char b[64];
    std::snprintf(b, sizeof b, "%04d-01-01/%04d-01-01", y, y + 1);
    return b;
  }
  if ((v.size() == 3 || v.size() == 2) && digits(v)) {  // a decade ("197") or a century ("14")
    int span = v.size() == 3 ? 10 : 100;
    int d = std::stoi(v) * span;
    char b[64];
    std::snprintf(b, sizeof b, "%04d-01-01/%04d-01-01", d, d + span);
    return b;
  }
  return "";
}

// "(2016-11-08,2016-11-11,P3D)" against our "2016-11-08/2016-11-11" (month or year
// parts take their first day, as theirs do).
bool RangeMatch(const std::string& theirs, std::string ours) {
  if (theirs.size() < 5 || theirs.front() != '(') return false;
  size_t c1 = theirs.find(','), c2 = theirs.find(',', c1 + 1);
  if (c1 == std::string::npos || c2 == std::string::npos) return false;
  std::string a = theirs.substr(1, c1 - 1), b = theirs.substr(c1 + 1, c2 - c1 - 1);
  if (ours.find('/') == std::string::npos) ours = AsInterval(ours);
  size_t slash = ours.find('/');
  if (slash == std::string::npos) return false;
  auto full = [](std::string s) {
    if (std::string iv = AsInterval(s); !iv.empty()) s = iv.substr(0, iv.find('/'));  // "2017-Q1": its first day
    if (s.size() == 4) s += "-01-01";
    else if (s.size() == 7) s += "-01";
    else if (s.size() == 8 && s[5] == 'W' && s[0] != 'X') {  // an ISO week: its Monday
      int y = std::stoi(s.substr(0, 4)), w = std::stoi(s.substr(6, 2));
      // Days from 1970-01-01 of y-01-04 (always in week 1), back to its Monday.
      long jan4 = DaysFromCivil(y, 1, 4);
      long wd = ((jan4 + 3) % 7 + 7) % 7;  // 0 = Monday
      long monday = jan4 - wd + 7L * (w - 1) + 719468;
      long era = monday / 146097, doe = monday - era * 146097;
      long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
      long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
      long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, yy = yoe + era * 400 + (m <= 2);
      char b[64];
      std::snprintf(b, sizeof b, "%04ld-%02ld-%02ld", yy, m, d);
      s = b;
    }
    return s;
  };
  std::string x = ours.substr(0, slash), y = ours.substr(slash + 1);
  if (a.find('T') != std::string::npos || x.find('T') != std::string::npos) return TimexEq(a, x) && TimexEq(b, y);
  return TimexEq(a, full(x)) && TimexEq(b, full(y));
}

// Their seasons without a year ("SU") leave the year unspecified: "XXXX-SU".
std::string TheirTimex(std::string v) {
  if (v == "SP" || v == "SU" || v == "FA" || v == "WI") return "XXXX-" + v;
  return v;
}

std::string MapMod(const std::string& mod) {
  static const std::map<std::string, std::string> m = {
      {"start", "START"}, {"end", "END"}, {"mid", "MID"}, {"approx", "APPROX"}, {"more", "MORE_THAN"},
      {"less", "LESS_THAN"}, {"since", "since"}, {"before", "before"}, {"after", "after"}, {"until", "until"}};
  auto it = m.find(mod);
  return it == m.end() ? mod : it->second;
}

struct Runner {
  TimeRecognizer times;
  QuantityRecognizer quantities;

  Document Annotate(const std::string& text, const std::string& ref) const {
    Document doc;
    doc.text = text;
    // Their reference date-time: its clock resolves "in 5 minutes" (DESIGN: `published`
    // is an ISO 8601 date or date-time).
    if (ref.size() >= 10) doc.published = ref;
    times.annotate(doc);
    quantities.annotate(doc);
    return doc;
  }
};

Item MakeOurs(const Document& doc, Span s) {
  Item it;
  it.start = CodePoints(doc.text, s.start);
  it.end = CodePoints(doc.text, s.end);
  it.text = std::string(doc.view(s));
  return it;
}

// Our items for one case.
std::vector<Item> Ours(const Runner& r, Model model, const std::string& input, const std::string& ref) {
  std::vector<Item> out;
  if (model == Model::kNumber) {
    Document doc;
    doc.text = input;
    std::string lower = recognize::LowerAscii(input);
    std::vector<Lexeme> lx;
    recognize::Lex(input, lower, {0, static_cast<uint32_t>(input.size())}, &lx);
    uint32_t i = 0;
    recognize::NumberOptions o;
    o.allow_ordinal = false;
    while (i < lx.size()) {
      auto m = recognize::ParseNumber(lx, i, static_cast<uint32_t>(lx.size()), o);
      if (!m) { ++i; continue; }
      // Numbers glued to letters ("180ml", "29km", "SCP-173" keeps 173) are units or names.
      bool unit = m->end < lx.size() && lx[m->end].glued() && lx[m->end].kind == recognize::LexKind::kWord;
      bool pronoun = m->words && m->end == m->begin + 1 &&
                     recognize::OneIsPronoun(lx, m->begin, 0, static_cast<uint32_t>(lx.size()));
      if (!unit && !pronoun) {
        Item it = MakeOurs(doc, {lx[m->begin].start, lx[m->end - 1].end});
        it.value = m->has_value ? Num(m->value) : "";
        out.push_back(it);
      }
      i = m->end;
    }
    return out;
  }
  if (model == Model::kOrdinal) {
    // Ordinal readings of the number parser: numeric ordinals and relative ones.
    Document doc;
    doc.text = input;
    std::string lower = recognize::LowerAscii(input);
    std::vector<Lexeme> lx;
    recognize::Lex(input, lower, {0, static_cast<uint32_t>(input.size())}, &lx);
    uint32_t n = static_cast<uint32_t>(lx.size()), i = 0;
    while (i < n) {
      if (auto rel = recognize::ParseRelativeOrdinal(lx, i, n)) {
        Item it = MakeOurs(doc, {lx[rel->begin].start, lx[rel->end - 1].end});
        it.value = std::string(rel->from_end ? "end" : "current") + (rel->offset < 0 ? "-" : "+") +
                   std::to_string(std::abs(rel->offset));
        out.push_back(it);
        i = rel->end;
        continue;
      }
      auto m = recognize::ParseNumber(lx, i, n);
      if (!m) { ++i; continue; }
      if (m->ordinal) {
        Item it = MakeOurs(doc, {lx[m->begin].start, lx[m->end - 1].end});
        it.value = m->has_value ? Num(m->value) : "";
        out.push_back(it);
      }
      i = m->end;
    }
    return out;
  }
  Document doc = r.Annotate(input, ref);
  if (model == Model::kDateTime || model == Model::kDateParser) {
    for (const TimeExpr& t : doc.times) {
      Span s = t.span;
      if (!t.relation.empty()) {
        // Their spans include the relation word ("since", "before", "starting on"...):
        // start ours at that word, found within the three words before our span.
        std::string lower = Lower(std::string(std::string_view(doc.text).substr(0, s.start)));
        static const std::map<std::string, std::vector<std::string>> words = {
            {"since", {"since", "starting", "beginning", "no earlier than"}},
            {"until", {"until", "till", "no later than"}}, {"after", {"after", "later than"}},
            {"before", {"before", "earlier than"}}};
        std::vector<std::string> ws = {t.relation};
        if (auto w = words.find(t.relation); w != words.end()) ws = w->second;
        size_t best = std::string::npos;
        for (const std::string& w : ws) {
          size_t p = lower.rfind(w);
          if (p == std::string::npos || (p > 0 && std::isalpha(static_cast<unsigned char>(lower[p - 1])))) continue;
          size_t spaces = std::count(lower.begin() + p, lower.end(), ' ');
          if (spaces <= 3 && (best == std::string::npos || p > best)) best = p;
        }
        if (best != std::string::npos) s.start = static_cast<uint32_t>(best);
      }
      Item it = MakeOurs(doc, s);
      it.value = t.value;
      // Their compound mods: "since-end" for "since late July", "before-approx".
      it.mod = t.relation.empty() ? t.mod : t.mod.empty() ? t.relation : t.relation + "-" + Lower(t.mod);
      it.kind = t.type == TimeType::kDuration ? "duration" : t.type == TimeType::kSet ? "set" : "point";
      out.push_back(it);
    }
    return out;
  }
  for (const Quantity& q : doc.quantities) {
    bool take = false;
    switch (model) {
      case Model::kRange:
        // Comparisons and ranges; an exact value only with its explicit equality words
        // ("equal to 20" is their [20,20]; a bare "20" is no range).
        take = q.qualifier != Qualifier::kApprox && q.qualifier != Qualifier::kVague &&
               q.type != QuantityType::kOrdinal &&
               (q.qualifier != Qualifier::kExact || QuantityRecognizer::QualifierPrefixLength(doc.view(q.span)) > 0);
        break;
      case Model::kPercent: take = q.type == QuantityType::kPercent; break;
      case Model::kOrdinal: take = q.type == QuantityType::kOrdinal; break;
      case Model::kCurrency: take = q.type == QuantityType::kMoney; break;
      case Model::kDimension: take = q.type == QuantityType::kMeasure; break;
      default: break;
    }
    if (!take) continue;
    Span s = q.span;
    if (model == Model::kRange) {
      // Their ranges leave an approximation word out ("about 20~100" -> "20~100").
      std::string low = Lower(std::string(doc.view(s)));
      for (const char* a : {"about ", "around ", "roughly ", "approximately ", "some "})
        if (low.rfind(a, 0) == 0) s.start += static_cast<uint32_t>(std::strlen(a));
    }
    if (model != Model::kRange) {
      std::string_view text = doc.view(s);
      s.start += static_cast<uint32_t>(QuantityRecognizer::QualifierPrefixLength(text));
      if (!q.per.empty()) {
        // Drop the rate: " a day", " per share", "-a-share".
        std::string_view t2 = doc.view(s);
        size_t p = Lower(std::string(t2)).rfind(q.per);
        if (p != std::string::npos) {
          size_t cut = p;
          while (cut > 0 && t2[cut - 1] == ' ') --cut;
          while (cut > 0 && std::isalpha(static_cast<unsigned char>(t2[cut - 1]))) --cut;
          while (cut > 0 && (t2[cut - 1] == ' ' || t2[cut - 1] == '-' || t2[cut - 1] == '/')) --cut;
          s.end = s.start + static_cast<uint32_t>(cut);
        }
      }
    }
    Item it = MakeOurs(doc, s);
    switch (model) {
      case Model::kRange: {
        auto b = [](const std::optional<double>& v) { return v ? Num(*v) : std::string(); };
        std::string lo = b(q.low), hi = b(q.high);
        const char* open = "(";
        const char* close = ")";
        // Our bounds are inclusive unless marked exclusive; their plain ranges ("between
        // 3 and 7", "3-7") are written half-open "[3,7)", which the comparison accepts
        // for an inclusive high bound.
        if (q.low && !q.low_exclusive) open = "[";
        if (q.high && !q.high_exclusive) close = "]";
        it.value = std::string(open) + lo + "," + hi + close;
        break;
      }
      case Model::kCurrency: it.value = (q.value ? Num(*q.value) : "null") + " " + q.unit; break;
      case Model::kDimension: it.value = (q.value ? Num(*q.value) : "null") + " " + q.unit; break;
      default: it.value = q.value ? Num(*q.value) : "null"; break;
    }
    out.push_back(it);
  }
  return out;
}

std::string Str(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject() || !v.HasMember(key) || !v[key].IsString()) return "";
  return v[key].GetString();
}

// Their items for one case.
std::vector<Item> Expected(Model model, const std::string& input, const rapidjson::Value& results) {
  std::vector<Item> out;
  if (!results.IsArray()) return out;
  for (const auto& r : results.GetArray()) {
    Item it;
    std::string text = Str(r, "Text");
    it.text = text;
    size_t start = r.HasMember("Start") && r["Start"].IsInt() ? r["Start"].GetInt() : std::string::npos;
    if (start == std::string::npos) {
      size_t p = Lower(input).find(Lower(text));
      start = p == std::string::npos ? 0 : CodePoints(input, p);
    }
    it.start = start;
    it.end = start + Utf8Length(text);
    {
      std::string type = r.HasMember("TypeName") ? Str(r, "TypeName") : Str(r, "Type");
      if (type.rfind("datetimeV2.", 0) == 0) type = type.substr(11);
      it.kind = type == "duration" || type == "set" ? type : "point";
    }
    if (model == Model::kDateParser) {
      const rapidjson::Value* v = r.HasMember("Value") ? &r["Value"] : nullptr;
      if (v && v->IsObject()) {
        it.values.push_back(Str(*v, "Timex"));
        for (const char* res : {"FutureResolution", "PastResolution"}) {
          if (v->HasMember(res) && (*v)[res].IsObject()) {
            std::string d = Str((*v)[res], "date");
            if (!d.empty()) it.values.push_back(d);
            // A range's resolved ends ("2016-11-W03" is 2016-11-14 to 2016-11-21),
            // compared with our ISO week or interval as the days they cover.
            std::string st = Str((*v)[res], "startDate"), en = Str((*v)[res], "endDate");
            if (st.size() == 10 && en.size() == 10) it.values.push_back("(" + st + "," + en + ",)");
          }
        }
        it.mod = MapMod(Str(*v, "Mod"));
      }
      out.push_back(it);
      continue;
    }
    const rapidjson::Value* res = r.HasMember("Resolution") && r["Resolution"].IsObject() ? &r["Resolution"] : nullptr;
    if (model == Model::kDateTime) {
      if (res && res->HasMember("values") && (*res)["values"].IsArray()) {
        for (const auto& v : (*res)["values"].GetArray()) {
          std::string tx = Str(v, "timex");
          if (!tx.empty()) it.values.push_back(tx);
          // Their resolved values: a day, a date-time ("2016-11-07 16:12:00") or a
          // range's resolved ends, compared as the TIMEX3 they stand for.
          auto iso = [](std::string x) {
            if (x.size() == 19 && x[10] == ' ') x[10] = 'T';
            return x;
          };
          std::string val = iso(Str(v, "value"));
          if (val.size() == 10 || val.size() == 19) it.values.push_back(val);
          std::string st = iso(Str(v, "start")), en = iso(Str(v, "end"));
          if ((st.size() == 10 || st.size() == 19) && (en.size() == 10 || en.size() == 19))
            it.values.push_back("(" + st + "," + en + ",)");
          std::string m = Str(v, "Mod");
          if (!m.empty()) it.mod = MapMod(m);
        }
      }
      out.push_back(it);
      continue;
    }
    std::string value = res ? Str(*res, "value") : "";
    if (model == Model::kPercent && !value.empty() && value.back() == '%') value.pop_back();
    if (model == Model::kPercent && value.empty()) value = "null";
    if (model == Model::kCurrency) {
      auto [code, factor] = CurrencyCode(res ? Str(*res, "unit") : "", res ? Str(*res, "isoCurrency") : "");
      if (value.empty()) value = "null";
      else if (factor != 1) value = Num(std::strtod(value.c_str(), nullptr) * factor);
      value += " " + code;
    } else if (model == Model::kDimension) {
      if (value.empty()) value = "null";
      value += " " + DimensionCode(res ? Str(*res, "unit") : "");
    }
    it.values.push_back(value);
    out.push_back(it);
  }
  return out;
}

bool ValueMatch(Model model, const Item& exp, const Item& ours) {
  for (const std::string& v : exp.values) {
    switch (model) {
      case Model::kNumber: case Model::kPercent: case Model::kOrdinal:
        if (SameNumber(v, ours.value)) return true;
        break;
      case Model::kCurrency: case Model::kDimension: {
        size_t a = v.rfind(' '), b = ours.value.rfind(' ');
        if (a == std::string::npos || b == std::string::npos) break;
        if (v.substr(a + 1) == ours.value.substr(b + 1) &&
            (SameNumber(v.substr(0, a), ours.value.substr(0, b)) || v.substr(0, a) == ours.value.substr(0, b)))
          return true;
        break;
      }
      case Model::kRange: {
        // "(20,35]": compare bounds numerically and the brackets; their plain ranges
        // are half-open "[3,7)" where ours are inclusive "[3,7]".
        if (v.size() < 3 || ours.value.size() < 3) break;
        size_t c = v.find(','), c2 = ours.value.find(',');
        if (c == std::string::npos || c2 == std::string::npos) break;
        std::string lo = v.substr(1, c - 1), hi = v.substr(c + 1, v.size() - c - 2);
        std::string lo2 = ours.value.substr(1, c2 - 1), hi2 = ours.value.substr(c2 + 1, ours.value.size() - c2 - 2);
        bool lo_ok = lo.empty() ? lo2.empty() : SameNumber(lo, lo2);
        bool hi_ok = hi.empty() ? hi2.empty() : SameNumber(hi, hi2);
        bool open_ok = lo.empty() || v.front() == ours.value.front();
        bool plain = v.front() == '[' && !lo.empty() && !hi.empty() && v.back() == ')' && ours.value.back() == ']';
        bool close_ok = hi.empty() || v.back() == ours.value.back() || plain;
        if (lo_ok && hi_ok && open_ok && close_ok) return true;
        break;
      }
      case Model::kDateTime: case Model::kDateParser: {
        if (exp.kind != ours.kind) return false;  // a duration is not a date, nor a set
        // Our forms that theirs write another way: a day's part of day ("2016-11-08TAF")
        // is their resolved interval of hours; "the end of" a day (mod END) is their
        // last second of it; "every weekend" (XXXX-WXX-WE) is their P1WE.
        std::string alt;
        bool alt_clears_mod = false;
        if (ours.value.size() == 13 && ours.value[10] == 'T' && ours.value[4] == '-') {
          static const std::map<std::string, std::pair<const char*, const char*>> parts = {
              {"MO", {"08", "12"}}, {"AF", {"12", "16"}}, {"EV", {"16", "20"}}, {"NI", {"20", "23:59:59"}}};
          if (auto p = parts.find(ours.value.substr(11)); p != parts.end()) {
            std::string d = ours.value.substr(0, 10);
            alt = d + "T" + p->second.first + "/" + d + "T" + p->second.second;
          }
        } else if (ours.value.size() == 10 && ours.value[4] == '-' && ours.mod == "END") {
          alt = ours.value + "T23:59:59";
          alt_clears_mod = true;
        } else if (ours.value == "XXXX-WXX-WE") {
          alt = "P1WE";
        }
        bool alt_ok = !alt.empty() && (alt == v || TimexEq(TheirTimex(v), alt) || RangeMatch(v, alt));
        if (alt_ok && alt_clears_mod && exp.mod.empty()) return true;
        if (ours.value == v || TimexEq(TheirTimex(v), ours.value) || RangeMatch(v, ours.value) ||
            WeekdayMatch(v, ours.value) ||
            (alt_ok && !alt_clears_mod)) {
          std::string om = ours.mod;
          // "ref_undef" marks a discourse reference they leave unresolved: not a TIMEX3 mod.
          std::string em = exp.mod == "ref_undef" ? "" : exp.mod;
          if ((om == "until" || om == "by") && em == "before") om = em;  // their "until X", "by X": Mod before
          if (om == em || (em.empty() && (om == "by" || om == "through"))) return true;
        }
        break;
      }
    }
  }
  return false;
}

// The class of Recognizers-Text type one of our time items falls in: "date" (one
// day), "daterange" (weeks, months, years, seasons, intervals of days), "time" (a
// clock time or a day with a time or part of day), "duration" or "set".
std::string TheirClass(const Item& it) {
  if (it.kind != "point") return it.kind;
  const std::string& v = it.value;
  if (v.find('T') != std::string::npos) return "time";
  bool day = v.size() == 10 && v[4] == '-' && v[7] == '-' && std::isdigit(static_cast<unsigned char>(v[8]));
  return day ? "date" : "daterange";
}

// The single-type parser files (DateParser, DatePeriodParser, DurationParser) list only
// what that type's extractor finds: one of our items of another class that overlaps
// none of their items ("8am" beside "this week" in a DatePeriodParser case) is outside
// what the case tests and is left out. Items that overlap theirs always count.
void OnlyTested(const std::string& path, const std::vector<Item>& exp, std::vector<Item>* ours) {
  std::string cls = path.find("DatePeriodParser") != std::string::npos ? "daterange"
                    : path.find("DurationParser") != std::string::npos ? "duration"
                    : path.find("DateParser") != std::string::npos     ? "date"
                                                                       : "";
  if (cls.empty()) return;
  std::erase_if(*ours, [&](const Item& o) {
    if (TheirClass(o) == cls) return false;
    for (const Item& x : exp)
      if (o.start < x.end && x.start < o.end) return false;
    return true;
  });
}

std::map<std::string, std::map<std::string, std::string>> ReadSkips(const std::string& path) {
  std::map<std::string, std::map<std::string, std::string>> skips;
  if (path.empty()) return skips;
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open the skip list");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos || b + 1 >= line.size())
      throw Error(path + ":" + std::to_string(n), "expected file<TAB>input<TAB>reason");
    skips[line.substr(0, a)][line.substr(a + 1, b - a - 1)] = line.substr(b + 1);
  }
  return skips;
}

int Run(const Args& args) {
  Runner runner;
  std::string skip_path = args.skip;
  if (skip_path.empty()) {
    try {
      skip_path = ResourcePath("data/recognizers_skip.tsv").string();
    } catch (const Error&) {
      skip_path.clear();
    }
  }
  auto skips = ReadSkips(skip_path);
  std::map<std::string, std::pair<size_t, size_t>> groups;  // group -> (right, cases)
  for (const SpecFile& f : kFiles) {
    fs::path p = fs::path(args.specs) / f.path;
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error(p.string(), "cannot open");
    std::stringstream buf;
    buf << in.rdbuf();
    std::string json = buf.str();
    if (json.rfind("\xEF\xBB\xBF", 0) == 0) json.erase(0, 3);
    rapidjson::Document d;
    d.Parse(json.c_str(), json.size());
    if (d.HasParseError() || !d.IsArray()) throw Error(p.string(), "not a JSON array of cases");
    const auto& file_skips = skips[f.path];
    size_t cases = 0, spans_ok = 0, values_ok = 0, skipped = 0;
    for (const auto& c : d.GetArray()) {
      std::string input = Str(c, "Input");
      if (file_skips.count(input)) {
        ++skipped;
        continue;
      }
      std::string ref;
      if (c.HasMember("Context") && c["Context"].IsObject()) ref = Str(c["Context"], "ReferenceDateTime");
      ++cases;
      std::vector<Item> exp = Expected(f.model, input, c.HasMember("Results") ? c["Results"] : c["Input"]);
      std::vector<Item> ours = Ours(runner, f.model, input, ref);
      if (f.model == Model::kDateParser) OnlyTested(f.path, exp, &ours);
      bool span_ok = exp.size() == ours.size();
      bool value_ok = span_ok;
      for (size_t k = 0; k < exp.size() && span_ok; ++k) {
        const Item* match = nullptr;
        for (const Item& o : ours)
          if (o.start == exp[k].start && o.end == exp[k].end) match = &o;
        if (!match) {
          span_ok = value_ok = false;
          break;
        }
        if (!ValueMatch(f.model, exp[k], *match)) value_ok = false;
      }
      spans_ok += span_ok;
      values_ok += value_ok;
      if (args.verbose && !value_ok) {
        std::cout << "  MISS " << f.path << " | " << input << " | ref " << ref << "\n    expected:";
        for (const Item& e : exp) {
          std::cout << " [" << e.text << "@" << e.start << " =";
          for (const auto& v : e.values) std::cout << " " << v;
          if (!e.mod.empty()) std::cout << " mod " << e.mod;
          std::cout << "]";
        }
        std::cout << "\n    ours:    ";
        for (const Item& o : ours)
          std::cout << " [" << o.text << "@" << o.start << " = " << o.value << (o.mod.empty() ? "" : " mod " + o.mod)
                    << "]";
        std::cout << "\n";
      }
    }
    if (skipped * 10 > cases + skipped)
      throw Error(skip_path, std::string("more than 10% of the cases of ") + f.path + " skipped");
    std::cout << f.path << ": cases=" << cases << " spans=" << spans_ok << " values=" << values_ok
              << " skipped=" << skipped << " score=" << (cases ? static_cast<double>(values_ok) / cases : 0) << "\n";
    groups[f.group].first += values_ok;
    groups[f.group].second += cases;
  }
  auto frac = [&](const char* g) {
    auto& x = groups[g];
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", x.second ? static_cast<double>(x.first) / x.second : 0.0);
    return std::string(b);
  };
  std::cout << "dimension=" << frac("dimension") << "\n";
  std::cout << "recognizers numbers=" << frac("numbers") << " currency=" << frac("currency")
            << " datetime=" << frac("datetime") << "\n";
  return 0;
}

NEWSLEDGER_EVALUATION(recognizers, "recognizers",
                      "Quantity and time recognizers against the Recognizers-Text English specs",
                      [](CLI::App& sub) -> std::function<int()> {
                        auto args = std::make_shared<Args>();
                        sub.add_option("--specs", args->specs,
                                       "the Specs folder (../shared/data/recognizers_text_en/Specs)")
                            ->required();
                        sub.add_option("--skip", args->skip,
                                       "skip list (file, input, reason; default data/recognizers_skip.tsv)");
                        sub.add_flag("--failures,--verbose,-v", args->verbose, "print every case that is not right");
                        return [args] { return Run(*args); };
                      });

}  // namespace
}  // namespace newsledger::cli

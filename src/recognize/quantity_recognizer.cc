#include "recognize/quantity_recognizer.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "recognize/gazetteer.h"
#include "recognize/number_parser.h"

namespace newsledger {

using recognize::Lexeme;
using recognize::LexKind;
using recognize::NumberMatch;

namespace {

// Words that end a counted noun phrase (and never start one).
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> s = {
      // prepositions
      "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto", "over", "under",
      "about", "after", "before", "since", "during", "across", "against", "among", "between", "through",
      "toward", "towards", "per", "via", "than", "until", "within", "upon", "near", "off", "out", "as", "like",
      "inside", "outside", "along", "around", "behind", "beyond", "despite", "including", "according",
      // determiners, pronouns, conjunctions
      "the", "a", "an", "this", "that", "these", "those", "and", "or", "but", "nor", "so", "yet", "if", "while",
      "who", "whom", "whose", "which", "what", "where", "when", "why", "how", "he", "she", "it", "they", "we",
      "you", "i", "his", "her", "its", "their", "our", "my", "your", "them", "him", "us", "me", "each", "every",
      "all", "both", "some", "any", "no", "not", "more", "less", "most", "least", "than", "then", "there",
      "here", "also", "only", "just", "even", "still", "already", "ago", "later", "earlier", "now", "s",
      // auxiliaries, modals and common verbs
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does",
      "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says", "say",
      "died", "die", "dies", "killed", "kill", "were", "went", "came", "left", "remain", "remained", "remains",
      "fled", "live", "lived", "lives", "work", "worked", "arrived", "took", "take", "got", "get", "made",
      "make", "lost", "lose", "reported", "according", "attended", "joined", "received", "voted", "signed",
      "told", "saw", "see", "seen", "found", "find", "held", "hold", "gave", "give", "went", "go", "goes",
      "became", "become", "stood", "fell", "rose", "rise", "rises", "falls", "fall", "dropped", "jumped",
      "climbed", "increased", "decreased", "declined", "grew", "grow", "reached", "reach", "topped",
      "ago", "apiece", "each", "year", "years", "percent", "yesterday", "today", "tomorrow",
  };
  return s;
}

const std::unordered_set<std::string_view>& IrregularPlurals() {
  static const std::unordered_set<std::string_view> s = {
      "people", "children", "men", "women", "police", "personnel", "cattle", "feet", "teeth", "mice", "geese",
      "staff", "crew", "livestock", "data", "media", "criteria", "sheep", "fish", "deer", "aircraft",
      "militia", "infantry", "clergy", "youth", "offspring", "civilians", "troops"};
  return s;
}

bool LooksPlural(std::string_view w) {
  if (IrregularPlurals().count(w)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  std::string_view two = w.substr(w.size() - 2);
  return two != "ss" && two != "us" && two != "is";
}

struct Qual {
  Qualifier q;
  uint32_t end;  // lexeme index after the qualifier words
  bool range_start = false;  // "between", "from"
};

// Word sequences that qualify a following number, longest first within a head word.
struct QualPattern {
  const char* words;
  Qualifier q;
  bool range = false;
};
const std::vector<QualPattern>& QualPatterns() {
  static const std::vector<QualPattern> p = {
      // Comparisons with "or equal": inclusive bounds.
      {"less than or equal to", Qualifier::kAtMost}, {"less than or equal", Qualifier::kAtMost},
      {"fewer than or equal to", Qualifier::kAtMost}, {"smaller than or equal to", Qualifier::kAtMost},
      {"lower than or equal to", Qualifier::kAtMost}, {"less or equal than", Qualifier::kAtMost},
      {"less or equal to", Qualifier::kAtMost}, {"smaller or equal than", Qualifier::kAtMost},
      {"smaller or equal to", Qualifier::kAtMost}, {"lower or equal than", Qualifier::kAtMost},
      {"lower or equal to", Qualifier::kAtMost}, {"more than or equal to", Qualifier::kAtLeast},
      {"more than or equal", Qualifier::kAtLeast}, {"greater than or equal to", Qualifier::kAtLeast},
      {"greater than or equal", Qualifier::kAtLeast}, {"higher than or equal to", Qualifier::kAtLeast},
      {"larger than or equal to", Qualifier::kAtLeast}, {"bigger than or equal to", Qualifier::kAtLeast},
      {"more or equal than", Qualifier::kAtLeast}, {"more or equal to", Qualifier::kAtLeast},
      {"greater or equal than", Qualifier::kAtLeast}, {"greater or equal to", Qualifier::kAtLeast},
      {"bigger or equal than", Qualifier::kAtLeast}, {"bigger or equal to", Qualifier::kAtLeast},
      {"higher or equal than", Qualifier::kAtLeast}, {"higher or equal to", Qualifier::kAtLeast},
      {"larger or equal than", Qualifier::kAtLeast}, {"larger or equal to", Qualifier::kAtLeast},
      {"at least or equal to", Qualifier::kAtLeast}, {"at most or equal to", Qualifier::kAtMost},
      {"equal to or less than", Qualifier::kAtMost}, {"equal to or fewer than", Qualifier::kAtMost},
      {"equal to or lower than", Qualifier::kAtMost}, {"equal to or smaller than", Qualifier::kAtMost},
      {"equal to or more than", Qualifier::kAtLeast}, {"equal to or greater than", Qualifier::kAtLeast},
      {"equal to or higher than", Qualifier::kAtLeast}, {"equal to or larger than", Qualifier::kAtLeast},
      // An explicit equality is an exact value ("equal to 20", "equals 20").
      {"equal to", Qualifier::kExact}, {"equals to", Qualifier::kExact}, {"equals", Qualifier::kExact},
      {"equaling to", Qualifier::kExact}, {"equalling to", Qualifier::kExact}, {"equaling", Qualifier::kExact},
      {"equalling", Qualifier::kExact},
      {"no more than", Qualifier::kAtMost}, {"not more than", Qualifier::kAtMost},
      {"no fewer than", Qualifier::kAtLeast}, {"not fewer than", Qualifier::kAtLeast},
      {"no less than", Qualifier::kAtLeast}, {"not less than", Qualifier::kAtLeast},
      {"a maximum of", Qualifier::kAtMost}, {"a minimum of", Qualifier::kAtLeast},
      {"as many as", Qualifier::kAtMost}, {"as much as", Qualifier::kAtMost}, {"as high as", Qualifier::kAtMost},
      {"as few as", Qualifier::kAtLeast}, {"as little as", Qualifier::kAtLeast},
      {"as low as", Qualifier::kAtLeast}, {"in excess of", Qualifier::kMoreThan},
      {"upwards of", Qualifier::kMoreThan}, {"upward of", Qualifier::kMoreThan},
      {"more than", Qualifier::kMoreThan}, {"greater than", Qualifier::kMoreThan},
      {"higher than", Qualifier::kMoreThan}, {"larger than", Qualifier::kMoreThan},
      {"bigger than", Qualifier::kMoreThan}, {"just over", Qualifier::kMoreThan},
      {"well over", Qualifier::kMoreThan}, {"over", Qualifier::kMoreThan}, {"above", Qualifier::kMoreThan},
      {"exceeding", Qualifier::kMoreThan}, {"exceed", Qualifier::kMoreThan}, {"surpass", Qualifier::kMoreThan},
      {"just under", Qualifier::kLessThan}, {"less than", Qualifier::kLessThan},
      {"fewer than", Qualifier::kLessThan}, {"lower than", Qualifier::kLessThan},
      {"smaller than", Qualifier::kLessThan}, {"under", Qualifier::kLessThan}, {"below", Qualifier::kLessThan},
      {"at least", Qualifier::kAtLeast}, {"at most", Qualifier::kAtMost}, {"up to", Qualifier::kAtMost},
      {"nearly", Qualifier::kAtMost}, {"almost", Qualifier::kAtMost}, {"close to", Qualifier::kAtMost},
      {"just shy of", Qualifier::kAtMost}, {"approximately", Qualifier::kApprox},
      {"an estimated", Qualifier::kApprox}, {"estimated", Qualifier::kApprox}, {"about", Qualifier::kApprox},
      {"around", Qualifier::kApprox}, {"roughly", Qualifier::kApprox}, {"some", Qualifier::kApprox},
      {"approx", Qualifier::kApprox}, {"circa", Qualifier::kApprox}, {"an approximate", Qualifier::kApprox},
      {"between", Qualifier::kRange, true}, {"from", Qualifier::kRange, true},
  };
  return p;
}

std::vector<std::vector<std::string>> SplitPatterns() {
  std::vector<std::vector<std::string>> out;
  for (const QualPattern& p : QualPatterns()) {
    std::vector<std::string> w;
    std::istringstream in(p.words);
    std::string x;
    while (in >> x) w.push_back(x);
    out.push_back(w);
  }
  return out;
}

// Physical units: lowercased word sequence -> unit code.
const std::unordered_map<std::string, std::string>& UnitNames() {
  static const std::unordered_map<std::string, std::string> u = [] {
    std::unordered_map<std::string, std::string> m;
    auto add = [&](std::initializer_list<const char*> names, const char* code) {
      for (const char* n : names) m[n] = code;
    };
    add({"km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"}, "km");
    add({"meter", "meters", "metre", "metres"}, "m");
    add({"cm", "centimeter", "centimeters", "centimetre", "centimetres"}, "cm");
    add({"mm", "millimeter", "millimeters", "millimetre", "millimetres"}, "mm");
    add({"dm", "decimeter", "decimeters"}, "dm");
    add({"mi", "mile", "miles"}, "mi");
    add({"nautical mile", "nautical miles"}, "nmi");
    add({"ft", "foot", "feet"}, "ft");
    add({"inch", "inches"}, "in");
    add({"yd", "yard", "yards"}, "yd");
    add({"acre", "acres"}, "acre");
    add({"ha", "hectare", "hectares"}, "ha");
    add({"square kilometer", "square kilometers", "square kilometre", "square kilometres", "sq km", "km2"}, "km2");
    add({"square mile", "square miles", "sq mi"}, "mi2");
    add({"square meter", "square meters", "square metre", "square metres", "sq m", "m2"}, "m2");
    add({"square foot", "square feet", "sq ft"}, "ft2");
    add({"cubic foot", "cubic feet"}, "ft3");
    add({"cubic meter", "cubic meters", "cubic metre", "cubic metres"}, "m3");
    add({"kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"}, "kg");
    add({"gram", "grams", "gramme", "grammes"}, "g");
    add({"mg", "milligram", "milligrams"}, "mg");
    add({"microgram", "micrograms", "microgramme", "microgrammes", "mcg", "μg"}, "ug");
    add({"lb", "lbs", "pound", "pounds"}, "lb");
    add({"oz", "ounce", "ounces"}, "oz");
    add({"ton", "tons"}, "ton");
    add({"tonne", "tonnes", "metric ton", "metric tons", "metric tonne", "metric tonnes"}, "t");
    add({"liter", "liters", "litre", "litres"}, "L");
    add({"ml", "milliliter", "milliliters", "millilitre", "millilitres"}, "mL");
    add({"gallon", "gallons", "gal"}, "gal");
    add({"barrel", "barrels", "bbl"}, "bbl");
    add({"cup", "cups"}, "cup");
    add({"tablespoon", "tablespoons", "tbsp"}, "tbsp");
    add({"teaspoon", "teaspoons", "tsp"}, "tsp");
    add({"mph", "miles per hour", "miles an hour", "mile per hour"}, "mph");
    add({"kph", "kmph", "km/h", "kilometers per hour", "kilometres per hour", "kilometers an hour",
         "kilometres an hour"}, "km/h");
    add({"knot", "knots"}, "kn");
    add({"kw", "kilowatt", "kilowatts"}, "kW");
    add({"mw", "megawatt", "megawatts"}, "MW");
    add({"gw", "gigawatt", "gigawatts"}, "GW");
    add({"kwh", "kilowatt-hour", "kilowatt-hours"}, "kWh");
    add({"mwh", "megawatt-hour", "megawatt-hours"}, "MWh");
    add({"gwh"}, "GWh");
    add({"twh"}, "TWh");
    add({"bit", "bits"}, "bit");
    add({"byte", "bytes"}, "B");
    add({"kb", "kilobyte", "kilobytes"}, "kB");
    add({"megabyte", "megabytes"}, "MB");
    add({"gb", "gigabyte", "gigabytes"}, "GB");
    add({"tb", "terabyte", "terabytes"}, "TB");
    add({"degree", "degrees"}, "deg");
    add({"degrees celsius", "degrees centigrade", "celsius"}, "degC");
    add({"degrees fahrenheit", "fahrenheit"}, "degF");
    add({"rad", "radian", "radians"}, "rad");
    add({"turn", "turns"}, "turn");
    add({"drachma", "drachmas"}, "dram");
    add({"volt", "volts"}, "V");
    add({"watt", "watts"}, "W");
    return m;
  }();
  return u;
}

// Units read only when glued to the digits or right after them in a form that is
// rarely a word ("5 m" is, "5 in" is not).
const std::unordered_map<std::string, std::string>& ShortUnits() {
  static const std::unordered_map<std::string, std::string> u = {
      {"m", "m"}, {"g", "g"}, {"t", "t"}, {"l", "L"}, {"in", "in"}, {"mb", "MB"}, {"pm", "pm"},
  };
  return u;
}

const std::unordered_set<std::string_view>& PerWords() {
  static const std::unordered_set<std::string_view> s = {
      "second", "minute", "hour", "day", "night", "week", "month", "year", "quarter", "share", "person",
      "head", "capita", "barrel", "ton", "tonne", "gallon", "liter", "litre", "kilogram", "kg", "pound", "unit",
      "dozen", "piece", "ounce", "household", "family", "month", "mile", "kilometer", "km", "hectare", "acre",
      "annum", "season", "game", "visit", "vote", "seat", "student", "patient", "worker", "employee"};
  return s;
}

}  // namespace

QuantityRecognizer::QuantityRecognizer() {
  std::filesystem::path path = IsoCodesDir() / "iso_4217.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot open (install the iso-codes package)");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string json = buf.str();
  rapidjson::Document d;
  d.Parse(json.c_str(), json.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("4217") || !d["4217"].IsArray())
    throw Error(path.string(), "not an iso-codes 4217 file");
  static const std::unordered_set<std::string> kWordCodes = {"ALL", "TOP", "CUP", "MOP", "BOB", "MAD", "NOK"};
  for (const auto& e : d["4217"].GetArray()) {
    if (!e.IsObject() || !e.HasMember("alpha_3") || !e.HasMember("name")) continue;
    std::string code = e["alpha_3"].GetString();
    std::string name = recognize::LowerAscii(e["name"].GetString());
    if (code.size() != 3 || code[0] == 'X') continue;  // metals, test codes, funds
    if (!kWordCodes.count(code)) currency_codes_[code] = code;
    // "US Dollar" -> "us dollar", "us dollars"; "Yuan Renminbi" as is.
    currency_names_[name] = {code, 1};
    if (name.back() != 's' && name.find(' ') != std::string::npos) currency_names_[name + "s"] = {code, 1};
    // The currencies a bare name may be: "dinar" is the Jordanian, Kuwaiti, Tunisian...
    const size_t sp = name.rfind(' ');
    if (sp != std::string::npos && code.size() == 3) same_name_[name.substr(sp + 1)].push_back(code);
    size_t words = std::count(name.begin(), name.end(), ' ') + 1;
    max_name_words_ = std::max(max_name_words_, words);
  }
  currency_codes_["NOK"] = "NOK";  // ambiguous only in lower case
  // Common names the ISO list words differently; a bare "dollar" is the US dollar
  // (the project's readers are US news), "peso" the Mexican peso.
  struct N { const char* n; const char* c; double f; };
  for (N n : {N{"dollar", "USD", 1}, {"dollars", "USD", 1}, {"us dollar", "USD", 1}, {"us dollars", "USD", 1},
              {"u.s. dollar", "USD", 1}, {"u.s. dollars", "USD", 1}, {"american dollars", "USD", 1},
              {"peso", "MXN", 1}, {"pesos", "MXN", 1}, {"euro", "EUR", 1}, {"euros", "EUR", 1},
              {"pound sterling", "GBP", 1}, {"pounds sterling", "GBP", 1}, {"sterling", "GBP", 1},
              {"british pounds", "GBP", 1}, {"british pound", "GBP", 1}, {"yen", "JPY", 1},
              {"japanese yen", "JPY", 1}, {"yuan", "CNY", 1}, {"chinese yuan", "CNY", 1}, {"renminbi", "CNY", 1},
              {"rmb", "CNY", 1}, {"kuai", "CNY", 1}, {"rupee", "INR", 1}, {"rupees", "INR", 1},
              {"indian rupees", "INR", 1}, {"ruble", "RUB", 1}, {"rubles", "RUB", 1}, {"rouble", "RUB", 1},
              {"roubles", "RUB", 1}, {"reais", "BRL", 1}, {"real", "BRL", 1}, {"rand", "ZAR", 1},
              {"shekel", "ILS", 1}, {"shekels", "ILS", 1}, {"lira", "TRY", 1}, {"liras", "TRY", 1},
              {"turkish lira", "TRY", 1}, {"francs", "CHF", 1}, {"franc", "CHF", 1}, {"swiss francs", "CHF", 1},
              {"hryvnia", "UAH", 1}, {"hryvnias", "UAH", 1}, {"zloty", "PLN", 1}, {"zlotys", "PLN", 1},
              {"naira", "NGN", 1}, {"baht", "THB", 1}, {"ringgit", "MYR", 1}, {"rupiah", "IDR", 1},
              {"dong", "VND", 1}, {"bolivars", "VES", 1}, {"bolivares", "VES", 1}, {"dirhams", "AED", 1},
              {"riyals", "SAR", 1}, {"rials", "IRR", 1}, {"cedis", "GHS", 1}, {"kwacha", "ZMW", 1},
              {"shillings", "KES", 1}, {"kenyan shillings", "KES", 1}, {"pesetas", "ESP", 1},
              {"canadian dollars", "CAD", 1}, {"australian dollars", "AUD", 1}, {"hong kong dollars", "HKD", 1},
              {"new zealand dollars", "NZD", 1}, {"singapore dollars", "SGD", 1}, {"taiwan dollars", "TWD", 1},
              {"cent", "USD", 0.01}, {"cents", "USD", 0.01}, {"penny", "GBP", 0.01}, {"pence", "GBP", 0.01},
              {"pennies", "USD", 0.01}, {"bitcoin", "XBT", 1}, {"bitcoins", "XBT", 1}, {"btc", "XBT", 1},
              {"satoshi", "XBT", 1e-8}, {"satoshis", "XBT", 1e-8}, {"dutch guilders", "NLG", 1},
              {"guilders", "NLG", 1}, {"finnish markka", "FIM", 1}, {"marks", "DEM", 1},
              // Spanish plurals the ISO names do not give ("500 million soles").
              {"soles", "PEN", 1}, {"nuevos soles", "PEN", 1}, {"quetzales", "GTQ", 1}, {"colones", "CRC", 1},
              {"guaranies", "PYG", 1}, {"guaran\xC3\xAD" "es", "PYG", 1}, {"bolivianos", "BOB", 1},
              {"lempiras", "HNL", 1}, {"cordobas", "NIO", 1}, {"c\xC3\xB3" "rdobas", "NIO", 1}})
    currency_names_[n.n] = {n.c, n.f};
  max_name_words_ = std::max<size_t>(max_name_words_, 3);
  // Only names no reader would take for one currency before all others: a bare
  // "dollar", "pound" or "euro" keeps the default above.
  for (auto it = same_name_.begin(); it != same_name_.end();) {
    static const std::unordered_set<std::string> kShared = {"dinar", "dirham", "riyal", "rial", "franc", "rupee",
                                                            "shilling", "peso", "krona", "krone", "lira", "won"};
    if (!kShared.count(it->first) || it->second.size() < 2) it = same_name_.erase(it);
    else ++it;
  }
}

void QuantityRecognizer::CurrencyOfTheCountry(Document& doc) const {
  // The countries the document names (countries and demonyms in the gazetteer), found
  // only when a shared currency name is there to settle.
  std::vector<std::string> countries;
  bool scanned = false;
  for (Quantity& q : doc.quantities) {
    if (q.type != QuantityType::kMoney) continue;
    std::string_view text = doc.view(q.span);
    const size_t sp = text.rfind(' ');
    std::string word = recognize::LowerAscii(sp == std::string_view::npos ? text : text.substr(sp + 1));
    if (word.size() > 1 && word.back() == 's') word.pop_back();
    auto it = same_name_.find(word);
    if (it == same_name_.end()) continue;
    // "Kuwaiti dinars" is settled by its own adjective.
    if (sp != std::string_view::npos) {
      std::string_view before = text.substr(0, sp);
      const size_t sp2 = before.find_last_of(' ');
      std::string prev = recognize::LowerAscii(sp2 == std::string_view::npos ? before : before.substr(sp2 + 1));
      if (!prev.empty() && !(prev[0] >= '0' && prev[0] <= '9') && prev != "million" && prev != "billion" &&
          prev != "trillion" && prev != "thousand" && prev != "hundred")
        continue;
    }
    if (!scanned) {
      scanned = true;
      const Gazetteer& gaz = Gazetteer::Default();
      std::vector<uint64_t> folded;
      folded.reserve(doc.tokens.size());
      for (const Token& t : doc.tokens) folded.push_back(HashFolded(doc.view(t.span)));
      for (size_t i = 0; i < folded.size();) {
        const GazetteerEntry* e = gaz.FirstTokenMax(folded[i]) ? gaz.LongestMatch(folded.data(), folded.size(), i) : nullptr;
        if (!e) { ++i; continue; }
        if ((e->kinds & (kGazCountry | kGazDemonym)) && e->country[0]) countries.emplace_back(e->country, 2);
        i += e->length;
      }
    }
    // The one currency of that name whose country the document names.
    std::string pick;
    int matches = 0;
    for (const std::string& code : it->second) {
      bool named = false;
      for (const std::string& c : countries) named |= code.compare(0, 2, c) == 0;
      if (named) { pick = code; ++matches; }
    }
    if (matches == 1) q.unit = pick;
  }
}

// One sentence's scan; all scratch lives here so the recognizer stays const.
struct QuantityScan {
  const QuantityRecognizer& r;
  const Document& doc;
  const std::vector<Lexeme>& lx;
  uint32_t b, e;                       // lexeme range of the sentence
  const std::vector<Span>& blocked;    // time expressions
  std::vector<Quantity>* out;
  bool has_pos;

  bool Blocked(const Lexeme& l) const {
    for (const Span& s : blocked)
      if (l.start < s.end && s.start < l.end) return true;
    return false;
  }

  bool WordsAt(uint32_t i, const std::vector<std::string>& words) const {
    uint32_t k = i;
    for (const std::string& w : words) {
      if (k >= e || lx[k].low != w) return false;
      ++k;
    }
    return true;
  }

  std::optional<Qual> QualifierAt(uint32_t i) const {
    static const std::vector<std::vector<std::string>> split = SplitPatterns();
    const auto& pats = QualPatterns();
    for (size_t p = 0; p < pats.size(); ++p) {
      if (lx[i].low != split[p][0]) continue;
      if (WordsAt(i, split[p])) return Qual{pats[p].q, static_cast<uint32_t>(i + split[p].size()), pats[p].range};
    }
    if (lx[i].kind == LexKind::kSymbol && i + 1 < e) {
      // ">10", ">= 30", "<20", "<= -30"
      if (lx[i].is(">") || lx[i].is("<")) {
        bool gt = lx[i].is(">");
        uint32_t k = i + 1;
        bool eq = false;
        if (lx[k].is("=")) { eq = true; ++k; }
        if (i > b && (lx[i - 1].is("<") || lx[i - 1].is("=") || lx[i - 1].is(">"))) return std::nullopt;
        Qualifier q = gt ? (eq ? Qualifier::kAtLeast : Qualifier::kMoreThan)
                         : (eq ? Qualifier::kAtMost : Qualifier::kLessThan);
        return Qual{q, k, false};
      }
    }
    return std::nullopt;
  }

  // A currency sign or code before a number: "$", "US$", "C$", "€", "USD".
  // Returns the code and the lexeme index after it.
  std::optional<std::pair<QuantityRecognizer::Currency, uint32_t>> CurrencyBefore(uint32_t i) const {
    if (i >= e) return std::nullopt;
    const Lexeme& l = lx[i];
    auto make = [](const char* c) { return QuantityRecognizer::Currency{c, 1}; };
    // Letter prefixes glued to "$": US$ C$ A$ HK$ NZ$ S$ Mex$ R$ USD$.
    if (l.kind == LexKind::kWord && i + 1 < e && lx[i + 1].is("$") && lx[i + 1].glued()) {
      static const std::unordered_map<std::string_view, const char*> pre = {
          {"us", "USD"}, {"usd", "USD"}, {"c", "CAD"}, {"ca", "CAD"}, {"cad", "CAD"}, {"a", "AUD"},
          {"au", "AUD"}, {"aud", "AUD"}, {"hk", "HKD"}, {"nz", "NZD"}, {"nzd", "NZD"}, {"s", "SGD"},
          {"mex", "MXN"}, {"mx", "MXN"}, {"mxn", "MXN"}, {"r", "BRL"}};
      auto it = pre.find(l.low);
      if (it != pre.end() && (l.upper_initial || l.low.size() > 1)) return std::make_pair(make(it->second), i + 2);
    }
    // The same prefixes set apart from "$" when a number follows: "US $ 150", "c $ 1.34".
    if (l.kind == LexKind::kWord && i + 2 < e && lx[i + 1].is("$") && !lx[i + 1].glued() &&
        (lx[i + 2].kind == LexKind::kNumber || (lx[i + 2].info && lx[i + 2].info->card >= 0))) {
      static const std::unordered_map<std::string_view, const char*> pre = {
          {"us", "USD"}, {"c", "CAD"}, {"hk", "HKD"}, {"nz", "NZD"}, {"au", "AUD"}};
      auto it = pre.find(l.low);
      if (it != pre.end()) return std::make_pair(make(it->second), i + 2);
    }
    // Lower-case codes of the common currencies before a number: "rmb 10", "usd 20".
    if (l.kind == LexKind::kWord && !l.all_upper && i + 1 < e && lx[i + 1].kind == LexKind::kNumber) {
      static const std::unordered_map<std::string_view, const char*> low = {
          {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"cny", "CNY"}, {"rmb", "CNY"},
          {"inr", "INR"}, {"cad", "CAD"}, {"aud", "AUD"}, {"chf", "CHF"}};
      auto it = low.find(l.low);
      if (it != low.end()) return std::make_pair(make(it->second), i + 1);
    }
    // "Rs 500 crore", "Rs. 2,000": the rupee sign written in letters (India, Pakistan
    // and Sri Lanka write it alike; India's is by far the most common in English news).
    if (l.kind == LexKind::kWord && l.low == "rs" && l.upper_initial) {
      uint32_t k = i + 1;
      if (k < e && lx[k].is(".") && lx[k].glued()) ++k;
      if (k < e && lx[k].kind == LexKind::kNumber) return std::make_pair(make("INR"), k);
    }
    // "MUSD 60", "MEUR": M before an ISO code counts millions (a Nordic business habit).
    if (auto mc = MillionsCode(l)) return std::make_pair(*mc, i + 1);
    // "U.S.$" and "u.s $"
    if (l.is("u") && i + 3 < e && lx[i + 1].is(".") && lx[i + 2].is("s")) {
      uint32_t k = i + 3;
      if (k < e && lx[k].is(".")) ++k;
      if (k < e && lx[k].is("$")) return std::make_pair(make("USD"), k + 1);
    }
    if (l.kind == LexKind::kSymbol || l.kind == LexKind::kPunct || l.kind == LexKind::kWord) {
      static const std::unordered_map<std::string_view, const char*> sym = {
          {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"₽", "RUB"}, {"₩", "KRW"},
          {"₺", "TRY"}, {"₪", "ILS"}, {"₦", "NGN"}, {"₱", "PHP"}, {"฿", "THB"}, {"₫", "VND"}, {"₴", "UAH"},
          {"₿", "XBT"}, {"₡", "CRC"}, {"₾", "GEL"}, {"₭", "LAK"}, {"元", "CNY"}};
      auto it = sym.find(l.low);
      if (it != sym.end()) return std::make_pair(make(it->second), i + 1);
    }
    if (l.kind == LexKind::kWord && l.all_upper && l.end - l.start == 3) {
      std::string code(doc.text.substr(l.start, 3));
      auto it = r.currency_codes_.find(code);
      if (it != r.currency_codes_.end()) {
        uint32_t k = i + 1;
        if (k < e && lx[k].is("$") && lx[k].glued()) ++k;  // "USD$ 15"
        return std::make_pair(make(it->second.c_str()), k);
      }
    }
    if ((l.is("dollar") || l.is("dollars")) && i + 1 < e && lx[i + 1].kind == LexKind::kNumber)
      return std::make_pair(make("USD"), i + 1);
    return std::nullopt;
  }

  // "700 million pounds" and "pounds" in a story that writes "£" are money; "pounds
  // of beef" and "a 300-pound bear" are weight.
  bool PoundsAreSterling(uint32_t i) const {
    if (i + 1 < e && lx[i + 1].is("of")) return false;
    if (i > b && lx[i - 1].is("-")) return false;  // "a 300-pound bear"
    if (i > b && (lx[i - 1].is("million") || lx[i - 1].is("billion") || lx[i - 1].is("trillion") ||
                  lx[i - 1].is("bn") || lx[i - 1].is("m")))
      return true;
    return doc.text.find("\u00a3") != std::string::npos;
  }

  // "MUSD", "MEUR", "MGBP": an ISO code in millions.
  std::optional<QuantityRecognizer::Currency> MillionsCode(const Lexeme& l) const {
    if (l.kind != LexKind::kWord || !l.all_upper || l.end - l.start != 4 || l.low[0] != 'm') return std::nullopt;
    auto it = r.currency_codes_.find(std::string(doc.text.substr(l.start + 1, 3)));
    if (it == r.currency_codes_.end()) return std::nullopt;
    return QuantityRecognizer::Currency{it->second, 1e6};
  }

  // A currency name or code after a number: "pesos", "Mexican pesos", "USD", "cents".
  std::optional<std::pair<QuantityRecognizer::Currency, uint32_t>> CurrencyAfter(uint32_t i) const {
    if (i >= e) return std::nullopt;
    if (auto mc = MillionsCode(lx[i])) return std::make_pair(*mc, i + 1);
    if (lx[i].kind == LexKind::kWord && !lx[i].all_upper) {
      static const std::unordered_map<std::string_view, const char*> low = {
          {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"}, {"jpy", "JPY"}, {"cny", "CNY"}, {"rmb", "CNY"},
          {"inr", "INR"}, {"cad", "CAD"}, {"aud", "AUD"}, {"chf", "CHF"}};
      auto it = low.find(lx[i].low);
      if (it != low.end()) return std::make_pair(QuantityRecognizer::Currency{it->second, 1}, i + 1);
    }
    if (lx[i].is("$") || lx[i].is("€") || lx[i].is("£") || lx[i].is("元") || lx[i].is("₡") || lx[i].is("₾") ||
        lx[i].is("₭")) {
      auto c = CurrencyBefore(i);
      if (c) return c;
    }
    if (lx[i].kind != LexKind::kWord) return std::nullopt;
    if ((lx[i].is("pounds") || lx[i].is("pound")) && PoundsAreSterling(i))
      return std::make_pair(QuantityRecognizer::Currency{"GBP", 1}, i + 1);
    if (lx[i].all_upper && lx[i].end - lx[i].start == 3) {
      std::string code(doc.text.substr(lx[i].start, 3));
      auto it = r.currency_codes_.find(code);
      if (it != r.currency_codes_.end()) return std::make_pair(QuantityRecognizer::Currency{it->second, 1}, i + 1);
    }
    // Longest name first, up to max_name_words_ words ("u.s. dollars": u . s . dollars).
    std::string key;
    std::optional<std::pair<QuantityRecognizer::Currency, uint32_t>> best;
    uint32_t k = i;
    size_t words = 0;
    while (k < e && words < r.max_name_words_) {
      if (lx[k].kind == LexKind::kWord) {
        if (!key.empty() && lx[k].space_before) key.push_back(' ');
        key.append(lx[k].low);
        ++words;
        ++k;
        if (k < e && lx[k].is(".") && lx[k].glued() && words == 1 && key.size() <= 2) {
          key.push_back('.');
          ++k;
        }
        auto it = r.currency_names_.find(key);
        if (it != r.currency_names_.end()) best = std::make_pair(it->second, k);
      } else if (lx[k].is(".") && lx[k].glued()) {
        key.push_back('.');
        ++k;
      } else {
        break;
      }
    }
    return best;
  }

  // A physical unit after a number: returns the code and the lexeme index after it.
  std::optional<std::pair<std::string, uint32_t>> UnitAfter(uint32_t i, bool glued_number) const {
    if (i >= e) return std::nullopt;
    uint32_t k = i;
    bool bracket = false;
    if (lx[k].is("(") || lx[k].is("[") || lx[k].is("{") || lx[k].is("<")) {
      bracket = true;
      ++k;
    }
    if (k >= e || lx[k].kind != LexKind::kWord) return std::nullopt;
    const auto& names = UnitNames();
    std::optional<std::pair<std::string, uint32_t>> best;
    std::string key;
    for (uint32_t n = 0; n < 3 && k + n < e; ++n) {
      const Lexeme& w = lx[k + n];
      if (n > 0) {
        if (w.kind == LexKind::kPunct && w.is("/") && k + n + 1 < e) {
          key.push_back('/');
          continue;
        }
        if (w.kind != LexKind::kWord) break;
        if (key.back() != '/') key.push_back(' ');
      }
      key.append(w.low);
      auto it = names.find(key);
      if (it != names.end()) best = std::make_pair(it->second, k + n + 1);
      // "km2", "m2": the lexer splits letters from digits.
      if (n == 0 && k + 1 < e && lx[k + 1].glued() && lx[k + 1].is("2") && (w.is("km") || w.is("m"))) {
        best = std::make_pair(w.is("km") ? std::string("km2") : std::string("m2"), k + 2);
        break;
      }
    }
    if (!best && (glued_number || lx[k].upper_initial == false)) {
      auto it = ShortUnits().find(std::string(lx[k].low));
      if (it != ShortUnits().end()) {
        bool ok = glued_number || (lx[k].is("m") || lx[k].is("t"));
        // "mb" is megabit in lower case, MB megabyte.
        if (lx[k].is("mb")) return std::make_pair(std::string(lx[k].all_upper ? "MB" : "Mb"), k + 1);
        if (lx[k].is("in") || lx[k].is("pm")) ok = glued_number && lx[k].is("pm") ? false : false;
        if (ok && (k + 1 >= e || lx[k + 1].kind != LexKind::kWord || lx[k + 1].space_before))
          best = std::make_pair(it->second, k + 1);
      }
    }
    if (best && bracket) {
      if (best->second < e && (lx[best->second].is(")") || lx[best->second].is("]") || lx[best->second].is("}") ||
                               lx[best->second].is(">")))
        best->second++;
      else
        return std::nullopt;
    }
    return best;
  }

  // "a day", "per year", "each month", "a share", "/day".
  std::optional<std::pair<std::string, uint32_t>> PerAfter(uint32_t i) const {
    if (i + 1 >= e) return std::nullopt;
    const Lexeme& a = lx[i];
    bool lead = a.is("a") || a.is("an") || a.is("per") || a.is("each") || a.is("every") || a.is("/");
    if (!lead) return std::nullopt;
    uint32_t k = i + 1;
    if (a.is("a") && k + 2 < e && lx[k].kind == LexKind::kHyphen) return std::nullopt;
    const Lexeme& w = lx[k];
    if (w.kind != LexKind::kWord) return std::nullopt;
    std::string_view word = w.low;
    if (!PerWords().count(word)) return std::nullopt;
    // "a year earlier", "a year ago" are times, not rates.
    if (k + 1 < e && (lx[k + 1].is("ago") || lx[k + 1].is("earlier") || lx[k + 1].is("later") ||
                      lx[k + 1].is("before") || lx[k + 1].is("after")))
      return std::nullopt;
    return std::make_pair(std::string(word == "annum" ? "year" : word), k + 1);
  }

  bool PosNominal(const Lexeme& l) const {
    std::string_view u = recognize::UposAt(doc, l.start);
    return u == "NOUN" || u == "PROPN" || u == "ADJ";
  }

  // The noun phrase counted, starting at lexeme i. Sets span and text.
  void Counted(uint32_t i, bool allow_of, Quantity* q) const {
    uint32_t k = i;
    if (allow_of && k + 1 < e && lx[k].is("of")) {
      ++k;
      if (k < e && (lx[k].is("the") || lx[k].is("these") || lx[k].is("those") || lx[k].is("its") ||
                    lx[k].is("their") || lx[k].is("his") || lx[k].is("her") || lx[k].is("our")))
        ++k;
    }
    const auto& stop = StopWords();
    uint32_t start = k, last = k;  // [start, last) is the phrase so far
    int words = 0;
    while (k < e && words < 5) {
      const Lexeme& w = lx[k];
      if (w.kind != LexKind::kWord) break;
      // "two-thirds of the country's budget": the possessor is not what is counted.
      if (k + 3 < e && (lx[k + 1].is("'") || lx[k + 1].is("\u2019")) && lx[k + 1].glued() && lx[k + 2].is("s") &&
          lx[k + 2].glued() && lx[k + 3].kind == LexKind::kWord && !stop.count(lx[k + 3].low)) {
        k += 3;
        start = k;
        last = k;
        words = 0;
        continue;
      }
      if (stop.count(w.low) || (w.info && (w.info->month || w.info->weekday || w.info->time_unit))) break;
      if (w.info && (w.info->card >= 0 || w.info->scale > 0)) break;
      // A hyphenated compound is one word: "drug-smuggling", "cross‑border".
      uint32_t m = k + 1;
      while (m + 1 < e && lx[m].kind == LexKind::kHyphen && lx[m].glued() && lx[m + 1].glued() &&
             lx[m + 1].kind == LexKind::kWord)
        m += 2;
      // A dotted abbreviation is one word too: "300 U.S. troops", "the U.N. mission".
      if (m == k + 1 && w.low.size() <= 2) {
        while (m + 1 < e && lx[m].is(".") && lx[m].glued() && lx[m + 1].glued() && lx[m + 1].kind == LexKind::kWord &&
               lx[m + 1].low.size() <= 2)
          m += 2;
        if (m > k + 1 && m < e && lx[m].is(".") && lx[m].glued()) ++m;
      }
      // An apostrophe-s ends the phrase ("the group's").
      if (has_pos) {
        std::string_view u = recognize::UposAt(doc, w.start);
        if (!u.empty() && u != "NOUN" && u != "PROPN" && u != "ADJ" && !(u == "VERB" && m < e && PosNominal(lx[m])))
          break;
      } else {
        bool ed = w.low.size() > 4 && (w.low.ends_with("ed") || w.low.ends_with("ing")) && m == k + 1;
        if (ed) {
          // A participle counts only before another word of the phrase ("wounded soldiers").
          if (m >= e || lx[m].kind != LexKind::kWord || stop.count(lx[m].low)) break;
          std::string_view nx = lx[m].low;
          if (nx.size() > 4 && (nx.ends_with("ed") || nx.ends_with("ly"))) break;
        }
        if (w.low.size() > 3 && w.low.ends_with("ly") && m == k + 1) break;  // adverbs
      }
      last = m;
      ++words;
      k = m;
      bool plural = LooksPlural(lx[m - 1].low);
      if (plural) {
        // Stop after the plural head unless another plural noun follows ("police officers").
        if (!(k < e && lx[k].kind == LexKind::kWord && !stop.count(lx[k].low) && LooksPlural(lx[k].low) &&
              !lx[k].low.ends_with("ss")))
          break;
      }
      if (q->value && *q->value == 1 && words >= 1 && !has_pos) {
        // Singular: stop at the first noun-like word unless an adjective-like one precedes.
        if (k < e && lx[k].kind == LexKind::kWord && !stop.count(lx[k].low) && words < 2) continue;
        break;
      }
    }
    if (last > start) {
      q->counted_span = {lx[start].start, lx[last - 1].end};
      q->counted = std::string(doc.view(q->counted_span));
    }
  }

  bool IsYearLike(const NumberMatch& m) const {
    const Lexeme& l = lx[m.begin];
    if (m.words || m.end != m.begin + 1 || l.kind != LexKind::kNumber) return false;
    if (l.low.size() != 4 || l.low.find_first_of(",.") != std::string_view::npos) return false;
    return m.value >= 1800 && m.value <= 2199;
  }

  // Identifiers, phone numbers, ages, list numbers: true when the number at m is not a quantity.
  bool NotAQuantity(const NumberMatch& m, bool money) const {
    const Lexeme& f = lx[m.begin];
    uint32_t after = m.end;
    // Letters glued before the digits: "MS-13", "G7", "COVID-19", "F-16", "scp-173".
    if (m.begin > b) {
      const Lexeme& p = lx[m.begin - 1];
      if (f.glued() && p.kind == LexKind::kWord && !money) return true;  // "USD115" is money
      if (f.glued() && (p.kind == LexKind::kHyphen) && m.begin >= b + 2 && lx[m.begin - 2].kind == LexKind::kWord &&
          p.glued())
        return true;
      if (f.glued() && p.kind == LexKind::kNumber) return true;  // "423-0000", "4.5.6"
      if (p.is("#") || p.is("no") || (p.is(".") && m.begin >= b + 2 && lx[m.begin - 2].is("no"))) return true;
    }
    // Glued letters after: "24703L202", "173m" after a hyphen id. "5pm" times are blocked already.
    if (after < e && lx[after].glued() && lx[after].kind == LexKind::kNumber) return true;
    // Phone numbers and other digit chains: 555-0134, 202-555-0134, 1-800-...
    if (!m.words && after + 1 < e && lx[after].kind == LexKind::kHyphen && lx[after].glued() &&
        lx[after + 1].glued() && lx[after + 1].kind == LexKind::kNumber) {
      std::string_view a = f.low, c = lx[after + 1].low;
      if ((a.size() == 3 && c.size() == 4) || (after + 3 < e && lx[after + 2].kind == LexKind::kHyphen &&
                                               lx[after + 2].glued() && lx[after + 3].kind == LexKind::kNumber))
        return true;
    }
    if (money) return false;
    // Ages: "45-year-old", "aged 45", "age 45", "Kahindo, 34, who".
    if (after + 2 < e && lx[after].kind == LexKind::kHyphen && (lx[after + 1].is("year") || lx[after + 1].is("years")))
      return true;
    if (after + 1 < e && (lx[after].is("years") || lx[after].is("year")) && lx[after + 1].is("old")) return true;
    if (m.begin > b && (lx[m.begin - 1].is("aged") || lx[m.begin - 1].is("age"))) return true;
    if (m.begin >= b + 2 && lx[m.begin - 1].is(",") && lx[m.begin - 2].kind == LexKind::kWord &&
        lx[m.begin - 2].upper_initial && !m.words && m.value > 0 && m.value < 120 && after < e &&
        lx[after].is(",") && !lx[m.begin - 2].info)
      return true;
    // List numbering at the start of a line: "1." "2)".
    if (m.begin == b && after < e && (lx[after].is(")") || (lx[after].is(".") && after + 1 < e)) && !m.words &&
        lx[after].glued())
      return true;
    // Identifiers after a capitalized word: "Route 66", "Chapter 11", "Flight 17", "Section 230".
    if (m.begin > b && !m.words && lx[m.begin - 1].kind == LexKind::kWord && lx[m.begin - 1].upper_initial &&
        !lx[m.begin - 1].info && m.begin - 1 > b &&
        !(after < e && lx[after].kind == LexKind::kWord && !lx[after].upper_initial && !StopWords().count(lx[after].low)))
      return true;
    return false;
  }

  // "down roughly a third", "a fifth of the budget": "a" or "one" and a fraction word
  // with nothing after it that an ordinal would modify ("a third term" is an ordinal).
  bool AFraction(uint32_t i, uint32_t k, const std::optional<Qual>& qual, uint32_t* next) {
    static const std::unordered_map<std::string_view, int> kDenominators = {
        {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7}, {"eighth", 8},
        {"ninth", 9}, {"tenth", 10}};
    if (!(lx[k].is("a") || lx[k].is("one")) || k + 1 >= e) return false;
    auto d = kDenominators.find(lx[k + 1].low);
    if (d == kDenominators.end() || Blocked(lx[k + 1])) return false;
    const uint32_t z = k + 2;
    bool ends = z >= e || lx[z].kind != LexKind::kWord || lx[z].is("of");
    if (!ends && has_pos) {
      const std::string_view u = recognize::UposAt(doc, lx[z].start);
      ends = u == "ADP" || u == "CCONJ" || u == "SCONJ" || u == "PUNCT" || u == "AUX" || u == "VERB";
    }
    if (!ends) return false;
    Quantity q;
    q.type = QuantityType::kNumber;
    q.unit = "fraction";
    q.value = 1.0 / d->second;
    q.qualifier = qual ? qual->q : Qualifier::kExact;
    if (q.qualifier == Qualifier::kExact) q.low = q.high = q.value;
    else if (q.qualifier == Qualifier::kAtLeast) q.low = q.value;
    else if (q.qualifier == Qualifier::kMoreThan) { q.low = q.value; q.low_exclusive = true; }
    else if (q.qualifier == Qualifier::kAtMost) q.high = q.value;
    else if (q.qualifier == Qualifier::kLessThan) { q.high = q.value; q.high_exclusive = true; }
    else if (q.qualifier != Qualifier::kApprox) return false;  // ranges and vague words
    Counted(z, true, &q);
    Emit(i, z, q);
    *next = z;
    return true;
  }

  void Emit(uint32_t a, uint32_t z, Quantity q) const {
    q.span = {lx[a].start, lx[z - 1].end};
    out->push_back(std::move(q));
  }

  // Vague amounts: "dozens", "hundreds of thousands", "several hundred", "a few".
  bool Vague(uint32_t i, uint32_t* next) {
    uint32_t k = i;
    double low = 0, high = 0;
    static const std::unordered_map<std::string_view, std::pair<double, double>> plural = {
        {"tens", {20, 99}}, {"dozens", {24, 99}}, {"scores", {40, 99}}, {"hundreds", {200, 999}},
        {"thousands", {2000, 9999}}, {"millions", {2e6, 9999999}}, {"billions", {2e9, 9999999999}},
        {"trillions", {2e12, 9999999999999}}};
    static const std::unordered_map<std::string_view, std::pair<double, double>> quant = {
        {"several", {3, 9}}, {"few", {2, 5}}, {"handful", {2, 5}}};
    bool counted_of = false;
    auto pit = plural.find(lx[k].low);
    if (pit != plural.end()) {
      if (lx[k].is("tens") && !(k + 2 < e && lx[k + 1].is("of") &&
                                (lx[k + 2].is("thousands") || lx[k + 2].is("millions") || lx[k + 2].is("billions"))))
        return false;
      low = pit->second.first;
      high = pit->second.second;
      ++k;
      // "of thousands", "of millions" multiply.
      while (k + 1 < e && lx[k].is("of")) {
        auto it2 = plural.find(lx[k + 1].low);
        if (it2 == plural.end() || it2->second.first < 2000) break;
        double scale = it2->second.first / 2;  // thousands -> 1000
        low *= scale;
        high = (high + 1) * scale - 1;
        k += 2;
      }
      counted_of = true;
    } else {
      uint32_t q = k;
      if (lx[q].is("a") && q + 1 < e && (lx[q + 1].is("few") || lx[q + 1].is("handful"))) ++q;
      else if (lx[q].is("few") || lx[q].is("handful")) return false;  // "few" alone is negative, not a count
      auto qit = quant.find(lx[q].low);
      if (qit == quant.end()) return false;
      low = qit->second.first;
      high = qit->second.second;
      k = q + 1;
      if (lx[q].is("handful")) {
        if (!(k < e && lx[k].is("of"))) return false;
        counted_of = true;
      }
      if (k < e && lx[k].info && lx[k].info->scale >= 100 && lx[k].low.size() > 2) {
        double s = lx[k].info->scale;
        low *= s;
        high = (high + 1) * s - 1;
        ++k;
        while (k < e && lx[k].info && lx[k].info->scale > s && lx[k].low.size() > 2) {
          double s2 = lx[k].info->scale;
          low *= s2;
          high = (high + 1) * s2 - 1;
          s = s2;
          ++k;
        }
        counted_of = true;
      } else if (!(k < e && lx[k].kind == LexKind::kWord && !StopWords().count(lx[k].low)) && !lx[q].is("handful")) {
        // "several" must count something right after it ("several people"); "a few" too.
        if (!(k < e && lx[k].is("of"))) return false;
        counted_of = true;
      }
    }
    Quantity qt;
    qt.type = QuantityType::kCount;
    qt.qualifier = Qualifier::kVague;
    qt.low = low;
    qt.high = high;
    // A unit or currency after the vague amount: "millions of dollars".
    if (k + 1 < e && lx[k].is("of")) {
      if (auto c = CurrencyAfter(k + 1)) {
        qt.type = QuantityType::kMoney;
        qt.unit = c->first.code;
        *next = c->second;
        Emit(i, c->second, qt);
        return true;
      }
    }
    if (Blocked(lx[k < e ? k : e - 1]) && k < e) return false;  // "several years" is a duration
    Counted(k, counted_of, &qt);
    *next = k;
    Emit(i, k, qt);
    return true;
  }

  void Run() {
    uint32_t i = b;
    while (i < e) {
      const Lexeme& l = lx[i];
      if (l.kind == LexKind::kWord && !l.all_upper && l.low != "rs" &&
          !(l.info && (l.info->qty_trigger || l.info->card >= 0 || l.info->ord >= 0 || l.info->scale > 0 ||
                       l.info->denom || l.info->denom_plural))) {
        ++i;
        continue;
      }
      if (l.kind == LexKind::kPunct || l.kind == LexKind::kQuote || l.kind == LexKind::kDash) {
        ++i;
        continue;
      }
      if (l.kind == LexKind::kWord && l.info && l.info->qty_trigger && l.info->card < 0 && l.info->scale == 0 &&
          !l.info->denom && !l.is("several") && !l.is("few") && !l.is("handful") && l.low.back() != 's') {
        // Qualifier words count only when a number or a currency sign follows closely.
        bool near = false;
        for (uint32_t k = i + 1; k < e && k <= i + 6 && !near; ++k) {
          const Lexeme& x = lx[k];
          near = x.kind == LexKind::kNumber || x.kind == LexKind::kSymbol || x.kind == LexKind::kFraction ||
                 (x.info && (x.info->card >= 0 || x.info->scale > 0 || x.info->denom || x.info->denom_plural ||
                             x.info->ord >= 0)) || x.all_upper;
        }
        if (!near) {
          ++i;
          continue;
        }
      }
      if (Blocked(lx[i])) { ++i; continue; }
      uint32_t next = i + 1;
      if (lx[i].kind == LexKind::kWord && Vague(i, &next)) {
        i = next;
        continue;
      }
      if (TryQuantity(i, &next)) {
        i = next;
        continue;
      }
      ++i;
    }
  }

  static constexpr uint32_t kNoSuffix = ~0u;

  // "the FTSE 100", "a Boeing 737", "Chapter 11", "Route 66": digits right after a
  // capitalised word inside the sentence (or an acronym anywhere) name something;
  // they count nothing. A unit or percent after the digits keeps them a quantity.
  bool IsNameNumber(const NumberMatch& m) const {
    // "the Group of Seven", "Formula One": a capitalised number word inside the
    // sentence after a capitalised word (or "of" after one) is part of a name.
    if (m.words && m.end == m.begin + 1 && m.begin >= b + 2 && lx[m.begin].upper_initial) {
      uint32_t p = m.begin - 1;
      const bool of = lx[p].is("of");
      if (of) --p;
      if ((of || p > b) && lx[p].kind == LexKind::kWord && lx[p].upper_initial) return true;
    }
    if (m.words || m.begin <= b || m.end != m.begin + 1 || lx[m.begin].kind != LexKind::kNumber) return false;
    const Lexeme& prev = lx[m.begin - 1];
    if (prev.kind != LexKind::kWord || !prev.upper_initial || prev.glued()) return false;
    bool acronym = prev.all_upper && prev.end - prev.start >= 2;
    if (!acronym && m.begin - 1 == b) return false;  // "Some 500 people", "About 300"
    if (r.currency_codes_.count(std::string(doc.text.substr(prev.start, prev.end - prev.start)))) return false;
    if (prev.info && (prev.info->month || prev.info->card > 0 || prev.info->scale > 0)) return false;
    uint32_t a = m.end;
    if (a < e && (lx[a].is("%") || lx[a].is("percent") || UnitAfter(a, lx[a].glued()) || CurrencyAfter(a)))
      return false;
    return true;
  }

  bool TryQuantity(uint32_t i, uint32_t* next) {
    uint32_t k = i;
    std::optional<Qual> qual = QualifierAt(k);
    if (qual) {
      k = qual->end;
      if (k >= e) return false;
      // "the" in "between the tenth and the fifteenth"; "just" in "at least just".
      if (lx[k].is("the") && qual->range_start) ++k;
    }
    std::optional<std::pair<QuantityRecognizer::Currency, uint32_t>> cur;
    if (k < e) {
      cur = CurrencyBefore(k);
      if (cur) k = cur->second;
    }
    if (k >= e || Blocked(lx[k])) return false;
    if (!cur && AFraction(i, k, qual, next)) return true;
    std::optional<NumberMatch> m = recognize::ParseNumber(lx, k, e);
    if (!m) return false;
    // "one" as a pronoun: "the one", "which one"; "one of the" keeps its count.
    if (m->words && m->end == m->begin + 1 && !cur && recognize::OneIsPronoun(lx, m->begin, b, e)) return false;
    if (m->ordinal && (qual || cur)) return false;
    bool money = cur.has_value();
    if (NotAQuantity(*m, money)) {
      // Skip the whole chain ("555-0134", "202-555-0134", "4.5.6").
      uint32_t z = m->end;
      while (z + 1 < e && (lx[z].kind == LexKind::kHyphen || lx[z].is(".") || lx[z].is("/")) && lx[z].glued() &&
             lx[z + 1].glued() && lx[z + 1].kind == LexKind::kNumber)
        z += 2;
      *next = z;
      return true;
    }
    if (!money && !qual && IsNameNumber(*m)) {
      *next = m->end;
      return true;
    }
    if (!money && !qual && IsYearLike(*m)) {
      // A bare four-digit year the time recognizer did not claim: not a count either.
      uint32_t a = m->end;
      bool unit_like = a < e && (lx[a].is("%") || lx[a].is("percent") || UnitAfter(a, false) || CurrencyAfter(a));
      bool counted_like = a < e && lx[a].kind == LexKind::kWord && !lx[a].upper_initial &&
                          !StopWords().count(lx[a].low) && LooksPlural(lx[a].low);
      if (!unit_like && !counted_like) {
        *next = m->end;
        return true;
      }
    }
    Quantity q;
    q.type = m->ordinal ? QuantityType::kOrdinal : QuantityType::kCount;
    if (m->fraction) {
      q.type = QuantityType::kNumber;
      q.unit = "fraction";
    }
    if (m->has_value) q.value = m->value;
    uint32_t z = m->end;
    Qualifier qualifier = qual ? qual->q : Qualifier::kExact;
    std::optional<double> high;
    bool has_high = true;
    // Ranges: "between A and B", "from A to B", "A to B", "A-B", "A or B".
    if (!m->ordinal && z + 1 < e) {
      uint32_t c = z;
      // "between 5% and 7%", "£150m to £200m": the first number's glued suffix comes
      // back after the second one.
      uint32_t suffix = kNoSuffix;
      if (lx[c].glued() && (lx[c].is("%") || (money && (lx[c].is("m") || lx[c].is("bn") || lx[c].is("k")))) &&
          c + 2 < e) {
        suffix = c;
        ++c;
      }
      bool sep = false;
      if (qual && qual->range_start) {
        sep = lx[c].is(qual->q == Qualifier::kRange && lx[i].is("between") ? "and" : "to") ||
              (lx[i].is("from") && (lx[c].is("through") || lx[c].is("until") || lx[c].is("till")));
      } else if (!qual || qualifier == Qualifier::kApprox) {
        sep = lx[c].is("to") || ((lx[c].kind == LexKind::kHyphen || lx[c].kind == LexKind::kDash) && !m->words) ||
              (lx[c].is("or") && m->words) || lx[c].is("through") || lx[c].is("~");
      }
      if (sep) {
        uint32_t d = c + 1;
        std::optional<std::pair<QuantityRecognizer::Currency, uint32_t>> cur2;
        if (d < e && lx[d].is("the")) ++d;
        if (d < e && (cur2 = CurrencyBefore(d))) d = cur2->second;
        std::optional<NumberMatch> m2 = d < e ? recognize::ParseNumber(lx, d, e) : std::nullopt;
        bool same_suffix = suffix == kNoSuffix ||
                           (m2 && m2->end < e && lx[m2->end].glued() && lx[m2->end].low == lx[suffix].low);
        if (m2 && same_suffix && !m2->ordinal == !m->ordinal && !Blocked(lx[d]) &&
            !(m2->words != m->words && lx[c].is("or"))) {
          double lo = m->value, hi = m2->value;
          if (suffix != kNoSuffix && !lx[suffix].is("%")) {
            double scale = lx[suffix].is("m") ? 1e6 : lx[suffix].is("bn") ? 1e9 : 1e3;
            lo *= scale;
            hi *= scale;
          }
          // "between 5 and 6 million": the scale of the second number applies to both.
          if (m2->multiplied && !m->multiplied && lo < hi) {
            double scale = 1;
            for (uint32_t t = m2->begin; t < m2->end; ++t)
              if (lx[t].info && lx[t].info->scale > 0) scale *= lx[t].info->scale;
            if (scale > 1 && lo * scale <= hi) lo *= scale;
          }
          if (lo <= hi || lx[c].kind != LexKind::kHyphen) {
            qualifier = Qualifier::kRange;
            q.value.reset();
            if (m->has_value && m2->has_value) {
              q.low = lo;
              high = hi;
            } else {
              has_high = false;
            }
            z = m2->end;
            // The second "%" is read as the percent below; a scale letter is spent.
            if (suffix != kNoSuffix && !lx[suffix].is("%")) ++z;
            if (cur2 && !cur) cur = cur2;
          } else if (!money && !qual && !cur2 && lx[c].glued() && lx[d].glued() && suffix == kNoSuffix) {
            // "voted 52-48", "a 4-3 ruling": a tally or score, not two counts.
            *next = m2->end;
            return true;
          }
        }
      }
    }
    if (qual && qual->range_start && qualifier == Qualifier::kRange && !high && has_high) {
      // "between" or "from" without a second number: an exact number after a preposition.
      qualifier = Qualifier::kExact;
      i = qual->end;
    }
    // Percent, currency after, units.
    bool percent = false;
    if (z < e) {
      const Lexeme& a = lx[z];
      if (a.is("%") || a.is("percent") || a.is("pct") || a.is("percents") || a.is("percentage")) {
        percent = true;
        ++z;
        if (z < e && (lx[z].is("point") || lx[z].is("points")) && a.is("percentage")) {
          q.unit = "percentage point";
          ++z;
        } else {
          q.unit = "percent";
        }
      } else if (a.is("per") && z + 1 < e && lx[z + 1].is("cent")) {
        percent = true;
        z += 2;
        q.unit = "percent";
      } else if (a.is("basis") && z + 1 < e && (lx[z + 1].is("points") || lx[z + 1].is("point"))) {
        percent = true;
        z += 2;
        q.unit = "basis point";
      }
    }
    if (percent) {
      q.type = QuantityType::kPercent;
    } else if (!m->ordinal) {
      uint32_t z0 = z;
      // "$38 million-a-day", "3-inch", "45-acre": a glued hyphen before the unit.
      uint32_t probe = z;
      if (probe + 1 < e && lx[probe].kind == LexKind::kHyphen && lx[probe].glued() && lx[probe + 1].glued()) ++probe;
      auto after_cur = money ? std::nullopt : CurrencyAfter(probe);
      if (after_cur && !(lx[probe].is("real") || lx[probe].is("rand") || lx[probe].is("marks") ||
                         lx[probe].is("dong") || lx[probe].is("won")) ) {
        cur = after_cur;
        z = after_cur->second;
        money = true;
        // "75 USD million": a scale after the code.
        if (!m->multiplied && z < e && lx[z].kind == LexKind::kWord && lx[z].info && lx[z].info->scale >= 1e3 &&
            lx[z].low.size() > 2 && lx[z].low.back() != 's' && q.value) {
          double s = lx[z].info->scale;
          q.value = *q.value * s;
          if (q.low) q.low = *q.low * s;
          if (high) high = *high * s;
          ++z;
        }
      } else if (!money) {
        bool glued = probe < e && lx[probe].glued() && probe == z0;
        auto u = UnitAfter(probe, glued);
        if (u) {
          q.type = QuantityType::kMeasure;
          q.unit = u->first;
          z = u->second;
          // "5 feet 2 inches", "12 ft 2 in"
          if (z + 1 < e && lx[z].kind == LexKind::kNumber) {
            uint32_t z2 = z;
            std::optional<NumberMatch> m3 = recognize::ParseNumber(lx, z2, e);
            if (m3 && z2 + 1 < e) {
              uint32_t after = m3->end;
              if (after < e && lx[after].is("and")) ++after;
              std::string sub;
              if (after < e) sub = std::string(lx[after].low);
              if ((q.unit == "ft") && (sub == "in" || sub == "inch" || sub == "inches") && q.value) {
                q.value = *q.value + m3->value / 12;
                z = after + 1;
              }
            }
          } else if (z + 2 < e && lx[z].is("and") && lx[z + 1].kind == LexKind::kNumber && q.unit == "ft") {
            std::optional<NumberMatch> m3 = recognize::ParseNumber(lx, z + 1, e);
            if (m3 && m3->end < e && (lx[m3->end].is("inches") || lx[m3->end].is("inch")) && q.value) {
              q.value = *q.value + m3->value / 12;
              z = m3->end + 1;
            }
          }
        }
      }
    }
    // "a magnitude 7.1 earthquake", "a magnitude-6 quake": the size of a quake on the
    // magnitude scale, a measure and no count of what follows.
    if (!money && !percent && !m->ordinal && q.unit.empty() && m->begin > b) {
      uint32_t k = m->begin - 1;
      if (k > b && lx[k].kind == LexKind::kHyphen && lx[k].glued()) --k;
      if (lx[k].is("magnitude")) {
        q.type = QuantityType::kMeasure;
        q.unit = "magnitude";
      }
    }
    if (money) {
      q.type = QuantityType::kMoney;
      q.unit = cur->first.code;
      double f = cur->first.factor;
      if (f != 1) {
        if (q.value) q.value = *q.value * f;
        if (q.low) q.low = *q.low * f;
        if (high) high = *high * f;
      }
      // "$38m", "$1.2bn": one-letter scales after a currency sign.
      if (z < e && lx[z].glued() && lx[z].kind == LexKind::kWord && !m->multiplied) {
        double s = lx[z].is("m") ? 1e6 : lx[z].is("bn") || lx[z].is("b") ? 1e9 : lx[z].is("k") ? 1e3 : 0;
        if (s > 0 && q.value) {
          q.value = *q.value * s;
          ++z;
        }
      }
      // "15 dollars 50", "3 dollars 50 cents", "13 dollars and 45 cents"
      if (z < e && q.value && cur->first.factor == 1 && !m->multiplied) {
        uint32_t c = z;
        if (lx[c].is("and") && c + 1 < e) ++c;
        if (c < e && (lx[c].kind == LexKind::kNumber || (lx[c].info && lx[c].info->card > 0))) {
          std::optional<NumberMatch> cents = recognize::ParseNumber(lx, c, e);
          if (cents && cents->value < 100 && cents->value >= 1 && !cents->ordinal) {
            uint32_t after = cents->end;
            bool explicit_cents = after < e && (lx[after].is("cents") || lx[after].is("cent"));
            bool end_ok = explicit_cents || after >= e || lx[after].kind == LexKind::kPunct;
            if (end_ok && (explicit_cents || c == z || lx[z].is("and"))) {
              q.value = *q.value + cents->value / 100;
              z = explicit_cents ? after + 1 : after;
            }
          }
        }
      }
    }
    // Suffix qualifiers: "or more", "and more", "or fewer", "or so", "-plus", "+", and
    // "or equal (to)" after a strict comparison ("less than 5 or equal").
    // A "than" after them is theirs only when no number follows ("200 or greater than"
    // but "200 or greater than 190" compares 190).
    auto than_tail = [&](uint32_t at) {
      if (at < e && lx[at].is("than") && !(at + 1 < e && recognize::ParseNumber(lx, at + 1, e))) return at + 1;
      return at;
    };
    if (z + 1 < e && (lx[z].is("or") || lx[z].is("and"))) {
      const Lexeme& w = lx[z + 1];
      bool number_after = z + 2 < e && lx[z + 2].is("than") && z + 3 < e && recognize::ParseNumber(lx, z + 3, e);
      // "and less than or equal to 40", "and more than 5": another comparison, not a suffix.
      if (z + 2 < e && (lx[z + 2].is("or") || lx[z + 2].is("equal") || (lx[z].is("and") && lx[z + 2].is("than"))))
        number_after = true;
      if ((w.is("more") || w.is("greater") || w.is("higher") || w.is("above") || w.is("over")) && !number_after) {
        if (qualifier == Qualifier::kExact || qualifier == Qualifier::kApprox) qualifier = Qualifier::kAtLeast;
        z = than_tail(z + 2);
      } else if ((w.is("fewer") || w.is("less") || w.is("lower") || w.is("below") || w.is("under")) &&
                 !number_after) {
        if (qualifier == Qualifier::kExact || qualifier == Qualifier::kApprox) qualifier = Qualifier::kAtMost;
        z = than_tail(z + 2);
      } else if (w.is("equal") && lx[z].is("or") &&
                 (qualifier == Qualifier::kMoreThan || qualifier == Qualifier::kLessThan)) {
        uint32_t t = z + 2;
        if (t < e && lx[t].is("to")) ++t;
        if (!(t < e && recognize::ParseNumber(lx, t, e))) {
          qualifier = qualifier == Qualifier::kMoreThan ? Qualifier::kAtLeast : Qualifier::kAtMost;
          z = t;
        }
      } else if (w.is("so") && lx[z].is("or")) {
        if (qualifier == Qualifier::kExact) qualifier = Qualifier::kApprox;
        z += 2;
      }
    } else if (z < e && (lx[z].is("+") && lx[z].glued())) {
      if (qualifier == Qualifier::kExact) qualifier = Qualifier::kAtLeast;
      ++z;
    } else if (z + 1 < e && lx[z].kind == LexKind::kHyphen && lx[z + 1].is("plus") && lx[z].glued()) {
      if (qualifier == Qualifier::kExact) qualifier = Qualifier::kAtLeast;
      z += 2;
    }
    // Two comparisons joined into a range: "more than 10 and less than 40", "at most
    // 100 and at least 20", "above 1000 but below 1500" (only when low < high).
    bool low_excl = false, high_excl = false, joined = false;
    bool lower = qualifier == Qualifier::kMoreThan || qualifier == Qualifier::kAtLeast;
    bool upper = qualifier == Qualifier::kLessThan || qualifier == Qualifier::kAtMost;
    if ((lower || upper) && !money && q.type != QuantityType::kMeasure && q.value && z + 2 < e &&
        (lx[z].is("and") || lx[z].is("but") || lx[z].is(","))) {
      uint32_t c = z + 1;
      if (lx[z].is(",") && c < e && (lx[c].is("and") || lx[c].is("but"))) ++c;
      std::optional<Qual> q2 = c < e ? QualifierAt(c) : std::nullopt;
      bool opposite = q2 && (lower ? (q2->q == Qualifier::kLessThan || q2->q == Qualifier::kAtMost)
                                   : (q2->q == Qualifier::kMoreThan || q2->q == Qualifier::kAtLeast));
      if (opposite && q2->end < e && !Blocked(lx[q2->end])) {
        std::optional<NumberMatch> m2 = recognize::ParseNumber(lx, q2->end, e);
        if (m2 && m2->has_value && !m2->ordinal) {
          Qualifier second = q2->q;
          uint32_t z2 = m2->end;
          if (percent && z2 < e && (lx[z2].is("%") || lx[z2].is("percent"))) ++z2;
          if (z2 + 1 < e && lx[z2].is("or") && lx[z2 + 1].is("equal") &&
              (second == Qualifier::kMoreThan || second == Qualifier::kLessThan)) {
            second = second == Qualifier::kMoreThan ? Qualifier::kAtLeast : Qualifier::kAtMost;
            z2 += 2;
            if (z2 < e && lx[z2].is("to") && !(z2 + 1 < e && recognize::ParseNumber(lx, z2 + 1, e))) ++z2;
          }
          double lo = lower ? *q.value : m2->value, hi = lower ? m2->value : *q.value;
          Qualifier lo_q = lower ? qualifier : second, hi_q = lower ? second : qualifier;
          if (lo < hi) {
            qualifier = Qualifier::kRange;
            q.value.reset();
            q.low = lo;
            high = hi;
            low_excl = lo_q == Qualifier::kMoreThan;
            high_excl = hi_q == Qualifier::kLessThan;
            joined = true;
            z = z2;
          }
        }
      }
    }
    // Rates.
    uint32_t pz = z;
    if (pz + 1 < e && lx[pz].kind == LexKind::kHyphen && lx[pz].glued() && lx[pz + 1].is("a")) ++pz;  // "$70-a-share"
    if (auto per = PerAfter(pz)) {
      q.per = per->first;
      z = per->second;
    }
    // Bounds by qualifier.
    q.qualifier = qualifier;
    if (q.value || q.low) {
      std::optional<double> v = q.value;
      switch (qualifier) {
        case Qualifier::kExact: q.low = v; q.high = v; break;
        case Qualifier::kApprox: break;
        case Qualifier::kAtLeast: q.low = v; break;
        case Qualifier::kMoreThan: q.low = v; q.low_exclusive = true; break;
        case Qualifier::kAtMost: q.high = v; break;
        case Qualifier::kLessThan: q.high = v; q.high_exclusive = true; break;
        case Qualifier::kRange:
          q.high = high;
          if (joined) q.low_exclusive = low_excl, q.high_exclusive = high_excl;
          break;
        case Qualifier::kVague: break;
      }
    }
    if (q.type == QuantityType::kCount || q.type == QuantityType::kOrdinal || q.type == QuantityType::kNumber ||
        q.type == QuantityType::kPercent) {
      if (!(z < e && Blocked(lx[z]))) {
        bool allow_of = m->fraction || percent || m->multiplied || qualifier == Qualifier::kRange;
        // "14 of the 19 planned dams": the part counts what the whole counts.
        uint32_t of_whole = z;
        if (z + 1 < e && lx[z].is("of")) {
          uint32_t w = z + 1;
          if (w < e && (lx[w].is("the") || lx[w].is("its") || lx[w].is("their"))) ++w;
          std::optional<NumberMatch> whole = w < e ? recognize::ParseNumber(lx, w, e) : std::nullopt;
          if (whole && !whole->ordinal && !whole->fraction) of_whole = whole->end;
        }
        if (of_whole != z && q.type == QuantityType::kCount) Counted(of_whole, false, &q);
        else if (q.type != QuantityType::kPercent || (z < e && lx[z].is("of"))) Counted(z, allow_of || percent, &q);
      }
    }
    Emit(i, z, std::move(q));
    *next = z;
    return true;
  }
};

size_t QuantityRecognizer::QualifierPrefixLength(std::string_view text) {
  static const std::vector<std::vector<std::string>> split = SplitPatterns();
  std::string lower = recognize::LowerAscii(text);
  size_t best = 0;
  for (const auto& words : split) {
    size_t pos = 0;
    bool ok = true;
    for (const std::string& w : words) {
      if (lower.compare(pos, w.size(), w) != 0) { ok = false; break; }
      pos += w.size();
      if (pos >= lower.size() || lower[pos] != ' ') { ok = false; break; }
      while (pos < lower.size() && lower[pos] == ' ') ++pos;
    }
    if (ok) best = std::max(best, pos);
  }
  return best;
}

void QuantityRecognizer::annotate(Document& doc) const {
  // Shared with the time recognizer when it ran on the same text just before.
  const recognize::LexedDocument& lexed = recognize::LexDocument(doc);
  const std::vector<Lexeme>& lx = lexed.lexemes;
  std::vector<Span> blocked;
  for (const TimeExpr& t : doc.times) blocked.push_back(t.span);
  // Web addresses: their digits and percent-encoded bytes ("%20") are no quantities.
  std::string_view text = doc.text;
  bool urls = false;
  for (std::string_view mark : {std::string_view("://"), std::string_view("www.")}) {
    for (size_t p = text.find(mark); p != std::string_view::npos; p = text.find(mark, p + 1)) {
      size_t a = p, z = p;
      while (a > 0 && !std::isspace(static_cast<unsigned char>(text[a - 1]))) --a;
      while (z < text.size() && !std::isspace(static_cast<unsigned char>(text[z]))) ++z;
      blocked.push_back({static_cast<uint32_t>(a), static_cast<uint32_t>(z)});
      urls = true;
      p = z;
      if (p >= text.size()) break;
    }
  }
  if (urls)
    std::sort(blocked.begin(), blocked.end(), [](const Span& x, const Span& y) { return x.start < y.start; });
  bool has_pos = !doc.tokens.empty() && !doc.tokens.front().upos.empty();
  std::vector<Quantity> found;
  size_t ti = 0;
  std::vector<Span> local;
  for (size_t r = 0; r < lexed.ranges.size(); ++r) {
    Span range = lexed.ranges[r];
    uint32_t b = lexed.first[r], e = lexed.first[r + 1];
    if (b == e) continue;
    // Only the time spans inside this range matter.
    local.clear();
    while (ti < blocked.size() && blocked[ti].end <= range.start) ++ti;
    for (size_t t = ti; t < blocked.size() && blocked[t].start < range.end; ++t) local.push_back(blocked[t]);
    QuantityScan scan{*this, doc, lx, b, e, local, &found, has_pos};
    scan.Run();
  }
  doc.quantities.insert(doc.quantities.end(), found.begin(), found.end());
  std::stable_sort(doc.quantities.begin(), doc.quantities.end(),
                   [](const Quantity& a, const Quantity& b) { return a.span.start < b.span.start; });
  if (has_pos) ShareCountedNoun(doc);
  if (!same_name_.empty()) CurrencyOfTheCountry(doc);
}

void QuantityRecognizer::ShareCountedNoun(Document& doc) {
  // The token that starts at or after byte `at`, or tokens.size().
  auto token_at = [&](uint32_t at) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), at,
                               [](const Token& t, uint32_t v) { return t.span.start < v; });
    return static_cast<size_t>(it - doc.tokens.begin());
  };
  for (size_t k = 1; k < doc.quantities.size(); ++k) {
    Quantity& q = doc.quantities[k];
    const Quantity& p = doc.quantities[k - 1];
    if (q.type != QuantityType::kCount || !q.counted.empty() || !q.unit.empty()) continue;
    if (p.type != QuantityType::kCount || p.counted.empty() || p.counted_span.end > q.span.start) continue;
    // "38 ships were waiting by Tuesday evening, up from 12 on Monday": a figure a
    // count is compared with counts the same thing, anywhere in the sentence.
    {
      const size_t first = token_at(q.span.start);
      auto word = [&](size_t t) { return t < doc.tokens.size() ? doc.view(doc.tokens[t].span) : std::string_view(); };
      const size_t after = token_at(q.span.end);
      const std::string_view next_upos = after < doc.tokens.size() ? std::string_view(doc.tokens[after].upos) : "";
      const bool compared = first >= 2 && (word(first - 1) == "from" || word(first - 1) == "with") &&
                            (word(first - 2) == "up" || word(first - 2) == "down" || word(first - 2) == "compared");
      bool same_sentence = false;
      for (const Sentence& st : doc.sentences)
        if (st.span.start <= p.span.start && q.span.end <= st.span.end) same_sentence = true;
      if (compared && same_sentence && next_upos != "NOUN" && next_upos != "PROPN" && next_upos != "ADJ") {
        q.counted = p.counted;
        q.counted_span = p.counted_span;
        continue;
      }
    }
    // "two people died and 37 were injured": the count stands before its verb, or
    // "killing nine people and injuring more than 120,": after one, as its object,
    // with no noun of its own after it ...
    const size_t after = token_at(q.span.end), first = token_at(q.span.start);
    // (Not a ?: of the string and "": that would make a temporary string and return
    // a view of it.)
    auto upos = [&](size_t t) -> std::string_view {
      if (t >= doc.tokens.size()) return {};
      return doc.tokens[t].upos;
    };
    const bool subject = upos(after) == "AUX" || upos(after) == "VERB";
    const bool object = first > 0 && upos(first - 1) == "VERB" && upos(after) != "NOUN" && upos(after) != "PROPN" &&
                        upos(after) != "ADJ" && upos(after) != "NUM";
    if (!subject && !object) continue;
    // ... and is joined to the earlier count's clause by "and", "but", "while" or a
    // comma within a few words, with no sentence end between them.
    const size_t from = token_at(p.counted_span.end), to = token_at(q.span.start);
    if (to <= from || to - from > 6) continue;
    bool joined = false, verb = false, stop = false;
    for (size_t t = from; t < to; ++t) {
      const std::string_view w = doc.view(doc.tokens[t].span);
      const std::string& u = doc.tokens[t].upos;
      joined |= w == "and" || w == "but" || w == "while" || w == ",";
      verb |= u == "VERB" || u == "AUX";
      stop |= w == "." || w == ";" || w == "of" || u == "NOUN" || u == "PROPN";
    }
    if (!joined || !verb || stop) continue;
    q.counted = p.counted;
    q.counted_span = p.counted_span;
  }
}

}  // namespace newsledger

// subject.cc: the subject/place/period key of a quantity (see subject.h).
#include "ledger/subject.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace newsledger {
namespace {

// Words that say nothing about what is counted.
constexpr std::array<std::string_view, 14> kDropWords = {
    "the", "a", "an", "of", "other", "more", "some", "about", "around", "nearly",
    "least", "at", "than", "over"};

// Irregular plurals common in news counts.
struct Plural {
  std::string_view plural, singular;
};
constexpr std::array<Plural, 8> kIrregular = {{{"people", "people"},
                                              {"children", "child"},
                                              {"men", "man"},
                                              {"women", "woman"},
                                              {"police", "police"},
                                              {"news", "news"},
                                              {"series", "series"},
                                              {"species", "species"}}};

// Outcome words: a count of people followed by one of these counts that outcome.
// The same outcome said differently must line up ("killed", "died", "dead").
struct Outcome {
  std::string_view word, outcome;
};
constexpr std::array<Outcome, 22> kOutcomes = {{
    {"killed", "killed"},     {"dead", "killed"},        {"died", "killed"},
    {"die", "killed"},        {"dies", "killed"},        {"death", "killed"},
    {"deaths", "killed"},     {"fatalities", "killed"},  {"lives", "killed"},
    {"injured", "injured"},   {"wounded", "injured"},    {"hurt", "injured"},
    {"injuries", "injured"},  {"arrested", "arrested"},  {"detained", "arrested"},
    {"arrests", "arrested"},  {"displaced", "displaced"}, {"evacuated", "evacuated"},
    {"missing", "missing"},   {"rescued", "rescued"},    {"kidnapped", "abducted"},
    {"abducted", "abducted"},
}};

// Groups that reports count apart from "people" ("12 soldiers killed" is not a
// report of "12 people killed"); any other counted noun with an outcome ("14 miners
// were killed") counts people.
constexpr std::array<std::string_view, 16> kDistinctGroups = {
    "civilian", "child", "soldier", "officer", "police officer", "militant", "fighter", "journalist",
    "aid worker", "rebel", "troop", "student", "patient", "prisoner", "woman", "migrant"};

// Words between a counted noun and its outcome ("14 people were reportedly killed").
constexpr std::array<std::string_view, 14> kAuxiliaries = {
    "were", "was", "have", "has", "had", "been", "are", "is", "reportedly", "also", "still",
    "now", "later", "confirmed"};

// Outcome verbs that take their count as object ("the blast killed 12 people").
constexpr std::array<std::string_view, 9> kTransitiveOutcomes = {
    "killed", "injured", "wounded", "hurt", "arrested", "detained", "displaced", "evacuated", "rescued"};

constexpr std::array<std::string_view, 12> kNumberWords = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"};

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsNumberWord(std::string_view w) {
  return !w.empty() && ((w[0] >= '0' && w[0] <= '9') || In(kNumberWords, w));
}

std::string_view OutcomeOf(std::string_view word) {
  for (const Outcome& o : kOutcomes)
    if (o.word == word) return o.outcome;
  return {};
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == '-' || c == '\'') {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string Singular(const std::string& w) {
  for (const Plural& p : kIrregular)
    if (p.plural == w) return std::string(p.singular);
  auto ends = [&](std::string_view s) { return w.size() > s.size() + 1 && w.compare(w.size() - s.size(), s.size(), s) == 0; };
  if (ends("ies")) return w.substr(0, w.size() - 3) + "y";
  if (ends("sses") || ends("shes") || ends("ches") || ends("xes")) return w.substr(0, w.size() - 2);
  if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) return w.substr(0, w.size() - 1);
  return w;
}

bool IsDate(std::string_view v) {
  return v.size() >= 4 && std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string CountedSubject(const Document& doc, const Quantity& q, Span sentence);

}  // namespace

std::string FoldName(std::string_view name) {
  if (name.empty()) return {};
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                    static_cast<utf8proc_ssize_t>(name.size()), &out,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  std::string folded = n >= 0 ? std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n)) : Lower(name);
  std::free(out);
  std::string result;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !result.empty();
      continue;
    }
    if (space) result.push_back(' ');
    space = false;
    result.push_back(c);
  }
  return result;
}

std::string NormalizeSubject(std::string_view counted) {
  std::string out;
  for (const std::string& w : Words(FoldName(counted))) {
    if (std::find(kDropWords.begin(), kDropWords.end(), w) != kDropWords.end()) continue;
    if (!out.empty()) out.push_back(' ');
    out += Singular(w);
  }
  return out;
}

bool PlacesMatch(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  auto split = [](std::string_view s) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t bar = s.find('|', pos);
      if (bar == std::string_view::npos) bar = s.size();
      out.push_back(s.substr(pos, bar - pos));
      pos = bar + 1;
    }
    return out;
  };
  for (std::string_view x : split(a))
    for (std::string_view y : split(b))
      if (x == y) return true;
  return false;
}

int64_t SentenceAt(const Document& doc, uint32_t offset) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.span.start; });
  if (it == doc.sentences.begin()) return -1;
  --it;
  if (offset >= it->span.end) return -1;
  return it - doc.sentences.begin();
}

QuantityKey DeriveQuantityKey(const Document& doc, size_t qi) {
  QuantityKey key;
  const Quantity& q = doc.quantities[qi];
  const Claim* claim = nullptr;
  for (const Claim& c : doc.claims)
    if (c.quantity == qi) { claim = &c; break; }
  const Event* event = nullptr;
  for (const Event& e : doc.events)
    if (std::find(e.quantities.begin(), e.quantities.end(), qi) != e.quantities.end()) { event = &e; break; }
  int64_t si = SentenceAt(doc, q.span.start);
  Span sentence = si >= 0 ? doc.sentences[static_cast<size_t>(si)].span : Span{q.span.start, q.span.end};

  // The claim built on q comes last: its fields are coarser (a country code, a year)
  // than what the sentence says, and documents without claims must line up too.

  // Subject.
  if (q.type != QuantityType::kOrdinal) key.subject = CountedSubject(doc, q, sentence);
  if (key.subject.empty() && claim && !claim->subject.empty()) key.subject = NormalizeSubject(claim->subject);

  // Place.
  if (event && event->location) {
    const EventArgument& loc = *event->location;
    std::string name = loc.text;
    for (const Entity& e : doc.entities)
      if (!loc.id.empty() && e.id == loc.id && !e.canonical.empty()) { name = e.canonical; break; }
    key.place = FoldName(name);
  }
  if (key.place.empty()) {
    std::vector<std::string> places;
    for (const Entity& e : doc.entities) {
      if (e.type != EntityType::kLoc || e.pronoun || !sentence.contains(e.span)) continue;
      std::string name = FoldName(e.canonical.empty() ? std::string(doc.view(e.span)) : e.canonical);
      if (!name.empty() && std::find(places.begin(), places.end(), name) == places.end()) places.push_back(name);
    }
    std::sort(places.begin(), places.end());
    for (const std::string& p : places) key.place += (key.place.empty() ? "" : "|") + p;
  }
  if (key.place.empty() && claim && !claim->place.empty()) key.place = FoldName(claim->place);

  // Period.
  if (event && !event->time.empty()) key.period = event->time;
  for (const TimeExpr& t : doc.times) {
    if (!key.period.empty()) break;
    if (t.type == TimeType::kDate && IsDate(t.value) && sentence.contains(t.span)) key.period = t.value;
  }
  if (key.period.empty() && claim && !claim->period.empty()) key.period = claim->period;
  if (key.period.empty()) key.period = doc.published;
  return key;
}

}  // namespace newsledger

namespace newsledger {
namespace {

// The subject of a count from its counted noun and the words around it (subject.h).
std::string CountedSubject(const Document& doc, const Quantity& q, Span sentence) {
  std::string noun = NormalizeSubject(q.counted);
  std::vector<std::string> noun_words = Words(noun);
  std::string_view outcome;
  if (!noun_words.empty() && !(outcome = OutcomeOf(noun_words.back())).empty()) {
    noun = noun_words.size() == 1 ? "" : noun.substr(0, noun.rfind(' '));  // "37 dead", "80 deaths"
  }
  if (outcome.empty() && !q.counted.empty()) {
    // "14 miners were killed", "12 people dead"; not "9 strikes killed 40 people".
    uint32_t from = std::max(q.span.end, q.counted_span.end);
    if (from < sentence.end) {
      std::vector<std::string> after = Words(FoldName(doc.view({from, sentence.end})));
      for (size_t i = 0; i < after.size() && i < 6; ++i) {
        if (In(kAuxiliaries, after[i])) continue;
        std::string_view o = OutcomeOf(after[i]);
        if (!o.empty() && !(i + 1 < after.size() && IsNumberWord(after[i + 1]))) outcome = o;
        break;
      }
    }
  }
  if (outcome.empty() && q.span.start > sentence.start) {
    std::vector<std::string> before = Words(FoldName(doc.view({sentence.start, q.span.start})));
    if (!before.empty() && In(kTransitiveOutcomes, before.back())) {
      outcome = OutcomeOf(before.back());  // "the floods killed 12 people"
    } else if (q.counted.empty() && (q.type == QuantityType::kCount || q.type == QuantityType::kNumber)) {
      // "the death toll has risen to at least 16"
      for (const std::string& w : before)
        if (w == "toll") { outcome = "killed"; break; }
    }
  }
  if (!outcome.empty()) {
    std::string group = In(kDistinctGroups, noun) ? noun : "people";
    return group + " " + std::string(outcome);
  }
  if (noun == "people" || noun == "person") return "";  // too vague to line up alone
  return noun;
}

}  // namespace
}  // namespace newsledger

#include "code/claim_extractor.h"

#include <algorithm>
#include <fstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"

namespace newsledger {

namespace {

std::vector<std::string> SplitOn(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + sep.size();
  }
  return out;
}

bool WordMatches(const std::string& pattern, std::string_view w) {
  if (!pattern.empty() && pattern.back() == '*')
    return w.size() + 1 >= pattern.size() && w.substr(0, pattern.size() - 1) == std::string_view(pattern).substr(0, pattern.size() - 1);
  return w == pattern;
}

int YearOf(const std::string& s) {
  if (s.size() < 4) return 0;
  for (size_t i = 0; i < 4; ++i)
    if (s[i] < '0' || s[i] > '9') return 0;
  return std::stoi(s.substr(0, 4));
}

}  // namespace

std::vector<SubjectRule> LoadSubjectRules(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string(), "cannot open");
  std::vector<SubjectRule> rules;
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) throw Error(file.string() + ":" + std::to_string(lineno), "expected subject<TAB>groups");
    SubjectRule r;
    r.subject = line.substr(0, tab);
    for (const std::string& g : SplitOn(line.substr(tab + 1), " + ")) {
      std::vector<std::string> words;
      for (const std::string& x : SplitOn(g, "|"))
        if (!x.empty()) words.push_back(LexiconKey(x));
      if (!words.empty()) r.groups.push_back(std::move(words));
    }
    if (r.groups.empty()) throw Error(file.string() + ":" + std::to_string(lineno), "no word groups");
    rules.push_back(std::move(r));
  }
  return rules;
}

ClaimExtractor::ClaimExtractor(const std::string& reference_file)
    : table_(ReferenceTable::LoadDefault(reference_file)),
      subjects_(LoadSubjectRules(ResourcePath("data/claim_subjects.tsv"))) {
  places_.LoadActors(ResourcePath("data/event_actors.tsv"));
}

ClaimExtractor::ClaimExtractor(ReferenceTable table, std::vector<SubjectRule> subjects, EventLexicon places)
    : table_(std::move(table)), subjects_(std::move(subjects)), places_(std::move(places)) {}

void ClaimExtractor::annotate(Document& doc) const {
  doc.claims.clear();
  int as_of = YearOf(doc.published);
  for (uint32_t qi = 0; qi < doc.quantities.size(); ++qi) {
    const Quantity& q = doc.quantities[qi];
    if (q.type == QuantityType::kOrdinal) continue;
    if (q.type == QuantityType::kNumber && q.counted.empty()) continue;
    if (!q.value && !q.low && !q.high) continue;
    bool in_time = false;
    for (const TimeExpr& t : doc.times) in_time |= t.span.overlaps(q.span);
    if (in_time) continue;
    // The sentence holding the number.
    const Sentence* sent = nullptr;
    for (const Sentence& s : doc.sentences)
      if (s.span.contains(q.span)) { sent = &s; break; }
    if (!sent) continue;
    uint32_t b = sent->token_begin, e = std::min<uint32_t>(sent->token_end, doc.tokens.size());
    uint32_t qt = b;
    while (qt < e && doc.tokens[qt].span.end <= q.span.start) ++qt;
    uint32_t qe = qt;
    while (qe < e && doc.tokens[qe].span.start < std::max(q.span.end, q.counted_span.end)) ++qe;

    Claim c;
    c.span = sent->span;
    c.quantity = qi;
    // Speaker: the quote over the number, else the outlet.
    for (const Quote& quote : doc.quotes) {
      if (quote.span.contains(q.span) || (quote.span.overlaps(q.span) && quote.direct)) {
        c.speaker = quote.speaker;
        c.speaker_id = quote.speaker_id;
        break;
      }
    }
    if (c.speaker.empty()) {
      if (sent->paragraph < doc.paragraphs.size()) c.speaker = doc.paragraphs[sent->paragraph].source;
      if (c.speaker.empty()) c.speaker = doc.outlet;
    }
    // Subject: a rule whose every group has a word within the window.
    uint32_t wb = qt > b + 8 ? qt - 8 : b, we = std::min<uint32_t>(e, qe + 10);
    for (uint32_t i = qt; i > wb; --i)
      if (doc.view(doc.tokens[i - 1].span) == ";") { wb = i; break; }
    for (uint32_t i = qe; i < we; ++i)
      if (doc.view(doc.tokens[i].span) == ";") { we = i; break; }
    std::vector<std::string> words;
    for (uint32_t i = wb; i < we; ++i) words.push_back(LexiconKey(doc.view(doc.tokens[i].span)));
    for (const SubjectRule& r : subjects_) {
      bool all = true;
      for (const auto& g : r.groups) {
        bool any = false;
        for (const std::string& w : words)
          for (const std::string& p : g) any |= WordMatches(p, w);
        all &= any;
      }
      if (all) { c.subject = r.subject; break; }
    }
    bool reference_subject = !c.subject.empty();
    if (!reference_subject) c.subject = q.counted;
    // Place: the country named nearest the number in its sentence, else in a sentence before.
    auto country_in = [&](uint32_t from, uint32_t to, bool nearest_to_end) -> std::string {
      std::string found;
      long best = -1;
      for (const Entity& ent : doc.entities) {
        if (ent.country.empty() || ent.pronoun) continue;
        if (ent.span.start < doc.tokens[from].span.start || ent.span.end > doc.tokens[to - 1].span.end) continue;
        long d = std::labs(static_cast<long>(ent.span.start) - static_cast<long>(q.span.start));
        if (nearest_to_end) d = -static_cast<long>(ent.span.start);
        if (best < 0 || d < best) best = d, found = ent.country;
      }
      for (uint32_t i = from; i < to; ++i) {
        for (size_t len = std::min<size_t>(places_.max_actor_words(), to - i); len >= 1; --len) {
          std::string key;
          for (uint32_t k = i; k < i + len; ++k) key += (k > i ? " " : "") + LexiconKey(doc.view(doc.tokens[k].span));
          const ActorEntry* a = places_.Actor(key);
          std::string_view first = doc.view(doc.tokens[i].span);
          if (!a || a->country.empty() || first.empty() || !(first[0] >= 'A' && first[0] <= 'Z')) continue;
          long d = std::labs(static_cast<long>(doc.tokens[i].span.start) - static_cast<long>(q.span.start));
          if (nearest_to_end) d = -static_cast<long>(doc.tokens[i].span.start);
          if (best < 0 || d < best) best = d, found = a->country;
          break;
        }
      }
      return found;
    };
    c.place = country_in(b, e, false);
    if (c.place.empty()) {
      // The nearest earlier sentence naming a country, within five sentences.
      for (const Sentence* s = sent; s > doc.sentences.data() && sent - s < 5 && c.place.empty();) {
        --s;
        if (s->token_end > s->token_begin) c.place = country_in(s->token_begin, std::min<uint32_t>(s->token_end, doc.tokens.size()), true);
      }
    }
    // Period: the year of the nearest dated expression in the sentence.
    {
      long best = -1;
      for (const TimeExpr& t : doc.times) {
        if (!sent->span.contains(t.span) || t.type == TimeType::kDuration || t.type == TimeType::kSet) continue;
        if (!YearOf(t.value)) continue;
        long d = std::labs(static_cast<long>(t.span.start) - static_cast<long>(q.span.start));
        if (best < 0 || d < best) best = d, c.period = t.value.substr(0, 4);
      }
    }
    if (reference_subject && !c.place.empty())
      for (const ReferenceStatistic* s : table_.Find(c.subject, c.place, c.period, as_of))
        c.checks.push_back(CheckClaim(q, s->row));
    doc.claims.push_back(std::move(c));
  }
  std::stable_sort(doc.claims.begin(), doc.claims.end(),
                   [](const Claim& a, const Claim& b) { return a.span.start < b.span.start; });
}

}  // namespace newsledger

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

namespace {

EventLexicon LoadPlaces() {
  EventLexicon places;
  places.LoadActors(ResourcePath("data/event_actors.tsv"));
  return places;
}

}  // namespace

ClaimExtractor::ClaimExtractor(const std::string& reference_file)
    : table_(ReferenceTable::LoadDefault(reference_file)),
      subjects_(LoadSubjectRules(ResourcePath("data/claim_subjects.tsv"))),
      places_(LoadPlaces()),
      places_index_(places_) {}

ClaimExtractor::ClaimExtractor(ReferenceTable table, std::vector<SubjectRule> subjects, EventLexicon places)
    : table_(std::move(table)), subjects_(std::move(subjects)), places_(std::move(places)), places_index_(places_) {}

void ClaimExtractor::annotate(Document& doc) const {
  doc.claims.clear();
  int as_of = YearOf(doc.published);
  // Country names of the actor lexicon in each sentence, found once per sentence when
  // a claim first asks: for each capitalised token, the country of the longest name
  // (with a country) starting there and ending in the sentence.
  struct PlaceHit {
    uint32_t start;  // byte offset of the name's first token
    const std::string* country;
  };
  std::vector<std::vector<PlaceHit>> place_hits(doc.sentences.size());
  std::vector<bool> place_done(doc.sentences.size(), false);
  std::string key;
  std::vector<uint32_t> piece_begin, piece_end, pieces;
  std::vector<Span> person_spans;
  auto places_in = [&](size_t si) -> const std::vector<PlaceHit>& {
    if (place_done[si]) return place_hits[si];
    place_done[si] = true;
    const Sentence& s = doc.sentences[si];
    const uint32_t from = s.token_begin, to = std::min<uint32_t>(s.token_end, doc.tokens.size());
    if (from >= to) return place_hits[si];
    const size_t n = to - from;
    // The vocabulary ids of a token's key pieces, made when a walk first reaches the
    // token: walks start only at capitalised words, so most tokens need none.
    piece_begin.assign(n, UINT32_MAX);
    piece_end.assign(n, 0);
    pieces.clear();
    auto token_pieces = [&](uint32_t k) {
      uint32_t& pb = piece_begin[k - from];
      if (pb == UINT32_MAX) {
        AssignLexiconKey(doc.view(doc.tokens[k].span), key);
        pb = static_cast<uint32_t>(pieces.size());
        places_index_.PieceIds(key, pieces);
        piece_end[k - from] = static_cast<uint32_t>(pieces.size());
      }
      return pb;
    };
    // A place name inside a person's name ("Farah" of "Hodan Farah", "Jordan" of
    // "Jordan Hale") is no place the claim is about.
    person_spans.clear();
    for (const Entity& ent : doc.entities)
      if (ent.type == EntityType::kPerson && !ent.pronoun && ent.span.start >= doc.tokens[from].span.start &&
          ent.span.end <= doc.tokens[to - 1].span.end)
        person_spans.push_back(ent.span);
    for (uint32_t i = from; i < to; ++i) {
      std::string_view first = doc.view(doc.tokens[i].span);
      if (first.empty() || !(first[0] >= 'A' && first[0] <= 'Z')) continue;
      const Span& tok = doc.tokens[i].span;
      if (std::any_of(person_spans.begin(), person_spans.end(),
                      [&](const Span& p) { return p.contains(tok); }))
        continue;
      const std::string* country = nullptr;
      uint32_t node = places_index_.actor_root();
      for (uint32_t k = i; k < to && k - i < places_.max_actor_words(); ++k) {
        const uint32_t pb = token_pieces(k);
        node = places_index_.Walk(node, pieces.data() + pb, piece_end[k - from] - pb);
        if (node == LexiconIndex::kNone) break;
        const ActorEntry* a = places_index_.node(node).actor;
        if (a && !a->country.empty()) country = &a->country;
      }
      if (country) place_hits[si].push_back({doc.tokens[i].span.start, country});
    }
    return place_hits[si];
  };
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
    const size_t sent_index = static_cast<size_t>(sent - doc.sentences.data());
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
    auto country_in = [&](size_t si, bool nearest_to_end) -> std::string {
      const Sentence& s = doc.sentences[si];
      const uint32_t from = s.token_begin, to = std::min<uint32_t>(s.token_end, doc.tokens.size());
      std::string found;
      long best = -1;
      for (const Entity& ent : doc.entities) {
        if (ent.country.empty() || ent.pronoun) continue;
        if (ent.span.start < doc.tokens[from].span.start || ent.span.end > doc.tokens[to - 1].span.end) continue;
        long d = std::labs(static_cast<long>(ent.span.start) - static_cast<long>(q.span.start));
        if (nearest_to_end) d = -static_cast<long>(ent.span.start);
        if (best < 0 || d < best) best = d, found = ent.country;
      }
      for (const PlaceHit& h : places_in(si)) {
        long d = std::labs(static_cast<long>(h.start) - static_cast<long>(q.span.start));
        if (nearest_to_end) d = -static_cast<long>(h.start);
        if (best < 0 || d < best) best = d, found = *h.country;
      }
      return found;
    };
    c.place = country_in(sent_index, false);
    if (c.place.empty()) {
      // The nearest earlier sentence naming a country, within five sentences.
      for (const Sentence* s = sent; s > doc.sentences.data() && sent - s < 5 && c.place.empty();) {
        --s;
        if (s->token_end > s->token_begin && s->token_begin < doc.tokens.size())
          c.place = country_in(static_cast<size_t>(s - doc.sentences.data()), true);
      }
    }
    // Period: the year of the nearest dated expression in the sentence.
    bool period_from_day = false;  // "said on Monday": when it was said, not what it counts
    {
      long best = -1;
      for (const TimeExpr& t : doc.times) {
        if (!sent->span.contains(t.span) || t.type == TimeType::kDuration || t.type == TimeType::kSet) continue;
        if (!YearOf(t.value)) continue;
        long d = std::labs(static_cast<long>(t.span.start) - static_cast<long>(q.span.start));
        if (best < 0 || d < best) best = d, c.period = t.value.substr(0, 4), period_from_day = t.value.size() >= 10;
      }
    }
    if (reference_subject && !c.place.empty()) {
      for (const ReferenceStatistic* s : table_.Find(c.subject, c.place, c.period, as_of))
        c.checks.push_back(CheckClaim(q, s->row));
      // A claim dated only by the day it was made ("every year, the senator said on
      // Monday") is checked against the latest figure up to that year, which the
      // check names.
      if (c.checks.empty() && period_from_day)
        for (const ReferenceStatistic* s : table_.Find(c.subject, c.place, "", YearOf(c.period)))
          c.checks.push_back(CheckClaim(q, s->row));
    }
    doc.claims.push_back(std::move(c));
  }
  std::stable_sort(doc.claims.begin(), doc.claims.end(),
                   [](const Claim& a, const Claim& b) { return a.span.start < b.span.start; });
}

}  // namespace newsledger

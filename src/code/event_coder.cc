// event_coder.cc: participants, triggers, status and arguments, one sentence at a
// time (see event_coder.h for the scheme).
#include "code/event_coder.h"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "text/dateline.h"

namespace newsledger {

namespace {

using WordSet = std::unordered_set<std::string_view>;

const WordSet kDeterminers = {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your",
                              "this", "these", "those", "such", "'s", "any", "some", "new",
                              "further", "more", "another", "no", "every", "each", "several"};
const WordSet kPrepositions = {"in", "inside", "at", "near", "off", "across", "into", "within", "on",
                               "with", "from", "of", "to", "against", "for", "by", "over", "about",
                               "between", "among", "toward", "towards", "after", "before", "since",
                               "during", "under", "through", "like", "than", "via", "outside"};
const WordSet kLocative = {"in", "inside", "at", "near", "off", "across", "into", "within", "outside",
                           "throughout", "along"};
const WordSet kBeForms = {"is", "are", "was", "were", "be", "been", "being", "'s", "'re"};
const WordSet kNegation = {"not", "n't", "never", "no", "neither", "nor"};
const WordSet kDeny = {"deny", "denies", "denied", "denying"};
const WordSet kCasualty = {"death", "deaths", "dead", "killed", "casualties", "fatalities",
                           "wounded", "injured", "lives", "victims", "bodies"};
const WordSet kKillWords = {"killing", "killed", "kill", "leaving", "dead", "died", "wounded",
                            "wounding", "injuring", "injured"};
// Every word the status cues below test a token (kCueWords) or its lemma (kCueLemmas)
// against, so that a token that is none of them skips the tests.
const WordSet kCueWords = {"warned", "vowed", "vows", "warns", "open", "ready", "willing", "prepared",
                           "proud", "eager", "okay", "ok", "happy", "considering", "proposed",
                           "suggested", "floated", "proposal", "possibility", "prospect", "idea",
                           "plans", "planned", "planning", "intends", "intend", "will", "'ll",
                           "scheduled", "potential", "about", "going", "set", "expected", "would",
                           "could", "might", "may", "if", "unless", "whether", "should", "can"};
const WordSet kCueLemmas = {"consider", "propose", "suggest", "float", "offer", "plan", "prepare"};
// Verbs that report speech or belief: what follows them is a reported clause.
const WordSet kReportVerbs = {"said", "says", "say", "told", "tells", "tell", "warned", "warns",
                              "announced", "added", "argued", "noted", "stated", "claimed", "insisted",
                              "reported", "wrote", "explained", "believes", "believed", "thinks",
                              "thought", "confirmed", "acknowledged", "admitted", "estimated"};
// Participles that English uses as prepositions ("four towns, including Kaya",
// "regarding the talks"): the deverbal prepositions of the grammars, which report no
// action of their own.
const WordSet kParticiplePrepositions = {"including", "excluding", "regarding", "concerning", "barring",
                                         "pending", "notwithstanding", "considering", "following",
                                         "according", "given", "granted"};
// Natural hazards: as a verb's subject ("an earthquake struck the province", "a fire
// broke out") or its passive agent ("homes were destroyed by the floods") they make
// the verb a disaster, which is no act of any actor, so no event.
const WordSet kHazards = {"earthquake", "earthquakes", "quake", "quakes", "tremor", "tremors", "aftershock",
                          "aftershocks", "storm", "storms", "hurricane", "typhoon", "cyclone", "tornado",
                          "tornadoes", "flood", "floods", "flooding", "floodwaters", "fire", "fires", "blaze",
                          "blazes", "wildfire", "wildfires", "bushfire", "bushfires", "flames", "landslide",
                          "landslides", "mudslide", "mudslides", "avalanche", "eruption", "tsunami", "drought",
                          "heatwave", "rains", "rain", "snowstorm", "blizzard", "winds", "lightning", "monsoon"};
// Words that make "fire" a weapon's ("artillery fire hit the town").
const WordSet kWeaponModifiers = {"artillery", "rocket", "mortar", "tank", "sniper", "gun", "machine-gun",
                                  "cannon", "naval", "enemy", "small-arms", "anti-aircraft", "friendly"};
const WordSet kClauseBreak = {".", ";", ":", "!", "?", "—", "–", "--", "(", ")", "but", "while",
                              "although", "though", "because", "whereas"};

// Per-token word classes, looked up once per token (bit per set above).
enum WordClass : uint16_t {
  kDeterminerW = 1 << 0,
  kPrepositionW = 1 << 1,
  kLocativeW = 1 << 2,
  kBeFormW = 1 << 3,
  kNegationW = 1 << 4,
  kDenyW = 1 << 5,
  kKillW = 1 << 6,
  kClauseBreakW = 1 << 7,
  kCueW = 1 << 8,
  kCueLemmaW = 1 << 9,
  kHazardW = 1 << 10,
};

const std::unordered_map<std::string_view, uint16_t>& WordClasses() {
  static const std::unordered_map<std::string_view, uint16_t> kClasses = [] {
    std::unordered_map<std::string_view, uint16_t> m;
    const std::pair<const WordSet*, uint16_t> sets[] = {
        {&kDeterminers, kDeterminerW}, {&kPrepositions, kPrepositionW}, {&kParticiplePrepositions, kPrepositionW},
        {&kLocative, kLocativeW},
        {&kBeForms, kBeFormW},         {&kNegation, kNegationW},        {&kDeny, kDenyW},
        {&kKillWords, kKillW},         {&kClauseBreak, kClauseBreakW}, {&kCueWords, kCueW},
        {&kCueLemmas, kCueLemmaW},     {&kHazards, kHazardW}};
    for (const auto& [set, bit] : sets)
      for (std::string_view x : *set) m[x] |= bit;
    return m;
  }();
  return kClasses;
}

// The word-class words, given vocabulary ids in the index so that a token's class
// comes with its id.
std::vector<std::string_view> ClassWords() {
  std::vector<std::string_view> out;
  for (const auto& [word, bits] : WordClasses()) out.push_back(word);
  return out;
}

// What the longest verb form starting at a token codes to (see match_verb).
struct VerbMatch {
  const std::string* lemma = nullptr;
  const VerbEntry* verb = nullptr;
  uint32_t len = 0;
};

// The lexicon key of `s`: `s` itself when AssignLexiconKey would change no byte of it
// (most words of running text), else that key, made in `buf`.
constexpr std::array<uint8_t, 256> kKeyChanges = [] {
  std::array<uint8_t, 256> m{};
  for (int c = 'A'; c <= 'Z'; ++c) m[c] = 1;
  m['_'] = m[0xE2] = 1;
  return m;
}();
std::string_view KeyOf(std::string_view s, std::string& buf) {
  // No early exit: a branch-free pass is cheaper on words of a few bytes.
  uint8_t changes = 0;
  for (char ch : s) changes |= kKeyChanges[static_cast<unsigned char>(ch)];
  if (!changes) return s;
  AssignLexiconKey(s, buf);
  return buf;
}

// Per-thread buffers reused from sentence to sentence.
struct Scratch {
  std::vector<std::string> w_buf, lemma_buf;  // keys that differ from their text
  std::vector<std::string_view> w, lemma;     // each token's key and its lemma's key
  std::vector<uint32_t> piece_begin, pieces;  // vocabulary ids of each token's key pieces
  std::vector<uint16_t> flags;
  std::vector<uint32_t> word_id;  // vocabulary id of the whole key, or kNone
  std::vector<uint64_t> hash;     // StringIds::Hash of each key
  std::vector<VerbMatch> verbs;
  std::vector<uint32_t> id_begin, id_end, ids;  // pattern-slot ids of each token (lazy)
  std::vector<uint32_t> tmp;
  std::string key;
  std::vector<uint32_t> slot_stamp;  // == stamp: slot_mask is this window's
  std::vector<uint64_t> slot_mask;   // window positions a slot matches
  std::vector<uint32_t> touched;     // the slots this window matched
  std::vector<uint32_t> pattern_stamp, pattern_hits;  // per pattern of the block: == stamp, slots hit
  std::vector<uint32_t> candidates;  // patterns of the block all of whose slots the window matched
  uint32_t stamp = 0;
};

enum class Cue { kNone, kThreatened, kProposed, kPlanned, kHypothetical, kDenied };

const char* StatusName(Cue c) {
  switch (c) {
    case Cue::kThreatened: return "threatened";
    case Cue::kProposed: return "proposed";
    case Cue::kPlanned: return "planned";
    case Cue::kHypothetical: return "hypothetical";
    case Cue::kDenied: return "denied";
    case Cue::kNone: break;
  }
  return "reported";
}

struct Participant {
  uint32_t tb = 0, te = 0;       // token range within the document
  std::string id, country, sector;
  int64_t geonames_id = 0;
  bool place = false;            // a LOC entity (or a country name without agent)
  bool agent_only = false;       // no country, no entity: "troops", "officials"
  int group = -1;                // coordination group
};

struct Trigger {
  uint32_t tb = 0, te = 0;       // trigger tokens
  uint32_t anchor = 0;           // where the status context is read: the light verb or the trigger
  std::string type, mode;
  bool noun = false;
  std::string reverse_type, reverse_mode;  // "032:033": the target's counter-event
  bool weak = false;             // coded by the verb's default, no phrase pattern matched
};

bool IsArticle(std::string_view w) { return w == "a" || w == "an" || w == "the"; }

bool StartsWithUpper(std::string_view s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

bool IsNumberToken(const Token& t) { return t.kind == TokenKind::kNumber; }

}  // namespace

EventCoder::EventCoder() : EventCoder(EventLexicon::Load()) {}
EventCoder::EventCoder(EventLexicon lexicon) : lexicon_(std::move(lexicon)), index_(lexicon_, ClassWords()) {
  word_class_.assign(index_.word_count(), 0);
  for (const auto& [word, bits] : WordClasses()) word_class_[index_.WordId(word)] = bits;
}

void EventCoder::annotate(Document& doc) const {
  doc.events.clear();
  // The entities overlapping each sentence, in document order (sentences are sorted
  // and do not overlap, so each entity is placed by binary search).
  std::vector<std::vector<uint32_t>> entities(doc.sentences.size());
  bool sorted = true;
  for (size_t s = 1; s < doc.sentences.size(); ++s)
    sorted &= doc.sentences[s - 1].span.end <= doc.sentences[s].span.start &&
              doc.sentences[s - 1].span.start <= doc.sentences[s - 1].span.end;
  for (uint32_t k = 0; k < doc.entities.size(); ++k) {
    const Span& sp = doc.entities[k].span;
    auto it = doc.sentences.begin();
    if (sorted)
      it = std::partition_point(doc.sentences.begin(), doc.sentences.end(),
                                [&](const Sentence& s) { return s.span.end <= sp.start; });
    for (; it != doc.sentences.end() && (!sorted || it->span.start < sp.end); ++it)
      if (it->span.overlaps(sp)) entities[static_cast<size_t>(it - doc.sentences.begin())].push_back(k);
  }
  for (size_t s = 0; s < doc.sentences.size(); ++s) CodeSentence(doc, s, entities[s], doc.events);
  std::stable_sort(doc.events.begin(), doc.events.end(),
                   [](const Event& a, const Event& b) { return a.span.start < b.span.start; });
}

void EventCoder::CodeSentence(Document& doc, size_t si, const std::vector<uint32_t>& sentence_entities,
                              std::vector<Event>& out) const {
  const Sentence& sent = doc.sentences[si];
  const uint32_t e = std::min<uint32_t>(sent.token_end, doc.tokens.size());
  // A wire dateline opening a paragraph ("CITY (Agency) - ") is place and outlet,
  // not a participant: the agency is nobody's actor.
  const bool opens_paragraph = si == 0 || doc.sentences[si - 1].paragraph != sent.paragraph;
  const uint32_t b = opens_paragraph && sent.token_begin < e ? DatelineEnd(doc, sent.token_begin, e) : sent.token_begin;
  if (b >= e) return;
  const size_t n = e - b;
  thread_local Scratch scratch;
  Scratch& sc = scratch;
  // The views point into the document or into the buffers, which are not resized
  // again while the sentence is coded.
  if (sc.w_buf.size() < n) sc.w_buf.resize(n), sc.lemma_buf.resize(n);
  sc.w.resize(n);
  sc.lemma.resize(n);
  std::vector<std::string_view>& w = sc.w;
  std::vector<std::string_view>& lemma = sc.lemma;
  // Written by index below (push_back is not inlined in a function this size).
  sc.piece_begin.resize(n + 1);
  sc.pieces.clear();
  sc.flags.resize(n);
  sc.word_id.resize(n);
  bool tagged = false;
  // Keys and their hashes first, prefetching each one's vocabulary cell, so that the
  // probes below overlap their cache misses instead of waiting for one at a time.
  sc.hash.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[b + i];
    w[i] = KeyOf(doc.view(t.span), sc.w_buf[i]);
    sc.hash[i] = StringIds::Hash(w[i]);
    index_.PrefetchWord(sc.hash[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    const Token& t = doc.tokens[b + i];
    if (!t.upos.empty()) tagged = true;
    lemma[i] = t.lemma.empty() ? w[i] : KeyOf(t.lemma, sc.lemma_buf[i]);
    const uint32_t pb = static_cast<uint32_t>(sc.pieces.size());
    sc.piece_begin[i] = pb;
    if (w[i].find(' ') == std::string_view::npos) sc.pieces.push_back(index_.FindWord(w[i], sc.hash[i]));
    else index_.PieceIds(w[i], sc.pieces);
    // A class word is one piece (no space); so is every word with a precomputed TokenIds.
    const uint32_t id = sc.pieces.size() == pb + 1 ? sc.pieces[pb] : LexiconIndex::kNone;
    sc.word_id[i] = id;
    sc.flags[i] = id == LexiconIndex::kNone ? 0 : word_class_[id];
  }
  sc.piece_begin[n] = static_cast<uint32_t>(sc.pieces.size());
  auto word = [&](uint32_t ti) -> std::string_view { return ti >= b && ti < e ? w[ti - b] : ""; };
  auto fl = [&](uint32_t ti) -> uint16_t { return ti >= b && ti < e ? sc.flags[ti - b] : 0; };
  // The trie node reached from `node` by token ti's key.
  auto walk = [&](uint32_t node, uint32_t ti) {
    const uint32_t pb = sc.piece_begin[ti - b];
    return index_.Walk(node, sc.pieces.data() + pb, sc.piece_begin[ti - b + 1] - pb);
  };
  constexpr uint32_t kNoNode = LexiconIndex::kNone;
  constexpr uint8_t kVerbForm = LexiconIndex::kLemma | LexiconIndex::kVerb;
  // The actor (bit kActor) or agent (kAgent) entry named by the keys of tokens
  // [from, to) joined by spaces, as EventLexicon::Actor/Agent of that string answers
  // (a key's pieces are its space-separated words), without building the string.
  auto name_of = [&](uint8_t bit, uint32_t from, uint32_t to) -> const ActorEntry* {
    uint32_t node = bit == LexiconIndex::kActor ? index_.actor_root() : index_.agent_root();
    for (uint32_t i = from; i < to && node != kNoNode; ++i) node = walk(node, i);
    if (from >= to || node == kNoNode || !(index_.bits(node) & bit)) return nullptr;
    return bit == LexiconIndex::kActor ? index_.node(node).actor : index_.node(node).agent;
  };

  // --- 1. participants -----------------------------------------------------------
  std::vector<int> covered(n, -1);  // token -> participant index
  std::vector<Participant> parts;
  // The first token ending after `byte` (-1 if none), or with end: the first token
  // starting at or after it (e if none). Tokens are in text order: binary search.
  auto token_of = [&](uint32_t byte, bool end) -> int64_t {
    auto first = doc.tokens.begin() + b, last = doc.tokens.begin() + e;
    auto it = end ? std::partition_point(first, last, [&](const Token& t) { return t.span.start < byte; })
                  : std::partition_point(first, last, [&](const Token& t) { return t.span.end <= byte; });
    if (it == last) return end ? e : -1;
    return it - doc.tokens.begin();
  };
  for (uint32_t ent_index : sentence_entities) {
    const Entity& ent = doc.entities[ent_index];
    int64_t tb = token_of(ent.span.start, false);
    int64_t te = token_of(ent.span.end, true);
    if (tb < 0 || te <= tb) continue;
    bool free = true;
    for (int64_t i = tb; i < te; ++i) free &= covered[i - b] < 0;
    if (!free) continue;
    // "with her colleagues", "her group would monitor": a possessive pronoun is a
    // determiner of the noun phrase that takes part, not a participant itself.
    if (ent.pronoun && te == tb + 1 && (doc.tokens[tb].xpos == "PRP$" || word(static_cast<uint32_t>(tb)) == "its" ||
                                        word(static_cast<uint32_t>(tb)) == "their" ||
                                        word(static_cast<uint32_t>(tb)) == "his"))
      continue;
    Participant p;
    p.tb = static_cast<uint32_t>(tb);
    p.te = static_cast<uint32_t>(te);
    p.id = ent.id;
    p.country = ent.country;
    p.geonames_id = ent.geonames_id;
    p.place = ent.type == EntityType::kLoc;
    const ActorEntry* by_name = nullptr;
    {
      const std::string_view key = KeyOf(ent.canonical.empty() ? doc.view(ent.span) : ent.canonical, sc.key);
      sc.tmp.clear();
      index_.PieceIds(key, sc.tmp);
      const uint32_t node = index_.Walk(index_.actor_root(), sc.tmp.data(), sc.tmp.size());
      if (node != kNoNode && (index_.bits(node) & LexiconIndex::kActor)) by_name = index_.node(node).actor;
    }
    if (const ActorEntry* a = by_name) {
      if (p.country.empty()) p.country = a->country;
      p.sector = a->sector;
    } else if (const ActorEntry* a2 = name_of(LexiconIndex::kActor, p.tb, p.te)) {
      if (p.country.empty()) p.country = a2->country;
      p.sector = a2->sector;
    }
    if (p.sector.empty() && ent.type == EntityType::kOrg) {
      // "Justice Department", "Mexican Navy": the agent word at the end names the sector.
      for (uint32_t i = p.tb; i < p.te && p.sector.empty(); ++i)
        if (const ActorEntry* ag = name_of(LexiconIndex::kAgent, i, p.te)) p.sector = ag->sector;
      for (uint32_t i = p.tb; i < p.te && p.country.empty(); ++i)
        if (const ActorEntry* a = name_of(LexiconIndex::kActor, i, i + 1)) p.country = a->country;
    }
    if (p.sector.empty() && p.country.empty() && ent.type == EntityType::kMisc) continue;
    for (uint32_t i = p.tb; i < p.te; ++i) covered[i - b] = static_cast<int>(parts.size());
    parts.push_back(std::move(p));
  }
  // Actor names and agent words on tokens no entity covers, longest match first
  // (the longest run of free tokens whose keys walk the trie to a name).
  for (uint32_t i = b; i < e;) {
    if (covered[i - b] >= 0) { ++i; continue; }
    bool matched = false;
    for (int pass = 0; pass < 2 && !matched; ++pass) {
      size_t maxw = pass == 0 ? lexicon_.max_actor_words() : lexicon_.max_agent_words();
      const ActorEntry* a = nullptr;
      size_t len = 0;
      uint32_t node = pass == 0 ? index_.actor_root() : index_.agent_root();
      for (uint32_t j = i; j < e && j - i < maxw && covered[j - b] < 0; ++j) {
        node = walk(node, j);
        if (node == kNoNode) break;
        if (!(index_.bits(node) & (pass == 0 ? LexiconIndex::kActor : LexiconIndex::kAgent))) continue;
        const ActorEntry* x = pass == 0 ? index_.node(node).actor : index_.node(node).agent;
        // Lowercase single words that are actor names ("us", "america" lowercased)
        // are too ambiguous unless capitalised in the text.
        if (pass == 0 && j == i && !StartsWithUpper(doc.view(doc.tokens[i].span))) continue;
        a = x;
        len = j - i + 1;
      }
      if (a) {
        Participant p;
        p.tb = i;
        p.te = static_cast<uint32_t>(i + len);
        p.country = a->country;
        p.sector = a->sector;
        p.place = pass == 0 && a->sector.empty();
        p.agent_only = pass == 1;
        for (uint32_t k = p.tb; k < p.te; ++k) covered[k - b] = static_cast<int>(parts.size());
        parts.push_back(std::move(p));
        matched = true;
        i = static_cast<uint32_t>(i + len);
      }
    }
    if (!matched) ++i;
  }
  std::sort(parts.begin(), parts.end(), [](const Participant& x, const Participant& y) { return x.tb < y.tb; });
  // Merge "country agent", "country 's agent", "agent in/of/from country", "title person".
  {
    std::vector<Participant> merged;
    for (size_t k = 0; k < parts.size(); ++k) {
      Participant p = parts[k];
      bool country_agent = false;  // p is "country agent" so far
      while (k + 1 < parts.size()) {
        const Participant& q = parts[k + 1];
        uint32_t gap = q.tb - p.te;
        bool poss = gap == 1 && word(p.te) == "'s";
        bool linked = gap == 1 && (word(p.te) == "in" || word(p.te) == "of" || word(p.te) == "from");
        bool adjacent = gap == 0 || poss;
        if (adjacent && !p.agent_only && q.agent_only) {           // U.S. military
          p.te = q.te;
          p.sector = q.sector;
          p.place = false;
          country_agent = true;
        } else if (adjacent && country_agent && !q.agent_only && !q.place &&
                   !q.id.empty()) {  // U.S. President Jane Doe: the country's agent, named
          country_agent = false;
          p.te = q.te;
          p.id = q.id;
          if (!q.country.empty()) p.country = q.country;
          p.geonames_id = q.geonames_id;
        } else if (adjacent && p.agent_only && !q.agent_only && !q.place) {  // President Trump
          p.te = q.te;
          p.id = q.id;
          p.country = q.country;
          p.geonames_id = q.geonames_id;
          p.agent_only = false;
        } else if (adjacent && p.agent_only && q.agent_only) {     // security officials
          p.te = q.te;
          p.sector = q.sector.empty() ? p.sector : q.sector;
        } else if (linked && p.agent_only && !q.agent_only && !q.country.empty()) {  // officials in Arnor
          p.te = q.te;
          p.country = q.country;
          p.id = q.id;
          p.agent_only = false;
        } else {
          break;
        }
        ++k;
      }
      merged.push_back(std::move(p));
    }
    parts = std::move(merged);
  }
  // Coordination: participants separated only by "," / "and" / "or" / "the".
  for (size_t k = 0; k + 1 < parts.size(); ++k) {
    bool only_coord = parts[k + 1].tb > parts[k].te || parts[k + 1].tb == parts[k].te;
    bool has_link = false;
    for (uint32_t i = parts[k].te; i < parts[k + 1].tb && only_coord; ++i) {
      std::string_view x = word(i);
      const std::string& upos = doc.tokens[i].upos;
      if (x == "and" || x == "or" || x == ",") has_link = true;
      else if (x != "the" && upos != "ADJ" && upos != "DET") only_coord = false;
    }
    only_coord &= has_link;
    if (!only_coord || parts[k + 1].tb == parts[k].te) continue;
    if (parts[k].group < 0) parts[k].group = static_cast<int>(k);
    parts[k + 1].group = parts[k].group;
  }
  std::fill(covered.begin(), covered.end(), -1);
  for (size_t k = 0; k < parts.size(); ++k)
    for (uint32_t i = parts[k].te > parts[k].tb ? parts[k].tb : parts[k].te; i < parts[k].te; ++i) covered[i - b] = static_cast<int>(k);

  // --- 2. triggers -----------------------------------------------------------------
  // The longest verb form at each token whose lemma is a verb of the lexicon; a
  // single word falls back to its tagger lemma when the word itself is no form.
  sc.verbs.assign(n, VerbMatch{});
  for (uint32_t i = b; i < e; ++i) {
    VerbMatch& m = sc.verbs[i - b];
    uint32_t node = index_.form_root(), first = kNoNode;
    for (uint32_t j = i; j < e && j - i < lexicon_.max_verb_words(); ++j) {
      node = walk(node, j);
      if (node == kNoNode) break;
      if (j == i) {
        first = node;
        continue;
      }
      if ((index_.bits(node) & kVerbForm) != kVerbForm) continue;
      const LexiconIndex::Node& x = index_.node(node);
      m = {x.lemma, x.verb, j - i + 1};
    }
    if (m.verb) continue;
    if (first != kNoNode && (index_.bits(first) & LexiconIndex::kLemma)) {
      const LexiconIndex::Node& x = index_.node(first);
      if (x.verb) m = {x.lemma, x.verb, 1};
    } else if (lemma[i - b] != w[i - b]) {
      const std::string_view lw = lemma[i - b];
      uint32_t ln = kNoNode;
      if (lw.find(' ') == std::string_view::npos) {
        // One word: the Bloom filter rules out most lemmas without a table probe.
        const uint64_t h = StringIds::Hash(lw);
        if (index_.MayBeFormWord(h)) ln = index_.Next(index_.form_root(), index_.FindWord(lw, h));
      } else {
        sc.tmp.clear();
        index_.PieceIds(lw, sc.tmp);
        ln = index_.Walk(index_.form_root(), sc.tmp.data(), sc.tmp.size());
      }
      if (ln != kNoNode && (index_.bits(ln) & kVerbForm) == kVerbForm)
        m = {index_.node(ln).lemma, index_.node(ln).verb, 1};
    }
  }
  auto match_verb = [&](uint32_t i, uint32_t* len) -> std::pair<const std::string*, const VerbEntry*> {
    const VerbMatch& m = sc.verbs[i - b];
    if (m.verb) *len = m.len;
    return {m.lemma, m.verb};
  };
  auto looks_noun = [&](uint32_t i) {
    const Token& t = doc.tokens[i];
    if (tagged && !t.upos.empty()) return t.upos == "NOUN" || t.upos == "PROPN";
    if (i == b) return false;
    std::string_view prev = word(i - 1);
    if ((fl(i - 1) & kDeterminerW) || IsNumberToken(doc.tokens[i - 1])) return true;
    // "U.S. strikes", "Israeli raids" (but "Canada expelled", "Iran attacked").
    std::string_view self = word(i);
    if (covered[i - 1 - b] >= 0 && self.ends_with("s") && !self.ends_with("ss")) return true;
    // An adjective-looking word before it: "lethal strikes", "military strikes".
    if (prev.size() > 4 && (prev.ends_with("al") || prev.ends_with("ic") || prev.ends_with("ary") ||
                            prev.ends_with("ive") || prev.ends_with("ful") || prev.ends_with("ly") ||
                            prev.ends_with("ous")))
      return !(prev.ends_with("ly") && prev != "deadly");
    return false;
  };
  auto looks_verb = [&](uint32_t i) {
    const Token& t = doc.tokens[i];
    if (tagged && !t.upos.empty()) return t.upos == "VERB";
    if (i > b && StartsWithUpper(doc.view(t.span))) return false;  // a name mid-sentence
    return !looks_noun(i);
  };
  auto clause_end = [&](uint32_t i) {
    uint32_t j = i;
    while (j < e && !(fl(j) & kClauseBreakW)) ++j;
    return j;
  };
  // "tied to designated groups", "those killed": a participle, not a reported action.
  // Nor are "Residents forced from their homes gathered ...", "several towns, including
  // Kaya": a participle used as a preposition, or a past participle between its noun
  // and a preposition with the clause's finite verb still to come (a reduced relative
  // clause: the noun is what the verb was done to, not its actor), is no reported
  // action. A killing keeps its event: "three soldiers killed in the ambush
  // were buried" is the casualty report itself.
  auto participle_use = [&](uint32_t i) {
    std::string_view self = word(i);
    if (kParticiplePrepositions.count(self) && !(i > b && (fl(i - 1) & kBeFormW))) return true;
    if (i == b) return false;
    std::string_view prev = word(i - 1);
    bool ed = self.ends_with("ed") || self.ends_with("en");
    if (ed && (prev == "to" || prev == "those" || prev == "the" || prev == "of")) return true;
    if (tagged && i + 1 < e && doc.tokens[i].xpos == "VBN" && !(fl(i) & kKillW)) {
      const std::string& before = doc.tokens[i - 1].upos;
      if (!(before == "NOUN" || before == "PROPN" || before == "PRON") || doc.tokens[i + 1].upos != "ADP")
        return false;
      for (uint32_t j = i + 2, end = clause_end(i); j < end; ++j) {
        const Token& t = doc.tokens[j];
        if (t.upos == "SCONJ" || word(j) == "who" || word(j) == "which" || word(j) == "that") return false;
        // A VBN too: the tagger often reads the main verb after a reduced relative as one.
        if (t.xpos == "VBD" || t.xpos == "VBZ" || t.xpos == "VBP" || t.xpos == "MD" || t.xpos == "VBN") return true;
      }
    }
    return false;
  };

  // Pattern-slot ids of each token, made when a pattern window first needs them.
  sc.id_begin.assign(n, UINT32_MAX);
  sc.id_end.assign(n, 0);
  sc.ids.clear();
  auto token_ids = [&](uint32_t ti) -> std::pair<const uint32_t*, const uint32_t*> {
    if (sc.id_begin[ti - b] == UINT32_MAX) {
      sc.id_begin[ti - b] = static_cast<uint32_t>(sc.ids.size());
      if (sc.word_id[ti - b] != LexiconIndex::kNone) {
        auto [xb, xe] = index_.TokenIdsOfWord(sc.word_id[ti - b]);
        sc.ids.insert(sc.ids.end(), xb, xe);
      } else {
        index_.TokenIds(w[ti - b], sc.hash[ti - b], sc.tmp);
        sc.ids.insert(sc.ids.end(), sc.tmp.begin(), sc.tmp.end());
      }
      sc.id_end[ti - b] = static_cast<uint32_t>(sc.ids.size());
    }
    return {sc.ids.data() + sc.id_begin[ti - b], sc.ids.data() + sc.id_end[ti - b]};
  };
  if (sc.slot_stamp.size() != index_.slot_count() || sc.pattern_stamp.size() != index_.max_block_patterns()) {
    sc.slot_stamp.assign(index_.slot_count(), 0);
    sc.slot_mask.assign(index_.slot_count(), 0);
    sc.pattern_stamp.assign(index_.max_block_patterns(), 0);
    sc.pattern_hits.assign(index_.max_block_patterns(), 0);
    sc.stamp = 0;
  }
  // Bits [from, to) of a 64-bit mask.
  auto bits = [](uint32_t from, uint32_t to) -> uint64_t {
    if (from >= to) return 0;
    uint64_t hi = to >= 64 ? ~uint64_t{0} : (uint64_t{1} << to) - 1;
    return hi & ~((uint64_t{1} << from) - 1);
  };
  // Best CAMEO phrase pattern of a verb block at trigger [i, i+len): the pattern with
  // the most slots whose after-slots match words in order (gaps allowed) up to the
  // clause end (at most 10 words) and whose before-slots match, nearest last, among
  // the 5 words before. Each token of that window marks the slots it matches (bit =
  // position in the window), so a pattern is tested with a few mask operations.
  bool patterned = false;  // set by pattern_code: a phrase pattern, not the verb's default, gave the code
  auto pattern_code = [&](const VerbEntry& v, uint32_t i, uint32_t len) -> std::string {
    patterned = false;
    const std::string* code = &v.code;
    const std::vector<LexiconIndex::Pattern>& patterns = index_.Patterns(v.block);
    if (patterns.empty()) return *code;
    size_t best = 0;
    const uint32_t cend = std::min<uint32_t>(clause_end(i + len), i + len + 10);
    const uint32_t kmin = static_cast<uint32_t>(std::max<int64_t>(b, static_cast<int64_t>(i) - 5));
    const uint32_t lo = kmin;
    if (cend - lo > 64) return *code;  // cannot happen: the window is <= 15 words plus the verb
    if (++sc.stamp == 0) {
      std::fill(sc.slot_stamp.begin(), sc.slot_stamp.end(), 0);
      std::fill(sc.pattern_stamp.begin(), sc.pattern_stamp.end(), 0);
      sc.stamp = 1;
    }
    const uint32_t gen = sc.stamp;
    sc.touched.clear();
    for (uint32_t t = lo; t < cend; ++t) {
      if (t >= i && t < i + len) continue;
      auto [ib, ie] = token_ids(t);
      for (const uint32_t* id = ib; id != ie; ++id) {
        auto [sb, se] = index_.SlotsWith(*id);
        for (const uint32_t* sl = sb; sl != se; ++sl) {
          if (sc.slot_stamp[*sl] != gen) sc.slot_stamp[*sl] = gen, sc.slot_mask[*sl] = 0, sc.touched.push_back(*sl);
          sc.slot_mask[*sl] |= uint64_t{1} << (t - lo);
        }
      }
    }
    // Only a pattern all of whose slots the window matched can match; the rest of the
    // block's patterns are never looked at.
    sc.candidates.clear();
    for (uint32_t s : sc.touched) {
      auto [pb, pe] = index_.PatternsWith(s, v.block);
      for (const uint32_t* k = pb; k != pe; ++k) {
        if (sc.pattern_stamp[*k] != gen) sc.pattern_stamp[*k] = gen, sc.pattern_hits[*k] = 0;
        if (++sc.pattern_hits[*k] == patterns[*k].distinct_slots) sc.candidates.push_back(*k);
      }
    }
    // In block order, as the lexicon lists them: the first of equally long matches wins.
    std::sort(sc.candidates.begin(), sc.candidates.end());
    auto mask_of = [&](uint32_t slot) -> uint64_t { return sc.slot_stamp[slot] == gen ? sc.slot_mask[slot] : 0; };
    for (uint32_t candidate : sc.candidates) {
      const LexiconIndex::Pattern& p = patterns[candidate];
      size_t slots = p.before.size() + p.after.size();
      if (slots <= best) continue;
      bool ok = true;
      uint32_t j = i + len;  // the next word an after-slot may match
      for (uint32_t s : p.after) {
        uint64_t m = mask_of(s) & bits(j - lo, cend - lo);
        if (!m) { ok = false; break; }
        j = lo + static_cast<uint32_t>(__builtin_ctzll(m)) + 1;
      }
      if (!ok) continue;
      int64_t k = static_cast<int64_t>(i) - 1;  // the last word a before-slot may match
      for (auto it = p.before.rbegin(); it != p.before.rend(); ++it) {
        uint64_t m = k < static_cast<int64_t>(kmin) ? 0 : mask_of(*it) & bits(0, static_cast<uint32_t>(k - lo + 1));
        if (!m) { ok = false; break; }
        k = static_cast<int64_t>(lo) + (63 - __builtin_clzll(m)) - 1;
      }
      if (!ok) continue;
      best = slots;
      code = p.code;
      patterned = true;
    }
    return *code;
  };
  auto requires_ok = [&](const VerbEntry& v, uint32_t i) {
    if (v.requires_any.empty()) return true;
    uint32_t cend = std::min<uint32_t>(clause_end(i), i + 25);
    for (uint32_t j = i; j < cend; ++j)
      for (const std::string& r : v.requires_any)
        if (word(j) == r) return true;
    return false;
  };

  std::vector<Trigger> triggers;
  std::vector<bool> used(n, false);
  // Light verbs first: they claim the event noun they govern.
  for (uint32_t i = b; i < e; ++i) {
    if (covered[i - b] >= 0) continue;
    uint32_t len = 0;
    auto [lem, v] = match_verb(i, &len);
    if (!v || !v->light || !looks_verb(i)) continue;
    uint32_t cend = std::min<uint32_t>(clause_end(i + len), i + len + 6);
    for (uint32_t j = i + len; j < cend; ++j) {
      uint32_t nl = 0;
      auto [nlem, nv] = match_verb(j, &nl);
      if (!nv || !nv->noun || nv->plover_type.empty()) continue;
      Trigger t{j, j + nl, i, nv->plover_type, nv->plover_mode, true, "", ""};
      for (uint32_t k = j; k < j + nl; ++k) used[k - b] = true;
      used[i - b] = true;
      triggers.push_back(t);
      break;
    }
  }
  for (uint32_t i = b; i < e; ++i) {
    if (used[i - b]) continue;
    uint32_t len = 0;
    auto [lem, v] = match_verb(i, &len);
    if (!v || v->light) continue;
    // A token inside a name is a trigger only as a verb form of the lexicon ("Strike
    // Force" is a name); participants' agent words never trigger.
    if (covered[i - b] >= 0) continue;
    bool as_noun = v->noun && looks_noun(i);
    bool as_verb = !as_noun && v->verb && looks_verb(i) && !participle_use(i);
    if (!as_noun && !as_verb) continue;
    if (!requires_ok(*v, i + len)) continue;
    std::string type = v->plover_type, mode = v->plover_mode, rtype, rmode;
    bool weak = false;
    if (type.empty()) {
      std::string code = pattern_code(*v, i, len);
      weak = !patterned;
      std::string reverse;
      if (size_t colon = code.find(':'); colon != std::string::npos) {
        reverse = code.substr(colon + 1);
        code = code.substr(0, colon);
      }
      if (code.empty() || code == "---") continue;
      const PloverType* pt = lexicon_.ToPlover(code);
      if (!pt || pt->type.empty()) continue;
      type = pt->type;
      mode = pt->mode;
      if (const PloverType* rt = reverse.empty() ? nullptr : lexicon_.ToPlover(reverse)) {
        rtype = rt->type;
        rmode = rt->mode;
      }
    }
    if (as_noun) {
      // An event noun is an event of its own only when something ties it to this
      // report: a count ("21 strikes"), an actor before it ("U.S. strikes") or a
      // target after it ("strikes on/against ...").
      bool counted = false;
      for (const Quantity& q : doc.quantities) {
        if (!sent.span.contains(q.span)) continue;
        if (q.counted_span.overlaps(doc.tokens[i].span) ||
            (q.span.end <= doc.tokens[i].span.start && doc.tokens[i].span.start - q.span.end <= 24))
          counted = true;
      }
      bool actor_before = i > b && covered[i - 1 - b] >= 0 && !parts[covered[i - 1 - b]].place;
      bool target_after = i + len < e && (word(i + len) == "on" || word(i + len) == "against");
      if (!counted && !actor_before && !target_after) continue;
    }
    // "threatened to strike": the embedded action carries the event.
    if (as_verb && i + len + 1 < e && word(i + len) == "to") {
      uint32_t nl = 0;
      auto [nlem, nv] = match_verb(i + len + 1, &nl);
      if (nv && (nv->light || !nv->plover_type.empty() || (!nv->code.empty() && nv->code != "---"))) continue;
    }
    // ", killing 30 people" and "were killed in crashes": deaths that count an event
    // (its quantities) or that no actor caused, not events of their own.
    if (as_verb && *lem == "kill") {
      bool participial = word(i) == "killing" && i > b && word(i - 1) == ",";
      bool agentless_passive = i > b && (fl(i - 1) & kBeFormW);
      if (agentless_passive) {
        uint32_t cend = std::min<uint32_t>(clause_end(i + len), i + len + 6);
        for (uint32_t j = i + len; j < cend; ++j) agentless_passive &= word(j) != "by";
      }
      if (participial || agentless_passive) continue;
    }
    for (uint32_t k = i; k < i + len; ++k) used[k - b] = true;
    triggers.push_back({i, i + len, i, type, mode, as_noun, rtype, rmode, weak});
    i += len - 1;
  }

  // --- 3..5. status, arguments -------------------------------------------------------
  auto make_arg = [&](const Participant& p) {
    EventArgument a;
    a.id = p.id;
    a.span = {doc.tokens[p.tb].span.start, doc.tokens[p.te - 1].span.end};
    a.text = std::string(doc.view(a.span));
    a.country = p.country;
    a.sector = p.sector;
    a.geonames_id = p.geonames_id;
    return a;
  };
  // The word classes of the word before a participant, skipping articles ("in the Pacific").
  auto prev_class_of = [&](const Participant& p) -> uint16_t {
    uint32_t k = p.tb;
    while (k > b && (word(k - 1) == "the" || word(k - 1) == "a" || word(k - 1) == "an")) --k;
    return k > b ? fl(k - 1) : 0;
  };
  auto members = [&](int k) {
    std::vector<int> m;
    if (k < 0) return m;
    if (parts[k].group < 0) return std::vector<int>{k};
    for (size_t j = 0; j < parts.size(); ++j)
      if (parts[j].group == parts[k].group) m.push_back(static_cast<int>(j));
    return m;
  };

  // A hazard noun (kHazards) heading the noun phrase right before the verb, past
  // adverbs and auxiliaries ("the quake has also hit"), or right after its "by".
  auto is_hazard = [&](uint32_t k) {
    if (!(fl(k) & kHazardW)) return false;
    const std::string_view upos = doc.tokens[k].upos;
    if (!upos.empty() && upos != "NOUN" && upos != "PROPN") return false;  // "fire" the verb
    return !(k > b && kWeaponModifiers.count(word(k - 1)));
  };
  auto hazard_subject = [&](const Trigger& t) {
    uint32_t k = t.tb;
    while (k > b && (doc.tokens[k - 1].upos == "ADV" || doc.tokens[k - 1].upos == "AUX" ||
                     (fl(k - 1) & kBeFormW) || word(k - 1) == "has" || word(k - 1) == "have" || word(k - 1) == "had"))
      --k;
    if (k > b && is_hazard(k - 1)) return true;
    if (t.te < e && word(t.te) == "by")
      for (uint32_t j = t.te + 1; j < e && j <= t.te + 4; ++j) {
        if (is_hazard(j)) return true;
        const std::string_view upos = doc.tokens[j].upos;
        if (upos != "DET" && upos != "ADJ" && upos != "NUM" && upos != "PROPN" && upos != "NOUN") break;
      }
    return false;
  };

  std::sort(triggers.begin(), triggers.end(), [](const Trigger& x, const Trigger& y) { return x.anchor < y.anchor; });
  int last_actor = -1;
  const Trigger* prev = nullptr;
  for (const Trigger& t : triggers) {
    // "killed 45 civilians in an attack on a village": the noun names the action its
    // verb already coded, not a second event.
    const Trigger* before = prev;
    prev = &t;
    if (t.noun && t.anchor == t.tb && before && !before->noun && before->type == t.type && t.tb > before->te &&
        t.tb - before->te <= 10 && t.tb >= b + 2 && (fl(t.tb - 2) & kPrepositionW) && IsArticle(word(t.tb - 1))) {
      bool same_clause = true;
      for (uint32_t k = before->te; k < t.tb && same_clause; ++k) same_clause = !(fl(k) & kClauseBreakW);
      if (same_clause) continue;
    }
    if (!t.noun && hazard_subject(t)) continue;
    // Status: nearest cue before the anchor, within the clause.
    Cue cue = Cue::kNone;
    bool negated = false;
    auto lemma_class = [&](std::string_view l) -> uint16_t {
      const uint32_t id = index_.WordId(l);
      return id == LexiconIndex::kNone ? 0 : word_class_[id];
    };
    // An event noun takes its status from further back ("planning for a potential
    // covert mission ... with an emphasis on drone strikes").
    int64_t stop = std::max<int64_t>(b, static_cast<int64_t>(t.anchor) - (t.noun && t.anchor == t.tb ? 24 : 12));
    for (int64_t k = static_cast<int64_t>(t.anchor) - 1; k >= stop && cue == Cue::kNone; --k) {
      std::string_view x = word(static_cast<uint32_t>(k));
      std::string_view next = word(static_cast<uint32_t>(k + 1));
      std::string_view l = lemma[k - b];
      const uint16_t xc = fl(static_cast<uint32_t>(k));
      if ((xc & kClauseBreakW) || (x == "," && !(t.noun && t.anchor == t.tb))) break;
      if ((xc & kDenyW) || l == "deny") { cue = Cue::kDenied; break; }
      if ((xc & kNegationW) && t.anchor - k <= 4) { negated = true; continue; }
      // Most words are no cue: no test below can hold for them. A lemma that is not
      // the word itself is looked up by its own vocabulary id.
      if (!(xc & (kCueW | kCueLemmaW)) && !x.starts_with("threat") &&
          (l == x || !(lemma_class(l) & kCueLemmaW)))
        continue;
      if (x.starts_with("threat") && next == "to") cue = Cue::kThreatened;
      else if ((x == "warned" || x == "vowed" || x == "vows" || x == "warns") && next == "to") cue = Cue::kThreatened;
      else if ((x == "open" || x == "ready" || x == "willing" || x == "prepared" || x == "proud" ||
                x == "eager" || x == "okay" || x == "ok" || x == "happy") &&
               (next == "to" || next == "with" || next == "”" || next == "\"" || next == "’"))
        cue = Cue::kProposed;
      else if (l == "consider" || l == "propose" || l == "suggest" || l == "float" || l == "offer" ||
               x == "considering" || x == "proposed" || x == "suggested" || x == "floated" ||
               x == "proposal" || x == "possibility" || x == "prospect" || x == "idea")
        cue = Cue::kProposed;
      else if (l == "plan" || x == "plans" || x == "planned" || x == "planning" || x == "intends" ||
               x == "intend" || x == "will" || x == "'ll" || x == "scheduled" || l == "prepare" ||
               x == "potential" || (x == "about" && next == "to") || (x == "going" && next == "to") ||
               (x == "set" && next == "to") || (x == "expected" && next == "to"))
        cue = Cue::kPlanned;
      else if (x == "would" || x == "could" || x == "might" || x == "may" || x == "if" ||
               x == "unless" || x == "whether" || x == "should" || x == "can")
        cue = Cue::kHypothetical;
    }
    if (negated && cue != Cue::kDenied) continue;
    std::string type = t.type, mode = t.mode;
    if (cue != Cue::kNone && cue != Cue::kDenied && (type == "ASSAULT" || type == "COERCE")) {
      mode = type == "ASSAULT" ? "force" : "repression";
      type = "THREATEN";
    }

    // Actor: nearest participant before the anchor that is not a prepositional object.
    uint32_t clause_b = t.anchor;
    // The "that" of a reported clause opens a clause of its own ("told reporters in
    // Brussels that the money would go to ..."); a relative "that" does not.
    auto reported_that = [&](uint32_t k) {
      if (word(k) != "that" || doc.tokens[k].upos != "SCONJ") return false;
      for (uint32_t j = k; j > b && j + 6 > k; --j)
        if (kReportVerbs.count(word(j - 1))) return true;
      return false;
    };
    while (clause_b > b && !(fl(clause_b - 1) & kClauseBreakW) && !reported_that(clause_b - 1)) --clause_b;
    // Inside a reported clause the reporter is not the actor of what it reports.
    const uint32_t reported_b = clause_b > b && reported_that(clause_b - 1) ? clause_b : b;
    int actor = -1, target = -1;
    bool passive = false;
    {
      // Passive: "was attacked by X".
      uint32_t before = t.tb;
      while (before > b && (word(before - 1).ends_with("ly") || word(before - 1) == "also")) --before;
      if (before > b && (fl(before - 1) & kBeFormW) && !t.noun) {
        // "he is sentenced", "were arrested": a participle after "be" is passive even
        // with no "by" agent; the subject is then what was acted on.
        const std::string& x = doc.tokens[t.tb].xpos;
        passive = x == "VBN" || (x.empty() && (word(t.tb).ends_with("ed") || word(t.tb).ends_with("en")));
        uint32_t cend = std::min<uint32_t>(clause_end(t.te), t.te + 8);
        for (uint32_t j = t.te; j < cend; ++j)
          if (word(j) == "by" && j + 1 < e && covered[j + 1 - b] >= 0) {
            actor = covered[j + 1 - b];
            passive = true;
            break;
          }
      } else if (tagged && !t.noun && t.tb > b && (fl(t.tb) & kKillW) && doc.tokens[t.tb].xpos == "VBN") {
        // "with at least 410 people injured", "three soldiers killed in the ambush": a
        // casualty participle right after its noun, with no object after it, is
        // passive; the noun is who was hurt, not who hurt.
        const std::string& prev_pos = doc.tokens[t.tb - 1].upos;
        const std::string& next_pos = t.te < e ? doc.tokens[t.te].upos : std::string();
        passive = (prev_pos == "NOUN" || prev_pos == "PROPN" || prev_pos == "PRON") &&
                  !(next_pos == "DET" || next_pos == "NOUN" || next_pos == "PROPN" || next_pos == "PRON" ||
                    next_pos == "NUM" || next_pos == "ADJ");
        uint32_t cend = std::min<uint32_t>(clause_end(t.te), t.te + 8);
        for (uint32_t j = t.te; passive && j < cend; ++j)
          if (word(j) == "by" && j + 1 < e && covered[j + 1 - b] >= 0) {
            actor = covered[j + 1 - b];
            break;
          }
      }
    }
    // "X condemned the attack and promised aid": the second verb shares X.
    uint32_t conj = t.anchor;
    while (conj > b && (word(conj - 1) == "also" || word(conj - 1) == "then" || word(conj - 1) == "later")) --conj;
    if (actor < 0 && conj > b && word(conj - 1) == "and" && !(conj - 1 > b && covered[conj - 2 - b] >= 0) &&
        last_actor >= 0 && !t.noun)
      actor = last_actor;
    // "... killed nine people and forced 12,000 residents to flee": "and" right after
    // the previous verb's object joins a second verb to that one, which shares its
    // subject (none, when it had none) instead of taking the object as its actor.
    bool shares_subject = false;
    if (actor < 0 && conj > b + 1 && word(conj - 1) == "and" && !t.noun && before && !before->noun &&
        before->te < conj - 1 && covered[conj - 2 - b] >= 0 &&
        parts[static_cast<size_t>(covered[conj - 2 - b])].tb >= before->te) {
      bool same_clause = true;
      for (uint32_t k = before->te; k + 1 < conj && same_clause; ++k) same_clause = !(fl(k) & kClauseBreakW);
      if (same_clause) {
        actor = last_actor;
        shares_subject = true;
      }
    }
    for (int k = static_cast<int>(parts.size()) - 1; k >= 0 && actor < 0 && !passive && !shares_subject; --k) {
      const Participant& p = parts[k];
      if (p.te > t.anchor || p.tb < clause_b) continue;
      if ((prev_class_of(p) & kPrepositionW) && !(p.group >= 0 && parts[p.group].tb < p.tb)) continue;
      // "Officials, including France and Germany, attended": no member of a list
      // that a participle preposition opens (an aside) is the actor either.
      if (p.group >= 0 && parts[p.group].tb > b && kParticiplePrepositions.count(word(parts[p.group].tb - 1))) continue;
      if (p.group >= 0) { actor = p.group; break; }
      actor = k;
    }
    if (actor < 0 && !passive && !shares_subject) {
      // The subject may sit before a comma: "Mexico, its ally, said ..." — take the
      // first non-prepositional participant of the sentence before the anchor.
      for (size_t k = 0; k < parts.size(); ++k)
        if (parts[k].tb >= reported_b && parts[k].te <= t.anchor && !(prev_class_of(parts[k]) & kPrepositionW) &&
            !parts[k].place) {
          actor = static_cast<int>(k);
          break;
        }
    }
    // Target: first participant after the trigger, not a place after a locative.
    uint32_t tend = std::min<uint32_t>(clause_end(t.te), t.te + 14);
    for (uint32_t j = t.te; j < tend; ++j)
      if (word(j) == ",") { tend = j; break; }
    int location = -1;
    bool target_named = false;
    for (size_t k = 0; k < parts.size(); ++k) {
      const Participant& p = parts[k];
      if (p.tb < t.te || p.tb >= tend) continue;
      if (passive && static_cast<int>(k) == actor) continue;
      bool loc = (prev_class_of(p) & kLocativeW) && (p.place || p.geonames_id != 0 || p.sector.empty());
      // "in the province of Napo", "near the town of Kaya": the place a locative's
      // noun names is the location, and takes the place of that noun.
      bool named_place = false;
      if (!loc && p.place && p.tb >= b + 2 && word(p.tb - 1) == "of")
        for (uint32_t k = p.tb - 1; k-- > b && k + 5 >= p.tb && !named_place;) named_place = fl(k) & kLocativeW;
      if (loc || named_place) {
        if (location < 0 || (named_place && parts[static_cast<size_t>(location)].te + 1 == p.tb))
          location = static_cast<int>(k);
        continue;
      }
      bool first_of_group = p.group < 0 || parts[p.group].tb == p.tb || static_cast<int>(k) == p.group;
      if (!first_of_group) continue;
      // A named country beats a bare agent word ("deploy troops to Lithuania").
      if (target < 0 || (parts[target].agent_only && !p.agent_only && !p.country.empty() && !target_named)) {
        target_named = target >= 0 || !p.agent_only;
        target = static_cast<int>(k);
      }
    }
    if (passive) {
      // The subject before the verb is what was acted on; after a reporting verb
      // ("the ministry said 14 officers were injured") the reporter is not.
      uint32_t subject_b = clause_b;
      for (uint32_t k = t.tb; k > clause_b; --k)
        if (tagged && doc.tokens[k - 1].upos == "VERB" && kReportVerbs.count(word(k - 1))) {
          subject_b = k;
          break;
        }
      for (int k = static_cast<int>(parts.size()) - 1; k >= 0; --k)
        if (parts[k].te <= t.tb && parts[k].tb >= subject_b && k != actor) { target = k; break; }
    }
    if (location < 0) {
      // A place earlier in the clause after a locative ("In Mexico, troops raided ...").
      for (size_t k = 0; k < parts.size(); ++k)
        if (parts[k].tb >= clause_b && parts[k].te <= t.tb && (prev_class_of(parts[k]) & kLocativeW) && parts[k].place)
          location = static_cast<int>(k);
    }
    // Acting in a country is acting on it ("strikes inside Mexico", "appealed for
    // peace in Ithilen") when nothing else is named.
    if (target < 0 && location >= 0 && !parts[location].country.empty() && parts[location].geonames_id == 0)
      target = location;

    Event base;
    base.span = {doc.tokens[t.tb].span.start, doc.tokens[t.te - 1].span.end};
    base.type = type;
    base.mode = mode;
    base.status = StatusName(cue);
    if (location >= 0) {
      base.location = make_arg(parts[location]);
      base.location->sector.clear();
    } else {
      // A region phrase after a locative preposition: "in international waters".
      for (uint32_t j = t.te; j < tend; ++j) {
        if (!(fl(j) & kLocativeW) || word(j) == "at") continue;
        uint32_t s0 = j + 1, s1 = s0;
        while (s1 < tend && s1 < s0 + 5 && !(fl(s1) & kPrepositionW) && word(s1) != "," &&
               doc.tokens[s1].kind == TokenKind::kWord)
          ++s1;
        std::string_view head = s1 > s0 ? word(s1 - 1) : "";
        static const WordSet kRegion = {"waters", "sea", "seas", "ocean", "coast", "region", "border",
                                        "territory", "airspace", "province", "state", "city", "capital",
                                        "area", "land", "soil", "country", "strait", "gulf"};
        if (kRegion.count(head)) {
          EventArgument a;
          a.span = {doc.tokens[s0].span.start, doc.tokens[s1 - 1].span.end};
          a.text = std::string(doc.view(a.span));
          base.location = a;
          break;
        }
      }
    }
    // Time: nearest time expression in the sentence, else the nearest earlier one
    // in the same paragraph.
    {
      const TimeExpr* best = nullptr;
      uint32_t best_d = UINT32_MAX;
      for (const TimeExpr& tx : doc.times) {
        if (tx.value.empty() || !sent.span.contains(tx.span)) continue;
        if (tx.type == TimeType::kDuration || tx.type == TimeType::kSet) continue;
        uint32_t d = tx.span.start > base.span.start ? tx.span.start - base.span.start : base.span.start - tx.span.start;
        if (d < best_d) best_d = d, best = &tx;
      }
      if (!best) {
        const Paragraph* para = sent.paragraph < doc.paragraphs.size() ? &doc.paragraphs[sent.paragraph] : nullptr;
        for (const TimeExpr& tx : doc.times) {
          if (tx.value.empty() || tx.span.start >= sent.span.start) continue;
          if (tx.type == TimeType::kDuration || tx.type == TimeType::kSet) continue;
          if (para && !para->span.contains(tx.span)) continue;
          if (tx.value[0] < '0' || tx.value[0] > '9') continue;
          best = &tx;
        }
      }
      if (best) base.time = best->value;
    }
    // Quantities: the count of the trigger noun, and casualties of an assault.
    for (uint32_t qi = 0; qi < doc.quantities.size(); ++qi) {
      const Quantity& q = doc.quantities[qi];
      if (!sent.span.contains(q.span)) continue;
      if (q.type == QuantityType::kOrdinal || q.type == QuantityType::kPercent || q.type == QuantityType::kMoney) continue;
      bool counts_trigger = q.counted_span.overlaps(base.span) ||
                            (q.span.end <= base.span.start && base.span.start - q.span.end <= 24 &&
                             (q.counted_span.empty() || q.counted_span.end >= base.span.start));
      bool casualty = false;
      if (type == "ASSAULT" && q.span.end <= base.span.start) {
        // "At least 34 people were killed": the count is the subject of the passive
        // trigger, with only auxiliaries and adverbs between them.
        const int64_t after = token_of(std::max(q.span.end, q.counted_span.end), true);
        bool passive = after >= static_cast<int64_t>(b) && after < static_cast<int64_t>(t.tb) &&
                       t.tb - static_cast<uint32_t>(after) <= 3;
        for (int64_t j = after; passive && j < static_cast<int64_t>(t.tb); ++j) {
          const std::string& u = doc.tokens[static_cast<size_t>(j)].upos;
          passive = u == "AUX" || u == "ADV";
        }
        casualty = passive && (fl(t.tb) & kKillW);
      }
      if (type == "ASSAULT" && q.span.start >= base.span.start) {
        std::string counted = LexiconKey(q.counted);
        for (std::string_view c : kCasualty)
          if (counted.find(c) != std::string::npos) casualty = true;
        // "killing 12 people", "12 people were killed"
        int64_t qt = token_of(q.span.start, false);
        if (qt > static_cast<int64_t>(b) && (fl(static_cast<uint32_t>(qt - 1)) & kKillW)) casualty = true;
        uint32_t after = static_cast<uint32_t>(token_of(std::max(q.span.end, q.counted_span.end), true));
        for (uint32_t j = after; j < std::min<uint32_t>(after + 3, e); ++j)
          if (fl(j) & kKillW) casualty = true;
      }
      if (counts_trigger || casualty) base.quantities.push_back(qi);
    }
    for (uint32_t qi = 0; qi < doc.quotes.size(); ++qi)
      if (doc.quotes[qi].span.contains(base.span)) { base.quote = qi; break; }

    last_actor = actor;
    std::vector<int> actors = members(actor), targets = members(target);
    // A reciprocal code ("032:033", "050:050") between coordinated actors with no
    // named target: each acts on the others ("Chile and Peru restored ties").
    bool reciprocal = !t.reverse_type.empty() && targets.empty() && actors.size() > 1;
    if (actors.empty()) actors.push_back(-1);
    if (targets.empty()) targets.push_back(-1);
    auto emit = [&](int a, int g, const std::string& ty, const std::string& mo) {
      // An action with no one acting and no one acted on ("the cuts come", "nobody
      // will be left behind") is a verb, not an event a ledger can attribute.
      if (a < 0 && g < 0) return;
      // A common verb coded only by its default meaning ("called the plan reckless",
      // "including three children", "spoke on condition of anonymity") is a verbal or
      // cooperative event only when it names whom it reaches.
      if (t.weak && (g < 0 || parts[g].agent_only) &&
          (ty == "CONSULT" || ty == "CONCEDE" || ty == "REQUEST" || ty == "AGREE" || ty == "COOPERATE" ||
           ty == "SUPPORT"))
        return;
      Event ev = base;
      ev.type = ty;
      ev.mode = mo;
      if (a >= 0) ev.actor = make_arg(parts[a]);
      if (g >= 0) ev.target = make_arg(parts[g]);
      out.push_back(std::move(ev));
    };
    for (int a : actors) {
      if (reciprocal) {
        for (int g : actors)
          if (g != a) emit(a, g, base.type, base.mode);
        continue;
      }
      for (int g : targets) {
        if (a >= 0 && a == g) continue;
        emit(a, g, base.type, base.mode);
        // The target's counter-event ("left for X" -> X received a visit).
        // Only a named party acts back: "prison" or "investors" receive no visit.
        if (!t.reverse_type.empty() && a >= 0 && g >= 0 && cue == Cue::kNone && !parts[g].agent_only)
          emit(g, a, t.reverse_type, t.reverse_mode);
      }
    }
  }
}

}  // namespace newsledger

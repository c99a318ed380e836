#include "code/lexicon_index.h"

#include <algorithm>
#include <cstring>

#include "core/hash.h"

namespace newsledger {

// ---------------------------------------------------------------------------
// LexiconIndex

LexiconIndex::LexiconIndex(const EventLexicon& lexicon, const std::vector<std::string_view>& extra_words) {
  actor_root_ = NewNode();  // 0, 1, 2: root_child_ columns
  agent_root_ = NewNode();
  form_root_ = NewNode();
  for (const auto& [key, entry] : lexicon.actors()) {
    Node v;
    v.actor = &entry;
    AddKey(actor_root_, key, v);
  }
  for (const auto& [key, entry] : lexicon.agents()) {
    Node v;
    v.agent = &entry;
    AddKey(agent_root_, key, v);
  }
  for (const auto& [form, lemma] : lexicon.forms()) {
    Node v;
    v.lemma = &lemma;
    v.verb = lexicon.Verb(lemma);
    AddKey(form_root_, form, v);
  }
  patterns_.resize(lexicon.block_count());
  std::map<Slot, uint32_t> seen;
  for (uint32_t b = 0; b < patterns_.size(); ++b) {
    for (const VerbPattern& p : lexicon.Patterns(b)) {
      Pattern c;
      for (const PatternSlot& s : p.before) c.before.push_back(CompileSlot(lexicon, s, seen));
      for (const PatternSlot& s : p.after) c.after.push_back(CompileSlot(lexicon, s, seen));
      c.code = &p.code;
      std::vector<uint32_t> distinct(c.before);
      distinct.insert(distinct.end(), c.after.begin(), c.after.end());
      std::sort(distinct.begin(), distinct.end());
      c.distinct_slots = static_cast<uint32_t>(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
      patterns_[b].push_back(std::move(c));
    }
    max_block_patterns_ = std::max(max_block_patterns_, patterns_[b].size());
  }
  // Slot -> (block, pattern) lists; blocks and patterns are visited in order, so each
  // list comes out sorted.
  {
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> holders(slots_.size());
    for (uint32_t b = 0; b < patterns_.size(); ++b)
      for (uint32_t k = 0; k < patterns_[b].size(); ++k) {
        const Pattern& c = patterns_[b][k];
        for (const std::vector<uint32_t>* side : {&c.before, &c.after})
          for (uint32_t s : *side)
            // A slot repeated inside one pattern is listed once.
            if (holders[s].empty() || holders[s].back() != std::make_pair(b, k)) holders[s].emplace_back(b, k);
      }
    slot_pattern_begin_.assign(1, 0);
    for (auto& h : holders) {
      for (const auto& [b, k] : h) {
        slot_pattern_block_.push_back(b);
        slot_pattern_index_.push_back(k);
      }
      slot_pattern_begin_.push_back(static_cast<uint32_t>(slot_pattern_block_.size()));
    }
  }
  // Invert: id -> slots, as two CSR arrays (word ids, prefix ids).
  auto invert = [&](bool prefix, size_t ids, std::vector<uint32_t>& begin, std::vector<uint32_t>& all) {
    begin.assign(ids + 1, 0);
    for (const Slot& slot : slots_)
      for (uint32_t id : slot)
        if (((id & kPrefixBit) != 0) == prefix) ++begin[(id & ~kPrefixBit) + 1];
    for (size_t k = 0; k < ids; ++k) begin[k + 1] += begin[k];
    all.assign(begin[ids], 0);
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    for (uint32_t s = 0; s < slots_.size(); ++s)
      for (uint32_t id : slots_[s])
        if (((id & kPrefixBit) != 0) == prefix) all[fill[id & ~kPrefixBit]++] = s;
  };
  invert(false, words_.size(), word_slot_begin_, word_slots_);
  invert(true, prefixes_.size(), prefix_slot_begin_, prefix_slots_);
  for (std::string_view w : extra_words) words_.Intern(w);
  // Node bits, root children and the form-word filter (edges_ is complete now).
  node_bits_.assign(nodes_.size(), 0);
  for (uint32_t k = 0; k < nodes_.size(); ++k) {
    const Node& x = nodes_[k];
    node_bits_[k] = static_cast<uint8_t>((x.actor ? kActor : 0) | (x.agent ? kAgent : 0) | (x.lemma ? kLemma : 0) |
                                         (x.verb ? kVerb : 0));
  }
  for (const Edge& e : edges_)
    if (e.key != UINT64_MAX) node_bits_[e.key >> 32] |= kChildren;
  form_words_.assign(kFormBitsMask + 1, 0);
  std::vector<std::array<uint32_t, 3>> roots(words_.size());
  for (uint32_t w = 0; w < words_.size(); ++w) {
    roots[w] = {Next(actor_root_, w), Next(agent_root_, w), Next(form_root_, w)};
    if (roots[w][2] != kNone) {
      const uint64_t h = StringIds::Hash(words_.str(w));
      form_words_[(h >> 40) & kFormBitsMask] |= 1u << ((h >> 32) & 31);
    }
  }
  root_child_ = std::move(roots);
  // The prefix trie (prefixes_ is complete now).
  {
    std::vector<std::map<uint8_t, uint32_t>> children(1);
    prefix_at_.assign(1, kNone);
    for (uint32_t p = 0; p < prefixes_.size(); ++p) {
      uint32_t node = 0;
      for (char c : prefixes_.str(p)) {
        auto [it, added] = children[node].emplace(static_cast<uint8_t>(c), static_cast<uint32_t>(children.size()));
        if (added) {
          children.emplace_back();
          prefix_at_.push_back(kNone);
        }
        node = it->second;
      }
      prefix_at_[node] = p;
    }
    prefix_edge_begin_.assign(1, 0);
    for (const auto& c : children) {
      for (const auto& [byte, child] : c) prefix_edges_.push_back({byte, child});
      prefix_edge_begin_.push_back(static_cast<uint32_t>(prefix_edges_.size()));
    }
    for (const auto& [byte, child] : children[0]) prefix_root_[byte] = child;
  }
  // Every vocabulary word's TokenIds, so that a known token needs no prefix probes.
  word_token_begin_.assign(1, 0);
  std::vector<uint32_t> ids;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    ids.assign(1, w);
    PrefixIds(words_.str(w), ids);
    std::sort(ids.begin(), ids.end());
    word_token_ids_.insert(word_token_ids_.end(), ids.begin(), ids.end());
    word_token_begin_.push_back(static_cast<uint32_t>(word_token_ids_.size()));
  }
}

uint32_t LexiconIndex::NewNode() {
  nodes_.emplace_back();
  return static_cast<uint32_t>(nodes_.size() - 1);
}

uint32_t LexiconIndex::Next(uint32_t node, uint32_t id) const {
  if (id == kNone || edges_.empty()) return kNone;
  if (!root_child_.empty()) {  // built: the fast paths
    if (node < 3) return id < root_child_.size() ? root_child_[id][node] : kNone;
    if (!(node_bits_[node] & kChildren)) return kNone;
  }
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
  const size_t mask = edges_.size() - 1;
  for (size_t i = hash::Mix64(key) & mask;; i = (i + 1) & mask) {
    const Edge& e = edges_[i];
    if (e.key == key) return e.child;
    if (e.key == UINT64_MAX) return kNone;
  }
}

void LexiconIndex::AddKey(uint32_t root, std::string_view key, const Node& value) {
  uint32_t node = root;
  size_t b = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != ' ') continue;
    const uint32_t id = words_.Intern(key.substr(b, i - b));
    b = i + 1;
    uint32_t child = Next(node, id);
    if (child == kNone) {
      child = NewNode();
      if ((edge_count_ + 1) * 2 > edges_.size()) {
        std::vector<Edge> old = std::move(edges_);
        edges_.assign(std::max<size_t>(1024, old.size() * 2), Edge{});
        const size_t mask = edges_.size() - 1;
        for (const Edge& e : old) {
          if (e.key == UINT64_MAX) continue;
          size_t j = hash::Mix64(e.key) & mask;
          while (edges_[j].key != UINT64_MAX) j = (j + 1) & mask;
          edges_[j] = e;
        }
      }
      const uint64_t k = (static_cast<uint64_t>(node) << 32) | id;
      const size_t mask = edges_.size() - 1;
      size_t j = hash::Mix64(k) & mask;
      while (edges_[j].key != UINT64_MAX) j = (j + 1) & mask;
      edges_[j] = Edge{k, child};
      ++edge_count_;
    }
    node = child;
  }
  Node& n = nodes_[node];
  if (value.actor) n.actor = value.actor;
  if (value.agent) n.agent = value.agent;
  if (value.lemma) {
    n.lemma = value.lemma;
    n.verb = value.verb;
  }
}

void LexiconIndex::PieceIds(std::string_view key, std::vector<uint32_t>& out) const {
  size_t b = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != ' ') continue;
    out.push_back(words_.Find(key.substr(b, i - b)));
    b = i + 1;
  }
}

void LexiconIndex::AddAlternatives(const EventLexicon& lexicon, const PatternSlot& slot, int depth, Slot& out) {
  for (const std::string& alt : slot) {
    if (alt.empty()) continue;
    if (alt[0] == '&') {
      // Synsets are expanded when the dictionary is read; the depth bound only
      // guards against a file that names a class inside itself.
      if (depth < 16) AddAlternatives(lexicon, lexicon.Synset(alt), depth + 1, out);
    } else if (alt.back() == '*') {
      std::string_view prefix(alt.data(), alt.size() - 1);
      out.push_back(prefixes_.Intern(prefix) | kPrefixBit);
    } else {
      out.push_back(words_.Intern(alt));
    }
  }
}

uint32_t LexiconIndex::CompileSlot(const EventLexicon& lexicon, const PatternSlot& slot,
                                   std::map<Slot, uint32_t>& seen) {
  Slot out;
  AddAlternatives(lexicon, slot, 0, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  auto [it, added] = seen.emplace(out, static_cast<uint32_t>(slots_.size()));
  if (added) slots_.push_back(std::move(out));
  return it->second;
}

void LexiconIndex::PrefixIds(std::string_view key, std::vector<uint32_t>& out) const {
  if (prefix_at_.empty()) return;
  uint32_t node = 0;
  for (size_t len = 0;; ++len) {
    if (prefix_at_[node] != kNone) out.push_back(prefix_at_[node] | kPrefixBit);
    if (len == key.size()) return;
    const uint8_t c = static_cast<uint8_t>(key[len]);
    if (node == 0) {
      node = prefix_root_[c];
      if (node == 0) return;
      continue;
    }
    const PrefixEdge* e = prefix_edges_.data() + prefix_edge_begin_[node];
    const PrefixEdge* end = prefix_edges_.data() + prefix_edge_begin_[node + 1];
    e = std::lower_bound(e, end, c, [](const PrefixEdge& x, uint8_t y) { return x.byte < y; });
    if (e == end || e->byte != c) return;
    node = e->child;
  }
}

void LexiconIndex::TokenIds(std::string_view key, uint64_t hash, std::vector<uint32_t>& out) const {
  out.clear();
  if (uint32_t id = words_.Find(key, hash); id != kNone) {
    auto [b, e] = TokenIdsOfWord(id);
    out.assign(b, e);
    return;
  }
  PrefixIds(key, out);
  std::sort(out.begin(), out.end());
}

std::pair<const uint32_t*, const uint32_t*> LexiconIndex::PatternsWith(uint32_t s, uint32_t block) const {
  const uint32_t* blocks = slot_pattern_block_.data();
  auto [lo, hi] = std::equal_range(blocks + slot_pattern_begin_[s], blocks + slot_pattern_begin_[s + 1], block);
  const uint32_t* index = slot_pattern_index_.data();
  return {index + (lo - blocks), index + (hi - blocks)};
}

bool LexiconIndex::SlotMatches(const Slot& slot, const uint32_t* ids, size_t n) {
  for (size_t k = 0; k < n; ++k)
    if (std::binary_search(slot.begin(), slot.end(), ids[k])) return true;
  return false;
}

}  // namespace newsledger

// lexicon_index.h: the event lexicon compiled for matching, so that the coders look
// each token up once instead of probing a string-keyed map for every phrase length.
//
// What it holds, built once from a finished EventLexicon (which must outlive it and
// must not change afterwards):
//  - a vocabulary: every word (space-separated piece) of every form, actor and agent
//    key and every exact pattern word -> a dense id;
//  - three word tries over those ids: verb forms (-> lemma and VerbEntry), actor names
//    and agent words (-> ActorEntry). A key is split on each ' ', so a token whose key
//    holds a space ('_' in the text) walks several edges and a phrase matches exactly
//    when the string join of the tokens' keys equals the lexicon key;
//  - the CAMEO phrase patterns with synsets expanded and every alternative turned into
//    an id: exact words into vocabulary ids, prefixes ("effort*") into prefix ids.
//    A token matches a slot when one of its ids (TokenIds) is in the slot's set.
//    Equal slots are stored once, and every id lists the slots holding it, so a
//    coder can mark which slots each token of a window matches in one pass
//    (SlotsWith) and then test whole patterns with bit masks.
// Lookups: open addressing, one hash of the word per token, then integer probes; the
// prefix ids of a word outside the vocabulary come from one walk of a byte trie.
// Thread-safe: const after construction.
#ifndef NEWSLEDGER_CODE_LEXICON_INDEX_H_
#define NEWSLEDGER_CODE_LEXICON_INDEX_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "code/event_lexicon.h"
#include "core/string_ids.h"

namespace newsledger {

class LexiconIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  struct Node {
    const ActorEntry* actor = nullptr;  // an actor trie node ending a name
    const ActorEntry* agent = nullptr;  // an agent trie node ending a name
    const std::string* lemma = nullptr; // a form trie node ending a form
    const VerbEntry* verb = nullptr;    // the lemma's entry (may be null: no verb)
  };
  // A pattern slot: sorted ids (vocabulary ids of exact words, prefix ids | kPrefixBit).
  using Slot = std::vector<uint32_t>;
  struct Pattern {
    std::vector<uint32_t> before, after;  // slot numbers (slot())
    const std::string* code = nullptr;
    uint32_t distinct_slots = 0;          // how many different slots before and after hold
  };
  static constexpr uint32_t kPrefixBit = 0x80000000u;

  // extra_words: more words to give vocabulary ids (a coder's own word classes).
  explicit LexiconIndex(const EventLexicon& lexicon, const std::vector<std::string_view>& extra_words = {});
  LexiconIndex(const LexiconIndex&) = delete;
  LexiconIndex& operator=(const LexiconIndex&) = delete;

  uint32_t actor_root() const { return actor_root_; }
  uint32_t agent_root() const { return agent_root_; }
  uint32_t form_root() const { return form_root_; }

  // Vocabulary id of a word (piece of a key, or an exact pattern word); kNone if unknown.
  uint32_t WordId(std::string_view word) const { return words_.Find(word); }
  // Appends the ids of the space-separated pieces of `key` (kNone for unknown ones).
  void PieceIds(std::string_view key, std::vector<uint32_t>& out) const;
  // The child of `node` along word `id`, or kNone.
  uint32_t Next(uint32_t node, uint32_t id) const;
  // Walks the pieces [ids, ids+n) from `node`; kNone when the trie has no such path.
  uint32_t Walk(uint32_t node, const uint32_t* ids, size_t n) const {
    for (size_t k = 0; k < n && node != kNone; ++k) node = Next(node, ids[k]);
    return node;
  }
  const Node& node(uint32_t n) const { return nodes_[n]; }
  // What a node holds, one byte per node (small enough to stay in cache; the Node
  // itself is read only on a match).
  enum NodeBit : uint8_t { kChildren = 1, kActor = 2, kAgent = 4, kLemma = 8, kVerb = 16 };
  uint8_t bits(uint32_t n) const { return node_bits_[n]; }
  // Whether `word` may be a one-word path from the form root (a Bloom test on its
  // StringIds::Hash): false means it certainly is not.
  bool MayBeFormWord(uint64_t hash) const { return form_words_[(hash >> 40) & kFormBitsMask] & (1u << ((hash >> 32) & 31)); }
  uint32_t FindWord(std::string_view word, uint64_t hash) const { return words_.Find(word, hash); }
  void PrefetchWord(uint64_t hash) const { words_.Prefetch(hash); }

  // The ids a token key matches pattern slots by (sorted): its vocabulary id and the
  // prefix ids of its prefixes. Replaces `out`.
  void TokenIds(std::string_view key, std::vector<uint32_t>& out) const { TokenIds(key, StringIds::Hash(key), out); }
  // The same with the key's StringIds::Hash already made.
  void TokenIds(std::string_view key, uint64_t hash, std::vector<uint32_t>& out) const;
  // TokenIds of a key whose vocabulary id is known (precomputed for every word).
  std::pair<const uint32_t*, const uint32_t*> TokenIdsOfWord(uint32_t word_id) const {
    return {word_token_ids_.data() + word_token_begin_[word_id], word_token_ids_.data() + word_token_begin_[word_id + 1]};
  }
  size_t word_count() const { return words_.size(); }
  static bool SlotMatches(const Slot& slot, const uint32_t* ids, size_t n);
  const std::vector<Pattern>& Patterns(uint32_t block) const { return patterns_[block]; }
  const Slot& slot(uint32_t s) const { return slots_[s]; }
  size_t slot_count() const { return slots_.size(); }
  // The patterns of `block` holding slot `s`, as indexes into Patterns(block), ascending:
  // [first, last). A pattern can match a window only if every one of its
  // distinct_slots is matched there, so a coder counts hits per pattern over the
  // slots its window matched and tests only the patterns that reach the count.
  std::pair<const uint32_t*, const uint32_t*> PatternsWith(uint32_t s, uint32_t block) const;
  // The most patterns any block has.
  size_t max_block_patterns() const { return max_block_patterns_; }
  // The slots an id (from TokenIds) belongs to: [first, last).
  std::pair<const uint32_t*, const uint32_t*> SlotsWith(uint32_t id) const {
    const std::vector<uint32_t>& begin = id & kPrefixBit ? prefix_slot_begin_ : word_slot_begin_;
    const std::vector<uint32_t>& all = id & kPrefixBit ? prefix_slots_ : word_slots_;
    const uint32_t x = id & ~kPrefixBit;
    if (x + 1 >= begin.size()) return {nullptr, nullptr};
    return {all.data() + begin[x], all.data() + begin[x + 1]};
  }

 private:
  uint32_t NewNode();
  void AddKey(uint32_t root, std::string_view key, const Node& value);
  uint32_t CompileSlot(const EventLexicon& lexicon, const PatternSlot& slot, std::map<Slot, uint32_t>& seen);
  void AddAlternatives(const EventLexicon& lexicon, const PatternSlot& slot, int depth, Slot& out);
  void PrefixIds(std::string_view key, std::vector<uint32_t>& out) const;

  StringIds words_;
  StringIds prefixes_;
  std::vector<Node> nodes_;
  std::vector<uint8_t> node_bits_;
  // The child of each root for each word id ([0] actor, [1] agent, [2] form), so that
  // the first step of a walk reads one small record instead of probing edges_.
  std::vector<std::array<uint32_t, 3>> root_child_;
  static constexpr size_t kFormBitsMask = (1u << 13) - 1;  // 8192 x 32 bits
  std::vector<uint32_t> form_words_;
  struct Edge {
    uint64_t key = UINT64_MAX;
    uint32_t child = 0;
  };
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
  uint32_t actor_root_ = 0, agent_root_ = 0, form_root_ = 0;
  std::vector<std::vector<Pattern>> patterns_;
  std::vector<Slot> slots_;
  // Inverted slots: word id w is in slots word_slots_[word_slot_begin_[w] ..
  // word_slot_begin_[w + 1]); the same for prefix ids.
  std::vector<uint32_t> word_slot_begin_, word_slots_, prefix_slot_begin_, prefix_slots_;
  // Slot s is held by patterns slot_pattern_{block,index}_[slot_pattern_begin_[s] ..
  // slot_pattern_begin_[s + 1]), sorted by block, then pattern index.
  std::vector<uint32_t> slot_pattern_begin_, slot_pattern_block_, slot_pattern_index_;
  size_t max_block_patterns_ = 0;
  // TokenIds of every vocabulary word (CSR).
  std::vector<uint32_t> word_token_begin_, word_token_ids_;
  // The prefixes as a byte trie, so that the prefixes of a word are found in one walk
  // along its bytes: node k holds prefix prefix_at_[k] (or kNone) and its children
  // are prefix_edges_[prefix_edge_begin_[k] .. prefix_edge_begin_[k + 1]), sorted by
  // byte; the root's children are also in prefix_root_ by byte (0 = none).
  struct PrefixEdge {
    uint8_t byte;
    uint32_t child;
  };
  std::vector<uint32_t> prefix_at_, prefix_edge_begin_;
  std::vector<PrefixEdge> prefix_edges_;
  std::array<uint32_t, 256> prefix_root_{};
};

}  // namespace newsledger

#endif  // NEWSLEDGER_CODE_LEXICON_INDEX_H_

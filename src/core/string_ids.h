// string_ids.h: a compact exact string -> dense id table for per-token lookups.
//
// Open addressing over (hash tag, id) cells with the strings in one arena: a probe
// reads one 8-byte cell and, only when the 32-bit tags agree, compares the bytes, so
// a miss (most lookups of running text) touches no string. Built once, then const and
// shareable across threads. In memory only, so the hash is free to change.
#ifndef NEWSLEDGER_CORE_STRING_IDS_H_
#define NEWSLEDGER_CORE_STRING_IDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsledger {

// string -> dense id, open addressing; ids are in insertion order. In memory only,
// so the hash is free to change: 8 bytes per multiply (words are short).
class StringIds {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  static uint64_t Hash(std::string_view s);
  uint32_t Find(std::string_view s) const { return Find(s, Hash(s)); }
  uint32_t Find(std::string_view s, uint64_t hash) const;
  uint32_t Intern(std::string_view s);
  // Hints the cache that Find(s, hash) is coming.
  void Prefetch(uint64_t hash) const {
    if (!cells_.empty()) __builtin_prefetch(&cells_[hash & (cells_.size() - 1)]);
  }
  size_t size() const { return hashes_.size(); }
  std::string_view str(uint32_t id) const {
    return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

 private:
  void Grow();
  std::string arena_;              // the strings, one after another
  std::vector<uint32_t> offsets_{0};  // string id = arena_[offsets_[id], offsets_[id + 1])
  std::vector<uint64_t> hashes_;
  // Open addressing: the hash's top 32 bits and id + 1 (0 = empty), so that a miss
  // (most probes: prefixes of words) reads no string.
  struct Cell {
    uint32_t tag = 0, id = 0;
  };
  std::vector<Cell> cells_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_CORE_STRING_IDS_H_

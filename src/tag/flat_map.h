// flat_map.h: hashing helpers and a read-only open-addressing map keyed by 64-bit hashes.
//
// The tagger and lemmatizer look every feature up by a 64-bit hash of its template and
// strings; collisions between distinct features are possible but rare (2^-64 per pair)
// and harmless for a linear model. FlatMap64 is built once, then only read: a lookup is
// one multiply, a mask and usually one cache line, and it never allocates.
#ifndef NEWSLEDGER_TAG_FLAT_MAP_H_
#define NEWSLEDGER_TAG_FLAT_MAP_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hash.h"

namespace newsledger::tag {

// The stable feature hashes every model shares (src/core/hash.h).
using hash::Combine;
using hash::HashBytes;
using hash::Mix64;

// A deterministic pseudo-random generator (SplitMix64) for training: unlike the
// std:: distributions its output is the same on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return Mix64(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, n) (n > 0); the modulo bias is negligible for the sizes we draw.
  uint64_t Below(uint64_t n) { return Next() % n; }

 private:
  uint64_t state_;
};

// Read-only map from 64-bit keys to V. Key 0 is reserved for empty slots, so keys are
// stored with 0 replaced by 1 (a collision as unlikely as any other).
template <typename V>
class FlatMap64 {
 public:
  FlatMap64() = default;
  explicit FlatMap64(const std::vector<std::pair<uint64_t, V>>& items) {
    size_t cap = 16;
    while (cap < items.size() * 2) cap <<= 1;  // load factor <= 0.5
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    for (const auto& [k, v] : items) {
      uint64_t key = k ? k : 1;
      size_t i = Home(key);
      while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
      slots_[i].key = key;
      slots_[i].value = v;
    }
  }

  // The value stored for `k`, or nullptr.
  const V* Find(uint64_t k) const {
    if (slots_.empty()) return nullptr;
    uint64_t key = k ? k : 1;
    for (size_t i = Home(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  // Hints the cache that Find(k) is coming.
  void Prefetch(uint64_t k) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(k ? k : 1)]);
  }
  size_t memory() const { return slots_.size() * sizeof(Slot); }

 private:
  // Key and value side by side: a lookup touches one cache line.
  struct Slot {
    uint64_t key = 0;
    V value{};
  };
  // Keys are already well-mixed hashes: their low bits serve as the home slot.
  size_t Home(uint64_t key) const { return static_cast<size_t>(key) & mask_; }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_FLAT_MAP_H_

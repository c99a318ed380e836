// hash.h: stable 64-bit hashing for hashed model features.
//
// Model files depend on these values, so they must not change across platforms or
// releases: FNV-1a over the bytes, finished with SplitMix64's mixer.
#ifndef NEWSLEDGER_CORE_HASH_H_
#define NEWSLEDGER_CORE_HASH_H_

#include <cstdint>
#include <string_view>

// In its own namespace: other stages define helpers of the same names, and two
// different definitions of one inline name would break the one-definition rule.
namespace newsledger::hash {

// SplitMix64's finaliser: a bijective mix of all 64 bits.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix64(a * 0x9E3779B97F4A7C15ULL + b); }
inline uint64_t Combine(uint64_t a, uint64_t b, uint64_t c) { return Combine(Combine(a, b), c); }

}  // namespace newsledger::hash

#endif  // NEWSLEDGER_CORE_HASH_H_

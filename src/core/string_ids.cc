#include "core/string_ids.h"

#include <algorithm>
#include <cstring>

#include "core/hash.h"

namespace newsledger {

uint64_t StringIds::Hash(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    h = hash::Mix64(h ^ x);
  }
  uint64_t x = 0;
  if (i < s.size()) std::memcpy(&x, s.data() + i, s.size() - i);
  return hash::Mix64(h ^ x ^ 0xA5A5A5A5A5A5A5A5ULL);
}

uint32_t StringIds::Find(std::string_view s, uint64_t h) const {
  if (cells_.empty()) return kNone;
  const size_t mask = cells_.size() - 1;
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Cell& cell = cells_[i];
    if (cell.id == 0) return kNone;
    if (cell.tag != tag) continue;
    const uint32_t id = cell.id - 1, b = offsets_[id], e = offsets_[id + 1];
    if (e - b != s.size()) continue;
    const char* x = arena_.data() + b;
    size_t k = 0;
    while (k < s.size() && x[k] == s[k]) ++k;
    if (k == s.size()) return id;
  }
}

uint32_t StringIds::Intern(std::string_view s) {
  const uint64_t h = Hash(s);
  if (uint32_t id = Find(s, h); id != kNone) return id;
  if ((size() + 1) * 2 > cells_.size()) Grow();
  const size_t mask = cells_.size() - 1;
  size_t i = h & mask;
  while (cells_[i].id != 0) i = (i + 1) & mask;
  arena_.append(s);
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  hashes_.push_back(h);
  cells_[i] = Cell{static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(size())};
  return static_cast<uint32_t>(size() - 1);
}

void StringIds::Grow() {
  cells_.assign(std::max<size_t>(64, cells_.size() * 2), Cell{});
  const size_t mask = cells_.size() - 1;
  for (size_t id = 0; id < size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (cells_[i].id != 0) i = (i + 1) & mask;
    cells_[i] = Cell{static_cast<uint32_t>(hashes_[id] >> 32), static_cast<uint32_t>(id + 1)};
  }
}

}  // namespace newsledger

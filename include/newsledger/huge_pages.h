// huge_pages.h: an allocator for large tables probed at random.
//
// Blocks of 2 MB or more are aligned to 2 MB and marked for transparent huge pages
// (madvise; a hint, harmless where unsupported), so that a random probe into tens of
// MB of weights or score rows costs a cache miss but rarely a page-table walk too
// (the TLB covers only a few MB in 4 KB pages). Smaller blocks use operator new.
#ifndef NEWSLEDGER_HUGE_PAGES_H_
#define NEWSLEDGER_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace newsledger {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHuge) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHuge) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace newsledger

#endif  // NEWSLEDGER_HUGE_PAGES_H_

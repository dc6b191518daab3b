#pragma once
// One hyperscan scratch per thread, grown to fit every database this thread has
// matched with (hs_alloc_scratch on an existing scratch makes it valid for one
// more database). Shared by the pattern set and the brand table, which scan
// every checked message.
#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace antoan::scam {

struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fitted;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
  hs_scratch_t* for_db(const hs_database_t* db, std::uint64_t serial) {
    if (std::find(fitted.begin(), fitted.end(), serial) == fitted.end()) {
      if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return nullptr;
      fitted.push_back(serial);
    }
    return scratch;
  }
};

// The scratch of the calling thread.
inline ThreadScratch& thread_scratch() {
  thread_local ThreadScratch cache;
  return cache;
}

// A process-unique number for each compiled database (keys the scratch cache).
inline std::uint64_t next_database_serial() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1);
}

}  // namespace antoan::scam

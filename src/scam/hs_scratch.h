#pragma once
// One hyperscan scratch per thread, grown to fit every database this thread has
// matched with (hs_alloc_scratch on an existing scratch makes it valid for one
// more database). Shared by the pattern set and the brand table, which scan
// every checked message.
#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string_view>
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

// The ids of the expressions of `db` found in `text`, each once, ascending.
inline std::vector<int> scan_ids(const hs_database_t* db, std::uint64_t serial, std::string_view text) {
  std::vector<int> hits;
  hs_scratch_t* scratch = thread_scratch().for_db(db, serial);
  if (!scratch || text.empty()) return hits;
  auto on_match = [](unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) -> int {
    static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
    return 0;
  };
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  return hits;
}

}  // namespace antoan::scam

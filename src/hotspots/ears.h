#pragma once
// EARS C2 (CDC's Early Aberration Reporting System, method C2): a simple per-area daily alert
// for small counts, shown beside the space-time scan and labelled 'ears_c2'. Today's count x
// is compared with a 7-day baseline that ends 2 days before today (the 2-day guard band keeps
// an outbreak's start out of its own baseline): z = (x − mean) / max(sd, min_sd); alert when
// z > 3 and x ≥ min_count. No p-value: it is a screening rule, not a test.
#include <cstdint>
#include <vector>

namespace antoan::hotspots {

struct EarsC2Options {
  int baseline_days = 7;
  int guard_days = 2;
  double threshold = 3.0;
  double min_sd = 0.5;  // floor so that a silent baseline does not divide by zero
  std::int64_t min_count = 2;
};

struct EarsC2Result {
  bool enough_history = false;  // baseline + guard days available before today
  double mean = 0;
  double sd = 0;
  double statistic = 0;
  bool alert = false;
};

// `daily_counts` ends with today's count (the as-of day) at the back.
EarsC2Result ears_c2(const std::vector<std::int64_t>& daily_counts, const EarsC2Options& options = {});

}  // namespace antoan::hotspots

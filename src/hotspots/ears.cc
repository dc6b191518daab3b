#include "hotspots/ears.h"

#include <algorithm>
#include <cmath>

namespace antoan::hotspots {

EarsC2Result ears_c2(const std::vector<std::int64_t>& counts, const EarsC2Options& o) {
  EarsC2Result r;
  const auto need = static_cast<std::size_t>(o.baseline_days + o.guard_days + 1);
  if (o.baseline_days < 2 || counts.size() < need) return r;
  r.enough_history = true;
  const std::size_t today = counts.size() - 1;
  const std::size_t end = today - static_cast<std::size_t>(o.guard_days);  // exclusive
  const std::size_t begin = end - static_cast<std::size_t>(o.baseline_days);
  double sum = 0;
  for (std::size_t i = begin; i < end; ++i) sum += static_cast<double>(counts[i]);
  r.mean = sum / o.baseline_days;
  double squares = 0;
  for (std::size_t i = begin; i < end; ++i) squares += (static_cast<double>(counts[i]) - r.mean) * (static_cast<double>(counts[i]) - r.mean);
  r.sd = std::sqrt(squares / (o.baseline_days - 1));
  const double x = static_cast<double>(counts[today]);
  r.statistic = (x - r.mean) / std::max(r.sd, o.min_sd);
  r.alert = r.statistic > o.threshold && counts[today] >= o.min_count;
  return r;
}

}  // namespace antoan::hotspots

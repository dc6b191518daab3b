#pragma once
// Synthetic reports for the hotspot benchmark and `hotspots_gen`: `locations` sites around 40
// industrial parks (70%, Gaussian, sd 4 km) and scattered (30%) in a 200 × 200 km box of the
// Red River delta; site activity varies (log-normal weights); days uniform over `days` days
// with a weekly rhythm; optionally one planted cluster (extra cases in the last 5 days within
// 2 km of one site).
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "hotspots/scan.h"

namespace antoan::bench {

struct SyntheticSpec {
  std::int64_t reports = 1000000;
  int locations = 10000;
  int days = 180;
  std::int32_t as_of_day = 20270;  // 2025-07-01
  std::uint64_t seed = 1;
  int planted_cases = 0;  // 0 = no cluster
};

inline hotspots::ScanInput make_synthetic(const SyntheticSpec& spec) {
  std::mt19937_64 rng(spec.seed);
  hotspots::ScanInput in;
  in.as_of_day = spec.as_of_day;
  const double lat0 = 20.3, lon0 = 105.2, km_lat = 1 / 111.0, km_lon = 1 / (111.0 * std::cos(21.0 * M_PI / 180));
  std::uniform_real_distribution<double> box(0, 200);
  std::normal_distribution<double> spread(0, 4);
  std::vector<std::pair<double, double>> parks(40);
  for (auto& p : parks) p = {box(rng), box(rng)};
  std::uniform_int_distribution<std::size_t> park(0, parks.size() - 1);
  std::bernoulli_distribution clustered(0.7);
  for (int i = 0; i < spec.locations; ++i) {
    double x, y;
    if (clustered(rng)) {
      const auto& p = parks[park(rng)];
      x = p.first + spread(rng);
      y = p.second + spread(rng);
    } else {
      x = box(rng);
      y = box(rng);
    }
    in.locations.push_back({lat0 + y * km_lat, lon0 + x * km_lon});
  }
  std::lognormal_distribution<double> activity(0, 1);
  std::vector<double> weights(static_cast<std::size_t>(spec.locations));
  for (auto& w : weights) w = activity(rng);
  std::discrete_distribution<std::uint32_t> site(weights.begin(), weights.end());
  std::vector<double> day_weights(static_cast<std::size_t>(spec.days));
  for (int d = 0; d < spec.days; ++d) day_weights[static_cast<std::size_t>(d)] = (d % 7 == 0 || d % 7 == 6) ? 0.6 : 1.0;
  std::discrete_distribution<int> day(day_weights.begin(), day_weights.end());
  in.cases.reserve(static_cast<std::size_t>(spec.reports + spec.planted_cases));
  for (std::int64_t i = 0; i < spec.reports; ++i) in.cases.push_back({site(rng), spec.as_of_day - day(rng)});
  if (spec.planted_cases > 0) {
    std::vector<std::uint32_t> near;
    for (std::uint32_t z = 0; z < in.locations.size(); ++z)
      if (hotspots::great_circle_km(in.locations[0], in.locations[z]) <= 2) near.push_back(z);
    std::uniform_int_distribution<std::size_t> pick(0, near.size() - 1);
    std::uniform_int_distribution<int> recent(0, 4);
    for (int i = 0; i < spec.planted_cases; ++i) in.cases.push_back({near[pick(rng)], spec.as_of_day - recent(rng)});
  }
  return in;
}

}  // namespace antoan::bench

#pragma once
// A brute-force reference of the space-time permutation scan for tests and the benchmark:
// every centre, every prefix of its neighbours sorted by distance, every window, counting
// cases directly. No neighbour lists, no prefix sums, no pruning; deliberately independent of
// scan_engine.cc except for the engine's list of recent cases it is given. Header-only and
// not part of the library's API.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "hotspots/scan.h"
#include "hotspots/scan_engine.h"

namespace antoan::hotspots::reference {

struct Cylinder {
  double llr = 0;
  std::uint32_t center = 0;
  std::set<std::uint32_t> locations;
  int window = 0;
  std::int64_t observed = 0;
  double expected = 0;
};

inline double reference_llr(double c, double mu, double total) {
  if (c <= mu) return 0;
  double second = (total == c) ? 0.0 : (total - c) * std::log((total - c) / (total - mu));
  return c * std::log(c / mu) + second;
}

inline double chord(const GeoPoint& a, const GeoPoint& b) {
  auto xyz = [](const GeoPoint& p) {
    const double r = 6367.0, la = p.lat * M_PI / 180, lo = p.lon * M_PI / 180;
    return std::array<double, 3>{r * std::cos(la) * std::cos(lo), r * std::cos(la) * std::sin(lo), r * std::sin(la)};
  };
  auto p = xyz(a), q = xyz(b);
  return std::sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
}

// Evaluates every cylinder: every centre, every prefix of its neighbours sorted by distance,
// every window 1..W, counting cases directly from the recent-case list.
inline Cylinder brute_force(const ScanInput& in, const ScanOptions& o, const std::vector<ScanEngine::RecentCase>& recent) {
  std::map<std::uint32_t, std::int64_t> location_total;
  std::map<int, std::int64_t> age_total;
  std::int32_t first = in.as_of_day;
  for (const auto& c : in.cases) first = std::min(first, c.day);
  std::int64_t C = 0;
  for (const auto& c : in.cases) {
    ++location_total[c.location];
    ++age_total[in.as_of_day - c.day];
    ++C;
  }
  const int days = in.as_of_day - first + 1;
  const int W = std::min(o.max_days, days / 2);
  const double cap = 2 * 6367.0 * std::sin(o.max_radius_km / 6367.0 / 2) * (1 + 1e-12);
  Cylinder best;
  for (const auto& [centre, centre_total] : location_total) {
    std::vector<std::uint32_t> others;
    for (const auto& [z, t] : location_total)
      if (chord(in.locations[centre], in.locations[z]) <= cap) others.push_back(z);
    std::sort(others.begin(), others.end(), [&](std::uint32_t a, std::uint32_t b) {
      const double da = chord(in.locations[centre], in.locations[a]), db = chord(in.locations[centre], in.locations[b]);
      if (da != db) return da < db;
      if (in.locations[a].lat != in.locations[b].lat) return in.locations[a].lat < in.locations[b].lat;
      return in.locations[a].lon < in.locations[b].lon;
    });
    std::set<std::uint32_t> circle;
    std::int64_t S = 0;
    for (std::uint32_t z : others) {
      S += location_total[z];
      if (static_cast<double>(S) > o.max_population_share * static_cast<double>(C)) break;
      circle.insert(z);
      for (int w = 1; w <= W; ++w) {
        std::int64_t c = 0, T = 0;
        for (const auto& r : recent)
          if (r.age < w && circle.count(r.location)) ++c;
        for (int a = 0; a < w; ++a) T += age_total.count(a) ? age_total[a] : 0;
        const double mu = static_cast<double>(S) * (static_cast<double>(T) / static_cast<double>(C));
        if (c < o.min_cases) continue;
        const double llr = reference_llr(static_cast<double>(c), mu, static_cast<double>(C));
        if (llr > best.llr) best = Cylinder{llr, centre, circle, w, c, mu};
      }
    }
  }
  return best;
}

}  // namespace antoan::hotspots::reference

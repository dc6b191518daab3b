// hotspots_gen: writes a synthetic reports CSV (id,category,lat,lon,date) for `antoan
// hotspots`, from the same generator as hotspots_bench.
//   hotspots_gen REPORTS LOCATIONS DAYS [SEED] [PLANTED] > reports.csv
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/hotspots_data.h"
#include "hotspots/days.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: hotspots_gen REPORTS LOCATIONS DAYS [SEED] [PLANTED] > reports.csv\n");
    return 2;
  }
  antoan::bench::SyntheticSpec spec;
  spec.reports = std::atoll(argv[1]);
  spec.locations = std::atoi(argv[2]);
  spec.days = std::atoi(argv[3]);
  if (argc > 4) spec.seed = std::strtoull(argv[4], nullptr, 10);
  if (argc > 5) spec.planted_cases = std::atoi(argv[5]);
  auto in = antoan::bench::make_synthetic(spec);
  std::printf("id,category,lat,lon,date\n");
  std::int64_t id = 0;
  for (const auto& c : in.cases) {
    const auto& p = in.locations[c.location];
    std::printf("%lld,scam,%.6f,%.6f,%s\n", static_cast<long long>(++id), p.lat, p.lon,
                antoan::hotspots::format_day(c.day).c_str());
  }
  std::fprintf(stderr, "as-of day: %s\n", antoan::hotspots::format_day(spec.as_of_day).c_str());
  return 0;
}

// hotspots_bench: times the space-time permutation scan on synthetic data (see
// hotspots_data.h) and compares it with the brute-force reference on a small input.
//   hotspots_bench [--reports N] [--locations L] [--days D] [--max-days W] [--radius KM]
//                  [--replications R] [--threads T] [--planted K] [--brute | --brute-large]
// Results and commands: docs/benchmarks.md, "Hotspot scan".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench/hotspots_data.h"
#include "hotspots/brute_force_reference.h"
#include "hotspots/days.h"
#include "hotspots/scan.h"
#include "hotspots/scan_engine.h"

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void print_top(const antoan::hotspots::ScanResult& r, const antoan::hotspots::ScanInput& in) {
  if (r.clusters.empty()) {
    std::printf("no cluster\n");
    return;
  }
  const auto& c = r.clusters[0];
  std::printf("top cluster: centre (%.4f, %.4f) r=%.2f km %s..%s observed %lld expected %.2f LLR %.3f p %.4f (%zu clusters)\n",
              in.locations[c.center].lat, in.locations[c.center].lon, c.radius_km,
              antoan::hotspots::format_day(c.start_day).c_str(), antoan::hotspots::format_day(c.end_day).c_str(),
              static_cast<long long>(c.observed), c.expected, c.llr, c.p_value, r.clusters.size());
}

// Engine vs brute force, single thread, same small input and replications.
int run_brute_comparison(bool large) {
  using namespace antoan::hotspots;
  antoan::bench::SyntheticSpec spec;
  spec.reports = large ? 10000 : 2000;
  spec.locations = large ? 400 : 100;
  spec.days = large ? 90 : 60;
  spec.planted_cases = 40;
  const int replications = large ? 19 : 99;
  ScanInput in = antoan::bench::make_synthetic(spec);
  ScanOptions o;
  o.max_radius_km = 10;
  o.max_days = large ? 14 : 7;
  o.replications = replications;
  o.threads = 1;
  auto t0 = Clock::now();
  auto fast = run_scan(in, o);
  const double fast_s = seconds_since(t0);
  if (!fast.ok()) return 1;
  auto engine = ScanEngine::create(in, o);
  if (!engine.ok()) return 1;
  t0 = Clock::now();
  auto top = reference::brute_force(in, o, (*engine)->observed_recent());
  int mismatches = 0;
  for (int rep = 0; rep < replications; ++rep) {
    auto r = reference::brute_force(in, o, (*engine)->replica_recent(static_cast<std::uint64_t>(rep)));
    if (std::abs(r.llr - fast->replica_max_llr[static_cast<std::size_t>(rep)]) > 1e-9 * (1 + r.llr)) ++mismatches;
  }
  const double brute_s = seconds_since(t0);
  std::printf("brute force: %d locations, %lld cases, %d days, max %d days, %d replications, 1 thread\n",
              spec.locations, static_cast<long long>(in.cases.size()), spec.days, o.max_days, replications);
  std::printf("  engine %.4f s, brute force %.3f s, ratio %.0fx; top LLR engine %.6f brute %.6f; replica mismatches %d\n",
              fast_s, brute_s, brute_s / fast_s, fast->clusters.empty() ? 0.0 : fast->clusters[0].llr, top.llr,
              mismatches);
  return mismatches == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace antoan::hotspots;
  antoan::bench::SyntheticSpec spec;
  ScanOptions o;
  bool brute = false, brute_large = false;
  for (int i = 1; i < argc; ++i) {
    auto next = [&] { return i + 1 < argc ? argv[++i] : (std::fprintf(stderr, "missing value\n"), std::exit(2), ""); };
    if (!std::strcmp(argv[i], "--reports")) spec.reports = std::atoll(next());
    else if (!std::strcmp(argv[i], "--locations")) spec.locations = std::atoi(next());
    else if (!std::strcmp(argv[i], "--days")) spec.days = std::atoi(next());
    else if (!std::strcmp(argv[i], "--planted")) spec.planted_cases = std::atoi(next());
    else if (!std::strcmp(argv[i], "--max-days")) o.max_days = std::atoi(next());
    else if (!std::strcmp(argv[i], "--radius")) o.max_radius_km = std::atof(next());
    else if (!std::strcmp(argv[i], "--replications")) o.replications = std::atoi(next());
    else if (!std::strcmp(argv[i], "--threads")) o.threads = std::atoi(next());
    else if (!std::strcmp(argv[i], "--brute")) brute = true;
    else if (!std::strcmp(argv[i], "--brute-large")) brute = brute_large = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  if (brute) return run_brute_comparison(brute_large);

  auto t0 = Clock::now();
  ScanInput in = antoan::bench::make_synthetic(spec);
  std::printf("data: %lld reports, %d locations, %d days (generated in %.2f s)\n",
              static_cast<long long>(in.cases.size()), spec.locations, spec.days, seconds_since(t0));
  t0 = Clock::now();
  auto engine = ScanEngine::create(in, o);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.error().message_en.c_str());
    return 1;
  }
  const double prepare_s = seconds_since(t0);
  t0 = Clock::now();
  auto clusters = (*engine)->observed_clusters(o.max_clusters);
  const double observed_s = seconds_since(t0);
  std::printf("prepare %.3f s (neighbour entries ΣK = %zu, window %d days, radius %.1f km); observed scan %.3f s\n",
              prepare_s, (*engine)->neighbor_entries(), (*engine)->window_days(), o.max_radius_km, observed_s);
  // End to end through the public entry point (what the CLI and the daily job call).
  t0 = Clock::now();
  auto result = run_scan(in, o);
  if (!result.ok()) return 1;
  const double total_s = seconds_since(t0);
  const double reps_s = total_s - prepare_s - observed_s;
  std::printf("run_scan end to end %.2f s: %d replications ≈ %.2f s (%.1f ms per replication per thread, %d threads)\n",
              total_s, o.replications, reps_s, o.replications ? reps_s * 1000 * (o.threads ? o.threads : 2) / o.replications : 0,
              o.threads ? o.threads : 2);
  print_top(*result, in);
  return 0;
}

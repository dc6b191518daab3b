// Tests of the space-time permutation scan engine against a brute-force reference written
// here (no pruning, no neighbour lists, no prefix sums), on the observed data and on seeded
// replications; planted clusters, null data, degenerate inputs, thread-count independence,
// and the invariants Σμ = C and unchanged margins.
#include "hotspots/scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "hotspots/brute_force_reference.h"
#include "hotspots/scan_engine.h"

namespace antoan::hotspots {
namespace {

using reference::brute_force;
using reference::Cylinder;

// ---- Generators --------------------------------------------------------------------------

constexpr std::int32_t kAsOf = 20000;  // 2024-10-04

// `n_locations` points in a ~20 km box around Bắc Ninh, `n_cases` cases spread uniformly
// over `days` days ending on kAsOf.
ScanInput random_input(std::uint32_t seed, int n_locations, int n_cases, int days) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> lat(21.05, 21.25), lon(105.95, 106.15);
  ScanInput in;
  in.as_of_day = kAsOf;
  for (int i = 0; i < n_locations; ++i) in.locations.push_back({lat(rng), lon(rng)});
  std::uniform_int_distribution<int> loc(0, n_locations - 1), day(0, days - 1);
  for (int i = 0; i < n_cases; ++i)
    in.cases.push_back({static_cast<std::uint32_t>(loc(rng)), kAsOf - day(rng)});
  return in;
}

ScanOptions small_options() {
  ScanOptions o;
  o.max_radius_km = 6;
  o.max_days = 7;
  o.replications = 19;
  o.seed = 7;
  o.threads = 2;
  return o;
}

// Adds `extra` cases in the last `days` days at the locations within `radius_km` of location 0.
std::set<std::uint32_t> plant_cluster(ScanInput& in, std::uint32_t seed, int extra, int days, double radius_km) {
  std::mt19937 rng(seed);
  std::vector<std::uint32_t> near;
  for (std::uint32_t z = 0; z < in.locations.size(); ++z)
    if (great_circle_km(in.locations[0], in.locations[z]) <= radius_km) near.push_back(z);
  std::uniform_int_distribution<std::size_t> pick(0, near.size() - 1);
  std::uniform_int_distribution<int> day(0, days - 1);
  for (int i = 0; i < extra; ++i) in.cases.push_back({near[pick(rng)], kAsOf - day(rng)});
  return {near.begin(), near.end()};
}

// ---- Tests -------------------------------------------------------------------------------

TEST(ScanEngine, MatchesBruteForceOnObservedDataAndReplications) {
  int with_cluster = 0;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    ScanInput in = random_input(seed, 6 + static_cast<int>(seed % 10), 40 + 25 * static_cast<int>(seed), 20 + static_cast<int>(seed));
    if (seed % 3 == 0) plant_cluster(in, seed, 15, 3, 3);
    ScanOptions o = small_options();
    o.max_radius_km = 3 + seed % 5;
    auto engine = ScanEngine::create(in, o);
    ASSERT_TRUE(engine.ok()) << engine.error().message_en;
    ASSERT_TRUE((*engine)->can_scan());

    Cylinder ref = brute_force(in, o, (*engine)->observed_recent());
    auto clusters = (*engine)->observed_clusters(5);
    if (ref.llr == 0) {
      EXPECT_TRUE(clusters.empty()) << "seed " << seed;
    } else {
      ++with_cluster;
      ASSERT_FALSE(clusters.empty()) << "seed " << seed;
      EXPECT_NEAR(clusters[0].llr, ref.llr, 1e-9 * ref.llr) << "seed " << seed;
      EXPECT_EQ(clusters[0].observed, ref.observed) << "seed " << seed;
      EXPECT_NEAR(clusters[0].expected, ref.expected, 1e-9 * ref.expected) << "seed " << seed;
      EXPECT_EQ(clusters[0].end_day - clusters[0].start_day + 1, ref.window) << "seed " << seed;
      EXPECT_EQ(std::set<std::uint32_t>(clusters[0].locations.begin(), clusters[0].locations.end()), ref.locations)
          << "seed " << seed;
    }
    auto scratch = (*engine)->make_scratch();
    for (std::uint64_t rep = 0; rep < 6; ++rep) {
      Cylinder rref = brute_force(in, o, (*engine)->replica_recent(rep));
      EXPECT_NEAR((*engine)->replica_max_llr(rep, *scratch), rref.llr, 1e-9 * (1 + rref.llr))
          << "seed " << seed << " rep " << rep;
    }
  }
  EXPECT_GE(with_cluster, 6);  // the comparison is not vacuous
}

TEST(ScanEngine, ExpectedCountsSumToTotalAndReplicasKeepMargins) {
  ScanInput in = random_input(42, 15, 500, 40);
  ScanOptions o = small_options();
  auto engine = ScanEngine::create(in, o);
  ASSERT_TRUE(engine.ok());
  const ScanEngine& e = **engine;
  double sum = 0;
  for (std::uint32_t z = 0; z < in.locations.size(); ++z)
    for (int d = 0; d < e.study_days(); ++d) sum += e.expected_cell(z, d);
  EXPECT_NEAR(sum, static_cast<double>(e.total_cases()), 1e-6);
  EXPECT_EQ(e.total_cases(), 500);

  auto observed = e.observed_recent();
  for (std::uint64_t rep : {0u, 1u, 17u}) {
    auto replica = e.replica_recent(rep);
    ASSERT_EQ(replica.size(), observed.size());
    std::map<int, int> ages_obs, ages_rep;
    std::map<std::uint32_t, int> per_location;
    for (const auto& r : observed) ++ages_obs[r.age];
    for (const auto& r : replica) {
      ++ages_rep[r.age];
      ++per_location[r.location];
    }
    EXPECT_EQ(ages_obs, ages_rep);  // the day margin survives the permutation
    for (const auto& [z, n] : per_location) EXPECT_LE(n, e.location_total(z));
    // Same replication index, same draw.
    auto again = e.replica_recent(rep);
    ASSERT_EQ(again.size(), replica.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
      EXPECT_EQ(again[i].location, replica[i].location);
      EXPECT_EQ(again[i].age, replica[i].age);
    }
  }
}

TEST(RunScan, SameResultWithOneAndTwoThreads) {
  ScanInput in = random_input(5, 30, 800, 60);
  plant_cluster(in, 5, 20, 4, 2);
  ScanOptions o = small_options();
  o.replications = 49;
  o.threads = 1;
  auto one = run_scan(in, o);
  o.threads = 2;
  auto two = run_scan(in, o);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->replica_max_llr, two->replica_max_llr);
  ASSERT_EQ(one->clusters.size(), two->clusters.size());
  for (std::size_t i = 0; i < one->clusters.size(); ++i) {
    EXPECT_EQ(one->clusters[i].llr, two->clusters[i].llr);
    EXPECT_EQ(one->clusters[i].p_value, two->clusters[i].p_value);
  }
}

TEST(RunScan, FindsPlantedClusterWithSmallPValue) {
  for (std::uint32_t seed = 100; seed < 103; ++seed) {
    ScanInput in = random_input(seed, 120, 3000, 90);
    auto planted = plant_cluster(in, seed, 40, 5, 1.5);
    ScanOptions o = small_options();
    o.max_radius_km = 3;
    o.replications = 99;
    o.seed = seed;
    auto r = run_scan(in, o);
    ASSERT_TRUE(r.ok()) << r.error().message_en;
    ASSERT_FALSE(r->clusters.empty());
    const Cluster& top = r->clusters[0];
    EXPECT_LT(top.p_value, 0.05) << "seed " << seed;
    EXPECT_EQ(top.end_day, kAsOf);
    EXPECT_GT(top.observed, top.expected);
    // Most of the cluster's locations are planted ones, and the window is short.
    int planted_inside = 0;
    for (auto z : top.locations) planted_inside += planted.count(z) ? 1 : 0;
    EXPECT_GT(planted_inside * 2, static_cast<int>(top.locations.size())) << "seed " << seed;
    EXPECT_LE(top.end_day - top.start_day + 1, 7);
    // Clusters come sorted and secondary clusters share no location with stronger ones.
    std::set<std::uint32_t> used;
    for (std::size_t i = 0; i < r->clusters.size(); ++i) {
      if (i) {
        EXPECT_LE(r->clusters[i].llr, r->clusters[i - 1].llr);
      }
      for (auto z : r->clusters[i].locations) EXPECT_TRUE(used.insert(z).second);
    }
  }
}

TEST(RunScan, NullDataMostlyGivesLargePValues) {
  int large = 0;
  const int runs = 10;
  for (std::uint32_t seed = 200; seed < 200 + runs; ++seed) {
    ScanInput in = random_input(seed, 40, 1000, 60);
    ScanOptions o = small_options();
    o.replications = 39;
    o.seed = seed;
    auto r = run_scan(in, o);
    ASSERT_TRUE(r.ok());
    if (r->clusters.empty() || r->clusters[0].p_value > 0.05) ++large;
  }
  EXPECT_GE(large, 8);
}

TEST(RunScan, DegenerateInputsGiveAnEmptyResultWithANote) {
  ScanOptions o = small_options();
  ScanInput empty;
  empty.as_of_day = kAsOf;
  auto r = run_scan(empty, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  ASSERT_FALSE(r->notes.empty());
  EXPECT_NE(r->notes[0].find("no cases"), std::string::npos);

  ScanInput one_day = random_input(3, 10, 100, 1);
  r = run_scan(one_day, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  ASSERT_FALSE(r->notes.empty());
  EXPECT_NE(r->notes[0].find("at least 2 days"), std::string::npos);

  // Everything on one old day, with a declared study period: no recent cases.
  ScanInput old_day = random_input(3, 10, 100, 1);
  for (auto& c : old_day.cases) c.day = kAsOf - 30;
  old_day.first_day = kAsOf - 40;
  r = run_scan(old_day, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  ASSERT_FALSE(r->notes.empty());
  EXPECT_NE(r->notes[0].find("no cases in the last"), std::string::npos);

  // One location: the only circle holds 100% of the cases, above the 50% cap.
  ScanInput one_location = random_input(4, 1, 200, 30);
  r = run_scan(one_location, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  EXPECT_FALSE(r->notes.empty());

  // Cases after the as-of day are ignored and counted.
  ScanInput future = random_input(6, 10, 100, 20);
  future.cases.push_back({0, kAsOf + 3});
  r = run_scan(future, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ignored_cases, 1);
  EXPECT_EQ(r->total_cases, 100);
}

TEST(RunScan, RejectsBadOptionsAndBadInput) {
  ScanInput in = random_input(1, 5, 50, 20);
  ScanOptions o = small_options();
  o.max_radius_km = -1;
  auto r = run_scan(in, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "max_radius_km");
  o = small_options();
  o.max_days = 0;
  EXPECT_EQ(run_scan(in, o).error().field, "max_days");
  o = small_options();
  o.replications = -5;
  EXPECT_EQ(run_scan(in, o).error().field, "replications");
  o = small_options();
  o.max_population_share = 0.9;
  EXPECT_EQ(run_scan(in, o).error().field, "max_population_share");

  ScanInput bad_location = in;
  bad_location.cases.push_back({99, kAsOf});
  EXPECT_EQ(run_scan(bad_location, small_options()).error().field, "cases");
  ScanInput bad_point = in;
  bad_point.locations[0].lat = 123;
  EXPECT_EQ(run_scan(bad_point, small_options()).error().field, "locations");
}

TEST(RunScan, CancelStopsTheReplications) {
  ScanInput in = random_input(9, 30, 800, 60);
  plant_cluster(in, 9, 30, 3, 2);
  std::atomic<bool> cancel{true};
  ScanOptions o = small_options();
  o.cancel = &cancel;
  auto r = run_scan(in, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::unavailable);
}

TEST(LogLikelihoodRatio, IsZeroWithoutExcessAndMatchesTheFormula) {
  EXPECT_EQ(log_likelihood_ratio(3, 5, 100), 0);
  EXPECT_EQ(log_likelihood_ratio(5, 5, 100), 0);
  EXPECT_NEAR(log_likelihood_ratio(10, 2, 100), 10 * std::log(5.0) + 90 * std::log(90.0 / 98.0), 1e-12);
  EXPECT_NEAR(log_likelihood_ratio(100, 50, 100), 100 * std::log(2.0), 1e-12);
}

}  // namespace
}  // namespace antoan::hotspots

#pragma once
// The prospective space-time permutation scan statistic (Kulldorff et al., 2005), computed
// with SaTScan's conventions (see /work/shared/HOTSPOTS.md and docs/hotspots.md). A pure
// library: no database, no HTTP; the CLI and the daily job are thin adapters around run_scan.
//
// Model. Cases have a location and a day. For a cylinder A (a circle of locations Z × a time
// window D ending on the as-of day) the expected count is μ_A = S(Z)·T(D)/C, with S the cases
// at those locations over the whole study period, T the cases on those days and C all cases.
// The log-likelihood ratio is c·ln(c/μ) + (C−c)·ln((C−c)/(C−μ)) when c > μ (else 0). The most
// likely cluster maximises it; its p-value comes from Monte Carlo replications that shuffle
// the days among the cases (each case keeps its location): p = rank/(R+1).
//
// Caveat for users: the permutation model only uses cases. If the population at risk at a
// place grows or shrinks during the study period (a new factory, a dormitory closing) the
// scan can flag a spurious cluster. Keep the study period at most about one year.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "hotspots/geo.h"

namespace antoan::hotspots {

// One case: an index into ScanInput::locations and a day (days since 1970-01-01, the local
// calendar day the caller chose; the adapters use Vietnam time).
struct ScanCase {
  std::uint32_t location = 0;
  std::int32_t day = 0;
};

// Distinct locations (identical coordinates must be merged by the caller; LocationIndex in
// scan_input.h does it) and the cases. Cases after as_of_day or before first_day are ignored.
struct ScanInput {
  std::vector<GeoPoint> locations;
  std::vector<ScanCase> cases;
  std::int32_t as_of_day = 0;
  std::optional<std::int32_t> first_day;  // study start; default: the earliest case day
};

struct ScanOptions {
  double max_radius_km = 5.0;          // great-circle cap on a circle's radius
  double max_population_share = 0.5;   // circle cap: share of all cases (SaTScan's "population")
  int max_days = 30;                   // longest window; also capped at half the study period
  int replications = 999;              // Monte Carlo replications (0 = no p-values)
  std::uint64_t seed = 12345;          // replication r uses a stream derived from (seed, r)
  int threads = 0;                     // 0 = all hardware threads
  int min_cases = 2;                   // a high-rate cluster needs at least this many cases
  int max_clusters = 10;               // primary + non-overlapping secondary clusters reported
  // Called now and then with (replications done, total); from a worker thread.
  std::function<void(int, int)> progress;
  // When set and true, the scan stops between replications with ErrorCode::unavailable.
  const std::atomic<bool>* cancel = nullptr;
};

struct Cluster {
  std::uint32_t center = 0;              // index into ScanInput::locations
  double radius_km = 0;                  // great-circle distance to the farthest location
  std::vector<std::uint32_t> locations;  // indices into ScanInput::locations, nearest first
  std::int32_t start_day = 0;            // first day of the window (days since epoch)
  std::int32_t end_day = 0;              // = as_of_day
  std::int64_t observed = 0;
  double expected = 0;
  double llr = 0;
  double p_value = 1;                    // rank/(R+1); 1 when no replications were run
  double recurrence_interval_days = 0;   // 1/p for daily data
};

struct ScanResult {
  std::vector<Cluster> clusters;       // by llr, descending; [0] is the most likely cluster
  std::int64_t total_cases = 0;        // C, cases inside the study period
  std::int64_t ignored_cases = 0;      // cases outside [first_day, as_of_day]
  std::int32_t first_day = 0;
  std::int32_t study_days = 0;
  int max_window_days = 0;             // the window cap actually used
  int replications = 0;
  std::vector<double> replica_max_llr; // the maximum LLR of each replication, by index
  std::vector<std::string> notes;      // why there is no cluster (too short, no recent cases…)
};

// Validates the options (ErrorCode::invalid_argument naming the option) and runs the scan.
// Degenerate inputs (no cases, one day, no recent cases) are not errors: the result has no
// cluster and a note explaining why.
Result<ScanResult> run_scan(const ScanInput& input, const ScanOptions& options);

Status validate_options(const ScanOptions& options);

// The LLR of the permutation model; 0 when c ≤ μ.
double log_likelihood_ratio(double observed, double expected, double total);

}  // namespace antoan::hotspots

#pragma once
// ScanEngine: the prepared state of one space-time permutation scan (margins, neighbour
// lists, the observed recent cases) and the two loops that use it: the observed scan (best
// cylinder per centre, then non-overlapping clusters) and the Monte Carlo replications.
// run_scan() in scan.h is the normal entry point; the engine is public so tests can compare
// every step with a brute-force reference and the benchmark can time the parts.
//
// Speed (see HOTSPOTS.md): neighbour lists are built once with a grid index and sorted once;
// in a replication only the T_W cases whose permuted day falls in the last W days matter, so
// they are drawn without replacement (partial Fisher–Yates, undone afterwards) instead of
// shuffling all C; the per-location recent counts are prefix sums over the window ages; the
// centre walk skips neighbours without recent cases and screens all windows with a
// branch-free upper bound of the LLR before any logarithm is taken. Nothing is allocated inside a
// replication.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hotspots/scan.h"

namespace antoan::hotspots {

class ScanEngine {
 public:
  // A case of the last W days: input location index and age (0 = the as-of day).
  struct RecentCase {
    std::uint32_t location;
    int age;
  };
  // Per-thread working memory for replications (a copy of the case array and histograms),
  // allocated once per thread by make_scratch().
  struct Scratch {
    std::vector<std::uint32_t> cases;       // permuted in place, restored after each replica
    std::vector<std::uint32_t> swaps;       // partner index of each draw, to undo
    std::vector<std::uint32_t> cumulative;  // N×W recent counts, cumulative over age
    std::vector<std::uint8_t> has_recent;   // N
    std::vector<std::uint32_t> touched;     // locations with recent cases in this replica
    std::vector<std::uint32_t> acc;         // W
  };

  // Validates input and options and prepares everything. A degenerate input (no cases, a
  // study period shorter than 2 days, no recent cases) gives an engine with can_scan()
  // false and notes() saying why.
  static Result<std::unique_ptr<ScanEngine>> create(const ScanInput& input, const ScanOptions& options);
  ~ScanEngine();


 private:
  struct Key {
    explicit Key() = default;
  };

 public:
  // Constructible only through create() (the passkey is private).
  explicit ScanEngine(Key) {}

  bool can_scan() const { return can_scan_; }
  const std::vector<std::string>& notes() const { return notes_; }
  std::int64_t total_cases() const { return total_; }
  std::int64_t ignored_cases() const { return ignored_; }
  std::int32_t first_day() const { return first_day_; }
  std::int32_t as_of_day() const { return as_of_day_; }
  int study_days() const { return days_; }
  int window_days() const { return window_; }
  // Total neighbour entries over all centres (ΣK), the main cost driver of a replication.
  std::size_t neighbor_entries() const { return nb_loc_.size(); }

  // Margins (input location index; day index 0 = first_day).
  std::int64_t location_total(std::uint32_t input_location) const;
  std::int64_t day_total(int day_index) const;
  // μ of one (location, day) cell: C_z·C_d/C. Summed over all cells it is C.
  double expected_cell(std::uint32_t input_location, int day_index) const;

  std::vector<RecentCase> observed_recent() const;
  // The recent cases replication `rep` draws (deterministic in (seed, rep)).
  std::vector<RecentCase> replica_recent(std::uint64_t rep) const;

  std::unique_ptr<Scratch> make_scratch() const;
  // Maximum LLR over all cylinders of replication `rep` (0 when no high-rate cylinder).
  double replica_max_llr(std::uint64_t rep, Scratch& scratch) const;
  // The most likely cluster and the secondary clusters that share no location with a
  // stronger one, at most `max_clusters`, without p-values.
  std::vector<Cluster> observed_clusters(int max_clusters) const;
  // Runs replications 0..count-1 on `threads` threads; the result is indexed by replication
  // and does not depend on the thread count.
  Result<std::vector<double>> run_replications(int count, int threads) const;

 private:
  struct CentreBest {
    double llr = 0;
    std::size_t entry = 0;  // index of the circle's last neighbour entry
    int window = 0;
    std::uint32_t observed = 0;
    double expected = 0;
  };
  Status prepare(const ScanInput& input);
  void build_neighbors();
  void draw_replica(std::uint64_t rep, Scratch& scratch) const;
  // Fills cumulative recent counts (N×W) from (compact location, age) pairs.
  template <bool kPerCentre>
  double scan_centres(const std::uint32_t* cumulative, const std::uint8_t* has_recent,
                      std::uint32_t* acc, CentreBest* per_centre) const;

  ScanOptions options_;
  bool can_scan_ = false;
  std::vector<std::string> notes_;
  std::int64_t total_ = 0, ignored_ = 0;
  std::int32_t first_day_ = 0, as_of_day_ = 0;
  int days_ = 0, window_ = 0;

  // Compact locations: only those with cases in the study period.
  std::vector<std::uint32_t> input_of_;        // compact -> input index
  std::vector<std::int64_t> compact_of_;       // input -> compact (-1 when unused)
  std::vector<GeoPoint> points_;               // compact
  std::vector<std::uint32_t> location_total_;  // S_z, compact
  std::vector<std::int64_t> day_total_;        // T_d by day index
  std::vector<std::uint32_t> case_location_;   // every case's compact location, sorted

  // Windows w = 1..W (index w): T_w, T_w/C, ln(T_w) - ln(C).
  std::vector<std::int64_t> window_total_;
  std::vector<double> window_factor_, window_log_factor_;
  std::vector<int> age_count_;                 // recent cases per age 0..W-1
  std::vector<double> log_int_;                // ln k for k ≤ T_W
  double log_total_ = 0;

  // Neighbour lists (compact), flattened: entries [nb_offset_[i], nb_offset_[i+1]) of centre i,
  // nearest first, with the cumulative S of the circle and its logarithm.
  std::vector<std::size_t> nb_offset_;
  std::vector<std::uint32_t> nb_loc_;
  std::vector<std::uint32_t> nb_cum_;
  std::vector<double> nb_log_cum_;

  std::vector<std::uint32_t> observed_cumulative_;  // N×W
  std::vector<std::uint8_t> observed_has_recent_;
};

}  // namespace antoan::hotspots

#include "hotspots/scan.h"

#include <algorithm>

#include "hotspots/scan_engine.h"

namespace antoan::hotspots {

Result<ScanResult> run_scan(const ScanInput& input, const ScanOptions& options) {
  ANTOAN_ASSIGN(auto engine, ScanEngine::create(input, options));
  ScanResult result;
  result.total_cases = engine->total_cases();
  result.ignored_cases = engine->ignored_cases();
  result.first_day = engine->first_day();
  result.study_days = engine->study_days();
  result.max_window_days = engine->window_days();
  result.notes = engine->notes();
  if (!engine->can_scan()) return result;
  result.clusters = engine->observed_clusters(options.max_clusters);
  if (result.clusters.empty()) {
    result.notes.push_back("no cylinder has more cases than expected (with at least " +
                           std::to_string(options.min_cases) + " cases)");
    return result;
  }
  if (options.replications > 0) {
    ANTOAN_ASSIGN(result.replica_max_llr, engine->run_replications(options.replications, options.threads));
    result.replications = options.replications;
  }
  // p = rank/(R+1), rank = 1 + replications whose maximum reaches the cluster's LLR (a tiny
  // relative tolerance counts floating-point ties as reaching it: conservative).
  for (auto& cluster : result.clusters) {
    const double threshold = cluster.llr * (1 - 1e-12);
    const auto reached =
        std::count_if(result.replica_max_llr.begin(), result.replica_max_llr.end(), [&](double m) { return m >= threshold; });
    cluster.p_value = static_cast<double>(reached + 1) / static_cast<double>(result.replications + 1);
    cluster.recurrence_interval_days = 1.0 / cluster.p_value;
  }
  return result;
}

}  // namespace antoan::hotspots

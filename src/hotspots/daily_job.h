#pragma once
// The daily hotspot run over the database: for every category, the prospective space-time
// permutation scan of the cases of the last 365 days up to the as-of day, plus the EARS C2
// per-area alert; the alerts replace that day's alerts in hotspot_alerts. A thin adapter
// around run_scan (scan.h) and ears_c2 (ears.h).
//
// A case's day is its incident day if set, else the day it was created, in Vietnam time.
// Cases without coordinates count only for EARS C2 (per area). Scan clusters are stored when
// p ≤ 0.05, EARS C2 areas when they alert. Caveat (shown to users with the alerts): the
// permutation model assumes the population at each place is stable over the study period;
// a place that grows (a new factory or dormitory) can look like a cluster. Hence the study
// period of one year at most.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/error.h"
#include "hotspots/scan.h"
#include "store/db.h"

namespace antoan::hotspots {

inline constexpr int kDailyStudyDays = 365;
inline constexpr double kAlertMaxPValue = 0.05;

// Scans up to the Vietnam day containing `as_of` (the scheduler passes yesterday: the last
// complete day). Replaces the alerts of that day and records the run.
Status run_daily_hotspots(store::Db& db, EpochMs as_of, const ScanOptions& options);
// Whether the run for this Vietnam day is recorded.
Result<bool> daily_run_done(store::Db& db, std::int32_t as_of_day);

// Runs run_daily_hotspots once a day (at `run_hour` Vietnam time, for the previous day) and
// at start when the previous day's run is missing. stop() is cheap: it wakes the thread and
// cancels a scan in progress between two replications. The owner (`antoan serve`) calls
// start() after the DB is open and stop() (or the destructor) before closing it.
class HotspotScheduler {
 public:
  HotspotScheduler(store::Db& db, ScanOptions options, int run_hour = 1);
  ~HotspotScheduler();
  HotspotScheduler(const HotspotScheduler&) = delete;
  HotspotScheduler& operator=(const HotspotScheduler&) = delete;

  void start();
  void stop();
  // Runs completed since start (for tests and the health page).
  int runs_completed() const { return runs_.load(); }

 private:
  void loop();
  void run_for(std::int32_t as_of_day);

  store::Db& db_;
  ScanOptions options_;
  int run_hour_;
  std::atomic<bool> stopping_{false};
  std::atomic<int> runs_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace antoan::hotspots

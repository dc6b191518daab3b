#pragma once
// Composition root of `antoan serve`: opens the store, builds every capability's service,
// registers their routes on one Router, starts background jobs and serves HTTP.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace antoan::app {

struct ServeOptions {
  std::string db = "var/antoan.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string key_file;    // field-encryption key; default: next to the DB
  std::string static_dir = "web/dist";
  bool trust_proxy = false;
  std::string tile_origin;  // map tiles allowed by the CSP, e.g. https://tiles.example.vn
  // cpp-httplib holds one worker per open connection (idle keep-alive included), so the pool
  // must exceed the connections expected at once; put nginx in front for more.
  int threads = 128;
  bool background_jobs = true;  // the daily hotspot scan; off in API tests
  // Background jobs to run even with --no-jobs (API tests): "outbox", "overdue", "hotspots".
  std::vector<std::string> jobs;
  std::int64_t webhook_backoff_ms = 10'000;   // first retry delay; doubles up to an hour
  std::int64_t overdue_interval_ms = 300'000;  // how often the overdue job runs
  std::int64_t clock_offset_ms = 0;            // shifts now() (tests of deadlines/escalation)
  bool job_enabled(const std::string& name) const;
};

// Blocks until SIGINT/SIGTERM.
Status run_server(const ServeOptions& options);

}  // namespace antoan::app

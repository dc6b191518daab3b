// `antoan demo`: fills an empty database with the demo dataset (docs/demo.md).
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
#include "core/clock.h"
#include "coordination/deadline_service.h"
#include "coordination/overdue_job.h"
#include "demo/demo.h"
#include "hotspots/daily_job.h"
#include "store/db.h"

namespace antoan::app {
namespace {

struct DemoCommandOptions {
  std::string db = "var/antoan.db";
  demo::DemoOptions demo;
  std::string today;
};

// What `serve` would otherwise do at its first start, done once here so that the first
// `make run` is ready to show: every case gets its due times, old overdue cases are escalated
// now rather than in bulk when the server starts, and the first daily hotspot run is done, so the
// map shows alerts at once instead of scanning in the background while officers wait.
Status ready_to_show(store::Db& db, EpochMs today) {
  ANTOAN_TRY(coordination::seed_deadlines(db));
  ANTOAN_ASSIGN(auto ids, db.query("SELECT id FROM cases WHERE ack_due_at IS NULL ORDER BY id"));
  constexpr std::size_t kBatch = 2000;
  for (std::size_t i = 0; i < ids.size(); i += kBatch)
    ANTOAN_TRY(db.write([&](store::Tx& tx) -> Status {
      for (std::size_t k = i; k < std::min(ids.size(), i + kBatch); ++k)
        ANTOAN_TRY(coordination::stamp_due_times(tx, ids[k].i64(0)));
      return {};
    }));
  coordination::OverdueService overdue(db);
  for (int pass = 0; pass < 100; ++pass) {  // the job takes at most 2,000 cases a pass
    ANTOAN_ASSIGN(coordination::OverdueRun run, overdue.run());
    if (run.escalated + run.marked == 0) break;
  }
  // 199 replications: p-values down to 0.005, in a fifth of the time of the daily job's 999.
  hotspots::ScanOptions scan;
  scan.replications = 199;
  return hotspots::run_daily_hotspots(db, (today ? today : now_ms()) - 86'400'000, scan);
}

Status run_demo(const DemoCommandOptions& o) {
  demo::DemoOptions options = o.demo;
  if (!o.today.empty() && !parse_iso8601(o.today, options.today))
    return Error::invalid("today", "Ngày không hợp lệ (YYYY-MM-DD)", "Invalid date (YYYY-MM-DD)");
  auto parent = std::filesystem::path(o.db).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  ANTOAN_ASSIGN(std::unique_ptr<store::Db> db, store::open_db(o.db));
  auto started = std::chrono::steady_clock::now();
  auto summary = demo::build_demo(*db, options);
  if (!summary.ok()) {
    db->close();
    return summary.error();
  }
  if (Status st = ready_to_show(*db, options.today); !st.ok()) {
    db->close();
    return st.error();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("antoan demo: %d reports, %d cases, %d case events, %d enterprises, %d organisations, %d users "
              "in %.1f s (db %s)\n",
              summary->reports, summary->cases, summary->events, summary->enterprises, summary->organisations,
              summary->users, seconds, o.db.c_str());
  std::printf("  boarding houses: %d teams, %d houses, %d members, %d meetings\n", summary->housing.teams,
              summary->housing.houses, summary->housing.members, summary->housing.meetings);
  std::printf("  cases by status:");
  for (const auto& [status, n] : summary->cases_by_status) std::printf(" %s=%d", status.c_str(), n);
  std::printf("\n  planted clusters:\n");
  for (const auto& c : summary->clusters)
    std::printf("    %s near %s (%.4f, %.4f), %.1f km, %s .. %s: %d reports\n", c.category.c_str(), c.near.c_str(),
                c.lat, c.lon, c.radius_km, format_iso8601(c.start).substr(0, 10).c_str(),
                format_iso8601(c.end).substr(0, 10).c_str(), c.reports);
  std::printf("%s", demo::describe_demo_logins(*db).c_str());
  db->close();
  return {};
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto o = std::make_shared<DemoCommandOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Fill an empty database with the demo dataset (Hà Nội, Bắc Ninh)");
  cmd->add_option("--db", o->db, "SQLite file (created if missing; must be empty)")->capture_default_str();
  cmd->add_option("--seed", o->demo.seed, "Random seed (same seed, same dataset)")->capture_default_str();
  cmd->add_option("--reports", o->demo.reports, "Number of reports over the 12 months")
      ->capture_default_str()
      ->check(CLI::Range(100, 2000000));
  cmd->add_option("--today", o->today, "The demo's \"today\" (YYYY-MM-DD; default: now)");
  cmd->callback([o] {
    Status st = run_demo(*o);
    if (!st.ok()) {
      std::fprintf(stderr, "antoan demo: %s\n", st.error().message_en.c_str());
      std::exit(1);
    }
  });
}

}  // namespace antoan::app

// `antoan serve`: the HTTP API and the front end.
#include <cstdio>

#include "app/commands.h"
#include "app/server_app.h"

namespace antoan::app {

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the API and the web pages");
  cmd->add_option("--db", options->db, "SQLite file (created and migrated if missing)")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", options->port, "Port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--key-file", options->key_file, "Field-encryption key file (default: antoan.key beside the DB)");
  cmd->add_option("--static", options->static_dir, "Built front end to serve at /")->capture_default_str();
  cmd->add_option("--threads", options->threads, "HTTP worker threads")->capture_default_str()->check(CLI::Range(2, 512));
  cmd->add_flag("--no-jobs{false}", options->background_jobs, "Do not run background jobs (daily hotspot scan)");
  cmd->add_option("--jobs", options->jobs,
                  "Background jobs to run even with --no-jobs: outbox, overdue, hotspots, retention (comma-separated)")
      ->delimiter(',')
      ->check(CLI::IsMember({"outbox", "overdue", "hotspots", "retention"}));
  cmd->add_option("--webhook-backoff-ms", options->webhook_backoff_ms, "First webhook retry delay (doubles, max 1 h)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{10}, std::int64_t{3'600'000}));
  cmd->add_option("--overdue-interval-ms", options->overdue_interval_ms, "How often the overdue job runs")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{86'400'000}));
  cmd->add_option("--clock-offset-ms", options->clock_offset_ms,
                  "Shift the server's clock (tests of deadlines and escalation; never in production)");
  cmd->add_flag("--trust-proxy", options->trust_proxy, "Trust X-Forwarded-Proto from a TLS proxy (nginx)");
  cmd->add_option("--tile-origin", options->tile_origin,
                  "Origin of map tiles the officers' map may load (https://host); the built-in map needs none");
  cmd->callback([options] {
    Status st = run_server(*options);
    if (!st.ok()) {
      std::fprintf(stderr, "antoan serve: %s\n", st.error().message_en.c_str());
      std::exit(1);
    }
  });
}

}  // namespace antoan::app

// antoan: the platform's single binary. Subcommands: serve, demo, check, hotspots, audit, …
#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>

#include "app/commands.h"

int main(int argc, char** argv) {
  // Every file antoan makes (database, WAL, key, backups, exports) is its owner's alone.
  ::umask(077);
  if (sodium_init() < 0) {
    std::fprintf(stderr, "antoan: libsodium failed to initialise\n");
    return 1;
  }
  CLI::App app{"antoan — an toàn cho công nhân: reports, cases, scam shield, hotspots"};
  app.require_subcommand(1);
  antoan::app::add_serve_command(app);
  antoan::app::add_demo_command(app);
  antoan::app::add_audit_command(app);
  antoan::app::add_users_command(app);
  antoan::app::add_hotspots_command(app);
  antoan::app::add_check_command(app);
  antoan::app::add_scam_command(app);
  antoan::app::add_indicators_command(app);
  antoan::app::add_retention_command(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

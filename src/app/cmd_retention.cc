// `antoan retention run --db PATH`: erases the contents of finished cases past their retention
// (the same job `serve` runs a few times a day); `antoan retention show --db PATH`: the schedule.
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
#include "core/clock.h"
#include "retention/retention_service.h"
#include "store/db.h"

namespace antoan::app {
namespace {

int with_service(const std::string& db_path, const char* what, int (*body)(retention::RetentionService&)) {
  if (!std::filesystem::exists(db_path)) {
    std::fprintf(stderr, "antoan retention %s: no database at %s\n", what, db_path.c_str());
    return 2;
  }
  auto db = store::open_db(db_path);
  if (!db.ok()) {
    std::fprintf(stderr, "antoan retention %s: %s\n", what, db.error().message_en.c_str());
    return 2;
  }
  retention::RetentionService service(**db);
  int rc = body(service);
  (*db)->close();
  return rc;
}

int run_once(retention::RetentionService& service) {
  auto run = service.run(now_ms(), 1'000'000);
  if (!run.ok()) {
    std::fprintf(stderr, "antoan retention run: %s\n", run.error().message_en.c_str());
    return 1;
  }
  std::printf("retention: erased the contents of %d finished cases\n", run->erased);
  return 0;
}

int show(retention::RetentionService& service) {
  auto rules = service.schedule();
  if (!rules.ok()) {
    std::fprintf(stderr, "antoan retention show: %s\n", rules.error().message_en.c_str());
    return 1;
  }
  for (const auto& r : *rules) std::printf("%s\t%d months\n", r.category.c_str(), r.months);
  return 0;
}

}  // namespace

void add_retention_command(CLI::App& app) {
  CLI::App* retention = app.add_subcommand("retention", "How long finished cases' contents are kept");
  retention->require_subcommand(1);
  auto db = std::make_shared<std::string>("var/antoan.db");
  CLI::App* run = retention->add_subcommand("run", "Erase the contents of finished cases past their retention now");
  run->add_option("--db", *db, "SQLite file")->capture_default_str();
  run->callback([db] { std::exit(with_service(*db, "run", run_once)); });
  CLI::App* list = retention->add_subcommand("show", "The retention schedule per category");
  list->add_option("--db", *db, "SQLite file")->capture_default_str();
  list->callback([db] { std::exit(with_service(*db, "show", show)); });
}

}  // namespace antoan::app

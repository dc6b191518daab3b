// `antoan audit verify --db PATH`: walks the hash-chained audit log and reports the first row
// that was edited, deleted or forged (exit 1), or "audit ok: N rows" (exit 0).
// `antoan audit log --db PATH [--limit N] [--action PREFIX]`: the newest rows with their real
// actor (the user, the API key, or the job).
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
#include "core/clock.h"
#include "security/audit.h"
#include "store/db.h"

namespace antoan::app {
namespace {

int verify(const std::string& db_path) {
  if (!std::filesystem::exists(db_path)) {
    std::fprintf(stderr, "antoan audit verify: no database at %s\n", db_path.c_str());
    return 2;
  }
  auto db = store::open_db(db_path);
  if (!db.ok()) {
    std::fprintf(stderr, "antoan audit verify: %s\n", db.error().message_en.c_str());
    return 2;
  }
  auto v = security::verify_audit(**db);
  (*db)->close();
  if (!v.ok()) {
    std::fprintf(stderr, "antoan audit verify: %s\n", v.error().message_en.c_str());
    return 2;
  }
  if (!v->ok) {
    std::printf("audit FAILED at row %s: %s (%lld rows verified before it)\n",
                v->first_bad_id ? std::to_string(*v->first_bad_id).c_str() : "-", v->problem.c_str(),
                static_cast<long long>(v->rows_checked));
    return 1;
  }
  std::printf("audit ok: %lld rows\n", static_cast<long long>(v->rows_checked));
  return 0;
}

// "user 7 (ldld.bacninh)", "api_key:3 of user 12 (hotline)", "job:overdue", "reporter".
std::string actor_text(const security::AuditRow& r) {
  std::string who;
  if (r.actor_user_id)
    who = "user " + std::to_string(*r.actor_user_id) + (r.actor_name.empty() ? "" : " (" + r.actor_name + ")");
  if (!r.actor_ref.empty()) return who.empty() ? r.actor_ref : r.actor_ref + " of " + who;
  return who.empty() ? r.actor_kind : who;
}

int show_log(const std::string& db_path, int limit, const std::string& action) {
  auto db = store::open_db(db_path);
  if (!db.ok()) {
    std::fprintf(stderr, "antoan audit log: %s\n", db.error().message_en.c_str());
    return 2;
  }
  auto rows = security::read_audit(**db, limit, action);
  if (!rows.ok()) {
    std::fprintf(stderr, "antoan audit log: %s\n", rows.error().message_en.c_str());
    return 2;
  }
  for (const auto& r : *rows)
    std::printf("%lld\t%s\t%s\t%s\t%s %s\t%s\n", static_cast<long long>(r.id), format_iso8601(r.at).c_str(),
                actor_text(r).c_str(), r.action.c_str(), r.entity.c_str(), r.entity_id.c_str(), r.details.c_str());
  (*db)->close();
  return 0;
}

}  // namespace

void add_audit_command(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "The hash-chained audit log");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>("var/antoan.db");
  CLI::App* cmd = audit->add_subcommand("verify", "Check that no audit row was edited or deleted (exit 1 if one was)");
  cmd->add_option("--db", *db, "SQLite file")->capture_default_str();
  cmd->callback([db] { std::exit(verify(*db)); });
  auto limit = std::make_shared<int>(50);
  auto action = std::make_shared<std::string>();
  CLI::App* log = audit->add_subcommand("log", "The newest audit rows with their real actor (user, API key or job)");
  log->add_option("--db", *db, "SQLite file")->capture_default_str();
  log->add_option("--limit", *limit, "How many rows")->capture_default_str()->check(CLI::Range(1, 100000));
  log->add_option("--action", *action, "Only actions starting with this (e.g. contact.)");
  log->callback([db, limit, action] {
    if (!std::filesystem::exists(*db)) {
      std::fprintf(stderr, "antoan audit log: no database at %s\n", db->c_str());
      std::exit(2);
    }
    std::exit(show_log(*db, *limit, *action));
  });
}

}  // namespace antoan::app

// `antoan audit verify --db PATH`: walks the hash-chained audit log and reports the first row
// that was edited, deleted or forged (exit 1), or "audit ok: N rows" (exit 0).
#include <cstdio>
#include <filesystem>

#include "app/commands.h"
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

}  // namespace

void add_audit_command(CLI::App& app) {
  CLI::App* audit = app.add_subcommand("audit", "The hash-chained audit log");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>("var/antoan.db");
  CLI::App* cmd = audit->add_subcommand("verify", "Check that no audit row was edited or deleted (exit 1 if one was)");
  cmd->add_option("--db", *db, "SQLite file")->capture_default_str();
  cmd->callback([db] { std::exit(verify(*db)); });
}

}  // namespace antoan::app

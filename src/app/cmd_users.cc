// `antoan users add …` (password read from stdin, never from the command line, so it stays
// out of shell history and `ps`) and `antoan users api-key …` (prints a new key once).
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "accounts/account_service.h"
#include "app/commands.h"
#include "store/db.h"

namespace antoan::app {
namespace {

struct UserArgs {
  std::string db = "var/antoan.db";
  std::string username, display_name, role, categories;
  std::int64_t org_id = 0;
  std::int64_t team_id = 0;
  bool system = false;
  std::int64_t user_id = 0;
  std::string key_name;
};

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

int fail(const std::string& what) {
  std::fprintf(stderr, "antoan users: %s\n", what.c_str());
  return 1;
}

Result<std::unique_ptr<store::Db>> open_existing(const std::string& path) {
  if (!std::filesystem::exists(path)) return Error::not_found("cơ sở dữ liệu " + path, "Database " + path);
  return store::open_db(path);
}

int add_user(const UserArgs& a) {
  accounts::NewUser u{a.username, a.display_name.empty() ? a.username : a.display_name, "", a.role, a.org_id,
                      split_commas(a.categories), a.team_id > 0 ? std::optional<std::int64_t>(a.team_id) : std::nullopt};
  if (!a.system) {
    std::getline(std::cin, u.password);
    if (!u.password.empty() && u.password.back() == '\r') u.password.pop_back();
    if (u.password.empty()) return fail("give the password on stdin (or --system for an API-key-only account)");
  }
  auto db = open_existing(a.db);
  if (!db.ok()) return fail(db.error().message_en);
  accounts::AccountService service(**db);
  auto created = service.create_user_as_system(u);
  (*db)->close();
  if (!created.ok())
    return fail(created.error().message_en + (created.error().field.empty() ? "" : " (" + created.error().field + ")"));
  std::printf("user %lld: %s (%s, org %lld)\n", static_cast<long long>(created->id), created->username.c_str(),
              created->role.c_str(), static_cast<long long>(created->org_id));
  return 0;
}

int add_key(const UserArgs& a) {
  auto db = open_existing(a.db);
  if (!db.ok()) return fail(db.error().message_en);
  accounts::AccountService service(**db);
  auto key = service.create_api_key_as_system(a.user_id, a.key_name);
  (*db)->close();
  if (!key.ok()) return fail(key.error().message_en);
  std::printf("%s\n", key->key.c_str());
  std::fprintf(stderr, "API key %lld (%s) for user %lld: shown once, store it now\n", static_cast<long long>(key->id),
               key->prefix.c_str(), static_cast<long long>(key->user_id));
  return 0;
}

}  // namespace

void add_users_command(CLI::App& app) {
  auto a = std::make_shared<UserArgs>();
  CLI::App* users = app.add_subcommand("users", "Officer and system accounts");
  users->require_subcommand(1);
  CLI::App* add = users->add_subcommand("add", "Create a user; the password is read from stdin (one line)");
  add->add_option("--db", a->db, "SQLite file")->capture_default_str();
  add->add_option("--username", a->username, "Login name (a-z 0-9 . _ -)")->required();
  add->add_option("--display-name", a->display_name, "Name shown to others (default: the username)");
  add->add_option("--role", a->role,
                  "admin | federation_officer | union_officer | police_officer | enterprise_officer | team_leader")
      ->required();
  add->add_option("--org", a->org_id, "Organisation id")->required();
  add->add_option("--categories", a->categories, "Explicit category scope, comma-separated (default: the role's)");
  add->add_option("--team", a->team_id, "Team id (team leaders)");
  add->add_flag("--system", a->system, "A system account without password (authenticates with API keys)");
  add->callback([a] { std::exit(add_user(*a)); });
  CLI::App* key = users->add_subcommand("api-key", "Create an API key for a user; prints it once on stdout");
  key->add_option("--db", a->db, "SQLite file")->capture_default_str();
  key->add_option("--user", a->user_id, "User id")->required();
  key->add_option("--name", a->key_name, "What the key is for, e.g. 'hotline system'")->required();
  key->callback([a] { std::exit(add_key(*a)); });
}

}  // namespace antoan::app

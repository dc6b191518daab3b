#pragma once
// Accounts: officers' user records, password logins (throttled, audited), sessions, API keys
// for systems, and the Principal of a session or key. No HTTP here: routes.cc and
// authenticator.cc adapt it. Access decisions go through security/policy.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "security/audit.h"
#include "security/login_throttle.h"
#include "security/principal.h"
#include "security/sessions.h"
#include "store/db.h"

namespace antoan::accounts {

struct AccountOptions {
  security::SessionOptions sessions;
  security::LoginThrottleOptions throttle;
};

// A user as shown to officers (never the password hash).
struct UserView {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  std::int64_t org_id = 0;
  std::string org_name;
  std::vector<std::string> categories;  // explicit scope; empty = the role's default
  std::optional<std::int64_t> team_id;
  bool active = true;
  std::int64_t created_at = 0;
};

struct LoginInput {
  std::string username;
  std::string password;
  std::string remote_addr;
  std::string user_agent;
};

struct LoginResult {
  UserView user;
  security::NewSession session;
};

struct NewUser {
  std::string username;  // 3..64 of a-z 0-9 . _ - (stored lower case)
  std::string display_name;
  std::string password;  // empty only for a system account (API keys only, cannot log in)
  std::string role;
  std::int64_t org_id = 0;
  std::vector<std::string> categories;
  std::optional<std::int64_t> team_id;
};

struct NewApiKey {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string key;  // shown once; only its hash is stored
  std::string prefix;
};

class AccountService {
 public:
  explicit AccountService(store::Db& db, AccountOptions options = {});

  // Checks the password (argon2id) and opens a session. Unknown user, wrong password and a
  // deactivated account give the same unauthenticated error after the same work. When
  // throttled: rate_limited and `retry_after_seconds` set.
  Result<LoginResult> login(const LoginInput& in, int& retry_after_seconds);
  Status logout(const security::Principal& p);

  // The principal of a session cookie / an API key; nullopt when unknown, expired or the
  // user is deactivated.
  Result<std::optional<security::Principal>> principal_for_session(std::string_view token);
  Result<std::optional<security::Principal>> principal_for_api_key(std::string_view key);

  Result<UserView> me(const security::Principal& p);
  Result<std::vector<UserView>> list_users(const security::Principal& actor);
  Result<UserView> get_user(const security::Principal& actor, std::int64_t user_id);
  // Admin only (policy Action::org_manage); audited.
  Result<UserView> create_user(const security::Principal& actor, const NewUser& user);
  // For the CLI and the demo seeder: no actor; audited as "system".
  Result<UserView> create_user_as_system(const NewUser& user);
  Status set_user_active(const security::Principal& actor, std::int64_t user_id, bool active);
  Result<NewApiKey> create_api_key(const security::Principal& actor, std::int64_t user_id, const std::string& name);
  // For the CLI: no actor; audited as "system".
  Result<NewApiKey> create_api_key_as_system(std::int64_t user_id, const std::string& name);
  Status revoke_api_key(const security::Principal& actor, std::int64_t key_id);

  security::SessionStore& sessions() { return sessions_; }

 private:
  Result<UserView> create_user_impl(const security::AuditEntry& actor,
                                    const NewUser& user);
  Result<NewApiKey> create_api_key_impl(const security::AuditEntry& actor,
                                        std::int64_t user_id, const std::string& name);
  const std::string& dummy_hash();

  store::Db& db_;
  security::SessionStore sessions_;
  security::LoginThrottle throttle_;
  std::atomic<EpochMs> last_purge_{0};  // expired sessions are purged at most hourly, on login
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

// The password hash of a system account: it never verifies (argon2 hashes start with '$').
inline constexpr const char* kNoPassword = "!";

// "v1" of an API key: "ak_" + 43 URL-safe base64 characters.
bool looks_like_api_key(std::string_view key);

}  // namespace antoan::accounts

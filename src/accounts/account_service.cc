#include "accounts/account_service.h"

#include <sodium.h>

#include <algorithm>

#include "core/clock.h"
#include "core/utf8.h"
#include "security/audit.h"
#include "security/password.h"
#include "security/policy.h"

namespace antoan::accounts {
namespace {

using security::Principal;

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.org_id, o.scope_path, u.categories, u.team_id, u.active, "
    "o.name, u.created_at FROM users u JOIN organisations o ON o.id = u.org_id ";
constexpr EpochMs kApiKeyTouchIntervalMs = 60 * 1000;

std::vector<std::string> parse_categories(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find(',', i);
    if (j == std::string::npos) j = text.size();
    std::string c = text.substr(i, j - i);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
    if (security::is_category(c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    i = j + 1;
  }
  return out;
}

std::string join_categories(const std::vector<std::string>& cats) {
  std::string out;
  for (const auto& c : cats) out += (out.empty() ? "" : ",") + c;
  return out;
}

UserView view_from(const store::Row& r) {
  return UserView{r.i64(0),
                  r.str(1),
                  r.str(2),
                  r.str(3),
                  r.i64(4),
                  r.str(9),
                  parse_categories(r.str(6)),
                  r.opt_i64(7),
                  r.i64(8) != 0,
                  r.i64(10)};
}

// nullopt when the user is deactivated or has a role this build does not know.
std::optional<Principal> principal_from(const store::Row& r) {
  if (r.i64(8) == 0) return std::nullopt;
  auto role = security::parse_role(r.str(3));
  if (!role) return std::nullopt;
  Principal p;
  p.user_id = r.i64(0);
  p.username = r.str(1);
  p.display_name = r.str(2);
  p.role = *role;
  p.org_id = r.i64(4);
  p.org_path = r.str(5);  // the organisation's scope root, not its own path
  p.categories = parse_categories(r.str(6));
  p.team_id = r.opt_i64(7);
  return p;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Error bad_credentials() {
  return Error::make(ErrorCode::unauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng",
                     "Wrong username or password");
}

// The actor of an account change: a principal (user or system account's API key), or nullptr for
// the command line acting as the system.
security::AuditEntry actor_of(const Principal* p) {
  if (p) return security::AuditEntry::by(*p, "", "", "");
  return security::AuditEntry{std::nullopt, "system", "", "", ""};
}

security::AuditEntry entry(security::AuditEntry actor, std::string action, std::string entity, std::string entity_id,
                           Json details) {
  actor.action = std::move(action);
  actor.entity = std::move(entity);
  actor.entity_id = std::move(entity_id);
  actor.details = std::move(details);
  return actor;
}

Status validate_new_user(NewUser& u) {
  u.username = lower_ascii(u.username);
  if (u.username.size() < 3 || u.username.size() > 64 ||
      !std::all_of(u.username.begin(), u.username.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      }))
    return Error::unprocessable("username", "Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang",
                                "Username must be 3-64 characters of a-z, 0-9, '.', '_', '-'");
  auto first = u.display_name.find_first_not_of(" \t");
  u.display_name = first == std::string::npos ? "" : u.display_name.substr(first);
  u.display_name.erase(u.display_name.find_last_not_of(" \t") + 1);
  if (u.display_name.empty() || u.display_name.size() > 200 || !is_valid_utf8(u.display_name) ||
      std::any_of(u.display_name.begin(), u.display_name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    return Error::unprocessable("display_name", "Tên hiển thị không hợp lệ (1–200 ký tự, không ký tự điều khiển)",
                                "Display name must be 1-200 characters without control characters");
  if (!security::parse_role(u.role))
    return Error::unprocessable("role", "Vai trò không hợp lệ", "Unknown role");
  if (u.org_id <= 0) return Error::unprocessable("org_id", "Thiếu tổ chức", "Organisation is required");
  for (const std::string& c : u.categories)
    if (!security::is_category(c))
      return Error::unprocessable("categories", "Lĩnh vực không hợp lệ: " + c, "Unknown category: " + c);
  if (u.team_id && *u.team_id <= 0) return Error::unprocessable("team_id", "Mã tổ không hợp lệ", "Invalid team id");
  if (!u.password.empty()) ANTOAN_TRY(security::check_password_strength(u.password));
  return {};
}

}  // namespace

bool looks_like_api_key(std::string_view key) {
  return key.size() == 46 && key.substr(0, 3) == "ak_" && security::looks_like_token(key.substr(3));
}

AccountService::AccountService(store::Db& db, AccountOptions options)
    : db_(db), sessions_(db, options.sessions), throttle_(options.throttle) {}

const std::string& AccountService::dummy_hash() {
  std::call_once(dummy_once_, [this] {
    auto h = security::hash_password("antoan-dummy-" + security::random_token());
    dummy_hash_ = h.ok() ? *h : std::string("!");
  });
  return dummy_hash_;
}

Result<LoginResult> AccountService::login(const LoginInput& in, int& retry_after_seconds) {
  retry_after_seconds = 0;
  if (in.username.empty() || in.username.size() > 128 || in.password.empty() ||
      in.password.size() > security::kMaxPasswordBytes)
    return bad_credentials();
  if (int wait = throttle_.blocked_for(in.username, in.remote_addr); wait > 0) {
    retry_after_seconds = wait;
    int minutes = (wait + 59) / 60;
    return Error::make(ErrorCode::rate_limited,
                       "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + std::to_string(minutes) + " phút",
                       "Too many failed logins. Try again in " + std::to_string(minutes) + " minute(s)");
  }
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE lower(u.username) = $1",
                                            {lower_ascii(in.username)}));
  std::optional<std::int64_t> user_id;
  std::string hash;
  if (!rows.empty()) {
    user_id = rows[0].i64(0);
    ANTOAN_ASSIGN(store::Rows h, db_.query("SELECT password_hash FROM users WHERE id = $1", {*user_id}));
    if (!h.empty()) hash = h[0].str(0);
  }
  // Unknown users cost the same argon2id work as known ones.
  bool password_ok = security::verify_password(hash.empty() ? dummy_hash() : hash, in.password) && !hash.empty();
  std::optional<Principal> principal = rows.empty() ? std::nullopt : principal_from(rows[0]);
  if (!password_ok || !principal) {
    throttle_.record_failure(in.username, in.remote_addr);
    std::string reason = !user_id ? "unknown_user" : !password_ok ? "wrong_password" : "inactive_user";
    // The typed username of an unknown user is not logged: it is often a password typed in
    // the wrong box.
    security::AuditEntry e{user_id, user_id ? "user" : "anonymous", "auth.login_failed", "user",
                           user_id ? std::to_string(*user_id) : std::string(),
                           Json{{"reason", reason}, {"address", in.remote_addr.substr(0, 64)}}};
    ANTOAN_TRY(db_.write([&](store::Tx& tx) { return security::append_audit(tx, e); }));
    return bad_credentials();
  }
  throttle_.record_success(in.username);
  EpochMs now = now_ms(), last = last_purge_.load();
  if (now - last >= 3600 * 1000 && last_purge_.compare_exchange_strong(last, now)) (void)sessions_.purge_expired();
  std::optional<std::string> rehash;
  if (security::password_needs_rehash(hash)) {
    auto h = security::hash_password(in.password);
    if (h.ok()) rehash = *h;
  }
  LoginResult result{view_from(rows[0]), {}};
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(result.session, sessions_.create(tx, *user_id, in.remote_addr, in.user_agent));
    if (rehash) ANTOAN_TRY(tx.exec("UPDATE users SET password_hash = $1 WHERE id = $2", {*rehash, *user_id}));
    return security::append_audit(
        tx, {user_id, "user", "auth.login", "user", std::to_string(*user_id),
             Json{{"session_id", result.session.id}, {"address", in.remote_addr.substr(0, 64)}}});
  }));
  return result;
}

Status AccountService::logout(const Principal& p) {
  if (p.session_id == 0) return {};  // API keys have no session
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(sessions_.revoke(tx, p.session_id));
    return security::append_audit(tx, security::AuditEntry::by(p, "auth.logout", "user", std::to_string(p.user_id),
                                       Json{{"session_id", p.session_id}}));
  });
}

Result<std::optional<Principal>> AccountService::principal_for_session(std::string_view token) {
  ANTOAN_ASSIGN(std::optional<security::SessionRecord> s, sessions_.lookup(token));
  if (!s) return std::optional<Principal>{};
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE u.id = $1", {s->user_id}));
  if (rows.empty()) return std::optional<Principal>{};
  std::optional<Principal> p = principal_from(rows[0]);
  if (!p) return p;
  p->session_id = s->id;
  p->csrf_token = s->csrf_token;
  p->via_cookie = true;
  return p;
}

Result<std::optional<Principal>> AccountService::principal_for_api_key(std::string_view key) {
  if (!looks_like_api_key(key)) return std::optional<Principal>{};
  ANTOAN_ASSIGN(store::Rows keys, db_.query("SELECT id, user_id, last_used_at FROM api_keys WHERE key_hash = $1 "
                                            "AND revoked_at IS NULL",
                                            {security::token_hash(key)}));
  if (keys.empty()) return std::optional<Principal>{};
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE u.id = $1", {keys[0].i64(1)}));
  if (rows.empty()) return std::optional<Principal>{};
  std::optional<Principal> p = principal_from(rows[0]);
  if (!p) return p;
  p->api_key_id = keys[0].i64(0);
  EpochMs now = now_ms();
  if (keys[0].is_null(2) || now - keys[0].i64(2) >= kApiKeyTouchIntervalMs)
    ANTOAN_TRY(db_.exec("UPDATE api_keys SET last_used_at = $1 WHERE id = $2", {now, p->api_key_id}));
  return p;
}

Result<UserView> AccountService::me(const Principal& p) {
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE u.id = $1", {p.user_id}));
  if (rows.empty()) return Error::not_found("người dùng", "User");
  return view_from(rows[0]);
}

Result<std::vector<UserView>> AccountService::list_users(const Principal& actor) {
  ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "ORDER BY u.id LIMIT 5000"));
  std::vector<UserView> out;
  for (const auto& r : rows) out.push_back(view_from(r));
  return out;
}

Result<UserView> AccountService::get_user(const Principal& actor, std::int64_t user_id) {
  if (actor.user_id != user_id) ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE u.id = $1", {user_id}));
  if (rows.empty()) return Error::not_found("người dùng", "User");
  return view_from(rows[0]);
}

Result<UserView> AccountService::create_user(const Principal& actor, const NewUser& user) {
  ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  if (user.password.empty())
    return Error::unprocessable("password", "Cần có mật khẩu", "A password is required");
  return create_user_impl(actor_of(&actor), user);
}

Result<UserView> AccountService::create_user_as_system(const NewUser& user) {
  return create_user_impl(actor_of(nullptr), user);
}

Result<UserView> AccountService::create_user_impl(const security::AuditEntry& actor, const NewUser& input) {
  NewUser u = input;
  ANTOAN_TRY(validate_new_user(u));
  ANTOAN_ASSIGN(store::Rows org, db_.query("SELECT id FROM organisations WHERE id = $1", {u.org_id}));
  if (org.empty()) return Error::unprocessable("org_id", "Tổ chức không tồn tại", "No such organisation");
  std::string hash = kNoPassword;  // never verifies: a system account logs in with API keys only
  if (!u.password.empty()) {
    ANTOAN_ASSIGN(hash, security::hash_password(u.password));
  }
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(store::Rows dup, tx.query("SELECT id FROM users WHERE lower(username) = $1", {u.username}));
    if (!dup.empty())
      return Error::conflict("Tên đăng nhập đã có người dùng", "Username is already taken", "username");
    ANTOAN_ASSIGN(store::Rows ins,
                  tx.query("INSERT INTO users (username, display_name, password_hash, role, org_id, categories, "
                           "team_id, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING id",
                           {u.username, u.display_name, hash, u.role, u.org_id, join_categories(u.categories),
                            store::optional_value(u.team_id), now_ms()}));
    id = ins[0].i64(0);
    return security::append_audit(
        tx, entry(actor, "user.create", "user", std::to_string(id),
             Json{{"username", u.username}, {"role", u.role}, {"org_id", u.org_id},
                  {"categories", u.categories}, {"login", !u.password.empty()}}));
  }));
  ANTOAN_ASSIGN(store::Rows rows, db_.query(std::string(kUserColumns) + "WHERE u.id = $1", {id}));
  if (rows.empty()) return Error::internal("created user vanished");
  return view_from(rows[0]);
}

Status AccountService::set_user_active(const Principal& actor, std::int64_t user_id, bool active) {
  ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  if (!active && user_id == actor.user_id)
    return Error::conflict("Không thể tự khóa tài khoản của mình", "You cannot deactivate your own account");
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(std::int64_t n, tx.exec("UPDATE users SET active = $1 WHERE id = $2",
                                          {std::int64_t{active ? 1 : 0}, user_id}));
    if (n == 0) return Error::not_found("người dùng", "User");
    if (!active) {
      ANTOAN_TRY(sessions_.revoke_all_of_user(tx, user_id));
      ANTOAN_TRY(tx.exec("UPDATE api_keys SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
                         {now_ms(), user_id}));
    }
    return security::append_audit(tx, entry(actor_of(&actor), active ? "user.activate" : "user.deactivate", "user",
                                            std::to_string(user_id), Json::object()));
  });
}

Result<NewApiKey> AccountService::create_api_key(const Principal& actor, std::int64_t user_id,
                                                 const std::string& name) {
  ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  return create_api_key_impl(actor_of(&actor), user_id, name);
}

Result<NewApiKey> AccountService::create_api_key_as_system(std::int64_t user_id, const std::string& name) {
  return create_api_key_impl(actor_of(nullptr), user_id, name);
}

Result<NewApiKey> AccountService::create_api_key_impl(const security::AuditEntry& actor, std::int64_t user_id,
                                                      const std::string& name) {
  if (name.empty() || name.size() > 100 || !is_valid_utf8(name))
    return Error::unprocessable("name", "Tên khóa gồm 1–100 ký tự", "Key name must be 1-100 characters");
  NewApiKey k;
  k.user_id = user_id;
  k.name = name;
  k.key = "ak_" + security::random_token();
  k.prefix = k.key.substr(0, 10);
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(store::Rows user, tx.query("SELECT password_hash FROM users WHERE id = $1", {user_id}));
    if (user.empty()) return Error::not_found("người dùng", "User");
    // Keys are for systems (hotline software, chat bots, camera gateways): an account without a
    // password. A key for a person's account would let whoever holds it act as that person.
    if (user[0].str(0) != kNoPassword)
      return Error::unprocessable("user_id",
                                  "Khóa API chỉ dành cho tài khoản hệ thống (không có mật khẩu), không cho người dùng",
                                  "API keys are only for system accounts (without a password), not for people");
    ANTOAN_ASSIGN(store::Rows ins, tx.query("INSERT INTO api_keys (user_id, name, key_prefix, key_hash, created_at) "
                                            "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                            {user_id, name, k.prefix, security::token_hash(k.key), now_ms()}));
    k.id = ins[0].i64(0);
    return security::append_audit(tx, entry(actor, "api_key.create", "api_key", std::to_string(k.id),
                                            Json{{"user_id", user_id}, {"name", name}, {"prefix", k.prefix}}));
  }));
  return k;
}

Status AccountService::revoke_api_key(const Principal& actor, std::int64_t key_id) {
  ANTOAN_TRY(security::require(actor, security::Action::org_manage));
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(std::int64_t n, tx.exec("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                                          {now_ms(), key_id}));
    if (n == 0) return Error::not_found("khóa API", "API key");
    return security::append_audit(
        tx, entry(actor_of(&actor), "api_key.revoke", "api_key", std::to_string(key_id), Json::object()));
  });
}

}  // namespace antoan::accounts

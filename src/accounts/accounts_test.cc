// Tests of accounts: logins (right, wrong, unknown, deactivated: one indistinguishable
// answer), throttling with Retry-After, sessions through the authenticator, CSRF on unsafe
// requests, API keys, admin user management with bad inputs, and the audit rows all of it
// leaves — through AccountService and through the HTTP router with real cookies.
#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/authenticator.h"
#include "accounts/routes.h"
#include "security/audit.h"
#include "security/password.h"
#include "security/test_util.h"

namespace antoan::accounts {
namespace {

using security::Principal;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    security::use_fast_password_hashing_for_tests();
    db_ = security::testing::fresh_db("accounts");
    ASSERT_NE(db_, nullptr);
    for (const char* sql : {
             "INSERT INTO organisations (id, path, scope_path, kind, name, created_at) VALUES "
             "(1, '/1/', '/1/', 'national', 'Việt Nam', 0)",
             "INSERT INTO organisations (id, parent_id, path, scope_path, kind, name, created_at) VALUES "
             "(10, 1, '/1/10/', '/1/10/', 'commune', 'Phường A', 0)",
             "INSERT INTO organisations (id, parent_id, path, scope_path, kind, name, created_at) VALUES "
             "(11, 10, '/1/10/11/', '/1/10/', 'federation', 'LĐLĐ A', 0)",
             "INSERT INTO organisations (id, parent_id, path, scope_path, kind, name, created_at) VALUES "
             "(100, 10, '/1/10/100/', '/1/10/100/', 'enterprise', 'Công ty B', 0)"})
      ASSERT_TRUE(db_->exec(sql).ok()) << sql;
    service_ = std::make_unique<AccountService>(*db_);
    admin_id_ = add_user("admin", "admin", 1, "Quản trị viên 1").id;
    fed_id_ = add_user("lan.fed", "federation_officer", 11, "mật khẩu của Lan").id;
    router_.set_authenticator(make_authenticator(*service_));
    register_account_routes(router_, *service_);
  }

  UserView add_user(const std::string& name, const std::string& role, std::int64_t org, const std::string& password) {
    auto u = service_->create_user_as_system(NewUser{name, name, password, role, org, {}, std::nullopt});
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message_en);
    return u.ok() ? *u : UserView{};
  }

  Result<LoginResult> login(const std::string& user, const std::string& password, const std::string& ip = "10.0.0.1") {
    int retry = 0;
    return service_->login(LoginInput{user, password, ip, "test"}, retry);
  }

  Principal admin_principal() {
    auto r = login("admin", "Quản trị viên 1");
    EXPECT_TRUE(r.ok());
    auto p = service_->principal_for_session(r->session.token);
    EXPECT_TRUE(p.ok() && *p);
    return **p;
  }

  std::int64_t audit_count(const std::string& action) {
    return db_->query("SELECT count(*) FROM audit_log WHERE action = $1", {action})->rows[0].i64(0);
  }

  http::Response call(const std::string& method, const std::string& path, const std::string& body = {},
                      std::map<std::string, std::string> headers = {}, std::map<std::string, std::string> cookies = {},
                      bool secure = false) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.remote_addr = "192.0.2.1";
    req.secure = secure;
    if (!body.empty() && !headers.count("content-type")) headers["content-type"] = "application/json";
    req.headers = std::move(headers);
    req.cookies = std::move(cookies);
    return router_.dispatch(req);
  }

  std::unique_ptr<store::Db> db_;
  std::unique_ptr<AccountService> service_;
  http::Router router_;
  std::int64_t admin_id_ = 0, fed_id_ = 0;
};

TEST_F(AccountsTest, LoginOpensASessionWhosePrincipalHasTheScopeRoot) {
  auto r = login("Lan.Fed", "mật khẩu của Lan");  // usernames are case-insensitive
  ASSERT_TRUE(r.ok()) << r.error().message_en;
  EXPECT_EQ(r->user.username, "lan.fed");
  EXPECT_EQ(r->user.org_name, "LĐLĐ A");
  auto p = service_->principal_for_session(r->session.token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(*p);
  EXPECT_EQ((*p)->user_id, fed_id_);
  EXPECT_EQ((*p)->role, security::Role::federation_officer);
  EXPECT_EQ((*p)->org_id, 11);
  EXPECT_EQ((*p)->org_path, "/1/10/");  // the federation's scope_path, not its own path
  EXPECT_TRUE((*p)->via_cookie);
  EXPECT_EQ((*p)->csrf_token, r->session.csrf_token);
  EXPECT_EQ(audit_count("auth.login"), 1);
}

TEST_F(AccountsTest, WrongPasswordUnknownUserAndDeactivatedUserLookTheSame) {
  auto wrong = login("lan.fed", "not the password");
  auto unknown = login("nobody", "not the password");
  ASSERT_TRUE(service_->set_user_active(admin_principal(), fed_id_, false).ok());
  auto inactive = login("lan.fed", "mật khẩu của Lan");
  for (const auto* r : {&wrong, &unknown, &inactive}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, ErrorCode::unauthenticated);
    EXPECT_EQ(r->error().message_en, wrong.error().message_en);
  }
  EXPECT_EQ(audit_count("auth.login_failed"), 3);
  // The unknown username is not written to the audit log.
  auto details = db_->query("SELECT details FROM audit_log WHERE action = 'auth.login_failed'");
  for (const auto& row : *details) EXPECT_EQ(row.str(0).find("nobody"), std::string::npos);
  auto v = security::verify_audit(*db_);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

TEST_F(AccountsTest, BadLoginInputsAreRejectedWithoutCrashing) {
  for (auto [u, p] : std::vector<std::pair<std::string, std::string>>{
           {"", "x"}, {"admin", ""}, {std::string(200, 'a'), "x"}, {"admin", std::string(5000, 'x')},
           {"admin' OR '1'='1", "x"}, {"\xff\xfe", "x"}}) {
    auto r = login(u, p);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::unauthenticated);
  }
}

TEST_F(AccountsTest, FiveFailuresThrottleEvenTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("lan.fed", "wrong " + std::to_string(i)).error().code,
                                        ErrorCode::unauthenticated);
  int retry = 0;
  auto r = service_->login(LoginInput{"lan.fed", "mật khẩu của Lan", "10.0.0.2", ""}, retry);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::rate_limited);
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 15 * 60);
  EXPECT_TRUE(login("admin", "Quản trị viên 1").ok());  // other users are not locked out
}

TEST_F(AccountsTest, LogoutEndsTheSession) {
  auto r = login("lan.fed", "mật khẩu của Lan");
  ASSERT_TRUE(r.ok());
  auto p = service_->principal_for_session(r->session.token);
  ASSERT_TRUE(service_->logout(**p).ok());
  EXPECT_FALSE(*service_->principal_for_session(r->session.token));
  EXPECT_EQ(audit_count("auth.logout"), 1);
}

TEST_F(AccountsTest, AdminCreatesUsersOthersCannot) {
  Principal admin = admin_principal();
  auto u = service_->create_user(admin, NewUser{"Minh.Police", "Minh", "mật khẩu rất dài", "police_officer", 10,
                                                {"drugs", "scam"}, std::nullopt});
  ASSERT_TRUE(u.ok()) << u.error().message_en;
  EXPECT_EQ(u->username, "minh.police");
  EXPECT_EQ(u->categories, (std::vector<std::string>{"drugs", "scam"}));
  EXPECT_EQ(audit_count("user.create"), 3);  // two by the fixture as system, one by the admin
  auto fed = service_->principal_for_session(login("lan.fed", "mật khẩu của Lan")->session.token);
  auto denied = service_->create_user(**fed, NewUser{"x.y.z", "X", "mật khẩu rất dài", "admin", 1, {}, {}});
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, ErrorCode::forbidden);
  EXPECT_EQ(service_->list_users(**fed).error().code, ErrorCode::forbidden);
  EXPECT_EQ(service_->list_users(admin)->size(), 3u);
  EXPECT_TRUE(service_->get_user(**fed, fed_id_).ok());  // oneself
  EXPECT_FALSE(service_->get_user(**fed, admin_id_).ok());
}

TEST_F(AccountsTest, CreateUserRejectsBadInputsNamingTheField) {
  Principal admin = admin_principal();
  struct Case {
    NewUser user;
    std::string field;
  };
  const std::string pw = "mật khẩu rất dài";
  std::vector<Case> cases = {
      {{"ab", "A", pw, "admin", 1, {}, {}}, "username"},
      {{"has space", "A", pw, "admin", 1, {}, {}}, "username"},
      {{"trần", "A", pw, "admin", 1, {}, {}}, "username"},
      {{std::string(65, 'a'), "A", pw, "admin", 1, {}, {}}, "username"},
      {{"ADMIN", "A", pw, "admin", 1, {}, {}}, "username"},  // taken, case-insensitively
      {{"okname", "  ", pw, "admin", 1, {}, {}}, "display_name"},
      {{"okname", "bad\nname", pw, "admin", 1, {}, {}}, "display_name"},
      {{"okname", "A", pw, "superuser", 1, {}, {}}, "role"},
      {{"okname", "A", pw, "admin", 999, {}, {}}, "org_id"},
      {{"okname", "A", pw, "admin", 0, {}, {}}, "org_id"},
      {{"okname", "A", pw, "admin", 1, {"scam", "nope"}, {}}, "categories"},
      {{"okname", "A", pw, "team_leader", 1, {}, std::int64_t{-1}}, "team_id"},
      {{"okname", "A", "short", "admin", 1, {}, {}}, "password"},
      {{"okname", "A", "", "admin", 1, {}, {}}, "password"},
  };
  for (const Case& c : cases) {
    auto r = service_->create_user(admin, c.user);
    ASSERT_FALSE(r.ok()) << c.user.username << " " << c.field;
    EXPECT_EQ(r.error().field, c.field) << c.user.username << ": " << r.error().message_en;
  }
}

TEST_F(AccountsTest, ApiKeysAuthenticateUntilRevokedAndSystemAccountsCannotLogIn) {
  auto sys = service_->create_user_as_system(NewUser{"hotline", "Tổng đài", "", "union_officer", 10, {}, {}});
  ASSERT_TRUE(sys.ok()) << sys.error().message_en;
  EXPECT_FALSE(login("hotline", "!").ok());
  Principal admin = admin_principal();
  auto key = service_->create_api_key(admin, sys->id, "hotline system");
  ASSERT_TRUE(key.ok()) << key.error().message_en;
  EXPECT_TRUE(looks_like_api_key(key->key));
  EXPECT_EQ(db_->query("SELECT count(*) FROM api_keys WHERE key_hash = $1", {key->key})->rows[0].i64(0), 0);
  auto p = service_->principal_for_api_key(key->key);
  ASSERT_TRUE(p.ok() && *p);
  EXPECT_EQ((*p)->user_id, sys->id);
  EXPECT_EQ((*p)->api_key_id, key->id);
  EXPECT_FALSE((*p)->via_cookie);
  EXPECT_EQ((*p)->org_path, "/1/10/");
  EXPECT_FALSE(*service_->principal_for_api_key("ak_" + security::random_token()));
  EXPECT_FALSE(*service_->principal_for_api_key("garbage"));
  ASSERT_TRUE(service_->revoke_api_key(admin, key->id).ok());
  EXPECT_FALSE(*service_->principal_for_api_key(key->key));
  EXPECT_EQ(service_->revoke_api_key(admin, key->id).error().code, ErrorCode::not_found);
  EXPECT_EQ(service_->create_api_key(admin, 99999, "x").error().code, ErrorCode::not_found);
  EXPECT_EQ(service_->create_api_key(admin, sys->id, "").error().field, "name");
}

TEST_F(AccountsTest, ApiKeysOnlyForSystemAccountsAndTheAuditNamesTheKey) {
  Principal admin = admin_principal();
  // An admin cannot mint a key for a person's account and then act as that officer.
  auto officer_key = service_->create_api_key(admin, fed_id_, "act as Lan");
  ASSERT_FALSE(officer_key.ok());
  EXPECT_EQ(officer_key.error().field, "user_id");
  EXPECT_EQ(service_->create_api_key_as_system(fed_id_, "cli").error().field, "user_id");
  auto sys = service_->create_user_as_system(NewUser{"chatbot", "Chat bot", "", "union_officer", 10, {}, {}});
  ASSERT_TRUE(sys.ok());
  auto key = service_->create_api_key(admin, sys->id, "chat adapter");
  ASSERT_TRUE(key.ok());
  auto p = service_->principal_for_api_key(key->key);
  ASSERT_TRUE(p.ok() && *p);
  ASSERT_TRUE(service_->revoke_api_key(**p, key->id).error().code == ErrorCode::forbidden);  // a union role
  // What the key does is recorded as the key's, not as a person's.
  security::AuditEntry e = security::AuditEntry::by(**p, "case.message", "case", "1");
  EXPECT_EQ(e.actor_kind, "api_key");
  EXPECT_EQ(e.actor_ref, "api_key:" + std::to_string(key->id));
  EXPECT_EQ(*e.actor_user_id, sys->id);
  auto rows = db_->query("SELECT actor_kind, actor_ref FROM audit_log WHERE action = 'api_key.create' ORDER BY id DESC");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0].str(0), "user");  // the admin, by session
}

TEST_F(AccountsTest, DeactivationEndsSessionsAndKeys) {
  Principal admin = admin_principal();
  auto r = login("lan.fed", "mật khẩu của Lan");
  auto sys = service_->create_user_as_system(NewUser{"script", "Script", "", "union_officer", 10, {}, {}});
  ASSERT_TRUE(sys.ok());
  auto key = service_->create_api_key(admin, sys->id, "script");
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(service_->set_user_active(admin, fed_id_, false).ok());
  ASSERT_TRUE(service_->set_user_active(admin, sys->id, false).ok());
  EXPECT_FALSE(*service_->principal_for_session(r->session.token));
  EXPECT_FALSE(*service_->principal_for_api_key(key->key));
  EXPECT_EQ(service_->set_user_active(admin, admin_id_, false).error().code, ErrorCode::conflict);
  EXPECT_EQ(service_->set_user_active(admin, 424242, false).error().code, ErrorCode::not_found);
  ASSERT_TRUE(service_->set_user_active(admin, fed_id_, true).ok());
  EXPECT_TRUE(login("lan.fed", "mật khẩu của Lan").ok());
}

// ---- through HTTP ----

std::string set_cookie_named(const http::Response& res, const std::string& name) {
  for (auto [it, end] = res.headers.equal_range("Set-Cookie"); it != end; ++it)
    if (it->second.rfind(name + "=", 0) == 0) return it->second;
  return {};
}
std::string cookie_value(const std::string& set_cookie) {
  auto eq = set_cookie.find('=');
  return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
}

TEST_F(AccountsTest, HttpLoginSetsCookiesAndTheSessionNeedsCsrfForUnsafeRequests) {
  http::Response res = call("POST", "/api/v1/auth/login", R"({"username":"lan.fed","password":"mật khẩu của Lan"})");
  ASSERT_EQ(res.status, 200) << res.body;
  Json body = Json::parse(res.body);
  EXPECT_EQ(body["user"]["username"], "lan.fed");
  EXPECT_EQ(body["user"]["org_name"], "LĐLĐ A");
  EXPECT_FALSE(body["user"].contains("password_hash"));
  std::string csrf = body["csrf_token"];
  std::string session_cookie = set_cookie_named(res, "antoan_session");
  std::string csrf_cookie = set_cookie_named(res, "antoan_csrf");
  EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(session_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(session_cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(session_cookie.find("Secure"), std::string::npos);  // plain HTTP in this test
  EXPECT_EQ(csrf_cookie.find("HttpOnly"), std::string::npos);   // the front end reads it
  EXPECT_EQ(cookie_value(csrf_cookie), csrf);
  std::map<std::string, std::string> jar{{"antoan_session", cookie_value(session_cookie)},
                                         {"antoan_csrf", csrf}};

  http::Response me = call("GET", "/api/v1/auth/me", "", {}, jar);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Json::parse(me.body)["user"]["id"], fed_id_);
  EXPECT_EQ(Json::parse(me.body)["csrf_token"], csrf);

  EXPECT_EQ(call("POST", "/api/v1/auth/logout", "", {}, jar).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", "", {{"x-csrf-token", "wrong"}}, jar).status, 403);
  http::Response out = call("POST", "/api/v1/auth/logout", "", {{"x-csrf-token", csrf}}, jar);
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(set_cookie_named(out, "antoan_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {}, jar).status, 401);
}

TEST_F(AccountsTest, HttpCookiesAreSecureOverTls) {
  http::Response res =
      call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"Quản trị viên 1"})", {}, {}, true);
  ASSERT_EQ(res.status, 200);
  EXPECT_NE(set_cookie_named(res, "antoan_session").find("; Secure"), std::string::npos);
  EXPECT_NE(set_cookie_named(res, "antoan_csrf").find("; Secure"), std::string::npos);
}

TEST_F(AccountsTest, HttpBadLoginsAndThrottling) {
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"username":"admin"})").status, 422);  // missing field
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"username":"admin","password":5})").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"password":"x"})").status, 422);
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"username":["admin"],"password":"x"})").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/auth/login", "not json").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/auth/login", "[]").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"x"})",
                 {{"content-type", "text/plain"}})
                .status,
            415);
  http::Response unknown = call("POST", "/api/v1/auth/login", R"({"username":"ghost","password":"x"})");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(Json::parse(unknown.body)["error"]["code"], "unauthenticated");
  for (int i = 0; i < 4; ++i) call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"x"})");
  http::Response wrong = call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"x"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(Json::parse(wrong.body)["error"]["message_en"], Json::parse(unknown.body)["error"]["message_en"]);
  http::Response limited = call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"Quản trị viên 1"})");
  EXPECT_EQ(limited.status, 429);
  auto retry = limited.headers.find("Retry-After");
  ASSERT_NE(retry, limited.headers.end());
  EXPECT_GT(std::stoi(retry->second), 0);
  EXPECT_EQ(Json::parse(limited.body)["error"]["code"], "rate_limited");
}

TEST_F(AccountsTest, HttpBadCookiesAreAnonymousAndBadKeysAreRejected) {
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {}, {{"antoan_session", "forged"}}).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {}, {{"antoan_session", security::random_token()}}).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {{"authorization", "Bearer nope"}}).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {{"authorization", "Basic YWRtaW46eA=="}}).status, 401);
  // An open route still works with a stale cookie.
  EXPECT_EQ(call("POST", "/api/v1/auth/login", R"({"username":"admin","password":"Quản trị viên 1"})", {},
                 {{"antoan_session", security::random_token()}})
                .status,
            200);
}

TEST_F(AccountsTest, HttpApiKeyNeedsNoCsrfAndAdminRoutesUsePolicy) {
  Principal admin = admin_principal();
  auto sys = service_->create_user_as_system(NewUser{"automation", "Automation", "", "admin", 1, {}, {}});
  ASSERT_TRUE(sys.ok()) << sys.error().message_en;
  auto key = service_->create_api_key(admin, sys->id, "automation");
  ASSERT_TRUE(key.ok());
  std::map<std::string, std::string> auth{{"authorization", "Bearer " + key->key}};
  http::Response me = call("GET", "/api/v1/auth/me", "", auth);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(Json::parse(me.body)["auth"], "api_key");
  http::Response created = call("POST", "/api/v1/users",
                                R"({"username":"thu.ent","display_name":"Thu","password":"mật khẩu rất dài",
                                    "role":"enterprise_officer","org_id":100})",
                                auth);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json::parse(created.body)["role"], "enterprise_officer");
  http::Response bad = call("POST", "/api/v1/users",
                            R"({"username":"x1x","display_name":"X","password":"mật khẩu rất dài","role":"admin",
                                "org_id":1,"categories":"scam"})",
                            auth);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json::parse(bad.body)["error"]["field"], "categories");
  http::Response list = call("GET", "/api/v1/users", "", auth);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Json::parse(list.body)["items"].size(), 4u);  // three people and the automation account

  // A non-admin session is refused by policy.
  http::Response login_fed =
      call("POST", "/api/v1/auth/login", R"({"username":"lan.fed","password":"mật khẩu của Lan"})");
  std::map<std::string, std::string> jar{{"antoan_session", cookie_value(set_cookie_named(login_fed, "antoan_session"))}};
  EXPECT_EQ(call("GET", "/api/v1/users", "", {}, jar).status, 403);
  EXPECT_EQ(call("GET", "/api/v1/users/" + std::to_string(fed_id_), "", {}, jar).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/users/abc", "", {}, jar).status, 404);

  // Over HTTP too: a key for a person's account is refused, for a system account made.
  http::Response officer = call("POST", "/api/v1/users/" + std::to_string(fed_id_) + "/api-keys", R"({"name":"n"})", auth);
  EXPECT_EQ(officer.status, 422) << officer.body;
  http::Response k = call("POST", "/api/v1/users/" + std::to_string(sys->id) + "/api-keys", R"({"name":"n"})", auth);
  ASSERT_EQ(k.status, 201) << k.body;
  std::string new_key = Json::parse(k.body)["key"];
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {{"authorization", "Bearer " + new_key}}).status, 200);
  EXPECT_EQ(call("DELETE", "/api/v1/api-keys/" + Json::parse(k.body)["id"].dump(), "", auth).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", "", {{"authorization", "Bearer " + new_key}}).status, 401);
}

}  // namespace
}  // namespace antoan::accounts

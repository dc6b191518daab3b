#include "accounts/routes.h"

#include "accounts/authenticator.h"
#include "core/clock.h"
#include "security/policy.h"

namespace antoan::accounts {
namespace {

// SameSite=Strict: antoan is a single-page app whose API calls are always same-site, so no
// legitimate flow needs the cookie on a cross-site request; a link from an e-mail still
// opens the page (static files need no cookie) and its API calls then carry the cookie.
std::string cookie(const std::string& name, const std::string& value, std::int64_t max_age_s, bool http_only,
                   bool secure) {
  std::string c = name + "=" + value + "; Path=/; Max-Age=" + std::to_string(max_age_s) + "; SameSite=Strict";
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  return c;
}

void set_session_cookies(http::Response& res, const http::Request& req, const std::string& token,
                         const std::string& csrf, std::int64_t max_age_s) {
  res.headers.emplace("Set-Cookie", cookie(kSessionCookie, token, max_age_s, true, req.secure));
  res.headers.emplace("Set-Cookie", cookie(kCsrfCookie, csrf, max_age_s, false, req.secure));
  res.headers.emplace("Cache-Control", "no-store");
}

Result<std::string> raw_password(const Json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null())
    return Error::unprocessable(field, "Thiếu mật khẩu", "Password is required");
  if (!it->is_string()) return Error::invalid(field, "Mật khẩu phải là chuỗi", "Password must be a string");
  return it->get<std::string>();  // not trimmed: spaces are part of a password
}

Result<std::vector<std::string>> string_list(const Json& body, const char* field) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > 20)
    return Error::invalid(field, "Trường phải là danh sách chuỗi", "Field must be a list of strings");
  for (const Json& v : *it) {
    if (!v.is_string()) return Error::invalid(field, "Trường phải là danh sách chuỗi", "Field must be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Json principal_json(const security::Principal& p) {
  Json permissions = Json::array();
  for (std::string_view name : security::allowed_actions(p)) permissions.push_back(std::string(name));
  return Json{{"auth", p.api_key_id ? "api_key" : "session"}, {"permissions", permissions}};
}

Result<http::Response> login(AccountService& accounts, http::Request& req) {
  ANTOAN_ASSIGN(Json body, req.json_body());
  JsonFields f(body);
  LoginInput in;
  ANTOAN_ASSIGN(in.username, f.string("username", 128));
  ANTOAN_ASSIGN(in.password, raw_password(body, "password"));
  in.remote_addr = client_address(req);
  in.user_agent = req.header("user-agent");
  int retry_after = 0;
  Result<LoginResult> r = accounts.login(in, retry_after);
  if (!r.ok()) {
    if (r.error().code != ErrorCode::rate_limited) return r.error();
    http::Response res = http::Response::error(r.error(), req.lang);
    res.headers.emplace("Retry-After", std::to_string(retry_after));
    return res;
  }
  std::int64_t max_age = (r->session.expires_at - now_ms()) / 1000;
  http::Response res = http::Response::json(Json{{"user", user_json(r->user)},
                                                 {"csrf_token", r->session.csrf_token},
                                                 {"expires_at", format_iso8601(r->session.expires_at)}});
  set_session_cookies(res, req, r->session.token, r->session.csrf_token, max_age);
  return res;
}

Result<http::Response> logout(AccountService& accounts, http::Request& req) {
  ANTOAN_TRY(accounts.logout(*req.principal));
  http::Response res = http::Response::no_content();
  set_session_cookies(res, req, "", "", 0);
  return res;
}

Result<http::Response> me(AccountService& accounts, http::Request& req) {
  ANTOAN_ASSIGN(UserView u, accounts.me(*req.principal));
  Json j{{"user", user_json(u)}};
  j.update(principal_json(*req.principal));
  // What the console may offer this user (security/policy decides; tabs they cannot use are hidden).
  const security::Principal& p = *req.principal;
  j["can"] = {{"map", security::allows(p, security::Action::hotspot_view)},
              {"housing", security::allows(p, security::Action::housing_view)},
              {"routing", security::allows(p, security::Action::org_manage)},
              {"export", security::allows(p, security::Action::case_export)},
              {"scam_feedback", security::allows(p, security::Action::scam_feedback_review)}};
  if (req.principal->via_cookie) j["csrf_token"] = req.principal->csrf_token;
  return http::Response::json(j);
}

Result<http::Response> create_user(AccountService& accounts, http::Request& req) {
  ANTOAN_ASSIGN(Json body, req.json_body());
  JsonFields f(body);
  NewUser u;
  ANTOAN_ASSIGN(u.username, f.string("username", 64));
  ANTOAN_ASSIGN(u.display_name, f.string("display_name", 200));
  ANTOAN_ASSIGN(u.password, raw_password(body, "password"));
  ANTOAN_ASSIGN(u.role, f.string("role", 40));
  ANTOAN_ASSIGN(u.org_id, f.integer("org_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(u.categories, string_list(body, "categories"));
  ANTOAN_ASSIGN(u.team_id, f.optional_int("team_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(UserView created, accounts.create_user(*req.principal, u));
  return http::Response::json(user_json(created), 201);
}

}  // namespace

Json user_json(const UserView& u) {
  return Json{{"id", u.id},
              {"username", u.username},
              {"display_name", u.display_name},
              {"role", u.role},
              {"org_id", u.org_id},
              {"org_name", u.org_name},
              {"categories", u.categories},
              {"team_id", u.team_id ? Json(*u.team_id) : Json(nullptr)},
              {"active", u.active}};
}

void register_account_routes(http::Router& router, AccountService& accounts) {
  using http::Access;
  using http::Request;
  using http::Response;
  AccountService* a = &accounts;
  router.add("POST", "/api/v1/auth/login", [a](Request& r) { return login(*a, r); },
             {Access::open, 4 * 1024}, "Log in with username and password (sets the session cookies)");
  router.add("POST", "/api/v1/auth/logout", [a](Request& r) { return logout(*a, r); }, {Access::authenticated},
             "Log out (ends the session)");
  router.add("GET", "/api/v1/auth/me", [a](Request& r) { return me(*a, r); }, {Access::authenticated},
             "The logged-in user");
  router.add(
      "GET", "/api/v1/users",
      [a](Request& r) -> Result<Response> {
        ANTOAN_ASSIGN(std::vector<UserView> users, a->list_users(*r.principal));
        Json items = Json::array();
        for (const auto& u : users) items.push_back(user_json(u));
        return Response::json(Json{{"items", items}});
      },
      {Access::authenticated}, "List users (admin)");
  router.add("POST", "/api/v1/users", [a](Request& r) { return create_user(*a, r); }, {Access::authenticated},
             "Create a user (admin)");
  router.add(
      "GET", "/api/v1/users/{id}",
      [a](Request& r) -> Result<Response> {
        ANTOAN_ASSIGN(std::int64_t id, r.id_param("id"));
        ANTOAN_ASSIGN(UserView u, a->get_user(*r.principal, id));
        return Response::json(user_json(u));
      },
      {Access::authenticated}, "One user (admin, or the user themself)");
  for (bool active : {true, false}) {
    router.add(
        "POST", active ? "/api/v1/users/{id}/activate" : "/api/v1/users/{id}/deactivate",
        [a, active](Request& r) -> Result<Response> {
          ANTOAN_ASSIGN(std::int64_t id, r.id_param("id"));
          ANTOAN_TRY(a->set_user_active(*r.principal, id, active));
          return Response::no_content();
        },
        {Access::authenticated, 1024, false},
        active ? "Re-activate a user (admin)" : "Deactivate a user: ends their sessions and API keys (admin)");
  }
  router.add(
      "POST", "/api/v1/users/{id}/api-keys",
      [a](Request& r) -> Result<Response> {
        ANTOAN_ASSIGN(std::int64_t id, r.id_param("id"));
        ANTOAN_ASSIGN(Json body, r.json_body());
        ANTOAN_ASSIGN(std::string name, JsonFields(body).string("name", 100));
        ANTOAN_ASSIGN(NewApiKey k, a->create_api_key(*r.principal, id, name));
        Response res = Response::json(
            Json{{"id", k.id}, {"user_id", k.user_id}, {"name", k.name}, {"key", k.key}, {"prefix", k.prefix}}, 201);
        res.headers.emplace("Cache-Control", "no-store");
        return res;
      },
      {Access::authenticated}, "Create an API key for a (system) user; the key is shown once (admin)");
  router.add(
      "DELETE", "/api/v1/api-keys/{id}",
      [a](Request& r) -> Result<Response> {
        ANTOAN_ASSIGN(std::int64_t id, r.id_param("id"));
        ANTOAN_TRY(a->revoke_api_key(*r.principal, id));
        return Response::no_content();
      },
      {Access::authenticated}, "Revoke an API key (admin)");
}

}  // namespace antoan::accounts

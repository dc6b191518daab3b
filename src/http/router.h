#pragma once
// Routes of every capability register here with a method, a pattern such as
// "/api/v1/cases/{id}" and who may call them. The router matches, authenticates (through
// the Authenticator the app installs), checks CSRF, content type and body size, calls the
// handler and turns an Error into the JSON error response. It decides no access beyond
// "is there a principal": that is security/policy's job inside services.
#include <functional>
#include <string>
#include <vector>

#include "http/request.h"

namespace antoan::http {

using Handler = std::function<Result<Response>(Request&)>;
// Returns the principal of the request (or nullopt when anonymous); an Error for a bad
// credential.
using Authenticator = std::function<Result<std::optional<security::Principal>>(const Request&)>;

enum class Access {
  open,           // anyone; a principal is attached when the caller is logged in
  authenticated,  // requires a principal (401 otherwise)
};

struct RouteOptions {
  Access access = Access::authenticated;
  std::size_t max_body_bytes = 64 * 1024;
  bool json_body = true;  // POST/PUT/PATCH bodies must be application/json
};

struct RouteInfo {
  std::string method;
  std::string pattern;
  Access access;
  std::string summary;
};

class Router {
 public:
  void add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options = {},
           std::string summary = {});
  void set_authenticator(Authenticator auth) { auth_ = std::move(auth); }
  // Dispatches; never throws; every failure is a JSON error response.
  Response dispatch(Request& req) const;
  bool matches_any(const std::string& path) const;
  const std::vector<RouteInfo>& routes() const { return infos_; }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  static bool match(const Route& r, const std::vector<std::string>& parts, std::map<std::string, std::string>& out);
  Result<Response> run(const Route& route, Request& req) const;

  std::vector<Route> routes_;
  std::vector<RouteInfo> infos_;
  Authenticator auth_;
};

std::vector<std::string> split_path(const std::string& path);

}  // namespace antoan::http

#pragma once
// The framework-neutral request and response that routes see; http/server.cc adapts
// cpp-httplib to them, so the HTTP library can be swapped without touching routes.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "security/principal.h"

namespace antoan::http {

enum class Lang { vi, en };

struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> path_params;  // {name} segments of the route pattern
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;       // lower-case names
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string remote_addr;
  bool secure = false;  // arrived over TLS (directly or via a trusted proxy)
  Lang lang = Lang::vi;
  std::optional<security::Principal> principal;

  std::string header(const std::string& lower_name) const;
  std::optional<std::string> query_param(const std::string& name) const;
  const std::string& param(const std::string& name) const { return path_params.at(name); }
  // Parses the body as a JSON object (errors name the problem).
  Result<Json> json_body() const;
  // Path parameter as a positive id, or a 404-style error.
  Result<std::int64_t> id_param(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string body;
  // A streamed body (large exports), sent chunked instead of `body`: called until it returns false,
  // each call appending the next chunk to `out`.
  std::function<bool(std::string& out)> stream;
  std::string content_type = "application/json; charset=utf-8";
  std::multimap<std::string, std::string> headers;

  static Response json(const Json& j, int status = 200);
  static Response error(const Error& e, Lang lang);
  static Response no_content();
};

}  // namespace antoan::http

#include "http/router.h"

#include <sodium.h>

#include "core/utf8.h"

namespace antoan::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) parts.push_back(path.substr(i, j - i));
    i = j;
  }
  return parts;
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler, RouteOptions options,
                 std::string summary) {
  routes_.push_back(Route{method, split_path(pattern), std::move(handler), options});
  infos_.push_back(RouteInfo{method, pattern, options.access, std::move(summary)});
}

bool Router::match(const Route& r, const std::vector<std::string>& parts, std::map<std::string, std::string>& out) {
  if (r.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = r.segments[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
      out[seg.substr(1, seg.size() - 2)] = parts[i];
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

bool Router::matches_any(const std::string& path) const {
  auto parts = split_path(path);
  std::map<std::string, std::string> ignored;
  for (const Route& r : routes_)
    if (match(r, parts, ignored)) return true;
  return false;
}

namespace {
bool is_unsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

bool constant_time_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

Result<Response> Router::run(const Route& route, Request& req) const {
  if (req.body.size() > route.options.max_body_bytes)
    return Error::make(ErrorCode::payload_too_large, "Dữ liệu gửi lên quá lớn", "Request body is too large");
  if (is_unsafe(req.method) && route.options.json_body && !req.body.empty()) {
    std::string ct = req.header("content-type");
    if (ct.rfind("application/json", 0) != 0)
      return Error::make(ErrorCode::unsupported_media_type, "Dữ liệu phải ở dạng JSON (application/json)",
                         "Content-Type must be application/json");
  }
  if (auth_) {
    ANTOAN_ASSIGN(req.principal, auth_(req));
  }
  if (route.options.access == Access::authenticated && !req.principal) return Error::unauthenticated();
  // Cookie sessions need the CSRF token on every unsafe request (API keys do not).
  if (req.principal && req.principal->via_cookie && is_unsafe(req.method) &&
      !constant_time_equal(req.header("x-csrf-token"), req.principal->csrf_token))
    return Error::make(ErrorCode::forbidden, "Thiếu hoặc sai mã chống giả mạo (CSRF)", "Missing or wrong CSRF token",
                       "X-CSRF-Token");
  return route.handler(req);
}

Response Router::dispatch(Request& req) const {
  if (!is_valid_utf8(req.path))
    return Response::error(Error::invalid("path", "Đường dẫn không hợp lệ", "Invalid path"), req.lang);
  auto parts = split_path(req.path);
  bool path_known = false;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match(r, parts, params)) continue;
    path_known = true;
    if (r.method != req.method) continue;
    req.path_params = std::move(params);
    try {
      Result<Response> res = run(r, req);
      if (!res.ok()) return Response::error(res.error(), req.lang);
      return std::move(res).value();
    } catch (const std::exception& e) {  // last line of defence: a bug, never bad input
      return Response::error(Error::internal(e.what()), req.lang);
    }
  }
  if (path_known)
    return Response::error(Error::make(ErrorCode::method_not_allowed, "Phương thức không được hỗ trợ",
                                       "Method not allowed for this path"),
                           req.lang);
  return Response::error(Error::not_found("đường dẫn", "Route"), req.lang);
}

}  // namespace antoan::http

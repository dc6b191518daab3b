#include "http/request.h"

namespace antoan::http {

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string{} : it->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Result<Json> Request::json_body() const { return parse_json_object(body); }

Result<std::int64_t> Request::id_param(const std::string& name) const {
  const std::string& s = param(name);
  std::int64_t v = 0;
  if (s.empty() || s.size() > 18) return Error::not_found("mục này", "Item");
  for (char c : s) {
    if (c < '0' || c > '9') return Error::not_found("mục này", "Item");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return Error::not_found("mục này", "Item");
  return v;
}

Response Response::json(const Json& j, int status) {
  Response r;
  r.status = status;
  r.body = safe_dump(j);
  return r;
}

Response Response::error(const Error& e, Lang lang) {
  Json err = {{"code", std::string(error_code_name(e.code))},
              {"message", lang == Lang::en ? e.message_en : e.message_vi},
              {"message_vi", e.message_vi},
              {"message_en", e.message_en},
              {"field", e.field.empty() ? Json(nullptr) : Json(e.field)}};
  return json(Json{{"error", err}}, error_code_http_status(e.code));
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace antoan::http

#include "app/openapi.h"

namespace antoan::app {
namespace {

// OpenAPI path syntax is the same {name} form the Router uses.
Json build_document(const http::Router& router) {
  Json paths = Json::object();
  for (const auto& r : router.routes()) {
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Json op = {{"summary", r.summary.empty() ? r.method + " " + r.pattern : r.summary},
               {"responses",
                {{"default",
                  {{"description", "Error"},
                   {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}}}};
    if (r.access == http::Access::authenticated) op["security"] = Json::array({{{"session", Json::array()}}});
    Json params = Json::array();
    for (const auto& seg : http::split_path(r.pattern))
      if (seg.size() > 2 && seg.front() == '{')
        params.push_back({{"name", seg.substr(1, seg.size() - 2)}, {"in", "path"}, {"required", true},
                          {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = params;
    paths[r.pattern][method] = op;
  }
  Json error_schema = {
      {"type", "object"},
      {"properties",
       {{"error",
         {{"type", "object"},
          {"properties",
           {{"code", {{"type", "string"}}},
            {"message", {{"type", "string"}, {"description", "In the request's language (Accept-Language)"}}},
            {"message_vi", {{"type", "string"}}},
            {"message_en", {{"type", "string"}}},
            {"field", {{"type", {"string", "null"}}}}}}}}}}};
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "antoan API"}, {"version", "1.0.0"},
                    {"description", "An toàn cho công nhân — reports, cases, scam shield, hotspots."}}},
          {"paths", paths},
          {"components",
           {{"schemas", {{"Error", error_schema}}},
            {"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "antoan_session"}}}}}}}};
}

}  // namespace

void register_openapi_route(http::Router& router) {
  router.add(
      "GET", "/api/v1/openapi.json",
      [&router](http::Request&) -> Result<http::Response> { return http::Response::json(build_document(router)); },
      {http::Access::open}, "This OpenAPI document");
}

}  // namespace antoan::app

#include "orgs/routes.h"

#include "core/utf8.h"
#include "http/query_params.h"

namespace antoan::orgs {
namespace {

using http::Request;
using http::Response;

Json opt(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }
Json opt(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json opt(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

// A short query-string text: valid UTF-8, no control characters, at most `max` bytes.
Result<std::optional<std::string>> text_param(const Request& req, const char* name, std::size_t max = 100) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>{};
  if (v->size() > max || !is_valid_utf8(*v) || has_control_chars(*v))
    return Error::invalid(name, std::string("Tham số ") + name + " không hợp lệ", std::string("Invalid ") + name);
  return v;
}

Result<int> limit_param(const Request& req) {
  auto v = req.query_param("limit");
  if (!v) return 200;
  int n = 0;
  if (v->empty() || v->size() > 4) return Error::invalid("limit", "limit phải là số từ 1 đến 5000", "limit must be 1..5000");
  for (char c : *v) {
    if (c < '0' || c > '9') return Error::invalid("limit", "limit phải là số từ 1 đến 5000", "limit must be 1..5000");
    n = n * 10 + (c - '0');
  }
  if (n < 1 || n > 5000) return Error::invalid("limit", "limit phải là số từ 1 đến 5000", "limit must be 1..5000");
  return n;
}

// What the public report form needs about an enterprise, nothing more.
Json public_enterprise_json(const OrgRef& o) {
  return {{"id", o.id}, {"name", o.name}, {"area_code", opt(o.area_code)}, {"industrial_park", opt(o.industrial_park)}};
}

Result<Response> list_areas(OrgService& service, Request& req) {
  AreaQuery q;
  ANTOAN_ASSIGN(q.level, text_param(req, "level", 16));
  ANTOAN_ASSIGN(q.parent, text_param(req, "parent", 16));
  ANTOAN_ASSIGN(q.q, text_param(req, "q"));
  ANTOAN_ASSIGN(q.limit, limit_param(req));
  ANTOAN_ASSIGN(auto areas, service.list_areas(q));
  Json items = Json::array();
  for (const Area& a : areas) items.push_back(area_json(a));
  return Response::json({{"items", items}, {"count", items.size()}});
}

Result<Response> list_orgs(OrgService& service, Request& req) {
  OrgQuery q;
  ANTOAN_ASSIGN(q.kind, text_param(req, "kind", 16));
  ANTOAN_ASSIGN(q.area, text_param(req, "area", 16));
  ANTOAN_ASSIGN(q.q, text_param(req, "q"));
  ANTOAN_ASSIGN(q.parent_id, http::query_id(req, "parent"));
  ANTOAN_ASSIGN(q.limit, limit_param(req));
  bool public_listing = !req.principal;
  if (public_listing && q.kind != "enterprise") return Error::unauthenticated();
  ANTOAN_ASSIGN(auto orgs, service.list_orgs(q));
  Json items = Json::array();
  for (const OrgRef& o : orgs) items.push_back(public_listing ? public_enterprise_json(o) : org_json(o));
  return Response::json({{"items", items}, {"count", items.size()}});
}

Result<Response> create_org(OrgService& service, Request& req) {
  ANTOAN_ASSIGN(Json body, req.json_body());
  JsonFields f(body);
  NewOrg org;
  ANTOAN_ASSIGN(org.kind, f.string("kind", 16));
  ANTOAN_ASSIGN(org.name, f.string("name", 200));
  ANTOAN_ASSIGN(org.parent_id, f.optional_int("parent_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(org.area_code, f.optional_string("area_code", 16));
  ANTOAN_ASSIGN(org.industrial_park, f.optional_string("industrial_park", 200));
  ANTOAN_ASSIGN(org.lat, f.optional_number("lat", -90, 90));
  ANTOAN_ASSIGN(org.lon, f.optional_number("lon", -180, 180));
  ANTOAN_ASSIGN(OrgRef created, service.create(*req.principal, org));
  return Response::json(org_json(created), 201);
}

}  // namespace

Json area_json(const Area& a) {
  return {{"code", a.code}, {"name", a.name},  {"level", a.level}, {"parent_code", opt(a.parent_code)},
          {"lat", opt(a.lat)}, {"lon", opt(a.lon)}};
}

Json org_json(const OrgRef& o) {
  return {{"id", o.id},
          {"parent_id", opt(o.parent_id)},
          {"path", o.path},
          {"scope_path", o.scope_path},
          {"kind", o.kind},
          {"name", o.name},
          {"area_code", opt(o.area_code)},
          {"enterprise_id", opt(o.enterprise_id)},
          {"industrial_park", opt(o.industrial_park)},
          {"lat", opt(o.lat)},
          {"lon", opt(o.lon)}};
}

void register_org_routes(http::Router& router, OrgService& service) {
  router.add(
      "GET", "/api/v1/areas", [&service](Request& req) { return list_areas(service, req); }, {http::Access::open},
      "List administrative areas (level, parent, q: name with or without diacritics)");
  router.add(
      "GET", "/api/v1/areas/{code}",
      [&service](Request& req) -> Result<Response> {
        ANTOAN_ASSIGN(Area area, service.get_area(req.param("code")));
        return Response::json(area_json(area));
      },
      {http::Access::open}, "One administrative area");
  router.add(
      "GET", "/api/v1/orgs", [&service](Request& req) { return list_orgs(service, req); }, {http::Access::open},
      "List organisations (kind=enterprise is public, for the report form)");
  router.add(
      "GET", "/api/v1/orgs/{id}",
      [&service](Request& req) -> Result<Response> {
        ANTOAN_ASSIGN(std::int64_t id, req.id_param("id"));
        ANTOAN_ASSIGN(OrgRef org, service.get(id));
        return Response::json(org_json(org));
      },
      {http::Access::authenticated}, "One organisation");
  router.add(
      "POST", "/api/v1/orgs", [&service](Request& req) { return create_org(service, req); },
      {http::Access::authenticated}, "Create an organisation (admin)");
}

}  // namespace antoan::orgs

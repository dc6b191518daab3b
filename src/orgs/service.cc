#include "orgs/service.h"

#include <algorithm>
#include <functional>

#include "core/clock.h"
#include "orgs/province_shapes.h"
#include "security/audit.h"
#include "security/policy.h"
#include "text/normalize.h"

namespace antoan::orgs {
namespace {

using store::Params;
using store::Row;
using Query = std::function<Result<store::Rows>(std::string_view, const Params&)>;

Query reader(store::Db& db) {
  return [&db](std::string_view sql, const Params& p) { return db.query(sql, p); };
}
Query reader(store::Tx& tx) {
  return [&tx](std::string_view sql, const Params& p) { return tx.query(sql, p); };
}

constexpr const char* kOrgColumns =
    "id, parent_id, path, scope_path, kind, name, area_code, enterprise_id, industrial_park, lat, lon";

OrgRef org_from_row(const Row& r) {
  OrgRef o;
  o.id = r.i64(0);
  o.parent_id = r.opt_i64(1);
  o.path = r.str(2);
  o.scope_path = r.str(3);
  o.kind = r.str(4);
  o.name = r.str(5);
  o.area_code = r.opt_str(6);
  o.enterprise_id = r.opt_i64(7);
  o.industrial_park = r.opt_str(8);
  o.lat = r.opt_f64(9);
  o.lon = r.opt_f64(10);
  return o;
}

Area area_from_row(const Row& r) {
  return Area{r.str(0), r.str(1), r.str(2), r.opt_str(3), r.opt_f64(4), r.opt_f64(5)};
}

// LIKE patterns for "contains" / "starts with", the user's wildcards escaped by '!'.
std::string escape_like(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '!') out.push_back('!');
    out.push_back(ch);
  }
  return out;
}
std::string contains_pattern(const std::string& text) { return "%" + escape_like(text) + "%"; }

std::string param(Params& params, store::Value v) {
  params.push_back(std::move(v));
  return "$" + std::to_string(params.size());
}

Error unknown_area(const std::string& code) {
  return Error::make(ErrorCode::unprocessable, "Không có địa bàn (tỉnh/xã) với mã " + code,
                     "No area (province/commune) with code " + code, "area_code");
}

Error bad_enterprise() {
  return Error::make(ErrorCode::unprocessable, "Không tìm thấy doanh nghiệp này", "No such enterprise",
                     "enterprise_id");
}

Result<Area> load_area(const Query& q, const std::string& code) {
  ANTOAN_ASSIGN(auto rows, q("SELECT code, name, level, parent_code, lat, lon FROM areas WHERE code = $1", {code}));
  if (rows.empty()) return unknown_area(code);
  return area_from_row(rows[0]);
}

Result<std::optional<OrgRef>> load_org(const Query& q, std::int64_t id) {
  ANTOAN_ASSIGN(auto rows, q(std::string("SELECT ") + kOrgColumns + " FROM organisations WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<OrgRef>{};
  return std::optional<OrgRef>{org_from_row(rows[0])};
}

std::string province_of(const Area& a) { return a.level == "province" ? a.code : a.parent_code.value_or(""); }

// The node standing for an area: the commune node, or the province node.
Result<OrgRef> area_node(const Query& q, const Area& area) {
  ANTOAN_ASSIGN(auto rows, q(std::string("SELECT ") + kOrgColumns +
                                 " FROM organisations WHERE area_code = $1 AND kind = $2 ORDER BY id LIMIT 1",
                             {area.code, area.level == "province" ? std::string("province") : std::string("commune")}));
  if (!rows.empty()) return org_from_row(rows[0]);
  if (area.level == "commune" && area.parent_code) {
    // A commune without its own node (added to areas later): its province stands for it.
    ANTOAN_ASSIGN(Area province, load_area(q, *area.parent_code));
    return area_node(q, province);
  }
  return Error::internal("no organisation node for area " + area.code + " (reference data not seeded?)");
}

struct Place {
  Area area;
  std::optional<OrgRef> enterprise;
  std::string path;  // enterprise path or area node path
};

Result<Place> resolve_place(const Query& q, const std::string& area_code, std::optional<std::int64_t> enterprise_id) {
  if (area_code.empty() || area_code.size() > 16)
    return Error::invalid("area_code", "Mã địa bàn không hợp lệ", "Invalid area code");
  ANTOAN_ASSIGN(Area area, load_area(q, area_code));
  Place place{area, std::nullopt, {}};
  if (enterprise_id) {
    if (*enterprise_id <= 0) return bad_enterprise();
    ANTOAN_ASSIGN(auto org, load_org(q, *enterprise_id));
    if (!org || org->kind != "enterprise") return bad_enterprise();
    if (!org->area_code) return Error::internal("enterprise without an area");
    ANTOAN_ASSIGN(Area ent_area, load_area(q, *org->area_code));
    if (province_of(ent_area) != province_of(area))
      return Error::make(ErrorCode::unprocessable, "Doanh nghiệp không thuộc tỉnh/thành của địa bàn đã chọn",
                         "The enterprise is not in the province of the chosen area", "enterprise_id");
    place.path = org->path;
    place.enterprise = std::move(*org);
    return place;
  }
  ANTOAN_ASSIGN(OrgRef node, area_node(q, area));
  place.path = node.path;
  return place;
}

// Nearest office of `kind` attached to an ancestor of `place_path` (deepest first).
Result<std::optional<std::int64_t>> nearest_office(const Query& q, const std::string& place_path,
                                                   const std::string& kind) {
  std::vector<std::int64_t> ancestors;
  std::size_t pos = 1;
  while (pos < place_path.size()) {
    std::size_t slash = place_path.find('/', pos);
    if (slash == std::string::npos) break;
    ancestors.push_back(std::stoll(place_path.substr(pos, slash - pos)));
    pos = slash + 1;
  }
  for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
    ANTOAN_ASSIGN(auto rows, q("SELECT id FROM organisations WHERE parent_id = $1 AND kind = $2 ORDER BY id LIMIT 1",
                               {*it, kind}));
    if (!rows.empty()) return std::optional<std::int64_t>{rows[0].i64(0)};
  }
  return std::optional<std::int64_t>{};
}

Result<RouteDecision> route(const Query& q, const std::string& category, const std::string& area_code,
                           std::optional<std::int64_t> enterprise_id) {
  if (!security::is_category(category))
    return Error::invalid("category", "Loại phản ánh không hợp lệ", "Unknown report category");
  ANTOAN_ASSIGN(Place place, resolve_place(q, area_code, enterprise_id));
  std::string province = province_of(place.area);
  ANTOAN_ASSIGN(auto rules, q("SELECT org_kind, org_id, id FROM routing_rules WHERE (category = $1 OR category = '*') "
                              "AND (area_code = $2 OR area_code = $3 OR area_code = '*') ORDER BY position, id",
                              {category, place.area.code, province}));
  for (const Row& rule : rules) {
    if (auto org_id = rule.opt_i64(1)) return RouteDecision{*org_id, rule.i64(2)};
    std::string kind = rule.str(0);
    if (kind == "union") {
      if (!place.enterprise) continue;
      ANTOAN_ASSIGN(auto rows, q("SELECT id FROM organisations WHERE kind = 'union' AND enterprise_id = $1 "
                                 "ORDER BY id LIMIT 1",
                                 {place.enterprise->id}));
      if (!rows.empty()) return RouteDecision{rows[0].i64(0), rule.i64(2)};
      continue;
    }
    if (kind == "enterprise") {
      if (place.enterprise) return RouteDecision{place.enterprise->id, rule.i64(2)};
      continue;
    }
    ANTOAN_ASSIGN(auto office, nearest_office(q, place.path, kind));
    if (office) return RouteDecision{*office, rule.i64(2)};
  }
  ANTOAN_ASSIGN(auto federation, nearest_office(q, place.path, "federation"));
  if (federation) return RouteDecision{*federation, std::nullopt};
  return Error::internal("no organisation to route a report to (reference data not seeded?)");
}

Error bad_parent(const std::string& what_vi, const std::string& what_en) {
  return Error::make(ErrorCode::unprocessable, what_vi, what_en, "parent_id");
}

// Checks where a new org may hang and fills its area; returns the enterprise id for a union.
Result<std::optional<std::int64_t>> check_structure(const Query& q, const NewOrg& org, const OrgRef& parent,
                                                    std::optional<std::string>& area_code) {
  const std::string& k = org.kind;
  if (k == "national") return bad_parent("Chỉ có một nút quốc gia", "There is only one national node");
  if (k == "province" || k == "commune") {
    if (!area_code) return Error::invalid("area_code", "Cần mã địa bàn", "area_code is required");
    ANTOAN_ASSIGN(Area area, load_area(q, *area_code));
    if (area.level != k)
      return Error::unprocessable("area_code", "Mã địa bàn không đúng cấp", "The area is not a " + k);
    std::string expected_parent = k == "province" ? "national" : "province";
    if (parent.kind != expected_parent || (k == "commune" && parent.area_code != area.parent_code))
      return bad_parent("Đơn vị cha không đúng với địa bàn", "The parent does not match the area");
    ANTOAN_ASSIGN(auto dup, q("SELECT id FROM organisations WHERE kind = $1 AND area_code = $2", {k, *area_code}));
    if (!dup.empty()) return Error::conflict("Địa bàn này đã có đơn vị", "This area already has a node", "area_code");
    return std::optional<std::int64_t>{};
  }
  if (is_office_kind(k) || k == "enterprise") {
    if (!is_area_node_kind(parent.kind) || (k == "enterprise" && parent.kind == "national"))
      return bad_parent("Đơn vị này phải trực thuộc một địa bàn (tỉnh hoặc xã)",
                        "This organisation must hang under an area node (province or commune)");
    if (area_code && area_code != parent.area_code)
      return Error::unprocessable("area_code", "Địa bàn khác với địa bàn của đơn vị cha",
                                  "The area differs from the parent's area");
    area_code = parent.area_code;
    return std::optional<std::int64_t>{};
  }
  // union
  if (parent.kind != "enterprise")
    return bad_parent("Công đoàn cơ sở phải trực thuộc một doanh nghiệp", "A grassroots union hangs under an enterprise");
  area_code = parent.area_code;
  return std::optional<std::int64_t>{parent.id};
}

}  // namespace

Result<std::vector<Area>> OrgService::list_areas(const AreaQuery& query) {
  std::string sql = "SELECT code, name, level, parent_code, lat, lon FROM areas WHERE 1 = 1";
  Params params;
  if (query.level) {
    if (*query.level != "province" && *query.level != "commune")
      return Error::invalid("level", "Cấp địa bàn phải là province hoặc commune", "level must be province or commune");
    sql += " AND level = " + param(params, *query.level);
  }
  if (query.parent) sql += " AND parent_code = " + param(params, *query.parent);
  if (query.q) {
    std::string folded = text::fold(*query.q);
    if (folded.empty()) return Error::invalid("q", "Từ khóa tìm kiếm không hợp lệ", "Invalid search text");
    std::string p1 = param(params, contains_pattern(folded));
    std::string p2 = param(params, escape_like(*query.q) + "%");
    sql += " AND (name_folded LIKE " + p1 + " ESCAPE '!' OR code LIKE " + p2 + " ESCAPE '!')";
  }
  sql += " ORDER BY level DESC, code LIMIT " + param(params, std::int64_t{std::clamp(query.limit, 1, 5000)});
  ANTOAN_ASSIGN(auto rows, db_.query(sql, params));
  std::vector<Area> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(area_from_row(r));
  return out;
}

Result<Area> OrgService::get_area(const std::string& code) {
  auto area = load_area(reader(db_), code);
  if (!area.ok()) return Error::not_found("địa bàn " + code, "Area " + code);
  return area;
}

Result<Area> OrgService::area_at(double lat, double lon) {
  auto province = ProvinceShapes::embedded().find(lat, lon);
  if (!province)
    return Error::unprocessable("lat", "Vị trí này không thuộc Việt Nam (hãy chọn tỉnh/thành phố)",
                                "This point is not in Vietnam (choose a province)");
  ANTOAN_ASSIGN(Area prov, load_area(reader(db_), province->code));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT code, name, level, parent_code, lat, lon FROM areas "
                                     "WHERE level = 'commune' AND parent_code = $1 AND lat IS NOT NULL",
                                     {province->code}));
  std::optional<Area> best;
  double best_km = kCommuneReachKm;
  for (const Row& r : rows) {
    Area a = area_from_row(r);
    double d = distance_km(lat, lon, *a.lat, *a.lon);
    if (d <= best_km) {
      best_km = d;
      best = std::move(a);
    }
  }
  return best ? *best : prov;
}

Result<std::vector<OrgRef>> OrgService::list_orgs(const OrgQuery& query) {
  std::string sql = std::string("SELECT ") + kOrgColumns + " FROM organisations WHERE 1 = 1";
  Params params;
  if (query.kind) {
    if (!is_org_kind(*query.kind)) return Error::invalid("kind", "Loại đơn vị không hợp lệ", "Unknown organisation kind");
    sql += " AND kind = " + param(params, *query.kind);
  }
  if (query.area) {
    std::string p = param(params, *query.area);
    sql += " AND (area_code = " + p + " OR area_code IN (SELECT code FROM areas WHERE parent_code = " + p + "))";
  }
  if (query.parent_id) sql += " AND parent_id = " + param(params, *query.parent_id);
  if (query.q) {
    std::string folded = text::fold(*query.q);
    if (folded.empty()) return Error::invalid("q", "Từ khóa tìm kiếm không hợp lệ", "Invalid search text");
    sql += " AND name_folded LIKE " + param(params, contains_pattern(folded)) + " ESCAPE '!'";
  }
  sql += " ORDER BY path LIMIT " + param(params, std::int64_t{std::clamp(query.limit, 1, 5000)});
  ANTOAN_ASSIGN(auto rows, db_.query(sql, params));
  std::vector<OrgRef> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(org_from_row(r));
  return out;
}

Result<OrgRef> OrgService::get(std::int64_t id) {
  ANTOAN_ASSIGN(auto org, load_org(reader(db_), id));
  if (!org) return Error::not_found("đơn vị " + std::to_string(id), "Organisation " + std::to_string(id));
  return *org;
}

Result<OrgRef> OrgService::get(store::Tx& tx, std::int64_t id) {
  ANTOAN_ASSIGN(auto org, load_org(reader(tx), id));
  if (!org) return Error::not_found("đơn vị " + std::to_string(id), "Organisation " + std::to_string(id));
  return *org;
}

Result<OrgRef> OrgService::create(const security::Principal& principal, const NewOrg& org) {
  ANTOAN_TRY(security::require(principal, security::Action::org_manage));
  if (!is_org_kind(org.kind)) return Error::invalid("kind", "Loại đơn vị không hợp lệ", "Unknown organisation kind");
  if (org.name.empty()) return Error::invalid("name", "Cần tên đơn vị", "name is required");
  if (!org.parent_id) return Error::invalid("parent_id", "Cần đơn vị cha", "parent_id is required");
  std::int64_t new_id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    Query q = reader(tx);
    ANTOAN_ASSIGN(auto parent, load_org(q, *org.parent_id));
    if (!parent) return bad_parent("Không tìm thấy đơn vị cha", "No such parent organisation");
    std::optional<std::string> area_code = org.area_code;
    ANTOAN_ASSIGN(auto enterprise_id, check_structure(q, org, *parent, area_code));
    ANTOAN_ASSIGN(auto rows,
                  tx.query("INSERT INTO organisations (parent_id, path, scope_path, kind, name, name_folded, area_code, "
                           "enterprise_id, industrial_park, lat, lon, created_at) "
                           "VALUES ($1, '', '', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                           {parent->id, org.kind, org.name, text::fold(org.name), store::optional_value(area_code),
                            store::optional_value(enterprise_id), store::optional_value(org.industrial_park),
                            store::optional_value(org.lat), store::optional_value(org.lon), now_ms()}));
    new_id = rows[0].i64(0);
    std::string path = parent->path + std::to_string(new_id) + "/";
    std::string scope = is_office_kind(org.kind) ? parent->path : org.kind == "union" ? parent->path : path;
    ANTOAN_TRY(tx.exec("UPDATE organisations SET path = $1, scope_path = $2 WHERE id = $3", {path, scope, new_id}));
    return security::append_audit(
        tx, security::AuditEntry::by(principal, "org.create", "organisation", std::to_string(new_id),
                                     {{"kind", org.kind}, {"name", org.name}, {"parent_id", parent->id}, {"path", path}}));
  }));
  return get(new_id);
}

Result<std::string> OrgService::place_path_for(const std::string& area_code,
                                               std::optional<std::int64_t> enterprise_id) {
  ANTOAN_ASSIGN(Place place, resolve_place(reader(db_), area_code, enterprise_id));
  return place.path;
}

Result<std::string> OrgService::place_path_for(store::Tx& tx, const std::string& area_code,
                                               std::optional<std::int64_t> enterprise_id) {
  ANTOAN_ASSIGN(Place place, resolve_place(reader(tx), area_code, enterprise_id));
  return place.path;
}

Result<std::int64_t> OrgService::route_report(const std::string& category, const std::string& area_code,
                                              std::optional<std::int64_t> enterprise_id) {
  ANTOAN_ASSIGN(RouteDecision d, route(reader(db_), category, area_code, enterprise_id));
  return d.org_id;
}

Result<RouteDecision> OrgService::explain_route(const std::string& category, const std::string& area_code,
                                                std::optional<std::int64_t> enterprise_id) {
  return route(reader(db_), category, area_code, enterprise_id);
}

Result<std::int64_t> OrgService::route_report(store::Tx& tx, const std::string& category,
                                              const std::string& area_code, std::optional<std::int64_t> enterprise_id) {
  ANTOAN_ASSIGN(RouteDecision d, route(reader(tx), category, area_code, enterprise_id));
  return d.org_id;
}

}  // namespace antoan::orgs

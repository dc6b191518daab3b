#include "coordination/routing_rules.h"

#include "security/audit.h"
#include "security/policy.h"

namespace antoan::coordination {
namespace {
using security::Action;

constexpr const char* kRuleSelect =
    "SELECT r.id, r.category, r.area_code, a.name, r.org_kind, r.org_id, o.name, r.position FROM routing_rules r "
    "LEFT JOIN areas a ON a.code = r.area_code LEFT JOIN organisations o ON o.id = r.org_id";

Json rule_json(const store::Row& r) {
  return {{"id", r.i64(0)},
          {"category", r.str(1)},
          {"area_code", r.str(2)},
          {"area_name", r.is_null(3) ? Json(nullptr) : Json(r.str(3))},
          {"org_kind", r.is_null(4) ? Json(nullptr) : Json(r.str(4))},
          {"org_id", r.is_null(5) ? Json(nullptr) : Json(r.i64(5))},
          {"org_name", r.is_null(6) ? Json(nullptr) : Json(r.str(6))},
          {"position", r.i64(7)}};
}

security::AuditEntry audit_of(const security::Principal& p, std::string action, std::int64_t id, Json details) {
  return security::AuditEntry::by(p, std::move(action), "routing_rule", std::to_string(id), std::move(details));
}

Json input_json(const RuleInput& in) {
  return {{"category", in.category},
          {"area_code", in.area_code},
          {"org_kind", in.org_kind ? Json(*in.org_kind) : Json(nullptr)},
          {"org_id", in.org_id ? Json(*in.org_id) : Json(nullptr)},
          {"position", in.position}};
}
}  // namespace

bool is_rule_org_kind(const std::string& kind) {
  return kind == "police" || kind == "federation" || kind == "union" || kind == "authority" || kind == "enterprise";
}

Status RoutingRuleService::validate(store::Tx& tx, const RuleInput& in) {
  if (in.category != "*" && !security::is_category(in.category))
    return Error::unprocessable("category", "Loại phản ánh không hợp lệ", "Unknown category");
  if (in.area_code != "*") {
    ANTOAN_ASSIGN(auto rows, tx.query("SELECT 1 FROM areas WHERE code = $1", {in.area_code}));
    if (rows.empty()) return Error::unprocessable("area_code", "Không có địa bàn này", "No such area");
  }
  if (in.org_kind.has_value() == in.org_id.has_value())
    return Error::unprocessable("org_kind", "Chọn đúng một: loại đơn vị (org_kind) hoặc đơn vị cụ thể (org_id)",
                                "Give exactly one of org_kind and org_id");
  if (in.org_kind && !is_rule_org_kind(*in.org_kind))
    return Error::unprocessable("org_kind", "Loại đơn vị không hợp lệ", "Unknown organisation kind");
  if (in.org_id) {
    ANTOAN_ASSIGN(auto rows, tx.query("SELECT kind FROM organisations WHERE id = $1", {*in.org_id}));
    if (rows.empty() || !is_rule_org_kind(rows[0].str(0)))
      return Error::unprocessable("org_id", "Không có đơn vị tiếp nhận này", "No such receiving organisation");
  }
  return {};
}

Result<Json> RoutingRuleService::get(std::int64_t id) {
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kRuleSelect) + " WHERE r.id = $1", {id}));
  if (rows.empty()) return Error::not_found("quy tắc định tuyến", "Routing rule");
  return rule_json(rows[0]);
}

Result<Json> RoutingRuleService::list(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, Action::org_manage));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kRuleSelect) + " ORDER BY r.position, r.id"));
  Json items = Json::array();
  for (const auto& r : rows) items.push_back(rule_json(r));
  return Json{{"items", items}};
}

Result<Json> RoutingRuleService::create(const security::Principal& p, const RuleInput& in) {
  ANTOAN_TRY(security::require(p, Action::org_manage));
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(validate(tx, in));
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO routing_rules (category, area_code, org_kind, org_id, position) "
                                      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                      {in.category, in.area_code, store::optional_value(in.org_kind),
                                       store::optional_value(in.org_id), in.position}));
    id = rows[0].i64(0);
    return security::append_audit(tx, audit_of(p, "routing_rule.create", id, input_json(in)));
  }));
  return get(id);
}

Result<Json> RoutingRuleService::update(const security::Principal& p, std::int64_t id, const RuleInput& in) {
  ANTOAN_TRY(security::require(p, Action::org_manage));
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(validate(tx, in));
    ANTOAN_ASSIGN(auto n, tx.exec("UPDATE routing_rules SET category = $1, area_code = $2, org_kind = $3, org_id = $4, "
                                  "position = $5 WHERE id = $6",
                                  {in.category, in.area_code, store::optional_value(in.org_kind),
                                   store::optional_value(in.org_id), in.position, id}));
    if (n == 0) return Error::not_found("quy tắc định tuyến", "Routing rule");
    return security::append_audit(tx, audit_of(p, "routing_rule.update", id, input_json(in)));
  }));
  return get(id);
}

Status RoutingRuleService::remove(const security::Principal& p, std::int64_t id) {
  ANTOAN_TRY(security::require(p, Action::org_manage));
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto n, tx.exec("DELETE FROM routing_rules WHERE id = $1", {id}));
    if (n == 0) return Error::not_found("quy tắc định tuyến", "Routing rule");
    return security::append_audit(tx, audit_of(p, "routing_rule.delete", id, Json::object()));
  });
}

Result<Json> RoutingRuleService::where_would_it_go(const security::Principal& p, const std::string& category,
                                                   const std::string& area_code,
                                                   std::optional<std::int64_t> enterprise_id) {
  ANTOAN_TRY(security::require(p, Action::org_manage));
  if (!security::is_category(category))
    return Error::unprocessable("category", "Loại phản ánh không hợp lệ", "Unknown category");
  ANTOAN_ASSIGN(orgs::RouteDecision d, orgs_.explain_route(category, area_code, enterprise_id));
  ANTOAN_ASSIGN(orgs::OrgRef org, orgs_.get(d.org_id));
  Json j = {{"org", {{"id", org.id}, {"name", org.name}, {"kind", org.kind}}}, {"rule", nullptr},
            {"fallback", !d.rule_id.has_value()}};
  if (d.rule_id) {
    ANTOAN_ASSIGN(j["rule"], get(*d.rule_id));
  }
  return j;
}

}  // namespace antoan::coordination

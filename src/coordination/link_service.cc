#include "coordination/link_service.h"

#include <algorithm>

#include "cases/case_scope.h"
#include "core/clock.h"
#include "security/audit.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::coordination {
namespace {
using security::Action;
}

bool is_link_kind(const std::string& kind) { return kind == "duplicate" || kind == "related"; }
bool is_link_reason(const std::string& reason) {
  return reason == "same_indicator" || reason == "same_enterprise" || reason == "same_house" || reason == "other";
}

Result<Json> LinkService::link(const security::Principal& p, std::int64_t case_id, std::int64_t other_id,
                               const std::string& kind, const std::optional<std::string>& reason) {
  if (!is_link_kind(kind))
    return Error::unprocessable("kind", "Loại liên kết phải là duplicate hoặc related",
                                "kind must be duplicate or related");
  if (reason && !is_link_reason(*reason))
    return Error::unprocessable("reason", "Lý do liên kết không hợp lệ", "Unknown link reason");
  if (case_id == other_id)
    return Error::unprocessable("other_case_id", "Không thể liên kết hồ sơ với chính nó", "A case cannot link to itself");
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_link));
  auto other = cases::load_case_for(db_, p, other_id, Action::case_link);
  if (!other.ok()) {
    Error e = other.error();
    e.field = "other_case_id";
    return e;
  }
  std::int64_t a = std::min(case_id, other_id), b = std::max(case_id, other_id);
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto dup, tx.query("SELECT id FROM case_links WHERE case_a = $1 AND case_b = $2", {a, b}));
    if (!dup.empty())
      return Error::conflict("Hai hồ sơ đã được liên kết", "The two cases are already linked", "other_case_id");
    EpochMs now = now_ms();
    ANTOAN_TRY(tx.exec("INSERT INTO case_links (case_a, case_b, kind, reason, created_by_user, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6)",
                       {a, b, kind, store::optional_value(reason), p.user_id, now}));
    for (auto [self, peer] : {std::pair{case_id, other_id}, std::pair{other_id, case_id}})
      ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, body, "
                         "visible_to_reporter) VALUES ($1, $2, 'user', $3, 'link', $4, 0)",
                         {self, now, p.user_id, kind + " #" + std::to_string(peer)}));
    return security::append_audit(tx, security::AuditEntry::by(p, "case.link", "case", std::to_string(case_id),
                                       {{"other_case_id", other_id}, {"kind", kind}}));
  }));
  return security::project(p, security::View::link,
                           {{"case_id", case_id}, {"other_case_id", other_id}, {"kind", kind},
                            {"reason", reason ? Json(*reason) : Json(nullptr)}});
}

Status LinkService::unlink(const security::Principal& p, std::int64_t case_id, std::int64_t other_id) {
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_link));
  ANTOAN_TRY(cases::load_case_for(db_, p, other_id, Action::case_link));
  std::int64_t a = std::min(case_id, other_id), b = std::max(case_id, other_id);
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto n, tx.exec("DELETE FROM case_links WHERE case_a = $1 AND case_b = $2", {a, b}));
    if (n == 0) return Error::not_found("liên kết", "Link");
    ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, body, "
                       "visible_to_reporter) VALUES ($1, $2, 'user', $3, 'unlink', $4, 0)",
                       {case_id, now_ms(), p.user_id, "#" + std::to_string(other_id)}));
    return security::append_audit(tx, security::AuditEntry::by(p, "case.unlink", "case", std::to_string(case_id),
                                       {{"other_case_id", other_id}}));
  });
}

Result<Json> LinkService::links(const security::Principal& p, std::int64_t case_id) {
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_view));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT CASE WHEN l.case_a = $1 THEN l.case_b ELSE l.case_a END, l.kind, l.reason, "
                                     "l.created_at FROM case_links l WHERE l.case_a = $1 OR l.case_b = $1 ORDER BY l.id",
                                     {case_id}));
  Json items = Json::array();
  for (const auto& r : rows) {
    std::int64_t other = r.i64(0);
    // A linked case the officer may not see shows as a bare number with no details.
    auto info = cases::load_case_info(db_, other);
    bool visible = info.ok() && security::allows(p, Action::case_view, info->scope);
    Json j = {{"case_id", other}, {"kind", r.str(1)}, {"reason", r.is_null(2) ? Json(nullptr) : Json(r.str(2))},
              {"created_at", format_iso8601(r.i64(3))}, {"visible", visible}};
    if (visible) {
      j["category"] = info->scope.category;
      j["status"] = info->status;
    }
    items.push_back(std::move(j));
  }
  items = security::project_list(p, security::View::link, items);
  return Json{{"items", items}, {"count", items.size()}};
}

Result<Json> LinkService::suggestions(const security::Principal& p, std::int64_t case_id) {
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, Action::case_view));
  ANTOAN_ASSIGN(auto rows,
                db_.query("SELECT o.id, 'same_enterprise' FROM cases c JOIN cases o ON o.enterprise_id = c.enterprise_id "
                          "WHERE c.id = $1 AND o.id <> c.id AND c.enterprise_id IS NOT NULL "
                          "UNION SELECT o.id, 'same_house' FROM cases c JOIN cases o ON "
                          "o.boarding_house_id = c.boarding_house_id WHERE c.id = $1 AND o.id <> c.id AND "
                          "c.boarding_house_id IS NOT NULL "
                          "UNION SELECT o.case_id, 'same_indicator' FROM indicator_cases i JOIN indicator_cases o ON "
                          "o.indicator_id = i.indicator_id WHERE i.case_id = $1 AND o.case_id <> $1 "
                          "ORDER BY 1 DESC LIMIT 200",
                          {case_id}));
  Json items = Json::array();
  for (const auto& r : rows) {
    if (items.size() >= 20) break;
    auto info = cases::load_case_info(db_, r.i64(0));
    if (!info.ok() || !security::allows(p, Action::case_view, info->scope)) continue;
    Json one = security::project(p, security::View::link,
                                 {{"case_id", r.i64(0)}, {"reason", r.str(1)}, {"category", info->scope.category},
                                  {"status", info->status}});
    if (!one.is_null()) items.push_back(std::move(one));
  }
  return Json{{"items", items}, {"count", items.size()}};
}

}  // namespace antoan::coordination

#include "coordination/deadline_service.h"

#include <algorithm>

#include "cases/case_model.h"
#include "cases/case_scope.h"
#include "security/audit.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::coordination {

Status seed_deadlines(store::Db& db) {
  return db.write([](store::Tx& tx) -> Status {
    EpochMs now = now_ms();
    for (const auto& cat : security::all_categories())
      for (const auto& prio : cases::all_priorities()) {
        DeadlineMinutes d = default_deadline(cat, prio);
        ANTOAN_ASSIGN(auto rows, tx.query("SELECT 1 FROM case_deadlines WHERE category = $1 AND priority = $2",
                                          {cat, prio}));
        if (!rows.empty()) continue;
        ANTOAN_TRY(tx.exec("INSERT INTO case_deadlines (category, priority, ack_minutes, resolve_minutes, updated_at) "
                           "VALUES ($1, $2, $3, $4, $5)",
                           {cat, prio, d.ack, d.resolve, now}));
      }
    return {};
  });
}

Result<DeadlineMinutes> deadline_of(store::Tx& tx, const std::string& category, const std::string& priority) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT ack_minutes, resolve_minutes FROM case_deadlines WHERE category = $1 "
                                    "AND priority = $2",
                                    {category, priority}));
  if (rows.empty()) return default_deadline(category, priority);
  return DeadlineMinutes{rows[0].i64(0), rows[0].i64(1)};
}

Status stamp_due_times(store::Tx& tx, std::int64_t case_id) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT category, priority, created_at FROM cases WHERE id = $1", {case_id}));
  if (rows.empty()) return Error::not_found("hồ sơ", "Case");
  ANTOAN_ASSIGN(DeadlineMinutes d, deadline_of(tx, rows[0].str(0), rows[0].str(1)));
  DueTimes due = due_times(rows[0].i64(2), d);
  ANTOAN_TRY(tx.exec("UPDATE cases SET ack_due_at = $1, resolve_due_at = $2 WHERE id = $3",
                     {due.ack_due, due.resolve_due, case_id}));
  return {};
}

Result<Json> DeadlineService::list(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::case_view));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT category, priority, ack_minutes, resolve_minutes, updated_at "
                                     "FROM case_deadlines ORDER BY category, priority"));
  Json items = Json::array();
  for (const auto& r : rows)
    items.push_back({{"category", r.str(0)},
                     {"priority", r.str(1)},
                     {"ack_minutes", r.i64(2)},
                     {"resolve_minutes", r.i64(3)},
                     {"updated_at", format_iso8601(r.i64(4))}});
  items = security::project_list(p, security::View::deadline, items);
  return Json{{"items", items}, {"count", items.size()}};
}

Result<Json> DeadlineService::set(const security::Principal& p, const std::string& category,
                                  const std::string& priority, std::int64_t ack_minutes,
                                  std::int64_t resolve_minutes) {
  ANTOAN_TRY(security::require(p, security::Action::org_manage));
  if (!security::is_category(category))
    return Error::unprocessable("category", "Loại phản ánh không hợp lệ", "Unknown category");
  const auto& prios = cases::all_priorities();
  if (std::find(prios.begin(), prios.end(), priority) == prios.end())
    return Error::unprocessable("priority", "Mức ưu tiên không hợp lệ", "Unknown priority");
  if (resolve_minutes < ack_minutes)
    return Error::unprocessable("resolve_minutes", "Hạn giải quyết phải dài hơn hạn tiếp nhận",
                                "The resolve deadline must not be shorter than the acknowledge deadline");
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("DELETE FROM case_deadlines WHERE category = $1 AND priority = $2", {category, priority}));
    ANTOAN_TRY(tx.exec("INSERT INTO case_deadlines (category, priority, ack_minutes, resolve_minutes, updated_at) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       {category, priority, ack_minutes, resolve_minutes, now_ms()}));
    // Open cases follow the new rule (due times count from their creation).
    ANTOAN_TRY(tx.exec("UPDATE cases SET ack_due_at = created_at + $1, resolve_due_at = created_at + $2 "
                       "WHERE category = $3 AND priority = $4 AND status NOT IN ('resolved','closed','rejected')",
                       {ack_minutes * 60'000, resolve_minutes * 60'000, category, priority}));
    return security::append_audit(tx, security::AuditEntry::by(p, "deadline.set", "deadline", category + "/" + priority,
                                       {{"ack_minutes", ack_minutes}, {"resolve_minutes", resolve_minutes}}));
  }));
  return Json{{"category", category}, {"priority", priority}, {"ack_minutes", ack_minutes},
              {"resolve_minutes", resolve_minutes}};
}

Result<Json> DeadlineService::set_priority(const security::Principal& p, std::int64_t case_id,
                                           const std::string& priority) {
  const auto& prios = cases::all_priorities();
  if (std::find(prios.begin(), prios.end(), priority) == prios.end())
    return Error::unprocessable("priority", "Mức ưu tiên không hợp lệ", "Unknown priority");
  ANTOAN_TRY(cases::load_case_for(db_, p, case_id, security::Action::case_transition));
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto cur, tx.query("SELECT priority FROM cases WHERE id = $1", {case_id}));
    std::string from = cur[0].str(0);
    if (from == priority) return {};
    EpochMs now = now_ms();
    ANTOAN_TRY(tx.exec("UPDATE cases SET priority = $1, updated_at = $2 WHERE id = $3", {priority, now, case_id}));
    ANTOAN_TRY(stamp_due_times(tx, case_id));
    ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, body, visible_to_reporter) "
                       "VALUES ($1, $2, 'user', $3, 'priority', $4, 0)",
                       {case_id, now, p.user_id, from + " → " + priority}));
    return security::append_audit(tx, security::AuditEntry::by(p, "case.priority", "case", std::to_string(case_id),
                                       {{"from", from}, {"to", priority}}));
  }));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT priority, ack_due_at, resolve_due_at FROM cases WHERE id = $1", {case_id}));
  return security::project(p, security::View::case_item,
                           {{"case_id", case_id},
                            {"priority", rows[0].str(0)},
                            {"ack_due_at", format_iso8601(rows[0].i64(1))},
                            {"resolve_due_at", format_iso8601(rows[0].i64(2))}});
}

}  // namespace antoan::coordination

#include "coordination/overdue_job.h"

#include <map>

#include "cases/case_scope.h"
#include "cases/case_service.h"
#include "coordination/deadline_service.h"
#include "coordination/deadlines.h"
#include "notify/outbox.h"
#include "security/audit.h"
#include "security/policy.h"

namespace antoan::coordination {
namespace {

struct Org {
  std::int64_t id;
  std::string path, kind, name;
};

Result<std::optional<Org>> load_org(store::Tx& tx, std::int64_t id) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT id, path, kind, name FROM organisations WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<Org>{};
  return std::optional<Org>{Org{rows[0].i64(0), rows[0].str(1), rows[0].str(2), rows[0].str(3)}};
}

std::vector<std::int64_t> path_ids(const std::string& path) {
  std::vector<std::int64_t> ids;
  std::size_t pos = 1;
  while (pos < path.size()) {
    std::size_t slash = path.find('/', pos);
    if (slash == std::string::npos) break;
    ids.push_back(std::stoll(path.substr(pos, slash - pos)));
    pos = slash + 1;
  }
  return ids;
}

// Where an overdue case goes next (see the header); nullopt at the top.
Result<std::optional<Org>> escalation_target(store::Tx& tx, const Org& from) {
  std::vector<std::int64_t> ids = path_ids(from.path);
  if (ids.empty()) return std::optional<Org>{};
  ids.pop_back();  // itself
  bool office = from.kind == "police" || from.kind == "federation" || from.kind == "authority";
  // An office is attached to its area's node: the level above starts at that node's parent.
  if (office && !ids.empty()) ids.pop_back();
  std::vector<std::string> kinds;
  if (office) kinds.push_back(from.kind);
  if (from.kind != "federation") kinds.push_back("federation");
  for (auto it = ids.rbegin(); it != ids.rend(); ++it)
    for (const auto& kind : kinds) {
      ANTOAN_ASSIGN(auto rows, tx.query("SELECT id FROM organisations WHERE parent_id = $1 AND kind = $2 AND id <> $3 "
                                        "ORDER BY id LIMIT 1",
                                        {*it, kind, from.id}));
      if (!rows.empty()) return load_org(tx, rows[0].i64(0));
    }
  return std::optional<Org>{};
}

struct Candidate {
  std::int64_t id, org_id;
  std::string category, status, priority;
  DueTimes due;
  std::optional<EpochMs> escalated_at, overdue_at;
  int level;
};

// The missed deadline in words for the case history (never the code "acknowledge").
std::string deadline_words(const std::string& which, bool english) {
  if (which == "acknowledge") return english ? "acknowledgement" : "tiếp nhận";
  return english ? "resolution" : "giải quyết";
}

Status escalate(store::Tx& tx, const Candidate& c, EpochMs now, OverdueRun& run) {
  ANTOAN_ASSIGN(auto from, load_org(tx, c.org_id));
  std::optional<Org> target;
  if (from) {
    ANTOAN_ASSIGN(target, escalation_target(tx, *from));
  }
  std::string which = c.status == "new" && now > c.due.ack_due ? "acknowledge" : "resolve";
  int level = c.level + 1;
  // Guarded by the level read before: a concurrent run (timer and admin route) escalates once.
  ANTOAN_ASSIGN(auto changed, tx.exec("UPDATE cases SET overdue_at = COALESCE(overdue_at, $1), escalated_at = $1, "
                                      "escalation_level = $2, org_id = $3, updated_at = $1 WHERE id = $4 "
                                      "AND escalation_level = $5 AND org_id = $6",
                                      {now, std::int64_t{level}, target ? target->id : c.org_id, c.id,
                                       std::int64_t{c.level}, c.org_id}));
  if (changed == 0) return {};
  std::string body;
  if (target) {
    ANTOAN_TRY(tx.exec("INSERT INTO case_access (case_id, org_id, org_path, via, created_at) "
                       "VALUES ($1, $2, $3, 'escalation', $4)",
                       {c.id, target->id, target->path, now}));
    if (from)
      ANTOAN_TRY(tx.exec("INSERT INTO case_access (case_id, org_id, org_path, via, created_at) "
                         "VALUES ($1, $2, $3, 'escalation', $4)",
                         {c.id, from->id, from->path, now}));
    body = "Quá hạn " + deadline_words(which, false) + ": chuyển lên " + target->name + " / Overdue (" +
           deadline_words(which, true) + "): escalated to " + target->name;
    ++run.escalated;
  } else {
    body = "Quá hạn " + deadline_words(which, false) + " / Overdue (" + deadline_words(which, true) + ")";
    ++run.marked;
  }
  ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, kind, body, visible_to_reporter) "
                     "VALUES ($1, $2, 'system', 'escalated', $3, 0)",
                     {c.id, now, body}));
  Json data = {{"case_id", c.id},     {"category", c.category}, {"status", c.status},  {"priority", c.priority},
               {"deadline", which},   {"level", level},         {"from_org_id", c.org_id},
               {"to_org_id", target ? Json(target->id) : Json(nullptr)}};
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_info(tx, c.id));
  ANTOAN_TRY(notify::emit(tx, notify::kCaseEscalated, info.scope, data));
  return security::append_audit(tx, security::AuditEntry::by_job("overdue", "case.escalate", "case", std::to_string(c.id), data));
}

}  // namespace

Result<OverdueRun> OverdueService::run(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::job_run));
  return run();
}

Result<OverdueRun> OverdueService::run() {
  EpochMs now = now_ms();
  ANTOAN_ASSIGN(auto table, db_.query("SELECT category, priority, ack_minutes, resolve_minutes FROM case_deadlines"));
  std::map<std::pair<std::string, std::string>, DeadlineMinutes> deadlines;
  for (const auto& r : table) deadlines[{r.str(0), r.str(1)}] = {r.i64(2), r.i64(3)};
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT c.id, c.org_id, c.category, c.status, c.priority, c.created_at, "
                                     "c.ack_due_at, c.resolve_due_at, c.escalated_at, c.overdue_at, c.escalation_level "
                                     "FROM cases c WHERE " + cases::overdue_sql(1) + " ORDER BY c.id LIMIT 2000",
                                     {now}));
  OverdueRun result;
  std::vector<Candidate> todo;
  for (const auto& r : rows) {
    ++result.checked;
    auto it = deadlines.find({r.str(2), r.str(4)});
    DeadlineMinutes d = it != deadlines.end() ? it->second : default_deadline(r.str(2), r.str(4));
    DueTimes fallback = due_times(r.i64(5), d);
    Candidate c{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4),
                {r.is_null(6) ? fallback.ack_due : r.i64(6), r.is_null(7) ? fallback.resolve_due : r.i64(7)},
                r.opt_i64(8), r.opt_i64(9), static_cast<int>(r.i64(10))};
    if (should_escalate(c.status, c.due, c.escalated_at, d, now)) todo.push_back(std::move(c));
  }
  // One transaction per case: a failure leaves the others escalated.
  for (const auto& c : todo) {
    OverdueRun delta;
    Status st = db_.write([&](store::Tx& tx) { return escalate(tx, c, now, delta); });
    if (!st.ok()) return st.error();
    result.escalated += delta.escalated;
    result.marked += delta.marked;
  }
  return result;
}

Result<Json> OverdueService::counts(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::case_view));
  security::SqlFilter scope = security::case_filter(p, "c", 1, security::Shared::include);
  store::Params params = scope.params;
  params.emplace_back(now_ms());
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT c.org_id, o.name, o.kind, count(*), sum(CASE WHEN c.escalation_level > 0 "
                                     "THEN 1 ELSE 0 END) FROM cases c LEFT JOIN organisations o ON o.id = c.org_id "
                                     "WHERE " + scope.sql + " AND " +
                                         cases::overdue_sql(static_cast<int>(params.size())) +
                                         " GROUP BY c.org_id, o.name, o.kind ORDER BY 4 DESC, 1",
                                     params));
  Json items = Json::array();
  std::int64_t total = 0;
  for (const auto& r : rows) {
    items.push_back({{"org_id", r.i64(0)}, {"name", r.str(1)}, {"kind", r.str(2)}, {"count", r.i64(3)},
                     {"escalated", r.i64(4)}});
    total += r.i64(3);
  }
  return Json{{"items", items}, {"total", total}};
}

}  // namespace antoan::coordination

#include "coordination/case_hooks.h"

#include "cases/case_scope.h"
#include "coordination/deadline_service.h"
#include "notify/outbox.h"

namespace antoan::coordination {

Status on_case_created(store::Tx& tx, std::int64_t case_id) {
  ANTOAN_TRY(stamp_due_times(tx, case_id));
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT c.category, c.status, c.priority, c.org_id, c.place_path, o.scope_path, "
                                    "o.path, c.area_code FROM cases c JOIN organisations o ON o.id = c.org_id "
                                    "WHERE c.id = $1",
                                    {case_id}));
  if (rows.empty()) return Error::not_found("hồ sơ", "Case");
  const auto& r = rows[0];
  std::string place = r.str(4), scope = r.str(5);
  // A rule may route to an organisation whose scope does not cover the place (e.g. a
  // provincial police unit for a neighbouring province): give it access explicitly.
  if (scope.empty() || place.rfind(scope, 0) != 0)
    ANTOAN_TRY(tx.exec("INSERT INTO case_access (case_id, org_id, org_path, via, created_at) "
                       "VALUES ($1, $2, $3, 'routing', $4)",
                       {case_id, r.i64(3), r.str(6), now_ms()}));
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_info(tx, case_id));
  return notify::emit(tx, notify::kCaseCreated, info.scope,
                      {{"case_id", case_id}, {"category", r.str(0)}, {"status", r.str(1)}, {"priority", r.str(2)},
                       {"org_id", r.i64(3)}, {"area_code", r.str(7)}});
}

Status on_reporter_reply(store::Tx& tx, std::int64_t case_id) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT category, status, org_id FROM cases WHERE id = $1", {case_id}));
  if (rows.empty()) return Error::not_found("hồ sơ", "Case");
  // The reporter's words stay in antoan: the payload says only that there is a reply.
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_info(tx, case_id));
  return notify::emit(tx, notify::kReporterReply, info.scope,
                      {{"case_id", case_id}, {"category", rows[0].str(0)}, {"status", rows[0].str(1)},
                       {"org_id", rows[0].i64(2)}});
}

}  // namespace antoan::coordination

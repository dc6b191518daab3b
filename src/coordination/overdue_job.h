#pragma once
// The overdue job: finds open cases past their acknowledge or resolve deadline, marks them
// overdue and escalates each to the organisation above the one responsible (the same kind of
// office one level up, else the federation there; a grassroots union or an enterprise goes to
// the nearest federation). The previous organisation keeps seeing the case (case_access); the
// escalation is in the case history, the audit log and the outbox. Runs on a timer in serve
// (core/periodic_task) and on demand (POST /api/v1/admin/jobs/overdue/run).
#include <cstdint>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::coordination {

struct OverdueRun {
  int checked = 0;    // overdue open cases looked at
  int escalated = 0;  // moved to a higher organisation
  int marked = 0;     // overdue without anywhere higher to go (marked only)
};

class OverdueService {
 public:
  explicit OverdueService(store::Db& db) : db_(db) {}
  Result<OverdueRun> run();
  Result<OverdueRun> run(const security::Principal& p);  // admin (Action::job_run)
  // Overdue open cases per responsible organisation, among the cases the principal sees.
  Result<Json> counts(const security::Principal& p);

 private:
  store::Db& db_;
};

}  // namespace antoan::coordination

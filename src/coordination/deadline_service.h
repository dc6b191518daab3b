#pragma once
// The editable deadline table (category × priority → minutes to acknowledge and to resolve),
// seeded with default_deadline(); and stamping the due times on a new case.
#include <string>

#include "coordination/deadlines.h"
#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::coordination {

// Inserts the defaults for every category × priority missing from case_deadlines.
Status seed_deadlines(store::Db& db);
// The deadline for a category and priority (the table, else the default).
Result<DeadlineMinutes> deadline_of(store::Tx& tx, const std::string& category, const std::string& priority);
// Sets ack_due_at / resolve_due_at of a case from its creation time and the table.
Status stamp_due_times(store::Tx& tx, std::int64_t case_id);

class DeadlineService {
 public:
  explicit DeadlineService(store::Db& db) : db_(db) {}
  Result<Json> list(const security::Principal& p);
  // Admin; also re-stamps open cases of that category and priority not yet escalated.
  Result<Json> set(const security::Principal& p, const std::string& category, const std::string& priority,
                   std::int64_t ack_minutes, std::int64_t resolve_minutes);
  // Changes a case's priority (case_transition on it) and re-stamps its due times from the
  // table, counted from the case's creation; in the history and the audit log.
  Result<Json> set_priority(const security::Principal& p, std::int64_t case_id, const std::string& priority);

 private:
  store::Db& db_;
};

}  // namespace antoan::coordination

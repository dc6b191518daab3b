#pragma once
// Retention: a schedule per category (how many months after a case finished its contents are
// kept), and the job that erases what is past it. What is erased: the report's description and
// coordinates, the sealed reporter contact, photos, and the text of the case's history
// (messages both ways, notes, reveal reasons). What stays: the case row (category, status, area,
// organisations, dates) for statistics, and the audit log, whose rows never change.
// See docs/security.md (retention schedule, Decree 13/2023/NĐ-CP and Law 91/2025/QH15).
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::retention {

struct Rule {
  std::string category;
  int months = 0;
};

// The default schedule, used for categories without a stored rule.
int default_months(std::string_view category);

struct RetentionRun {
  int erased = 0;      // cases whose contents were erased in this run
  int remaining = 0;   // due but left for the next run (batches keep transactions short)
};

class RetentionService {
 public:
  explicit RetentionService(store::Db& db) : db_(db) {}
  // The schedule for every category (stored rule or default).
  Result<std::vector<Rule>> schedule();
  Result<Json> schedule_json(const security::Principal& p);
  Result<Json> set_rule(const security::Principal& p, const std::string& category, int months);
  // Erases what is due at `now`, up to `max_cases`.
  Result<RetentionRun> run(EpochMs now, int max_cases = 500);
  Result<RetentionRun> run(const security::Principal& p);  // admin (Action::job_run)

 private:
  Status erase_case(store::Tx& tx, std::int64_t case_id);
  store::Db& db_;
};

}  // namespace antoan::retention

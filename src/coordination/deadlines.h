#pragma once
// Deadlines of a case, per category and priority: how long it may stay "new" (acknowledge)
// and how long until it must be resolved. Admins edit the table case_deadlines; these are the
// defaults it is seeded with, and the pure rules the overdue job applies. No storage here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace antoan::coordination {

struct DeadlineMinutes {
  std::int64_t ack;
  std::int64_t resolve;
};

// The category's base deadline (cases::deadline_for) scaled by priority: urgent ×¼,
// high ×½, normal ×1, low ×2. Unknown priority counts as normal.
DeadlineMinutes default_deadline(std::string_view category, std::string_view priority);

struct DueTimes {
  EpochMs ack_due;
  EpochMs resolve_due;
};
DueTimes due_times(EpochMs created_at, const DeadlineMinutes& d);

// Overdue: open and either still "new" past the acknowledge deadline, or past the resolve one.
bool is_overdue(std::string_view status, const DueTimes& due, EpochMs now);

// The overdue job escalates an overdue case once, and again each time a further resolve period
// passes without it being resolved (level 1, 2, ...). Returns whether to escalate now.
bool should_escalate(std::string_view status, const DueTimes& due, std::optional<EpochMs> escalated_at,
                     const DeadlineMinutes& d, EpochMs now);

}  // namespace antoan::coordination

#include "coordination/deadlines.h"

#include "cases/case_model.h"

namespace antoan::coordination {
namespace {
constexpr std::int64_t kMinuteMs = 60'000;

// Multiplier as a fraction num/den, to stay in integers.
std::pair<std::int64_t, std::int64_t> priority_factor(std::string_view priority) {
  if (priority == "urgent") return {1, 4};
  if (priority == "high") return {1, 2};
  if (priority == "low") return {2, 1};
  return {1, 1};
}
}  // namespace

DeadlineMinutes default_deadline(std::string_view category, std::string_view priority) {
  cases::Deadline base = cases::deadline_for(category);
  auto [num, den] = priority_factor(priority);
  return {base.ack_ms / kMinuteMs * num / den, base.resolve_ms / kMinuteMs * num / den};
}

DueTimes due_times(EpochMs created_at, const DeadlineMinutes& d) {
  return {created_at + d.ack * kMinuteMs, created_at + d.resolve * kMinuteMs};
}

bool is_overdue(std::string_view status, const DueTimes& due, EpochMs now) {
  if (!cases::is_open_status(status)) return false;
  if (status == "new" && now > due.ack_due) return true;
  return now > due.resolve_due;
}

bool should_escalate(std::string_view status, const DueTimes& due, std::optional<EpochMs> escalated_at,
                     const DeadlineMinutes& d, EpochMs now) {
  if (!is_overdue(status, due, now)) return false;
  if (!escalated_at) return true;
  // Already escalated: only again after one more full period (the ack one while still "new").
  std::int64_t period = (status == "new" ? d.ack : d.resolve) * kMinuteMs;
  return now > *escalated_at + period;
}

}  // namespace antoan::coordination

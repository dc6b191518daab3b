#pragma once
// The case life cycle: states, the transitions allowed between them, and deadlines that make
// a case overdue. Pure logic, no storage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace antoan::cases {

// new → triaged → assigned → in_progress → resolved → closed; rejected; reopened.
const std::vector<std::string>& all_statuses();
bool is_status(std::string_view s);
bool is_open_status(std::string_view s);  // not resolved, closed or rejected
std::vector<std::string> next_statuses(std::string_view from);
bool can_move(std::string_view from, std::string_view to);
const std::vector<std::string>& all_priorities();

// Deadlines: a new case must be acknowledged (leave "new") within ack hours; an open case
// must be resolved within resolve days, both per category (urgent categories are shorter).
struct Deadline {
  std::int64_t ack_ms;
  std::int64_t resolve_ms;
};
Deadline deadline_for(std::string_view category);
bool is_overdue(std::string_view status, std::string_view category, EpochMs created_at, EpochMs now);

// Short Vietnamese/English label of a status for reporters.
std::string status_label(std::string_view status, bool english);

}  // namespace antoan::cases

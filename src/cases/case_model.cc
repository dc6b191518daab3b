#include "cases/case_model.h"

#include <algorithm>
#include <map>

namespace antoan::cases {
namespace {
constexpr std::int64_t kHour = 3600 * 1000LL;
constexpr std::int64_t kDay = 24 * kHour;

const std::map<std::string, std::vector<std::string>, std::less<>>& transitions() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> t = {
      {"new", {"triaged", "assigned", "rejected"}},
      {"triaged", {"assigned", "in_progress", "rejected"}},
      {"assigned", {"in_progress", "triaged"}},
      {"in_progress", {"resolved", "assigned"}},
      {"resolved", {"closed", "reopened"}},
      {"closed", {"reopened"}},
      {"rejected", {"reopened"}},
      {"reopened", {"triaged", "assigned", "in_progress"}},
  };
  return t;
}
}  // namespace

const std::vector<std::string>& all_statuses() {
  static const std::vector<std::string> s = {"new",      "triaged", "assigned", "in_progress",
                                             "resolved", "closed",  "rejected", "reopened"};
  return s;
}

bool is_status(std::string_view s) {
  const auto& all = all_statuses();
  return std::find(all.begin(), all.end(), s) != all.end();
}

bool is_open_status(std::string_view s) { return s != "resolved" && s != "closed" && s != "rejected"; }

std::vector<std::string> next_statuses(std::string_view from) {
  auto it = transitions().find(from);
  return it == transitions().end() ? std::vector<std::string>{} : it->second;
}

bool can_move(std::string_view from, std::string_view to) {
  auto next = next_statuses(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

const std::vector<std::string>& all_priorities() {
  static const std::vector<std::string> p = {"low", "normal", "high", "urgent"};
  return p;
}

Deadline deadline_for(std::string_view category) {
  if (category == "violence" || category == "workplace_safety" || category == "dormitory_safety" ||
      category == "drugs")
    return {24 * kHour, 7 * kDay};
  if (category == "scam" || category == "illegal_lending" || category == "theft") return {48 * kHour, 14 * kDay};
  return {72 * kHour, 30 * kDay};
}

bool is_overdue(std::string_view status, std::string_view category, EpochMs created_at, EpochMs now) {
  if (!is_open_status(status)) return false;
  Deadline d = deadline_for(category);
  if (status == "new" && now - created_at > d.ack_ms) return true;
  return now - created_at > d.resolve_ms;
}

std::string status_label(std::string_view status, bool english) {
  static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> labels = {
      {"new", {"Đã tiếp nhận", "Received"}},
      {"triaged", {"Đã phân loại", "Triaged"}},
      {"assigned", {"Đã giao cán bộ xử lý", "Assigned to an officer"}},
      {"in_progress", {"Đang xử lý", "In progress"}},
      {"resolved", {"Đã giải quyết", "Resolved"}},
      {"closed", {"Đã đóng", "Closed"}},
      {"rejected", {"Không thụ lý", "Not accepted"}},
      {"reopened", {"Mở lại", "Reopened"}},
  };
  auto it = labels.find(status);
  if (it == labels.end()) return std::string(status);
  return english ? it->second.second : it->second.first;
}

}  // namespace antoan::cases

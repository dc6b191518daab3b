#pragma once
// Boarding houses, self-management teams, members, safety checks and monthly meetings as the
// housing service takes them in: each parsed from a JSON object (the API, and CSV rows turned
// into JSON by housing/import) and validated field by field, every problem an Error naming
// the field. Text is trimmed and NFC-normalised so the same Vietnamese name is one string.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json.h"

namespace antoan::housing {

// Houses with at least this many worker residents should have a team (the federation's goal).
inline constexpr std::int64_t kCoverageThreshold = 30;

struct HouseInput {
  std::optional<std::string> name, address, area_code;
  std::optional<double> lat, lon;
  std::optional<std::string> landlord_name, landlord_contact;
  std::optional<std::int64_t> rooms, residents;
  std::optional<std::int64_t> team_id;
  bool clear_team = false;  // PATCH with "team_id": null detaches the house from its team
};

struct TeamInput {
  std::optional<std::string> name, area_code, leader_name, leader_phone, founded_on;
  std::optional<std::int64_t> leader_user_id;
};

struct MemberInput {
  std::string name;
  std::string role = "member";  // deputy | member
  std::optional<std::string> phone;
  std::optional<std::int64_t> house_id;
};

struct SafetyCheckInput {
  std::string checked_on;  // YYYY-MM-DD
  bool fire_extinguisher = false, escape_route = false, smoke_alarm = false, electrical_safe = false;
  std::optional<std::string> notes;
};

struct IssueInput {
  std::string category;
  std::string description;
  std::optional<std::int64_t> boarding_house_id;
};

struct MeetingInput {
  std::string held_on;  // YYYY-MM-DD
  std::int64_t attendance = 0;
  std::string topics;
  std::optional<std::string> notes;
  std::vector<IssueInput> issues;
};

// `creating`: required fields must be present (POST); otherwise every field is optional (PATCH).
Result<HouseInput> parse_house(const Json& body, bool creating);
Result<TeamInput> parse_team(const Json& body, bool creating);
Result<MemberInput> parse_member(const Json& body);
Result<SafetyCheckInput> parse_safety_check(const Json& body, const std::string& today);
Result<IssueInput> parse_issue(const Json& body);
Result<MeetingInput> parse_meeting(const Json& body, const std::string& today);

// "YYYY-MM-DD" with a real calendar day, and "YYYY-MM".
bool is_date(std::string_view s);
bool is_month(std::string_view s);
// Today's date in Vietnam (UTC+7) as YYYY-MM-DD.
std::string vietnam_today();

}  // namespace antoan::housing

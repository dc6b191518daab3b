#include "housing/model.h"

#include "core/clock.h"
#include "security/policy.h"
#include "text/normalize.h"

namespace antoan::housing {
namespace {

Result<std::optional<std::string>> text(const JsonFields& f, const char* field, std::size_t max,
                                        bool multiline = false) {
  ANTOAN_ASSIGN(auto v, f.optional_string(field, max, multiline));
  if (v) *v = text::to_nfc(*v);
  return v;
}

Result<std::string> required_text(const JsonFields& f, const char* field, std::size_t max, bool multiline = false) {
  ANTOAN_ASSIGN(std::string v, f.string(field, max, multiline));
  return text::to_nfc(v);
}

Error missing(const char* field) {
  return Error::unprocessable(field, std::string("Thiếu trường bắt buộc '") + field + "'",
                              std::string("Missing required field '") + field + "'");
}

// A calendar date not in the future and not absurdly old (typos such as 1026 or 2062).
Result<std::string> past_date(const JsonFields& f, const char* field, const std::string& today) {
  ANTOAN_ASSIGN(std::string d, f.string(field, 10));
  if (!is_date(d))
    return Error::unprocessable(field, "Ngày không hợp lệ (YYYY-MM-DD)", "Not a date (YYYY-MM-DD)");
  if (d > today || d < "2000-01-01")
    return Error::unprocessable(field, "Ngày phải từ năm 2000 đến hôm nay", "The date must be between 2000 and today");
  return d;
}

Result<bool> flag(const JsonFields& f, const char* field) {
  ANTOAN_ASSIGN(auto v, f.optional_bool(field));
  return v.value_or(false);
}

}  // namespace

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  int yy;
  unsigned mm, dd;
  civil_from_days(days_from_civil(y, m, d), yy, mm, dd);  // 2026-02-30 comes back as March
  return yy == y && mm == m && dd == d;
}

bool is_month(std::string_view s) {
  return s.size() == 7 && is_date(std::string(s) + "-01");
}

std::string vietnam_today() {
  constexpr std::int64_t kDay = 86400000, kOffset = 7 * 3600000;
  return format_civil_date((now_ms() + kOffset) / kDay);
}

Result<HouseInput> parse_house(const Json& body, bool creating) {
  JsonFields f(body);
  HouseInput h;
  ANTOAN_ASSIGN(h.name, text(f, "name", 200));
  ANTOAN_ASSIGN(h.address, text(f, "address", 500));
  ANTOAN_ASSIGN(h.area_code, text(f, "area_code", 10));
  // Vietnam including Hoàng Sa and Trường Sa lies within these bounds.
  ANTOAN_ASSIGN(h.lat, f.optional_number("lat", 6.0, 24.0));
  ANTOAN_ASSIGN(h.lon, f.optional_number("lon", 100.0, 120.0));
  if (h.lat.has_value() != h.lon.has_value())
    return Error::unprocessable(h.lat ? "lon" : "lat", "Cần cả vĩ độ và kinh độ", "Both lat and lon are needed");
  ANTOAN_ASSIGN(h.landlord_name, text(f, "landlord_name", 200));
  ANTOAN_ASSIGN(h.landlord_contact, text(f, "landlord_contact", 200));
  ANTOAN_ASSIGN(h.rooms, f.optional_int("rooms", 0, 5000));
  ANTOAN_ASSIGN(h.residents, f.optional_int("residents", 0, 20000));
  ANTOAN_ASSIGN(h.team_id, f.optional_int("team_id", 1, INT64_MAX));
  h.clear_team = !creating && body.contains("team_id") && body["team_id"].is_null();
  if (creating) {
    if (!h.name) return missing("name");
    if (!h.address) return missing("address");
    if (!h.area_code) return missing("area_code");
  }
  return h;
}

Result<TeamInput> parse_team(const Json& body, bool creating) {
  JsonFields f(body);
  TeamInput t;
  ANTOAN_ASSIGN(t.name, text(f, "name", 200));
  ANTOAN_ASSIGN(t.area_code, text(f, "area_code", 10));
  ANTOAN_ASSIGN(t.leader_name, text(f, "leader_name", 200));
  ANTOAN_ASSIGN(t.leader_phone, text(f, "leader_phone", 40));
  ANTOAN_ASSIGN(t.leader_user_id, f.optional_int("leader_user_id", 1, INT64_MAX));
  if (f.has("founded_on")) {
    ANTOAN_ASSIGN(std::string d, past_date(f, "founded_on", vietnam_today()));
    t.founded_on = d;
  }
  if (t.leader_phone && t.leader_phone->find_first_not_of("0123456789 +.-()") != std::string::npos)
    return Error::unprocessable("leader_phone", "Số điện thoại chỉ gồm chữ số, dấu cách, + . - ( )",
                                "A phone number has only digits, spaces and + . - ( )");
  if (creating) {
    if (!t.name) return missing("name");
    if (!t.area_code) return missing("area_code");
    if (!t.leader_name) return missing("leader_name");
    if (!t.founded_on) t.founded_on = vietnam_today();
  }
  return t;
}

Result<MemberInput> parse_member(const Json& body) {
  JsonFields f(body);
  MemberInput m;
  ANTOAN_ASSIGN(m.name, required_text(f, "name", 200));
  ANTOAN_ASSIGN(auto role, f.optional_string("role", 20));
  if (role) {
    if (*role != "deputy" && *role != "member")
      return Error::unprocessable("role", "Vai trò phải là 'deputy' (tổ phó) hoặc 'member' (tổ viên)",
                                  "role must be 'deputy' or 'member'");
    m.role = *role;
  }
  ANTOAN_ASSIGN(m.phone, text(f, "phone", 40));
  ANTOAN_ASSIGN(m.house_id, f.optional_int("house_id", 1, INT64_MAX));
  return m;
}

Result<SafetyCheckInput> parse_safety_check(const Json& body, const std::string& today) {
  JsonFields f(body);
  SafetyCheckInput c;
  ANTOAN_ASSIGN(c.checked_on, past_date(f, "checked_on", today));
  ANTOAN_ASSIGN(c.fire_extinguisher, flag(f, "fire_extinguisher"));
  ANTOAN_ASSIGN(c.escape_route, flag(f, "escape_route"));
  ANTOAN_ASSIGN(c.smoke_alarm, flag(f, "smoke_alarm"));
  ANTOAN_ASSIGN(c.electrical_safe, flag(f, "electrical_safe"));
  ANTOAN_ASSIGN(c.notes, text(f, "notes", 2000, true));
  return c;
}

Result<IssueInput> parse_issue(const Json& body) {
  JsonFields f(body);
  IssueInput i;
  ANTOAN_ASSIGN(i.category, f.string("category", 40));
  if (!security::is_category(i.category))
    return Error::unprocessable("category", "Loại sự việc không hợp lệ: " + i.category,
                                "Unknown category: " + i.category);
  ANTOAN_ASSIGN(i.description, required_text(f, "description", 5000, true));
  ANTOAN_ASSIGN(i.boarding_house_id, f.optional_int("boarding_house_id", 1, INT64_MAX));
  return i;
}

Result<MeetingInput> parse_meeting(const Json& body, const std::string& today) {
  JsonFields f(body);
  MeetingInput m;
  ANTOAN_ASSIGN(m.held_on, past_date(f, "held_on", today));
  ANTOAN_ASSIGN(m.attendance, f.integer("attendance", 0, 5000));
  ANTOAN_ASSIGN(m.topics, required_text(f, "topics", 2000, true));
  ANTOAN_ASSIGN(m.notes, text(f, "notes", 5000, true));
  if (body.contains("issues") && !body["issues"].is_null()) {
    const Json& issues = body["issues"];
    if (!issues.is_array())
      return Error::invalid("issues", "Trường 'issues' phải là danh sách", "Field 'issues' must be an array");
    if (issues.size() > 20)
      return Error::unprocessable("issues", "Tối đa 20 vấn đề mỗi cuộc họp", "At most 20 issues per meeting");
    for (std::size_t i = 0; i < issues.size(); ++i) {
      if (!issues[i].is_object())
        return Error::invalid("issues", "Mỗi vấn đề phải là một đối tượng", "Each issue must be an object");
      auto issue = parse_issue(issues[i]);
      if (!issue.ok()) {
        Error e = issue.error();
        e.field = "issues[" + std::to_string(i) + "]." + e.field;
        return e;
      }
      m.issues.push_back(std::move(issue).value());
    }
  }
  return m;
}

}  // namespace antoan::housing

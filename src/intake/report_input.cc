#include "intake/report_input.h"

#include <array>

#include "core/coordinates.h"
#include "security/policy.h"

namespace antoan::intake {

bool is_channel(std::string_view channel) {
  static constexpr std::array<std::string_view, 8> kChannels = {"web",    "api",    "hotline", "chat",
                                                                "camera", "import", "meeting", "sms"};
  for (auto c : kChannels)
    if (c == channel) return true;
  return false;
}

Result<ReportInput> parse_report(const Json& body, EpochMs now) {
  JsonFields f(body);
  ReportInput in;
  ANTOAN_ASSIGN(in.category, f.string("category", 40));
  if (!security::is_category(in.category))
    return Error::unprocessable("category", "Loại sự việc không hợp lệ: " + in.category,
                                "Unknown category: " + in.category);
  ANTOAN_ASSIGN(in.description, f.string("description", 5000, /*multiline=*/true));
  ANTOAN_ASSIGN(auto area_code, f.optional_string("area_code", 10));
  // Vietnam including Hoàng Sa and Trường Sa lies within these bounds.
  ANTOAN_ASSIGN(in.lat, f.optional_number("lat", 6.0, 24.0));
  ANTOAN_ASSIGN(in.lon, f.optional_number("lon", 100.0, 120.0));
  if (in.lat.has_value() != in.lon.has_value())
    return Error::unprocessable(in.lat ? "lon" : "lat", "Cần cả vĩ độ và kinh độ", "Both lat and lon are needed");
  // Without an area the coordinates place the report (IntakeService asks orgs::area_at).
  if ((!area_code || area_code->empty()) && !in.lat)
    return Error::unprocessable("area_code", "Cần chọn địa bàn (hoặc gửi toạ độ lat, lon)",
                                "area_code is required (or send the coordinates lat, lon)");
  in.area_code = area_code.value_or("");
  // The exact spot is kept only when the reporter asks for help there (an emergency); otherwise
  // the place is coarsened here, before anything is stored.
  ANTOAN_ASSIGN(auto exact, f.optional_bool("exact_location"));
  in.exact_location = exact.value_or(false) && in.lat.has_value();
  if (in.lat && !in.exact_location) {
    in.lat = coarse_coordinate(*in.lat);
    in.lon = coarse_coordinate(*in.lon);
  }
  ANTOAN_ASSIGN(in.enterprise_id, f.optional_int("enterprise_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(in.boarding_house_id, f.optional_int("boarding_house_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(in.house_token, f.optional_string("house_token", 64));
  if (in.house_token && in.boarding_house_id)
    return Error::unprocessable("house_token", "Chỉ gửi một trong boarding_house_id và house_token",
                                "Send either boarding_house_id or house_token, not both");
  ANTOAN_ASSIGN(auto incident, f.optional_string("incident_at", 40));
  if (incident) {
    EpochMs t;
    if (!parse_iso8601(*incident, t))
      return Error::unprocessable("incident_at", "Thời gian xảy ra không hợp lệ (ví dụ 2026-11-20T21:30+07:00)",
                                  "incident_at is not an ISO 8601 time (e.g. 2026-11-20T21:30+07:00)");
    constexpr EpochMs kTenMinutes = 10 * 60 * 1000, kTwoYears = 2 * 366 * 86400000LL;
    if (t > now + kTenMinutes)
      return Error::unprocessable("incident_at", "Thời gian xảy ra không thể ở tương lai",
                                  "incident_at cannot be in the future");
    if (t < now - kTwoYears)
      return Error::unprocessable("incident_at", "Thời gian xảy ra quá xa (hơn 2 năm)",
                                  "incident_at is more than two years ago");
    in.incident_at = t;
  }
  ANTOAN_ASSIGN(in.contact, f.optional_string("contact", 200));
  ANTOAN_ASSIGN(auto channel, f.optional_string("channel", 20));
  if (channel) {
    if (!is_channel(*channel))
      return Error::unprocessable("channel", "Kênh tiếp nhận không hợp lệ", "Unknown channel");
    in.channel = *channel;
  }
  return in;
}

}  // namespace antoan::intake

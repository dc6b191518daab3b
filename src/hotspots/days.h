#pragma once
// Calendar days of the scan: days since 1970-01-01 in Vietnam time (UTC+7, no DST), the day
// a case "happened" on for the scan and the alerts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace antoan::hotspots {

inline constexpr std::int64_t kVietnamOffsetMs = 7LL * 3600 * 1000;
inline constexpr std::int64_t kDayMs = 86400000LL;

// The Vietnam calendar day of an instant.
std::int32_t vietnam_day(EpochMs ms);
// 00:00 Vietnam time of a day, as epoch ms.
EpochMs vietnam_day_start_ms(std::int32_t day);
std::string format_day(std::int32_t day);  // YYYY-MM-DD
// Strict YYYY-MM-DD (a real calendar date); nullopt otherwise.
std::optional<std::int32_t> parse_day(std::string_view text);
// A date "YYYY-MM-DD" (that day) or an ISO 8601 date-time: with a zone (Z, ±hh:mm) it is
// converted to Vietnam time; without one it is taken as Vietnam local time.
std::optional<std::int32_t> parse_day_or_datetime(std::string_view text);

}  // namespace antoan::hotspots

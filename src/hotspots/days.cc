#include "hotspots/days.h"

#include <cstdio>

namespace antoan::hotspots {

std::int32_t vietnam_day(EpochMs ms) {
  const std::int64_t local = ms + kVietnamOffsetMs;
  return static_cast<std::int32_t>(local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs);
}

EpochMs vietnam_day_start_ms(std::int32_t day) { return static_cast<EpochMs>(day) * kDayMs - kVietnamOffsetMs; }

std::string format_day(std::int32_t day) { return format_civil_date(day); }

std::optional<std::int32_t> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (int i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return std::nullopt;
      v[f] = v[f] * 10 + (s[static_cast<std::size_t>(i)] - '0');
    }
  if (v[0] < 1900 || v[0] > 2200 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) return std::nullopt;
  const std::int64_t day = days_from_civil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
  int y;
  unsigned m, d;
  civil_from_days(day, y, m, d);  // round trip rejects 2024-02-30
  if (y != v[0] || static_cast<int>(m) != v[1] || static_cast<int>(d) != v[2]) return std::nullopt;
  return static_cast<std::int32_t>(day);
}

std::optional<std::int32_t> parse_day_or_datetime(std::string_view s) {
  if (s.size() == 10) return parse_day(s);
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto date = parse_day(s.substr(0, 10));
  if (!date) return std::nullopt;
  EpochMs ms = 0;
  if (!parse_iso8601(std::string(s), ms)) return std::nullopt;
  const char last = s.back();
  const bool has_zone = last == 'Z' || last == 'z' || (s.size() >= 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':');
  if (!has_zone) return date;
  return vietnam_day(ms);
}

}  // namespace antoan::hotspots

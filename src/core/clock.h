#pragma once
// Time in antoan is UTC epoch milliseconds (int64). A Clock can be replaced in tests and
// by `serve --clock-offset` so deadline and escalation logic is testable.
#include <cstdint>
#include <string>

namespace antoan {

using EpochMs = std::int64_t;

EpochMs now_ms();
// Shifts now_ms() for tests (e.g. "pretend 3 days passed").
void set_clock_offset_ms(std::int64_t offset);
std::string format_iso8601(EpochMs ms);  // 2026-11-23T09:04:05.123Z
// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.mmm]][Z|+hh:mm]"; false on bad input.
bool parse_iso8601(const std::string& text, EpochMs& out);
// Days since 1970-01-01 for a civil date and back (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d);
// "YYYY-MM-DD" of a day number (days since 1970-01-01).
std::string format_civil_date(std::int64_t days);

}  // namespace antoan

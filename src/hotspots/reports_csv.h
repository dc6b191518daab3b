#pragma once
// Reads the CLI's reports CSV: a header row naming at least id, category, lat, lon, date (any
// order, any case, extra columns ignored), then one report per row. RFC 4180 quoting is
// accepted (quoted fields may hold commas, doubled quotes and line breaks). Every problem is
// an Error naming the line: invalid UTF-8, a missing column, a wrong field count, a bad
// latitude/longitude or a bad date. Dates are YYYY-MM-DD or ISO 8601 date-times (see
// parse_day_or_datetime: Vietnam time).
#include <cstdint>
#include <istream>
#include <optional>
#include <string>

#include "core/error.h"
#include "hotspots/scan_input.h"

namespace antoan::hotspots {

struct ReportsCsvOptions {
  std::optional<std::string> category;  // keep only this category
};

struct ReportsCsvSummary {
  std::int64_t rows = 0;            // data rows read
  std::int64_t kept = 0;            // rows added to the scan input
  std::int64_t other_category = 0;  // rows skipped by the category filter
};

// Adds every kept row to `builder` (its as-of day decides nothing here: later days are kept
// and the scan ignores them). Stops at the first malformed row.
Result<ReportsCsvSummary> read_reports_csv(std::istream& in, const ReportsCsvOptions& options,
                                           ScanInputBuilder& builder);

}  // namespace antoan::hotspots

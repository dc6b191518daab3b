#pragma once
// Case exports for officers (CSV and Excel), built page by page from the same scoped query the
// inbox uses (CaseService::export_page), so an export can never contain a case or a field the
// officer could not see, and holds every row the filter selects (streamed, not capped at a page).
// Reporter contact is not in that list, hence never in an export. For people, not programs: headers
// and codes (category, status, priority) in Vietnamese or English, times in Vietnam's time
// (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), Excel times as real date cells. Cells that a
// spreadsheet would read as a formula (= + - @) are prefixed with an apostrophe.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"

namespace antoan::cases {

// Columns (keys of the inbox's case JSON), in order, for both formats.
const std::vector<std::string> &export_columns();
// The header of a column for people ("Loại sự việc" / "Category").
std::string export_header(const std::string &column, bool english);
// A cell's text: labels for codes, local times, "Có"/"Yes".
std::string export_text(const std::string &column, const Json &value, bool english);

// Neutralises spreadsheet formulas in a text cell.
std::string safe_cell(const std::string &text);

// The next rows after the given case id (ordered by id), at most `limit`; empty when done.
using ExportPages = std::function<Result<Json>(std::int64_t after_id, int limit)>;
// Pulls the next chunk of an export into `out`; false when there is nothing more.
using ExportStream = std::function<bool(std::string &out)>;

// CSV (UTF-8 with a BOM so Excel reads the Vietnamese text), pulled a page at a time.
ExportStream csv_export(ExportPages pages, bool english);
std::string cases_to_csv(const Json &items, bool english = false);

// Excel: the workbook is written to a private temporary file (libxlsxwriter's constant-memory mode,
// a page at a time), then streamed and removed.
Result<ExportStream> xlsx_export(ExportPages pages, bool english);
Result<std::string> cases_to_xlsx(const Json &items, bool english = false);

// Excel's limit: 1,048,576 rows including the header. An export over it is refused with a message
// that says so (the CSV has no limit).
constexpr std::int64_t kMaxXlsxRows = 1'048'575;

}  // namespace antoan::cases

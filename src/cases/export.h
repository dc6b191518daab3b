#pragma once
// Case exports for officers (CSV and Excel), built from the same scoped list the inbox shows
// (CaseService::list), so an export can never contain a case or a field the officer could not
// see. Reporter contact is not in that list, hence never in an export. Cells that a
// spreadsheet would read as a formula (= + - @) are prefixed with an apostrophe.
#include <string>

#include "core/json.h"
#include "core/error.h"

namespace antoan::cases {

// Columns, in order, for both formats.
const std::vector<std::string>& export_columns();
std::string cases_to_csv(const Json& items);
Result<std::string> cases_to_xlsx(const Json& items);
// Neutralises spreadsheet formulas in a text cell.
std::string safe_cell(const std::string& text);

}  // namespace antoan::cases

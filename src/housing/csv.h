#pragma once
// A small RFC 4180 CSV reader and writer for housing import/export: quoted fields may hold
// commas, doubled quotes and line breaks; CRLF or LF; a UTF-8 byte-order mark is skipped.
// Rows carry the line number where they start, so errors can name it.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace antoan::housing {

struct CsvRow {
  int line = 0;  // 1-based line of the file where the row starts (the header is line 1)
  std::vector<std::string> fields;
};

// Invalid UTF-8 or an unterminated quote is an Error naming the line.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);

// One field, quoted when it holds a comma, a quote or a line break. A leading = + - @ gets a
// ' so a spreadsheet never runs it as a formula (CSV injection).
std::string csv_field(std::string_view value);
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace antoan::housing

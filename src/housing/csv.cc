#include "housing/csv.h"

#include "core/utf8.h"

namespace antoan::housing {

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text))
    return Error::invalid("csv", "Tệp CSV không phải UTF-8 hợp lệ", "The CSV file is not valid UTF-8");
  std::vector<CsvRow> rows;
  CsvRow row{1, {}};
  std::string field;
  int line = 1;
  bool quoted = false, field_started = false, row_has_content = false;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    if (row_has_content) rows.push_back(std::move(row));
    row = CsvRow{line + 1, {}};
    row_has_content = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = row_has_content = true;
    } else if (c == ',') {
      end_field();
      row_has_content = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the \n ends the row
    } else if (c == '\n') {
      end_row();
      ++line;
    } else {
      field += c;
      field_started = true;
      if (c != ' ' && c != '\t' && c != '\r') row_has_content = true;
    }
  }
  if (quoted)
    return Error::invalid("csv", "Dấu ngoặc kép chưa đóng (dòng " + std::to_string(row.line) + ")",
                          "Unterminated quote (line " + std::to_string(row.line) + ")");
  end_row();
  return rows;
}

std::string csv_field(std::string_view value) {
  std::string v(value);
  // Numbers and phone numbers ("+84 912…", "-0.5") are not formulas; anything else starting
  // with a formula character is neutralised.
  bool number_like = v.find_first_not_of("0123456789 +-.()") == std::string::npos;
  if (!v.empty() && !number_like && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace antoan::housing

#include "cases/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace antoan::cases {
namespace {

std::string cell_text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  return v.dump();
}

std::string csv_field(const std::string& text) {
  std::string s = safe_cell(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

const std::vector<std::string>& export_columns() {
  static const std::vector<std::string> cols = {"id",         "category",  "status",         "priority",
                                                "org_id",     "org_name",  "area_code",      "area_name",
                                                "enterprise_id", "enterprise_name", "created_at", "updated_at",
                                                "overdue",    "escalation_level", "summary"};
  return cols;
}

std::string safe_cell(const std::string& text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'))
    return "'" + text;
  return text;
}

std::string cases_to_csv(const Json& items) {
  std::ostringstream out;
  out << "\xEF\xBB\xBF";  // BOM: Excel then reads the Vietnamese text as UTF-8
  const auto& cols = export_columns();
  for (std::size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << cols[i];
  out << "\r\n";
  for (const Json& item : items) {
    for (std::size_t i = 0; i < cols.size(); ++i)
      out << (i ? "," : "") << csv_field(cell_text(item.value(cols[i], Json(nullptr))));
    out << "\r\n";
  }
  return out.str();
}

Result<std::string> cases_to_xlsx(const Json& items) {
  // libxlsxwriter writes a file; a private temp file is read back and removed.
  std::string path = (std::filesystem::temp_directory_path() / "antoan-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Error::internal("cannot create a temporary file for the export");
  close(fd);
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) {
    std::filesystem::remove(path);
    return Error::internal("cannot start the Excel export");
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb, "cases");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  const auto& cols = export_columns();
  for (std::size_t c = 0; c < cols.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].c_str(), bold);
  lxw_row_t row = 1;
  for (const Json& item : items) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const Json v = item.value(cols[c], Json(nullptr));
      auto col = static_cast<lxw_col_t>(c);
      if (v.is_number()) worksheet_write_number(ws, row, col, v.get<double>(), nullptr);
      else if (v.is_boolean()) worksheet_write_boolean(ws, row, col, v.get<bool>(), nullptr);
      else if (!v.is_null()) worksheet_write_string(ws, row, col, safe_cell(cell_text(v)).c_str(), nullptr);
    }
    ++row;
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::filesystem::remove(path);
    return Error::internal(std::string("Excel export failed: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

}  // namespace antoan::cases

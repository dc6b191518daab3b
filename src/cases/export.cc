#include "cases/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cases/case_model.h"
#include "core/clock.h"
#include "security/policy.h"

namespace antoan::cases {
namespace {

constexpr int kPage = 1000;
constexpr EpochMs kVietnamOffsetMs = 7 * 3'600'000LL;  // Asia/Ho_Chi_Minh: UTC+7, no DST

struct Column {
  const char *key;
  const char *vi;
  const char *en;
  bool time;
};

constexpr std::array<Column, 14> kColumns = {{
    {"id", "Số hồ sơ", "Case no.", false},
    {"category", "Loại sự việc", "Category", false},
    {"status", "Trạng thái", "Status", false},
    {"priority", "Mức ưu tiên", "Priority", false},
    {"org_name", "Đơn vị phụ trách", "Responsible organisation", false},
    {"area_code", "Mã địa bàn", "Area code", false},
    {"area_name", "Địa bàn", "Area", false},
    {"enterprise_name", "Doanh nghiệp", "Enterprise", false},
    {"created_at", "Ngày tiếp nhận (giờ Việt Nam)", "Received (Vietnam time)", true},
    {"updated_at", "Cập nhật lần cuối", "Last updated", true},
    {"due_at", "Hạn xử lý", "Due", true},
    {"overdue_hours", "Quá hạn (giờ)", "Overdue (hours)", false},
    {"escalation_level", "Số lần chuyển lên cấp trên", "Escalations", false},
    {"summary", "Nội dung tóm tắt", "Summary", false},
}};

const Column *find_column(const std::string &key) {
  for (const Column &c : kColumns)
    if (key == c.key) return &c;
  return nullptr;
}

std::string priority_label(const std::string &code, bool english) {
  if (code == "low") return english ? "Low" : "Thấp";
  if (code == "normal") return english ? "Normal" : "Bình thường";
  if (code == "high") return english ? "High" : "Cao";
  if (code == "urgent") return english ? "Urgent" : "Khẩn cấp";
  return code;
}

// A bare day (YYYY-MM-DD): what an employer's projection gives instead of a time. It is already
// Vietnam's calendar day and has no hour to show.
bool is_day_only(const Json &v) { return v.is_string() && v.get_ref<const std::string &>().size() == 10; }

// Vietnam's civil time of an ISO 8601 UTC time from the case JSON (a bare day stays that day).
bool local_time(const Json &v, lxw_datetime &out) {
  EpochMs t;
  if (!v.is_string() || !parse_iso8601(v.get<std::string>(), t)) return false;
  if (is_day_only(v)) {
    int y;
    unsigned m, d;
    civil_from_days(t / 86'400'000, y, m, d);
    out = {y, static_cast<int>(m), static_cast<int>(d), 0, 0, 0.0};
    return true;
  }
  EpochMs local = t + kVietnamOffsetMs;
  std::int64_t days = local >= 0 ? local / 86'400'000 : (local - 86'399'999) / 86'400'000;
  std::int64_t ms = local - days * 86'400'000;
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  out = {y,
         static_cast<int>(m),
         static_cast<int>(d),
         static_cast<int>(ms / 3'600'000),
         static_cast<int>(ms / 60'000 % 60),
         static_cast<double>(ms / 1000 % 60)};
  return true;
}

std::string csv_field(const std::string &text) {
  std::string s = safe_cell(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_header(bool english) {
  std::string out;
  for (const Column &c : kColumns) {
    if (!out.empty()) out += ',';
    out += csv_field(english ? c.en : c.vi);
  }
  return out + "\r\n";
}

void append_csv_rows(const Json &items, bool english, std::string &out) {
  for (const Json &item : items) {
    bool first = true;
    for (const Column &c : kColumns) {
      if (!first) out += ',';
      first = false;
      out += csv_field(export_text(c.key, item.value(c.key, Json(nullptr)), english));
    }
    out += "\r\n";
  }
}

// A temporary file removed when the last reference goes.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::filesystem::remove(path);
  }
};

struct Workbook {
  lxw_workbook *wb = nullptr;
  ~Workbook() {
    if (wb) workbook_close(wb);
  }
};

Result<std::shared_ptr<TempFile>> write_xlsx(const ExportPages &pages, bool english) {
  auto file = std::make_shared<TempFile>();
  std::string path = (std::filesystem::temp_directory_path() / "antoan-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Error::internal("cannot create a temporary file for the export");
  close(fd);
  file->path = path;
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};  // constant memory
  Workbook book;
  book.wb = workbook_new_opt(path.c_str(), &options);
  if (!book.wb) return Error::internal("cannot start the Excel export");
  lxw_worksheet *ws = workbook_add_worksheet(book.wb, english ? "Cases" : "Ho so");
  lxw_format *bold = workbook_add_format(book.wb);
  format_set_bold(bold);
  lxw_format *date = workbook_add_format(book.wb);
  format_set_num_format(date, "dd/mm/yyyy hh:mm");
  lxw_format *day = workbook_add_format(book.wb);
  format_set_num_format(day, "dd/mm/yyyy");
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_write_string(ws, 0, col, english ? kColumns[c].en : kColumns[c].vi, bold);
    worksheet_set_column(ws, col, col, kColumns[c].time ? 17 : c + 1 == kColumns.size() ? 60 : 16, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t row = 1;
  std::int64_t after = 0;
  while (true) {
    ANTOAN_ASSIGN(Json items, pages(after, kPage));
    if (items.empty()) break;
    for (const Json &item : items) {
      if (row > kMaxXlsxRows) return Error::internal("Excel export over Excel's row limit");
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        const Column &column = kColumns[c];
        const Json v = item.value(column.key, Json(nullptr));
        auto col = static_cast<lxw_col_t>(c);
        lxw_datetime dt;
        if (v.is_null()) continue;
        if (column.time && local_time(v, dt))
          worksheet_write_datetime(ws, row, col, &dt, is_day_only(v) ? day : date);
        else if (v.is_number())
          worksheet_write_number(ws, row, col, v.get<double>(), nullptr);
        else
          worksheet_write_string(ws, row, col, safe_cell(export_text(column.key, v, english)).c_str(), nullptr);
      }
      ++row;
    }
    after = items.back().value("id", std::int64_t{0});
  }
  lxw_error err = workbook_close(book.wb);
  book.wb = nullptr;
  if (err != LXW_NO_ERROR) return Error::internal(std::string("Excel export failed: ") + lxw_strerror(err));
  return file;
}

// Streams a file in 64 KiB chunks; the file goes when the stream does.
ExportStream file_stream(std::shared_ptr<TempFile> file) {
  auto in = std::make_shared<std::ifstream>(file->path, std::ios::binary);
  return [file, in](std::string &out) {
    char buf[65536];
    in->read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in->gcount()));
    return in->gcount() == static_cast<std::streamsize>(sizeof buf);
  };
}

}  // namespace

const std::vector<std::string> &export_columns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> v;
    for (const Column &c : kColumns) v.emplace_back(c.key);
    return v;
  }();
  return cols;
}

std::string export_header(const std::string &column, bool english) {
  const Column *c = find_column(column);
  return c ? (english ? c->en : c->vi) : column;
}

std::string export_text(const std::string &column, const Json &v, bool english) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? (english ? "Yes" : "Có") : (english ? "No" : "Không");
  if (!v.is_string()) return v.dump();
  std::string s = v.get<std::string>();
  if (column == "category") return std::string(security::category_label(s, english ? "en" : "vi"));
  if (column == "status") return status_label(s, english);
  if (column == "priority") return priority_label(s, english);
  const Column *c = find_column(column);
  lxw_datetime t;
  if (c && c->time && local_time(v, t)) {
    char buf[32];
    if (is_day_only(v))
      std::snprintf(buf, sizeof buf, english ? "%04d-%02d-%02d" : "%02d/%02d/%04d", english ? t.year : t.day, t.month,
                    english ? t.day : t.year);
    else if (english)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.min);
    else
      std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", t.day, t.month, t.year, t.hour, t.min);
    return buf;
  }
  return s;
}

std::string safe_cell(const std::string &text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'))
    return "'" + text;
  return text;
}

ExportStream csv_export(ExportPages pages, bool english) {
  struct State {
    ExportPages pages;
    bool english;
    bool started = false, done = false;
    std::int64_t after = 0;
  };
  auto st = std::make_shared<State>(State{std::move(pages), english});
  return [st](std::string &out) {
    if (st->done) return false;
    if (!st->started) {
      st->started = true;
      out += "\xEF\xBB\xBF";  // BOM: Excel then reads the Vietnamese text as UTF-8
      out += csv_header(st->english);
      return true;
    }
    auto items = st->pages(st->after, kPage);
    // A failure half-way cannot change the status any more: the file ends there.
    if (!items.ok() || items->empty()) {
      st->done = true;
      return false;
    }
    append_csv_rows(*items, st->english, out);
    st->after = items->back().value("id", std::int64_t{0});
    return true;
  };
}

std::string cases_to_csv(const Json &items, bool english) {
  std::string out = "\xEF\xBB\xBF" + csv_header(english);
  append_csv_rows(items, english, out);
  return out;
}

Result<ExportStream> xlsx_export(ExportPages pages, bool english) {
  ANTOAN_ASSIGN(auto file, write_xlsx(pages, english));
  return file_stream(std::move(file));
}

Result<std::string> cases_to_xlsx(const Json &items, bool english) {
  bool given = false;
  ExportPages one_page = [&items, &given](std::int64_t, int) -> Result<Json> {
    if (given) return Json::array();
    given = true;
    return items;
  };
  ANTOAN_ASSIGN(auto file, write_xlsx(one_page, english));
  std::ifstream in(file->path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace antoan::cases

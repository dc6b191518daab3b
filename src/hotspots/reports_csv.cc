#include "hotspots/reports_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

#include "core/utf8.h"
#include "hotspots/days.h"

namespace antoan::hotspots {
namespace {

Error line_error(std::int64_t line, const std::string& vi, const std::string& en) {
  return Error::invalid("input", "Dòng " + std::to_string(line) + ": " + vi, "line " + std::to_string(line) + ": " + en);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads one CSV record (several physical lines when a quoted field holds a line break).
// Returns false at end of input; `first_line` is the line number the record starts on.
Result<bool> read_record(std::istream& in, std::string& record, std::int64_t& line_no, std::int64_t& first_line) {
  std::string line;
  if (!std::getline(in, line)) return false;
  first_line = ++line_no;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  record = std::move(line);
  while (std::count(record.begin(), record.end(), '"') % 2 == 1) {
    if (!std::getline(in, line))
      return line_error(first_line, "dấu ngoặc kép không được đóng", "unterminated quoted field");
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    record += '\n';
    record += line;
  }
  return true;
}

Result<std::vector<std::string>> split_record(const std::string& record, std::int64_t line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const char ch = record[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < record.size() && record[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        fields.back() += ch;
      }
    } else if (ch == ',') {
      fields.emplace_back();
    } else if (ch == '"' && trim(fields.back()).empty()) {
      fields.back().clear();
      quoted = true;
    } else if (ch == '"') {
      return line_error(line, "dấu ngoặc kép đặt sai chỗ", "stray quote inside an unquoted field");
    } else {
      fields.back() += ch;
    }
  }
  return fields;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string lower(std::string_view s) {
  std::string out(trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Result<ReportsCsvSummary> read_reports_csv(std::istream& in, const ReportsCsvOptions& options,
                                           ScanInputBuilder& builder) {
  ReportsCsvSummary summary;
  std::string record;
  std::int64_t line_no = 0, first_line = 0;
  ANTOAN_ASSIGN(bool has_header, read_record(in, record, line_no, first_line));
  if (!has_header || trim(record).empty())
    return Error::invalid("input", "Tệp CSV trống: cần dòng tiêu đề id,category,lat,lon,date",
                          "empty CSV: a header row id,category,lat,lon,date is required");
  if (record.rfind("\xEF\xBB\xBF", 0) == 0) record.erase(0, 3);  // UTF-8 byte order mark
  if (!is_valid_utf8(record)) return line_error(first_line, "không phải UTF-8 hợp lệ", "invalid UTF-8");
  ANTOAN_ASSIGN(auto header, split_record(record, first_line));
  const std::array<const char*, 5> names = {"id", "category", "lat", "lon", "date"};
  std::array<std::size_t, 5> column{};
  for (std::size_t n = 0; n < names.size(); ++n) {
    auto it = std::find_if(header.begin(), header.end(), [&](const std::string& h) { return lower(h) == names[n]; });
    if (it == header.end())
      return line_error(1, std::string("thiếu cột \"") + names[n] + "\" trong dòng tiêu đề",
                        std::string("missing column \"") + names[n] + "\" in the header row");
    column[n] = static_cast<std::size_t>(it - header.begin());
  }

  for (;;) {
    ANTOAN_ASSIGN(bool more, read_record(in, record, line_no, first_line));
    if (!more) break;
    if (trim(record).empty()) continue;
    if (!is_valid_utf8(record)) return line_error(first_line, "không phải UTF-8 hợp lệ", "invalid UTF-8");
    ANTOAN_ASSIGN(auto fields, split_record(record, first_line));
    if (fields.size() != header.size())
      return line_error(first_line,
                        "có " + std::to_string(fields.size()) + " trường, cần " + std::to_string(header.size()),
                        "has " + std::to_string(fields.size()) + " fields, expected " + std::to_string(header.size()));
    ++summary.rows;
    const std::string category(trim(fields[column[1]]));
    if (category.empty()) return line_error(first_line, "thiếu loại (category)", "empty category");
    auto lat = parse_number(fields[column[2]]);
    if (!lat || *lat < -90 || *lat > 90)
      return line_error(first_line, "vĩ độ không hợp lệ \"" + fields[column[2]] + "\" (cần −90..90)",
                        "invalid latitude \"" + fields[column[2]] + "\" (expected -90..90)");
    auto lon = parse_number(fields[column[3]]);
    if (!lon || *lon < -180 || *lon > 180)
      return line_error(first_line, "kinh độ không hợp lệ \"" + fields[column[3]] + "\" (cần −180..180)",
                        "invalid longitude \"" + fields[column[3]] + "\" (expected -180..180)");
    auto day = parse_day_or_datetime(trim(fields[column[4]]));
    if (!day)
      return line_error(first_line, "ngày không hợp lệ \"" + fields[column[4]] + "\" (cần YYYY-MM-DD)",
                        "invalid date \"" + fields[column[4]] + "\" (expected YYYY-MM-DD)");
    if (options.category && category != *options.category) {
      ++summary.other_category;
      continue;
    }
    builder.add({*lat, *lon}, *day);
    ++summary.kept;
  }
  return summary;
}

}  // namespace antoan::hotspots

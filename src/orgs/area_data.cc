#include "orgs/area_data.h"

#include <cstdlib>

namespace antoan::orgs {

std::vector<std::vector<std::string>> parse_simple_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      std::size_t comma = line.find(',', start);
      fields.emplace_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

namespace {

Error bad_data(std::string_view file, std::size_t row) {
  return Error::internal("bad row " + std::to_string(row + 1) + " in embedded " + std::string(file));
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

Result<std::vector<ProvinceRow>> load_provinces() {
  std::vector<ProvinceRow> out;
  auto rows = parse_simple_csv(embedded_area_file("provinces.csv"));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& f = rows[i];
    ProvinceRow p;
    if (f.size() < 5 || f[0].size() != 2 || !parse_double(f[3], p.lat) || !parse_double(f[4], p.lon))
      return bad_data("provinces.csv", i);
    p.code = f[0];
    p.name = f[1];
    p.is_city = f[2] == "city";
    out.push_back(std::move(p));
  }
  if (out.empty()) return Error::internal("embedded provinces.csv is empty");
  return out;
}

Result<std::vector<CommuneRow>> load_demo_communes() {
  std::vector<CommuneRow> out;
  auto rows = parse_simple_csv(embedded_area_file("communes_demo.csv"));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& f = rows[i];
    CommuneRow c;
    if (f.size() < 5 || f[0].size() != 5 || !parse_double(f[3], c.lat) || !parse_double(f[4], c.lon))
      return bad_data("communes_demo.csv", i);
    c.code = f[0];
    c.name = f[1];
    c.province_code = f[2];
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<ProvinceMergeRow>> load_province_merge() {
  std::vector<ProvinceMergeRow> out;
  auto rows = parse_simple_csv(embedded_area_file("province_merge_2025.csv"));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& f = rows[i];
    if (f.size() < 3 || f[0].size() != 2 || f[2].size() != 2) return bad_data("province_merge_2025.csv", i);
    out.push_back(ProvinceMergeRow{f[0], f[1], f[2]});
  }
  return out;
}

std::string new_province_code(std::string_view old_code) {
  auto rows = load_province_merge();
  if (!rows.ok()) return {};
  for (const auto& r : *rows)
    if (r.old_code == old_code) return r.new_code;
  return {};
}

}  // namespace antoan::orgs

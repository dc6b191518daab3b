#pragma once
// Reference data about Vietnam's administrative areas, embedded from data/areas/*.csv at
// build time: the 34 provinces of the 2025 structure (effective 1 July 2025), communes and
// wards of the demo areas, and the mapping of the 63 former provinces to the new 34 (for
// records made before the merger).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace antoan::orgs {

struct ProvinceRow {
  std::string code;  // "01", "24", ...
  std::string name;  // "Hà Nội", "Bắc Ninh"
  bool is_city = false;  // thành phố trực thuộc trung ương (6 of them) vs tỉnh
  double lat = 0, lon = 0;  // administrative centre
};

struct CommuneRow {
  std::string code;  // 5 digits, official code after the 2025 reorganisation
  std::string name;  // "Xã Nội Bài", "Phường Từ Sơn"
  std::string province_code;
  double lat = 0, lon = 0;  // approximate centre
};

struct ProvinceMergeRow {
  std::string old_code;
  std::string old_name;
  std::string new_code;
};

// Text of an embedded CSV by file name ("provinces.csv"); empty when unknown.
std::string_view embedded_area_file(std::string_view name);

Result<std::vector<ProvinceRow>> load_provinces();
Result<std::vector<CommuneRow>> load_demo_communes();
Result<std::vector<ProvinceMergeRow>> load_province_merge();
// The 2025 province code that a former (pre-2025) province code maps to; "" when unknown.
std::string new_province_code(std::string_view old_code);

// Splits simple CSV text (no quoted fields) into rows of fields, skipping the header and
// blank lines.
std::vector<std::vector<std::string>> parse_simple_csv(std::string_view text);

}  // namespace antoan::orgs

#pragma once
// Read side of the hotspot context for the API: the stored alerts and the map aggregates
// (case counts per area, per grid cell, per enterprise). Services: no HTTP here; access is
// decided by security/policy (hotspot_view, and case_filter on the rows counted).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::hotspots {

// Days are Vietnam calendar days (days since 1970-01-01), both ends inclusive.
struct DayRange {
  std::int32_t from = 0;
  std::int32_t to = 0;
};

struct AlertQuery {
  std::optional<std::string> category;
  DayRange as_of;  // alerts whose as-of day is in the range
};

struct Alert {
  std::int64_t id = 0;
  std::string category;
  std::string as_of;
  std::string method;  // spacetime_permutation | ears_c2
  std::optional<double> center_lat, center_lon, radius_km, llr, p_value, statistic;
  std::optional<std::string> area_code;
  std::string start, end;
  std::int64_t observed = 0;
  double expected = 0;
  Json locations = Json::array();
  std::int64_t created_at = 0;
};

Result<std::vector<Alert>> list_alerts(store::Db& db, const security::Principal& p, const AlertQuery& q);
Json alert_json(const Alert& a);

enum class MapGrouping { area, grid, enterprise };

struct MapCountsQuery {
  MapGrouping by = MapGrouping::area;
  std::optional<std::string> category;
  DayRange days;  // by the case's day (incident day if set, else created), Vietnam time
  double cell_km = 5;
};

struct MapCount {
  std::string key;               // area code, enterprise id, or grid cell "row:col"
  std::string name;              // area or enterprise name ("" for cells)
  std::optional<double> lat, lon;  // point to draw (area/enterprise location, cell centre)
  std::optional<double> south, west, north, east;  // grid cells only
  std::int64_t count = 0;
};

Result<std::vector<MapCount>> map_counts(store::Db& db, const security::Principal& p, const MapCountsQuery& q);
Json map_count_json(const MapCount& c);

}  // namespace antoan::hotspots

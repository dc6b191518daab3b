#include "hotspots/queries.h"

#include <cmath>
#include <map>

#include "hotspots/cluster_json.h"
#include "hotspots/days.h"
#include "security/policy.h"

namespace antoan::hotspots {
namespace {

// Appends " AND <category = $n>" when a category is asked; returns the next parameter number.
int add_category(std::string& sql, store::Params& params, const std::optional<std::string>& category,
                 const std::string& column) {
  if (!category) return static_cast<int>(params.size()) + 1;
  params.emplace_back(*category);
  sql += " AND " + column + " = $" + std::to_string(params.size());
  return static_cast<int>(params.size()) + 1;
}

void add_policy(std::string& sql, store::Params& params, const security::Principal& p, const std::string& alias) {
  auto filter = security::case_filter(p, alias, static_cast<int>(params.size()) + 1);
  sql += " AND (" + filter.sql + ")";
  for (auto& v : filter.params) params.push_back(std::move(v));
}

Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

constexpr double kKmPerDegree = 111.195;        // on the 6,371 km sphere
constexpr double kGridReferenceLatitude = 16.0;  // Vietnam's middle: one cell shape nationwide

}  // namespace

Result<std::vector<Alert>> list_alerts(store::Db& db, const security::Principal& p, const AlertQuery& q) {
  ANTOAN_TRY(security::require(p, security::Action::hotspot_view));
  store::Params params{format_day(q.as_of.from), format_day(q.as_of.to)};
  std::string sql =
      "SELECT a.id, a.category, a.as_of, a.method, a.center_lat, a.center_lon, a.radius_km, a.area_code, "
      "a.start_date, a.end_date, a.observed, a.expected, a.llr, a.p_value, a.statistic, a.locations, a.created_at "
      "FROM hotspot_alerts a WHERE a.as_of >= $1 AND a.as_of <= $2";
  add_category(sql, params, q.category, "a.category");
  // An alert is scoped like a case at the common place of the cases it counts.
  add_policy(sql, params, p, "a");
  sql += " ORDER BY a.as_of DESC, a.method DESC, a.llr DESC, a.id LIMIT 1000";
  ANTOAN_ASSIGN(auto rows, db.query(sql, params));
  std::vector<Alert> out;
  for (const auto& r : rows) {
    Alert a;
    a.id = r.i64(0);
    a.category = r.str(1);
    a.as_of = r.str(2);
    a.method = r.str(3);
    a.center_lat = r.opt_f64(4);
    a.center_lon = r.opt_f64(5);
    a.radius_km = r.opt_f64(6);
    a.area_code = r.opt_str(7);
    a.start = r.str(8);
    a.end = r.str(9);
    a.observed = r.i64(10);
    a.expected = r.f64(11);
    a.llr = r.opt_f64(12);
    a.p_value = r.opt_f64(13);
    a.statistic = r.opt_f64(14);
    Json locations = Json::parse(r.str(15), nullptr, false);
    a.locations = locations.is_discarded() ? Json::array() : std::move(locations);
    a.created_at = r.i64(16);
    out.push_back(std::move(a));
  }
  return out;
}

Json alert_json(const Alert& a) {
  Json center = (a.center_lat && a.center_lon) ? Json{{"lat", *a.center_lat}, {"lon", *a.center_lon}} : Json(nullptr);
  return Json{{"id", a.id},
              {"category", a.category},
              {"as_of", a.as_of},
              {"method", a.method},
              {"center", std::move(center)},
              {"radius_km", optional_json(a.radius_km)},
              {"area_code", a.area_code ? Json(*a.area_code) : Json(nullptr)},
              {"start", a.start},
              {"end", a.end},
              {"observed", a.observed},
              {"expected", a.expected},
              {"llr", optional_json(a.llr)},
              {"p_value", optional_json(a.p_value)},
              {"recurrence_interval_days", a.p_value && *a.p_value > 0 ? Json(round6(1 / *a.p_value)) : Json(nullptr)},
              {"statistic", optional_json(a.statistic)},
              {"locations", a.locations},
              {"created_at", format_iso8601(a.created_at)}};
}

Result<std::vector<MapCount>> map_counts(store::Db& db, const security::Principal& p, const MapCountsQuery& q) {
  ANTOAN_TRY(security::require(p, security::Action::hotspot_view));
  store::Params params{vietnam_day_start_ms(q.days.from), vietnam_day_start_ms(q.days.to + 1)};
  const std::string when =
      " WHERE COALESCE(c.incident_at, c.created_at) >= $1 AND COALESCE(c.incident_at, c.created_at) < $2";
  std::vector<MapCount> out;
  if (q.by == MapGrouping::grid) {
    std::string sql = "SELECT c.lat, c.lon FROM cases c" + when + " AND c.lat IS NOT NULL AND c.lon IS NOT NULL";
    add_category(sql, params, q.category, "c.category");
    add_policy(sql, params, p, "c");
    ANTOAN_ASSIGN(auto rows, db.query(sql, params));
    const double dlat = q.cell_km / kKmPerDegree;
    const double dlon = q.cell_km / (kKmPerDegree * std::cos(kGridReferenceLatitude * M_PI / 180));
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> cells;
    for (const auto& r : rows)
      ++cells[{static_cast<std::int64_t>(std::floor(r.f64(0) / dlat)), static_cast<std::int64_t>(std::floor(r.f64(1) / dlon))}];
    for (const auto& [cell, count] : cells) {
      MapCount m;
      m.key = std::to_string(cell.first) + ":" + std::to_string(cell.second);
      m.south = round6(static_cast<double>(cell.first) * dlat);
      m.north = round6(static_cast<double>(cell.first + 1) * dlat);
      m.west = round6(static_cast<double>(cell.second) * dlon);
      m.east = round6(static_cast<double>(cell.second + 1) * dlon);
      m.lat = round6((static_cast<double>(cell.first) + 0.5) * dlat);
      m.lon = round6((static_cast<double>(cell.second) + 0.5) * dlon);
      m.count = count;
      out.push_back(std::move(m));
    }
    return out;
  }
  const bool by_area = q.by == MapGrouping::area;
  std::string sql = by_area ? "SELECT c.area_code, MAX(g.name), MAX(g.lat), MAX(g.lon), COUNT(*) FROM cases c "
                              "LEFT JOIN areas g ON g.code = c.area_code" + when
                            : "SELECT c.enterprise_id, MAX(g.name), MAX(g.lat), MAX(g.lon), COUNT(*) FROM cases c "
                              "LEFT JOIN organisations g ON g.id = c.enterprise_id" + when +
                                  " AND c.enterprise_id IS NOT NULL";
  add_category(sql, params, q.category, "c.category");
  add_policy(sql, params, p, "c");
  sql += by_area ? " GROUP BY c.area_code ORDER BY COUNT(*) DESC, c.area_code"
                 : " GROUP BY c.enterprise_id ORDER BY COUNT(*) DESC, c.enterprise_id";
  ANTOAN_ASSIGN(auto rows, db.query(sql, params));
  for (const auto& r : rows) {
    MapCount m;
    m.key = by_area ? r.str(0) : std::to_string(r.i64(0));
    m.name = r.str(1);
    m.lat = r.opt_f64(2);
    m.lon = r.opt_f64(3);
    m.count = r.i64(4);
    out.push_back(std::move(m));
  }
  return out;
}

Json map_count_json(const MapCount& c) {
  Json j{{"key", c.key}, {"count", c.count}, {"lat", optional_json(c.lat)}, {"lon", optional_json(c.lon)}};
  if (!c.name.empty()) j["name"] = c.name;
  if (c.south) j["bounds"] = Json{{"south", *c.south}, {"west", *c.west}, {"north", *c.north}, {"east", *c.east}};
  return j;
}

}  // namespace antoan::hotspots

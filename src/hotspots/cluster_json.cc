#include "hotspots/cluster_json.h"

#include <cmath>

#include "hotspots/days.h"

namespace antoan::hotspots {

double round6(double v) { return std::round(v * 1e6) / 1e6; }

Json point_json(const GeoPoint& p) { return Json{{"lat", round6(p.lat)}, {"lon", round6(p.lon)}}; }

Json cluster_json(const Cluster& c, const std::vector<GeoPoint>& locations) {
  Json points = Json::array();
  for (auto z : c.locations) points.push_back(point_json(locations.at(z)));
  return Json{{"center", point_json(locations.at(c.center))},
              {"radius_km", round6(c.radius_km)},
              {"start", format_day(c.start_day)},
              {"end", format_day(c.end_day)},
              {"observed", c.observed},
              {"expected", round6(c.expected)},
              {"llr", round6(c.llr)},
              {"p_value", round6(c.p_value)},
              {"recurrence_interval_days", round6(c.recurrence_interval_days)},
              {"locations", std::move(points)}};
}

Json clusters_json(const std::vector<Cluster>& clusters, const std::vector<GeoPoint>& locations) {
  Json out = Json::array();
  for (const auto& c : clusters) out.push_back(cluster_json(c, locations));
  return out;
}

}  // namespace antoan::hotspots

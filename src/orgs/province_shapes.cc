#include "orgs/province_shapes.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "orgs/area_data.h"

namespace antoan::orgs {
namespace {

constexpr double kKmPerDegree = 111.195;  // on a sphere of radius 6,371 km

bool parse_points(std::string_view text, std::vector<double> &lon, std::vector<double> &lat) {
  std::string buf(text);
  const char *p = buf.c_str();
  char *end = nullptr;
  while (*p) {
    double x = std::strtod(p, &end);
    if (end == p) break;
    double y = std::strtod(end, &end);
    lon.push_back(x);
    lat.push_back(y);
    p = end;
    while (*p == ' ') ++p;
  }
  return *p == '\0' && lon.size() >= 4;
}

// Even-odd rule: a horizontal ray from the point crosses the ring's edges.
template <typename Ring>
bool ring_contains(const Ring &r, double lat, double lon) {
  if (lon < r.min_lon || lon > r.max_lon || lat < r.min_lat || lat > r.max_lat) return false;
  bool inside = false;
  std::size_t n = r.lon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    if ((r.lat[i] > lat) != (r.lat[j] > lat) &&
        lon < r.lon[j] + (lat - r.lat[j]) * (r.lon[i] - r.lon[j]) / (r.lat[i] - r.lat[j]))
      inside = !inside;
  }
  return inside;
}

// Distance in km from the point to segment a-b, on a local flat projection around the point.
double segment_km(double lat, double lon, double alat, double alon, double blat, double blon) {
  double k = std::cos(lat * M_PI / 180);
  double ax = (alon - lon) * k, ay = alat - lat, bx = (blon - lon) * k, by = blat - lat;
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double t = len2 == 0 ? 0 : std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0);
  return std::hypot(ax + t * dx, ay + t * dy) * kKmPerDegree;
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  double k = std::cos((lat1 + lat2) / 2 * M_PI / 180);
  return std::hypot((lon2 - lon1) * k, lat2 - lat1) * kKmPerDegree;
}

Result<ProvinceShapes> ProvinceShapes::parse(std::string_view csv) {
  ProvinceShapes shapes;
  std::string last_key;
  int line = 1;
  for (const auto &f : parse_simple_csv(csv)) {
    ++line;
    if (f.size() != 5 || f[0].size() != 2)
      return Error::internal("province_shapes.csv line " + std::to_string(line) + ": expected 5 fields");
    Ring ring;
    if (!parse_points(f[4], ring.lon, ring.lat))
      return Error::internal("province_shapes.csv line " + std::to_string(line) + ": bad points");
    ring.min_lon = *std::min_element(ring.lon.begin(), ring.lon.end());
    ring.max_lon = *std::max_element(ring.lon.begin(), ring.lon.end());
    ring.min_lat = *std::min_element(ring.lat.begin(), ring.lat.end());
    ring.max_lat = *std::max_element(ring.lat.begin(), ring.lat.end());
    std::string key = f[0] + "/" + f[1] + "/" + f[2];
    if (f[3] == "0") {
      shapes.polygons_.push_back({f[0], f[1], {}});
    } else if (key != last_key) {
      return Error::internal("province_shapes.csv line " + std::to_string(line) + ": hole before its polygon");
    }
    shapes.polygons_.back().rings.push_back(std::move(ring));
    last_key = key;
  }
  if (shapes.polygons_.empty()) return Error::internal("province_shapes.csv has no shapes");
  return shapes;
}

const ProvinceShapes &ProvinceShapes::embedded() {
  static const ProvinceShapes shapes = [] {
    auto parsed = parse(embedded_area_file("province_shapes.csv"));
    // The file is generated and tested at build time; an empty set only makes every lookup answer
    // "no province" (callers then ask for an area), never a crash.
    return parsed.ok() ? std::move(*parsed) : ProvinceShapes{};
  }();
  return shapes;
}

std::size_t ProvinceShapes::ring_count() const {
  std::size_t n = 0;
  for (const auto &p : polygons_) n += p.rings.size();
  return n;
}

std::optional<ProvinceAtPoint> ProvinceShapes::find(double lat, double lon, double max_offshore_km) const {
  if (!std::isfinite(lat) || !std::isfinite(lon)) return std::nullopt;
  for (const auto &poly : polygons_) {
    if (!ring_contains(poly.rings[0], lat, lon)) continue;
    bool in_hole = std::any_of(poly.rings.begin() + 1, poly.rings.end(),
                               [&](const Ring &h) { return ring_contains(h, lat, lon); });
    if (!in_hole) return ProvinceAtPoint{poly.code, poly.old_code, 0};
  }
  // Not on land: the nearest boundary within reach. Rings whose box is farther than the reach are
  // skipped cheaply.
  const double reach_deg = max_offshore_km / kKmPerDegree / std::max(0.2, std::cos(lat * M_PI / 180));
  const Polygon *best = nullptr;
  double best_km = std::numeric_limits<double>::infinity();
  for (const auto &poly : polygons_) {
    const Ring &r = poly.rings[0];
    if (lon < r.min_lon - reach_deg || lon > r.max_lon + reach_deg || lat < r.min_lat - reach_deg ||
        lat > r.max_lat + reach_deg)
      continue;
    for (std::size_t i = 0, j = r.lon.size() - 1; i < r.lon.size(); j = i++) {
      double d = segment_km(lat, lon, r.lat[j], r.lon[j], r.lat[i], r.lon[i]);
      if (d < best_km) {
        best_km = d;
        best = &poly;
      }
    }
  }
  if (!best || best_km > max_offshore_km) return std::nullopt;
  return ProvinceAtPoint{best->code, best->old_code, best_km};
}

}  // namespace antoan::orgs

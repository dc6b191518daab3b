#include "hotspots/geo.h"

#include <algorithm>
#include <cmath>

namespace antoan::hotspots {

std::array<double, 3> to_cartesian_km(const GeoPoint& p) {
  constexpr double kRad = M_PI / 180.0;
  const double lat = p.lat * kRad, lon = p.lon * kRad;
  return {kEarthRadiusKm * std::cos(lat) * std::cos(lon), kEarthRadiusKm * std::cos(lat) * std::sin(lon),
          kEarthRadiusKm * std::sin(lat)};
}

double chord_km(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

double great_circle_from_chord_km(double chord) {
  const double half = std::clamp(chord / (2 * kEarthRadiusKm), 0.0, 1.0);
  return 2 * kEarthRadiusKm * std::asin(half);
}

double chord_from_great_circle_km(double great_circle) {
  const double angle = std::min(great_circle / kEarthRadiusKm, M_PI);
  return 2 * kEarthRadiusKm * std::sin(angle / 2);
}

double great_circle_km(const GeoPoint& a, const GeoPoint& b) {
  return great_circle_from_chord_km(chord_km(to_cartesian_km(a), to_cartesian_km(b)));
}

bool is_valid_point(const GeoPoint& p) {
  return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 &&
         p.lon <= 180;
}

}  // namespace antoan::hotspots

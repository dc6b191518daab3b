#pragma once
// Geometry of the scan, with SaTScan's conventions: points on a sphere of radius 6,367 km,
// distances compared as straight-line (chord) distances in 3-D; kilometre caps given by users
// are great-circle distances and converted once.
#include <array>
#include <cstdint>

namespace antoan::hotspots {

inline constexpr double kEarthRadiusKm = 6367.0;

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

// 3-D point (km) of a lat/lon on the sphere.
std::array<double, 3> to_cartesian_km(const GeoPoint& p);
double chord_km(const std::array<double, 3>& a, const std::array<double, 3>& b);
// Great-circle distance for a chord length, and back.
double great_circle_from_chord_km(double chord);
double chord_from_great_circle_km(double great_circle);
double great_circle_km(const GeoPoint& a, const GeoPoint& b);
bool is_valid_point(const GeoPoint& p);

}  // namespace antoan::hotspots

#include "hotspots/scan_input.h"

#include <cmath>

namespace antoan::hotspots {

std::uint32_t ScanInputBuilder::add(const GeoPoint& point, std::int32_t day) {
  const auto lat = static_cast<std::int64_t>(std::llround(point.lat * 1e6));
  const auto lon = static_cast<std::int64_t>(std::llround(point.lon * 1e6));
  const std::uint64_t key = (static_cast<std::uint64_t>(lat + 90000000) << 32) | static_cast<std::uint64_t>(lon + 180000000);
  auto [it, inserted] = index_.try_emplace(key, static_cast<std::uint32_t>(input_.locations.size()));
  if (inserted) input_.locations.push_back({static_cast<double>(lat) / 1e6, static_cast<double>(lon) / 1e6});
  input_.cases.push_back({it->second, day});
  return it->second;
}

}  // namespace antoan::hotspots

#pragma once
// Builds a ScanInput from (point, day) records: points with the same coordinates (after
// snapping to 1e-6 degree, about 0.1 m) become one location, as SaTScan requires.
#include <cstdint>
#include <unordered_map>

#include "hotspots/scan.h"

namespace antoan::hotspots {

class ScanInputBuilder {
 public:
  explicit ScanInputBuilder(std::int32_t as_of_day) { input_.as_of_day = as_of_day; }
  // Returns the location index of the case.
  std::uint32_t add(const GeoPoint& point, std::int32_t day);
  std::size_t location_count() const { return input_.locations.size(); }
  const ScanInput& input() const { return input_; }
  ScanInput take() { return std::move(input_); }

 private:
  ScanInput input_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

}  // namespace antoan::hotspots

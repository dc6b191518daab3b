#include "core/coordinates.h"

#include <cmath>

namespace antoan {

double coarse_coordinate(double degrees) {
  // Rounded in thousandths, then back to the nearest double of three decimals.
  return std::round(degrees / kCoarseGridDegrees) / 1000.0;
}

}  // namespace antoan

#pragma once
// Where a report happened is kept to about 100 m unless the reporter asks for help at the exact
// spot: "use my location" sends raw GPS (≈ 1 m), which would point at a worker's room. Three
// decimals of a degree are 111 m north–south and about 104 m east–west in northern Vietnam.
namespace antoan {

inline constexpr double kCoarseGridDegrees = 0.001;

// The coordinate rounded to the coarse grid.
double coarse_coordinate(double degrees);

}  // namespace antoan

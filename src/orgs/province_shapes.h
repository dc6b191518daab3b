#pragma once
// Which 2025 province a point lies in: point-in-polygon over the province boundaries embedded from
// data/areas/province_shapes.csv (made by web/scripts/build-geo.mjs from Natural Earth's 63 former
// provinces, Mê Linh moved to Hà Nội as in 2008, plus the boxes of Hoàng Sa and Trường Sa). The
// browser runs the same test on the same file (web/src/locate.ts).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace antoan::orgs {

struct ProvinceAtPoint {
  std::string code;      // 2025 province code ("24")
  std::string old_code;  // the former (pre-2025) province it was in ("27")
  double border_km = 0;  // 0 inside a boundary; else how far off the coast it was found
};

class ProvinceShapes {
 public:
  // Parses the CSV text (code,old_code,polygon,ring,points).
  static Result<ProvinceShapes> parse(std::string_view csv);
  // The embedded shapes, parsed once.
  static const ProvinceShapes &embedded();

  // The province containing the point; a point at sea within max_offshore_km of a province's
  // boundary (a boat, a pier, a coarse GPS fix on the coast) goes to the nearest one; none beyond
  // that.
  std::optional<ProvinceAtPoint> find(double lat, double lon, double max_offshore_km = 20) const;
  std::size_t ring_count() const;

 private:
  struct Ring {
    std::vector<double> lon, lat;
    double min_lon, max_lon, min_lat, max_lat;
  };
  struct Polygon {
    std::string code, old_code;
    std::vector<Ring> rings;  // [0] outer, then holes
  };
  std::vector<Polygon> polygons_;
};

// Distance in km between two points (equirectangular; exact enough below ~100 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace antoan::orgs

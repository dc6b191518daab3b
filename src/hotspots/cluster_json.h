#pragma once
// The JSON shape of a cluster, shared by `antoan hotspots --json` and the alerts API:
// {"center":{"lat","lon"},"radius_km","start","end","observed","expected","llr","p_value",
//  "recurrence_interval_days","locations":[{"lat","lon"},…]} with start/end as YYYY-MM-DD
// (Vietnam days) and locations as coordinate objects, nearest to the centre first.
#include <vector>

#include "core/json.h"
#include "hotspots/scan.h"

namespace antoan::hotspots {

Json cluster_json(const Cluster& cluster, const std::vector<GeoPoint>& locations);
Json clusters_json(const std::vector<Cluster>& clusters, const std::vector<GeoPoint>& locations);
Json point_json(const GeoPoint& p);
// Rounds for output (6 decimals): the JSON stays readable and stable across platforms.
double round6(double v);

}  // namespace antoan::hotspots

#pragma once
// HTTP routes of the hotspot context (parse → service in queries.h → serialise):
//   GET /api/v1/hotspots?category=&from=&to=            stored alerts (as-of day in range)
//   GET /api/v1/map/counts?by=area|grid|enterprise&category=&from=&to=&cell_km=
// Dates are YYYY-MM-DD (Vietnam days, inclusive); default: the last 30 days.
#include "http/router.h"
#include "store/db.h"

namespace antoan::hotspots {

void register_hotspot_routes(http::Router& router, store::Db& db);

}  // namespace antoan::hotspots

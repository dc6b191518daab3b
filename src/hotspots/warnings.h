#pragma once
// Public warnings for an area: what a worker sees on "Cảnh báo khu vực của tôi". They are read
// from the daily hotspot alerts of the last two weeks that concern the area, and say only what
// is true of the area as a whole (a category, a period, how many reports against how many
// expected) with advice. No case, person, enterprise or exact location is ever disclosed.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "store/db.h"

namespace antoan::hotspots {

struct Warning {
  std::int64_t alert_id = 0;
  std::string category;
  std::string method;  // spacetime_permutation | ears_c2
  std::string start, end;  // YYYY-MM-DD
  std::int64_t observed = 0;
  double expected = 0;
  std::string area_code, area_name;  // the area asked for
};

constexpr int kWarningDays = 14;
constexpr double kNearbyKm = 2;  // a cluster this close to an area's centre concerns it

// Warnings for `area_code` (a province or commune) from alerts whose as-of day lies in
// (today - kWarningDays, today]; the strongest per category and method, newest first.
// Error::not_found for an unknown area.
Result<std::vector<Warning>> warnings_for_area(store::Db& db, const std::string& area_code, std::int32_t today);

// {"category","title","text","start","end","observed","expected","area_code","area_name","method"}
// with title/text in `lang` ("vi" or "en").
Json warning_json(const Warning& w, const std::string& lang);

}  // namespace antoan::hotspots

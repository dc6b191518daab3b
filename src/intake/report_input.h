#pragma once
// A worker's report as submitted (web form, API, hotline operator, chat bot, camera system),
// validated field by field: every problem is an Error naming the field.
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/json.h"

namespace antoan::intake {

struct ReportInput {
  std::string category;
  std::string description;
  std::string area_code;           // empty: placed from lat/lon (IntakeService)
  std::optional<double> lat, lon;  // coarsened to ~100 m unless exact_location
  bool exact_location = false;     // the reporter needs help at this exact spot (an emergency)
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> boarding_house_id;
  std::optional<std::string> house_token;  // a poster's QR code names its house by token
  std::optional<EpochMs> incident_at;
  std::optional<std::string> contact;  // sealed before it is stored
  std::string channel = "api";
  std::optional<std::int64_t> created_by_user;  // an officer filing on someone's behalf
  std::optional<std::int64_t> team_id;
};

// Validates the JSON body of POST /reports (shape and ranges; existence of the area and the
// enterprise is checked by the service against the DB).
Result<ReportInput> parse_report(const Json& body, EpochMs now);

bool is_channel(std::string_view channel);

}  // namespace antoan::intake

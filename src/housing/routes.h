#pragma once
// HTTP routes of boarding houses, teams, meetings, the KPI and CSV import/export: parse, call
// HousingService, serialise (see docs/api.md and docs/housing.md).
#include "housing/housing_service.h"
#include "http/router.h"

namespace antoan::housing {

void register_housing_routes(http::Router& router, HousingService& service);

}  // namespace antoan::housing

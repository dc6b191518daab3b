#pragma once
// Shared by the housing service's .cc files: the scoped rows it loads and small helpers.
#include <string>

#include "housing/housing_service.h"
#include "security/audit.h"

namespace antoan::housing {

struct HousingService::HouseRow {
  std::int64_t id = 0;
  std::string place_path, area_code;
  std::optional<std::int64_t> team_id;
  std::optional<double> lat, lon;
  security::HousingScope scope() const { return {place_path, team_id}; }
};

struct HousingService::TeamRow {
  std::int64_t id = 0;
  std::string place_path, area_code, name;
  security::HousingScope scope() const { return {place_path, id}; }
};

namespace detail {

// A row value as JSON (NULL -> null).
Json opt(const store::Row& r, std::size_t i);
security::AuditEntry audit_of(const security::Principal& p, std::string action, std::string entity,
                              std::int64_t id, Json details);
// "$n" for the next parameter of `params`.
std::string next_param(const store::Params& params);
// " AND area_code IN (the commune, or the province's communes and itself)".
void add_area_filter(const std::string& column, const std::string& area_code, std::string& where,
                     store::Params& params);

}  // namespace detail
}  // namespace antoan::housing

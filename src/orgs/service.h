#pragma once
// OrgService: administrative areas, the organisation tree and report routing. Routes call
// it for /areas and /orgs; intake and cases call get(), place_path_for() and route_report()
// (also inside their own write transactions, through the Tx overloads).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "orgs/model.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::orgs {

struct AreaQuery {
  std::optional<std::string> level;   // province | commune
  std::optional<std::string> parent;  // province code (communes of a province)
  std::optional<std::string> q;       // name, with or without diacritics, or a code prefix
  int limit = 200;
};

struct OrgQuery {
  std::optional<std::string> kind;
  std::optional<std::string> area;  // area code: orgs of that area (a province includes its communes)
  std::optional<std::string> q;     // name, with or without diacritics
  std::optional<std::int64_t> parent_id;
  int limit = 200;
};

struct NewOrg {
  std::string kind;
  std::string name;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> area_code;
  std::optional<std::string> industrial_park;
  std::optional<double> lat, lon;
};

// Where routing sent a report: the organisation and the rule that decided (none when the
// nearest-federation fallback did).
struct RouteDecision {
  std::int64_t org_id = 0;
  std::optional<std::int64_t> rule_id;
};

class OrgService {
 public:
  explicit OrgService(store::Db& db) : db_(db) {}

  Result<std::vector<Area>> list_areas(const AreaQuery& query);
  Result<Area> get_area(const std::string& code);
  // The area of a point (a report that sends only coordinates): the 2025 province whose boundary
  // contains it (ProvinceShapes), then the nearest commune of that province that antoan knows
  // within kCommuneReachKm, else the province itself. A point outside Vietnam is an error on "lat".
  static constexpr double kCommuneReachKm = 10;
  Result<Area> area_at(double lat, double lon);
  Result<std::vector<OrgRef>> list_orgs(const OrgQuery& query);
  Result<OrgRef> get(std::int64_t id);
  Result<OrgRef> get(store::Tx& tx, std::int64_t id);

  // Admin only (Action::org_manage); computes path and scope_path; audited.
  Result<OrgRef> create(const security::Principal& principal, const NewOrg& org);

  // Org path of where a report happened: the enterprise's path when there is one (it must be
  // in the area's province), else the path of the area's node (commune or province).
  Result<std::string> place_path_for(const std::string& area_code, std::optional<std::int64_t> enterprise_id);
  Result<std::string> place_path_for(store::Tx& tx, const std::string& area_code,
                                     std::optional<std::int64_t> enterprise_id);

  // The responsible organisation for a new report, from routing_rules (lowest position first,
  // category or '*', the area, its province or '*'): an explicit org, or the nearest office of
  // the rule's kind above the place; "union" means the enterprise's grassroots union and is
  // skipped when there is none. Falls back to the nearest federation.
  Result<std::int64_t> route_report(const std::string& category, const std::string& area_code,
                                    std::optional<std::int64_t> enterprise_id);
  // The same decision with the rule that made it (the "where would it go?" view).
  Result<RouteDecision> explain_route(const std::string& category, const std::string& area_code,
                                      std::optional<std::int64_t> enterprise_id);
  Result<std::int64_t> route_report(store::Tx& tx, const std::string& category, const std::string& area_code,
                                    std::optional<std::int64_t> enterprise_id);

 private:
  store::Db& db_;
};

}  // namespace antoan::orgs

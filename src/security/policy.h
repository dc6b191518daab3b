#pragma once
// security/policy is the ONE place that decides who may see or do what. Services ask it;
// routes never decide access themselves.
//
// Scopes: a user's scope is an organisation subtree (principal.org_path, a materialised path
// such as "/1/12/40/") × a set of categories. Defaults per role:
//   admin               all categories, whole tree; manages orgs, users, routing; no contact reveal
//   federation_officer  all categories in the subtree; may reveal reporter contact
//   police_officer      crime categories (scam, illegal_lending, drugs, theft, violence) in the
//                       subtree; may reveal reporter contact
//   union_officer       all categories in the subtree (a grassroots union: its enterprise)
//   enterprise_officer  workplace_safety and wages of their own enterprise; NEVER reporter contact
//   team_leader         cases raised by their team / about the houses their team covers;
//                       the houses, members and meetings of their own team
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::security {

// Report/case categories (stable codes used in the API and the DB).
const std::vector<std::string>& all_categories();
bool is_category(std::string_view code);
bool is_crime_category(std::string_view code);
// Human label of a category in "vi" (default) or "en"; the code itself when unknown.
std::string_view category_label(std::string_view code, std::string_view lang);

enum class Action {
  case_view,
  case_transition,
  case_message,
  case_reveal_contact,
  indicator_view,      // registry details beyond the public lookup
  indicator_manage,    // add, confirm, clear indicators
  hotspot_view,
  org_manage,          // organisations, users, routing rules
  audit_view,
  housing_view,
  housing_manage,
  housing_organise,        // create teams, assign houses to teams, bulk import (officers)
  housing_reveal_contact,  // a landlord's contact (audited, with a reason)
  case_refer,          // refer a case to / inform another organisation (coordination)
  case_link,           // link duplicates and related cases
  case_export,         // CSV / Excel export of the cases one may see
  webhook_manage,      // outgoing webhooks (notifications to other systems)
  job_run,             // run a background job on demand (overdue escalation)
  scam_feedback_review,  // see workers' "wrong verdict" feedback, add it to the retraining set
};

// What policy needs to know about one case to decide.
struct CaseScope {
  std::string category;
  std::string place_path;  // org path of where it happened (commune, or the enterprise under it)
  std::optional<std::int64_t> created_by_user;
  std::optional<std::int64_t> team_id;  // the team whose house/meeting raised it, if any
  // Paths of organisations the case was referred to, shared with (joint case) or escalated
  // to (table case_access): their officers see it too, in any category their role may
  // handle once shared (enterprise officers stay limited to workplace safety and wages).
  std::vector<std::string> access_paths;
};

// What policy needs to know about one boarding house, team or meeting to decide.
struct HousingScope {
  std::string place_path;              // org path of the area node where it is
  std::optional<std::int64_t> team_id;  // the team covering the house (the team itself)
};

// Categories the principal may see (the role default intersected with an explicit scope).
std::vector<std::string> visible_categories(const Principal& p);
// May the principal do `action` at all (regardless of a particular case)?
bool allows(const Principal& p, Action action);
// May the principal do `action` on this case?
bool allows(const Principal& p, Action action, const CaseScope& c);
// Does the principal act for the organisation with this materialised path (its scope covers
// it, or they are an admin)? Used to accept or decline a referral addressed to that org.
bool acts_for_org(const Principal& p, const std::string& org_path);
// Status form: Error::forbidden() when not allowed.
Status require(const Principal& p, Action action);
Status require(const Principal& p, Action action, const CaseScope& c);

// May the principal do a housing action on this house/team? Team leaders: their own team
// only; federation, union and police officers: their subtree; admin: everywhere except
// landlord contact; enterprise officers: never (where workers sleep is not the employer's).
bool allows_housing(const Principal& p, Action action, const HousingScope& h);
Status require_housing(const Principal& p, Action action, const HousingScope& h);

// A SQL predicate restricting a case query to what the principal may see. It refers to the
// columns `<alias>.category`, `<alias>.place_path`, `<alias>.created_by_user`, `<alias>.team_id`
// and uses parameters numbered from first_param ($first_param, ...). With Shared::include (only
// for queries over the cases table itself) it also admits cases shared with an organisation
// in the principal's scope through `case_access`, matched on `<alias>.id` — which is why it
// is opt-in: over another table (hotspot alerts) `<alias>.id` is not a case id.
struct SqlFilter {
  std::string sql;
  store::Params params;
};
enum class Shared { exclude, include };
SqlFilter case_filter(const Principal& p, const std::string& alias, int first_param, Shared shared = Shared::exclude);

// A SQL predicate restricting a housing query (houses, teams) to what the principal may see,
// over the given place_path and team id columns, with parameters from $first_param.
SqlFilter housing_filter(const Principal& p, const std::string& place_col, const std::string& team_col,
                         int first_param);

}  // namespace antoan::security

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
#include "security/policy_table.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::security {

// Report/case categories (stable codes used in the API and the DB).
const std::vector<std::string>& all_categories();
bool is_category(std::string_view code);
bool is_crime_category(std::string_view code);
// Human label of a category in "vi" (default) or "en"; the code itself when unknown.
std::string_view category_label(std::string_view code, std::string_view lang);

// Actions and who may do them: security/policy_table.h (one constexpr row per action).

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
// An organisation as policy needs to know it: which one, where in the tree, what kind.
struct OrgScope {
  std::int64_t id = 0;
  std::string path;  // materialised path of the organisation itself
  std::string kind;  // federation | union | police | enterprise | authority | ...
};

// Does the principal act for this organisation? Its own officers do, and an office of the same
// side above it (a federation or union for the unions and federations below, police for police
// units below). An enterprise never acts for its grassroots union, though the union sits under
// it in the tree; admins and team leaders act for no organisation.
bool acts_for_org(const Principal& p, const OrgScope& org);

// A referral as policy needs to know it.
struct ReferralScope {
  CaseScope kase;
  OrgScope to;
  std::int64_t from_org_id = 0;
  std::optional<std::int64_t> created_by_user;
};
// May the principal see this referral in its incoming list (it acts for the receiving
// organisation and may see the case, categories included)?
bool allows_incoming_referral(const Principal& p, const ReferralScope& r);
// May the principal accept or decline it? The receiving side only, never the sender.
bool allows_referral_decision(const Principal& p, const ReferralScope& r);
// May a case of this category go to an organisation of this kind? Enterprises only ever handle
// workplace safety and wages: anything else would sit unanswerable and tell an employer what
// was reported. The error names the field `to_org_id`.
Status require_referral_target(std::string_view category, std::string_view org_kind);

// The role of the officers of an organisation of this kind, for deciding what the organisation
// as a whole may see (webhooks belong to organisations). nullopt: the kind has no office.
std::optional<Role> office_role_of(std::string_view org_kind);

// Revealing a contact (reporter or landlord) needs a reason a reviewer can read: at least 10
// characters. The error names the field `reason`.
Status require_reveal_reason(std::string_view reason);

// The names of the actions the principal's role may do at all (for the front end to show only
// what a role can use; every request is still decided here).
std::vector<std::string_view> allowed_actions(const Principal& p);
// Status form: Error::forbidden() when not allowed.
Status require(const Principal& p, Action action);
Status require(const Principal& p, Action action, const CaseScope& c);

// --- Who may decide (issue 20) ---
// Statuses that are decisions on a complaint: resolved, closed, rejected.
bool is_decision_status(std::string_view status);
// May the principal move this case to `to_status`? Any transition needs case_transition; a decision
// also needs case_decide, which an enterprise officer never has: a case in their inbox is about
// their own enterprise, so they answer and the union or federation decides.
bool may_move_case(const Principal& p, const CaseScope& c, std::string_view to_status);
// May the principal write to the reporter directly? Not an enterprise officer: their words reach
// the reporter only when the union passes them on (may_relay_answer).
bool may_message_reporter(const Principal& p, const CaseScope& c);
// May the principal answer a case for its enterprise (Action::case_answer)?
bool may_answer_case(const Principal& p, const CaseScope& c);
// May the principal review an enterprise's answer and pass its message on (Action::case_relay)?
bool may_relay_answer(const Principal& p, const CaseScope& c);

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

#pragma once
// The role × action grants as one constexpr table. allows(p, action) reads it; the tests, the
// docs (`antoan policy`) and the privacy walk iterate it. A new Action without its row does not
// compile (the static_assert below), so no action can be granted by accident or by omission.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "security/principal.h"

namespace antoan::security {

enum class Action : std::uint8_t {
  case_view,
  case_transition,
  case_message,
  case_reveal_contact,
  indicator_view,    // registry details beyond the public lookup
  indicator_manage,  // add, confirm, clear indicators
  hotspot_view,
  org_manage,  // organisations, users, API keys, routing rules, deadlines
  audit_view,
  housing_view,
  housing_manage,
  housing_organise,        // create teams, assign houses to teams, bulk import (officers)
  housing_reveal_contact,  // a landlord's contact (audited, with a reason)
  case_refer,              // refer a case to / share it with another organisation
  case_link,               // link duplicates and related cases
  case_export,             // CSV / Excel export of the cases one may see
  webhook_manage,          // outgoing webhooks of an organisation
  job_run,                 // run a background job on demand (overdue escalation, retention)
  referral_decide,         // accept or decline a referral addressed to one's own organisation
  retention_manage,        // the retention schedule (how long case contents are kept)
  case_decide,             // resolve, close or reject a case: never the enterprise the case is about
  case_answer,             // an enterprise's answer on a case about itself (action taken, evidence, fix)
  case_relay,              // review an enterprise's answer and pass its message on to the reporter
  scam_feedback_review,    // workers' "this verdict was wrong" taps, into the reviewed retraining set
  count_,                  // not an action: the number of actions
};
inline constexpr std::size_t kActionCount = static_cast<std::size_t>(Action::count_);

inline constexpr std::array<Role, 6> kAllRoles = {Role::admin,          Role::federation_officer,
                                                  Role::union_officer,  Role::police_officer,
                                                  Role::enterprise_officer, Role::team_leader};

// A set of roles as a bit mask (constexpr, so the table is checked at compile time).
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ = static_cast<std::uint8_t>(bits_ | bit(r));
  }
  constexpr bool has(Role r) const { return (bits_ & bit(r)) != 0; }

 private:
  static constexpr std::uint8_t bit(Role r) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(r)); }
  std::uint8_t bits_ = 0;
};

struct Grant {
  Action action;
  std::string_view name;  // stable code, used in docs and errors
  RoleSet roles;          // who may do it at all; per-case and per-house rules narrow it further
  std::string_view note;  // the rule in one line (docs/security.md)
};

namespace grant_roles {
using enum Role;
inline constexpr RoleSet kOffices = {federation_officer, union_officer, police_officer, enterprise_officer};
inline constexpr RoleSet kStaff = {admin, federation_officer, union_officer, police_officer};
}  // namespace grant_roles

// clang-format off
inline constexpr std::array<Grant, kActionCount> kGrants = {{
  {Action::case_view, "case_view",
   {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::enterprise_officer, Role::team_leader},
   "cases in the subtree and categories of the role; team leaders: their own and their team's; through a role projection"},
  {Action::case_transition, "case_transition", {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::enterprise_officer},
   "move a visible case to another state"},
  {Action::case_message, "case_message",
   {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::team_leader},
   "write to the reporter of a visible case; an enterprise answers instead (case_answer) and the union passes it on"},
  {Action::case_reveal_contact, "case_reveal_contact", {Role::federation_officer, Role::police_officer},
   "with a reason; police for crime categories only; never an enterprise or an admin"},
  {Action::indicator_view, "indicator_view", grant_roles::kStaff, "scam registry details"},
  {Action::indicator_manage, "indicator_manage", {Role::admin, Role::federation_officer, Role::police_officer},
   "add, confirm and clear scam indicators"},
  {Action::hotspot_view, "hotspot_view", grant_roles::kStaff, "hotspot alerts and the map's counts"},
  {Action::org_manage, "org_manage", {Role::admin}, "organisations, users, system API keys, routing rules, deadlines"},
  {Action::audit_view, "audit_view", {Role::admin}, "the audit log"},
  {Action::housing_view, "housing_view",
   {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::team_leader},
   "boarding houses and teams: officers in their subtree, team leaders their own team, never an enterprise"},
  {Action::housing_manage, "housing_manage", {Role::admin, Role::federation_officer, Role::union_officer, Role::team_leader},
   "register and edit houses, safety checks, rosters, meetings"},
  {Action::housing_organise, "housing_organise", {Role::admin, Role::federation_officer, Role::union_officer},
   "create teams, move houses between teams, bulk import"},
  {Action::housing_reveal_contact, "housing_reveal_contact",
   {Role::federation_officer, Role::union_officer, Role::police_officer, Role::team_leader},
   "a landlord's contact, with a reason; team leaders for their own team's houses"},
  {Action::case_refer, "case_refer", {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::enterprise_officer},
   "refer or share a visible case; an enterprise receives only workplace-safety and wage cases"},
  {Action::case_link, "case_link", {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::enterprise_officer},
   "link duplicate and related visible cases"},
  {Action::case_export, "case_export", {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer, Role::enterprise_officer},
   "CSV and Excel of the visible cases, through the role projection"},
  {Action::webhook_manage, "webhook_manage", {Role::admin}, "webhooks of an organisation"},
  {Action::job_run, "job_run", {Role::admin}, "run a background job now"},
  {Action::referral_decide, "referral_decide", grant_roles::kOffices,
   "only for one's own organisation or an office of the same side above it; never the sender"},
  {Action::retention_manage, "retention_manage", {Role::admin}, "how long case contents are kept after closing"},
  {Action::case_decide, "case_decide", grant_roles::kStaff,
   "resolve, close or reject: the union, federation or police decide; an enterprise answers"},
  {Action::case_answer, "case_answer", {Role::enterprise_officer},
   "an enterprise's answer on a case about itself: action taken, evidence, proposed fix"},
  {Action::case_relay, "case_relay", grant_roles::kStaff,
   "review an enterprise's answer and pass its message on to the reporter"},
  {Action::scam_feedback_review, "scam_feedback_review", {Role::admin, Role::federation_officer, Role::police_officer},
   "workers' wrong-verdict feedback into the retraining set: those who confirm and clear indicators"},
}};
// clang-format on

constexpr bool grants_are_complete() {
  for (std::size_t i = 0; i < kGrants.size(); ++i)
    if (static_cast<std::size_t>(kGrants[i].action) != i || kGrants[i].name.empty()) return false;
  return true;
}
static_assert(grants_are_complete(), "every Action needs its row in kGrants, in enum order");

constexpr const Grant& grant_of(Action a) { return kGrants[static_cast<std::size_t>(a)]; }
constexpr std::string_view action_name(Action a) { return grant_of(a).name; }

}  // namespace antoan::security

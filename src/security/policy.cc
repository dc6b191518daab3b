#include "security/policy.h"

#include "security/policy_internal.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace antoan::security {
namespace {

using detail::in_subtree;
using detail::is_office_role;
using detail::normalised_root;
using detail::shared_category_visible;


struct CategoryInfo {
  std::string_view code;
  std::string_view vi;
  std::string_view en;
  bool crime;
};

constexpr std::array<CategoryInfo, 10> kCategories = {{
    {"scam", "Lừa đảo", "Scam / fraud", true},
    {"illegal_lending", "Tín dụng đen, đòi nợ", "Illegal lending & debt harassment", true},
    {"drugs", "Ma túy", "Drugs", true},
    {"theft", "Trộm cắp, cướp giật", "Theft / robbery", true},
    {"violence", "Bạo lực, quấy rối", "Violence / harassment", true},
    {"workplace_safety", "An toàn lao động", "Workplace safety", false},
    {"wages", "Tiền lương, chế độ", "Wages & benefits", false},
    {"dormitory_safety", "An toàn nhà trọ", "Dormitory safety", false},
    {"commute", "Đi lại, giao thông", "Commute / traffic", false},
    {"other", "Khác", "Other", false},
}};

const CategoryInfo* find_category(std::string_view code) {
  for (const CategoryInfo& c : kCategories)
    if (c.code == code) return &c;
  return nullptr;
}

bool role_default_has(Role role, std::string_view category) {
  switch (role) {
    case Role::police_officer:
      return is_crime_category(category);
    case Role::enterprise_officer:
      return category == "workplace_safety" || category == "wages";
    case Role::admin:
    case Role::federation_officer:
    case Role::union_officer:
    case Role::team_leader:
      return is_category(category);
  }
  return false;
}

bool is_case_action(Action a) {
  return a == Action::case_view || a == Action::case_transition || a == Action::case_message ||
         a == Action::case_reveal_contact || a == Action::case_refer || a == Action::case_link;
}




bool shared_with(const Principal& p, const CaseScope& c) {
  for (const std::string& path : c.access_paths)
    if (in_subtree(p, path)) return true;
  return false;
}


bool team_leader_owns(const Principal& p, const CaseScope& c) {
  if (c.created_by_user && p.user_id != 0 && *c.created_by_user == p.user_id) return true;
  return c.team_id && p.team_id && *c.team_id == *p.team_id;
}

}  // namespace

namespace detail {

std::string normalised_root(const std::string& org_path) {
  if (org_path.empty() || org_path.front() != '/') return {};
  if (org_path.back() == '/') return org_path;
  return org_path + "/";
}

bool in_subtree(const Principal& p, const std::string& place_path) {
  std::string root = normalised_root(p.org_path);
  if (root.empty()) return false;  // no scope: sees nothing rather than everything
  return place_path.size() >= root.size() && place_path.compare(0, root.size(), root) == 0;
}

bool shared_category_visible(const Principal& p, std::string_view category) {
  if (p.role == Role::enterprise_officer && !role_default_has(p.role, category)) return false;
  if (!is_category(category)) return false;
  return p.categories.empty() || std::find(p.categories.begin(), p.categories.end(), category) != p.categories.end();
}

bool is_office_role(Role r) {
  return r == Role::federation_officer || r == Role::police_officer || r == Role::union_officer ||
         r == Role::enterprise_officer;
}

}  // namespace detail

const std::vector<std::string>& all_categories() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> v;
    for (const CategoryInfo& c : kCategories) v.emplace_back(c.code);
    return v;
  }();
  return list;
}

bool is_category(std::string_view code) { return find_category(code) != nullptr; }

bool is_crime_category(std::string_view code) {
  const CategoryInfo* c = find_category(code);
  return c && c->crime;
}

std::string_view category_label(std::string_view code, std::string_view lang) {
  const CategoryInfo* c = find_category(code);
  if (!c) return code;
  return lang == "en" ? c->en : c->vi;
}

std::vector<std::string> visible_categories(const Principal& p) {
  std::vector<std::string> out;
  for (const std::string& code : all_categories()) {
    if (!role_default_has(p.role, code)) continue;
    if (!p.categories.empty() && std::find(p.categories.begin(), p.categories.end(), code) == p.categories.end())
      continue;
    out.push_back(code);
  }
  return out;
}

bool allows(const Principal& p, Action action) {
  if (action == Action::count_) return false;
  return grant_of(action).roles.has(p.role);
}

std::vector<std::string_view> allowed_actions(const Principal& p) {
  std::vector<std::string_view> out;
  for (const Grant& g : kGrants)
    if (g.roles.has(p.role)) out.push_back(g.name);
  return out;
}

bool acts_for_org(const Principal& p, const OrgScope& org) {
  if (!is_office_role(p.role) || org.id == 0) return false;
  if (p.org_id == org.id) return true;
  bool same_side = ((p.role == Role::federation_officer || p.role == Role::union_officer) &&
                    (org.kind == "federation" || org.kind == "union")) ||
                   (p.role == Role::police_officer && org.kind == "police");
  return same_side && in_subtree(p, org.path);
}

bool allows_incoming_referral(const Principal& p, const ReferralScope& r) {
  return allows(p, Action::referral_decide) && acts_for_org(p, r.to) && allows(p, Action::case_view, r.kase);
}

bool allows_referral_decision(const Principal& p, const ReferralScope& r) {
  bool is_sender = p.org_id == r.from_org_id || (r.created_by_user && *r.created_by_user == p.user_id);
  return !is_sender && allows_incoming_referral(p, r);
}

Status require_referral_target(std::string_view category, std::string_view org_kind) {
  std::optional<Role> role = office_role_of(org_kind);
  if (!role || org_kind == "national")
    return Error::unprocessable("to_org_id", "Không có đơn vị nhận phù hợp", "No such receiving organisation");
  if (*role == Role::enterprise_officer && !role_default_has(*role, category))
    return Error::unprocessable("to_org_id", "Doanh nghiệp chỉ nhận vụ việc về an toàn lao động và tiền lương",
                                "An enterprise only receives workplace-safety and wage cases");
  return {};
}

std::optional<Role> office_role_of(std::string_view org_kind) {
  if (org_kind == "federation" || org_kind == "authority" || org_kind == "national")
    return Role::federation_officer;
  if (org_kind == "union") return Role::union_officer;
  if (org_kind == "police") return Role::police_officer;
  if (org_kind == "enterprise") return Role::enterprise_officer;
  return std::nullopt;
}

Status require_reveal_reason(std::string_view reason) {
  if (utf8_length(reason) < 10)
    return Error::unprocessable("reason", "Lý do phải có ít nhất 10 ký tự", "The reason must be at least 10 characters");
  return {};
}

bool allows(const Principal& p, Action action, const CaseScope& c) {
  if (!allows(p, action)) return false;
  if (!is_case_action(action)) return false;  // only case actions have a per-case decision
  const std::vector<std::string> cats = visible_categories(p);
  bool category_ok = std::find(cats.begin(), cats.end(), c.category) != cats.end();
  if (is_office_role(p.role) && shared_category_visible(p, c.category) && shared_with(p, c)) {
    if (action != Action::case_reveal_contact) return true;
  }
  if (!category_ok) return false;
  bool in_scope = false;
  switch (p.role) {
    case Role::admin:
      in_scope = true;
      break;
    case Role::team_leader:
      in_scope = team_leader_owns(p, c);
      break;
    case Role::federation_officer:
    case Role::police_officer:
    case Role::union_officer:
    case Role::enterprise_officer:
      in_scope = in_subtree(p, c.place_path) || shared_with(p, c);
      break;
  }
  if (!in_scope) return false;
  if (action == Action::case_reveal_contact) {
    if (p.role == Role::police_officer) return is_crime_category(c.category);
    return p.role == Role::federation_officer;
  }
  return true;
}

bool is_decision_status(std::string_view status) {
  return status == "resolved" || status == "closed" || status == "rejected";
}

bool may_move_case(const Principal& p, const CaseScope& c, std::string_view to_status) {
  if (!allows(p, Action::case_transition, c)) return false;
  return !is_decision_status(to_status) || allows(p, Action::case_decide);
}

bool may_message_reporter(const Principal& p, const CaseScope& c) { return allows(p, Action::case_message, c); }

bool may_answer_case(const Principal& p, const CaseScope& c) {
  return allows(p, Action::case_answer) && allows(p, Action::case_view, c);
}

bool may_relay_answer(const Principal& p, const CaseScope& c) {
  return allows(p, Action::case_relay) && allows(p, Action::case_transition, c);
}


bool allows_housing(const Principal& p, Action action, const HousingScope& h) {
  bool housing_action = action == Action::housing_view || action == Action::housing_manage ||
                        action == Action::housing_organise || action == Action::housing_reveal_contact;
  if (!housing_action || !allows(p, action)) return false;
  switch (p.role) {
    case Role::admin:
      return true;
    case Role::team_leader:
      return h.team_id && p.team_id && *h.team_id == *p.team_id;
    case Role::federation_officer:
    case Role::police_officer:
    case Role::union_officer:
      return in_subtree(p, h.place_path);
    case Role::enterprise_officer:
      return false;
  }
  return false;
}

Status require_housing(const Principal& p, Action action, const HousingScope& h) {
  if (!allows_housing(p, action, h)) return Error::forbidden();
  return {};
}

Status require(const Principal& p, Action action) {
  if (!allows(p, action)) return Error::forbidden();
  return {};
}

Status require(const Principal& p, Action action, const CaseScope& c) {
  if (!allows(p, action, c)) return Error::forbidden();
  return {};
}

}  // namespace antoan::security

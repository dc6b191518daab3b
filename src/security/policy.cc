#include "security/policy.h"

#include <algorithm>
#include <array>

namespace antoan::security {
namespace {

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

// Scope roots are materialised paths ending in '/', so "/1/12/" never matches "/1/123/".
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

// Categories of a case shared with the principal's organisation: whatever was referred to them,
// except that an enterprise never sees more than workplace safety and wages.
bool shared_category_visible(const Principal& p, std::string_view category) {
  if (p.role == Role::enterprise_officer && !role_default_has(p.role, category)) return false;
  if (!is_category(category)) return false;
  return p.categories.empty() || std::find(p.categories.begin(), p.categories.end(), category) != p.categories.end();
}

bool shared_with(const Principal& p, const CaseScope& c) {
  for (const std::string& path : c.access_paths)
    if (in_subtree(p, path)) return true;
  return false;
}

bool is_office_role(Role r) {
  return r == Role::federation_officer || r == Role::police_officer || r == Role::union_officer ||
         r == Role::enterprise_officer;
}

bool team_leader_owns(const Principal& p, const CaseScope& c) {
  if (c.created_by_user && p.user_id != 0 && *c.created_by_user == p.user_id) return true;
  return c.team_id && p.team_id && *c.team_id == *p.team_id;
}

// LIKE pattern matching everything under `root`, with the wildcards % and _ (and the escape
// character itself) escaped by '!' so that a path can never widen the match.
std::string like_prefix_pattern(const std::string& root) {
  std::string out;
  out.reserve(root.size() + 2);
  for (char ch : root) {
    if (ch == '%' || ch == '_' || ch == '!') out.push_back('!');
    out.push_back(ch);
  }
  out.push_back('%');
  return out;
}

}  // namespace

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
  const Role r = p.role;
  switch (action) {
    case Action::case_view:
    case Action::case_message:
      return true;
    case Action::case_transition:
      return r != Role::team_leader;  // team leaders raise and follow cases; officers handle them
    case Action::case_reveal_contact:
      return r == Role::federation_officer || r == Role::police_officer;
    case Action::indicator_view:
    case Action::hotspot_view:
      return r == Role::admin || r == Role::federation_officer || r == Role::police_officer ||
             r == Role::union_officer;
    case Action::indicator_manage:
      return r == Role::admin || r == Role::federation_officer || r == Role::police_officer;
    case Action::org_manage:
    case Action::audit_view:
      return r == Role::admin;
    case Action::housing_view:
      return r != Role::enterprise_officer;  // where workers sleep is none of the employer's business
    case Action::housing_manage:
      return r == Role::admin || r == Role::federation_officer || r == Role::union_officer ||
             r == Role::team_leader;
    case Action::housing_organise:
      return r == Role::admin || r == Role::federation_officer || r == Role::union_officer;
    case Action::housing_reveal_contact:
      // Those who support the houses on the ground; admins run the system and need no contacts.
      return r == Role::federation_officer || r == Role::union_officer || r == Role::police_officer ||
             r == Role::team_leader;
    case Action::case_refer:
    case Action::case_link:
    case Action::case_export:
      return r != Role::team_leader;
    case Action::webhook_manage:
    case Action::job_run:
      return r == Role::admin;
    case Action::scam_feedback_review:  // those who confirm and clear scam indicators
      return r == Role::admin || r == Role::federation_officer || r == Role::police_officer;
  }
  return false;
}

bool acts_for_org(const Principal& p, const std::string& org_path) {
  if (p.role == Role::admin) return true;
  return is_office_role(p.role) && in_subtree(p, org_path);
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

SqlFilter housing_filter(const Principal& p, const std::string& place_col, const std::string& team_col,
                         int first_param) {
  SqlFilter f;
  std::string param = "$";
  param.append(std::to_string(first_param));
  if (!allows(p, Action::housing_view)) {
    f.sql = "1 = 0";
    return f;
  }
  switch (p.role) {
    case Role::admin:
      f.sql = "1 = 1";
      return f;
    case Role::team_leader:
      if (!p.team_id) {
        f.sql = "1 = 0";
        return f;
      }
      f.sql = team_col + " = " + param;
      f.params.emplace_back(*p.team_id);
      return f;
    case Role::federation_officer:
    case Role::police_officer:
    case Role::union_officer:
    case Role::enterprise_officer: {
      std::string root = normalised_root(p.org_path);
      if (root.empty()) {
        f.sql = "1 = 0";
        return f;
      }
      f.sql = place_col + " LIKE " + param + " ESCAPE '!'";
      f.params.emplace_back(like_prefix_pattern(root));
      return f;
    }
  }
  f.sql = "1 = 0";
  return f;
}

Status require(const Principal& p, Action action) {
  if (!allows(p, action)) return Error::forbidden();
  return {};
}

Status require(const Principal& p, Action action, const CaseScope& c) {
  if (!allows(p, action, c)) return Error::forbidden();
  return {};
}

SqlFilter case_filter(const Principal& p, const std::string& alias, int first_param, Shared shared_cases) {
  SqlFilter f;
  const std::string col = alias.empty() ? std::string() : alias + ".";
  int n = first_param;
  auto next = [&n] {
    std::string param = "$";  // built by append: g++ 12 -O3 warns falsely on "$" + to_string()
    param.append(std::to_string(n++));
    return param;
  };
  std::vector<std::string> clauses;

  const std::vector<std::string> cats = visible_categories(p);
  const bool with_shared = shared_cases == Shared::include && is_office_role(p.role);
  if (!allows(p, Action::case_view) || (cats.empty() && !with_shared)) {
    f.sql = "1 = 0";
    return f;
  }
  if (cats.empty()) {
    clauses.push_back("1 = 0");  // nothing of its own; shared cases may still be visible
  } else if (cats.size() != all_categories().size()) {
    std::string in = col + "category IN (";
    for (std::size_t i = 0; i < cats.size(); ++i) {
      if (i) in += ", ";
      in += next();
      f.params.emplace_back(cats[i]);
    }
    clauses.push_back(in + ")");
  }

  switch (p.role) {
    case Role::admin:
      break;
    case Role::team_leader: {
      std::vector<std::string> own;
      if (p.user_id != 0) {
        own.push_back(col + "created_by_user = " + next());
        f.params.emplace_back(p.user_id);
      }
      if (p.team_id) {
        own.push_back(col + "team_id = " + next());
        f.params.emplace_back(*p.team_id);
      }
      if (own.empty()) {
        f.sql = "1 = 0";
        f.params.clear();
        return f;
      }
      clauses.push_back(own.size() == 1 ? own[0] : "(" + own[0] + " OR " + own[1] + ")");
      break;
    }
    case Role::federation_officer:
    case Role::police_officer:
    case Role::union_officer:
    case Role::enterprise_officer: {
      std::string root = normalised_root(p.org_path);
      if (root.empty()) {
        f.sql = "1 = 0";
        f.params.clear();
        return f;
      }
      clauses.push_back(col + "place_path LIKE " + next() + " ESCAPE '!'");
      f.params.emplace_back(like_prefix_pattern(root));
      break;
    }
  }

  std::string own;
  if (clauses.empty()) {
    own = "1 = 1";
  } else {
    own = "(";
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      if (i) own += " AND ";
      own += clauses[i];
    }
    own += ")";
  }
  if (!with_shared) {
    f.sql = own;
    return f;
  }
  std::vector<std::string> shared_cats;
  for (const std::string& code : all_categories())
    if (shared_category_visible(p, code)) shared_cats.push_back(code);
  if (shared_cats.empty()) {
    if (cats.empty()) {
      f.sql = "1 = 0";
      f.params.clear();
    } else {
      f.sql = own;
    }
    return f;
  }
  // Cases shared with an organisation in scope (referral, joint case, escalation).
  std::string shared = "EXISTS (SELECT 1 FROM case_access ca WHERE ca.case_id = " + col + "id AND ca.org_path LIKE " +
                       next() + " ESCAPE '!')";
  f.params.emplace_back(like_prefix_pattern(normalised_root(p.org_path)));
  if (shared_cats.size() != all_categories().size()) {
    std::string in = col + "category IN (";
    for (std::size_t i = 0; i < shared_cats.size(); ++i) {
      if (i) in += ", ";
      in += next();
      f.params.emplace_back(shared_cats[i]);
    }
    shared = "(" + in + ") AND " + shared + ")";
  }
  f.sql = "(" + own + " OR " + shared + ")";
  return f;
}

}  // namespace antoan::security

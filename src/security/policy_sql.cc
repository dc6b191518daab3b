// The SQL side of security/policy: predicates that restrict case and housing queries to
// exactly what allows() and allows_housing() grant (policy_test checks both against real rows).
#include "security/policy.h"
#include "security/policy_internal.h"

namespace antoan::security {
namespace {

using detail::is_office_role;
using detail::normalised_root;
using detail::shared_category_visible;

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

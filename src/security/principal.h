#pragma once
// Who is making a request: an authenticated user (session or API key) with a role and a
// scope (an organisation subtree × a set of categories). Filled by the authenticator, read
// only by security/policy.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antoan::security {

enum class Role { admin, federation_officer, union_officer, police_officer, enterprise_officer, team_leader };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::union_officer;
  std::int64_t org_id = 0;
  std::string org_path;                 // materialised path of the org, e.g. "/1/12/40/"
  std::vector<std::string> categories;  // explicit category scope; empty = the role's default
  std::optional<std::int64_t> team_id;  // for team leaders
  std::int64_t session_id = 0;          // 0 when authenticated by API key
  std::int64_t api_key_id = 0;          // the key's id when authenticated by API key, else 0
  std::string csrf_token;               // required on unsafe requests authenticated by cookie
  bool via_cookie = false;
};

}  // namespace antoan::security

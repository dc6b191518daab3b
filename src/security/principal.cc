#include "security/principal.h"

#include <array>
#include <utility>

namespace antoan::security {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles = {{
    {Role::admin, "admin"},
    {Role::federation_officer, "federation_officer"},
    {Role::union_officer, "union_officer"},
    {Role::police_officer, "police_officer"},
    {Role::enterprise_officer, "enterprise_officer"},
    {Role::team_leader, "team_leader"},
}};
}  // namespace

std::string_view role_name(Role role) {
  for (const auto& [r, name] : kRoles)
    if (r == role) return name;
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [r, n] : kRoles)
    if (n == name) return r;
  return std::nullopt;
}

}  // namespace antoan::security

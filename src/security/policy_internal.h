#pragma once
// Shared by policy.cc and policy_sql.cc only: the scope arithmetic both need.
#include <string>
#include <string_view>

#include "security/principal.h"

namespace antoan::security::detail {

// Scope roots are materialised paths ending in '/', so "/1/12/" never matches "/1/123/";
// "" when the path is not a path at all (no scope: sees nothing rather than everything).
std::string normalised_root(const std::string& org_path);
bool in_subtree(const Principal& p, const std::string& place_path);
// Categories of a case shared with the principal's organisation: whatever was referred to
// them, except that an enterprise never sees more than workplace safety and wages.
bool shared_category_visible(const Principal& p, std::string_view category);
// Officers of an organisation (federation, union, police, enterprise), as opposed to admins and
// team leaders.
bool is_office_role(Role r);

}  // namespace antoan::security::detail

#include "orgs/model.h"

#include <array>

namespace antoan::orgs {

bool is_org_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 8> kinds = {"national", "province", "commune",  "federation",
                                                             "police",   "authority", "enterprise", "union"};
  for (auto k : kinds)
    if (k == kind) return true;
  return false;
}

bool is_area_node_kind(std::string_view kind) {
  return kind == "national" || kind == "province" || kind == "commune";
}

bool is_office_kind(std::string_view kind) { return kind == "federation" || kind == "police" || kind == "authority"; }

}  // namespace antoan::orgs

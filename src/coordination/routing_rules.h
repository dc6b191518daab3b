#pragma once
// Admins edit the routing table (category × area → an organisation, or the nearest office of a
// kind, tried in order of position) and ask "where would this report go?". The routing itself
// is orgs::OrgService::route_report, used by intake; this is its editor and its test view.
#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "orgs/service.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::coordination {

struct RuleInput {
  std::string category;   // a category or '*'
  std::string area_code;  // a province/commune code or '*'
  std::optional<std::string> org_kind;  // police | federation | union | authority | enterprise
  std::optional<std::int64_t> org_id;   // or an explicit organisation (exactly one of the two)
  std::int64_t position = 100;
};

bool is_rule_org_kind(const std::string& kind);

class RoutingRuleService {
 public:
  RoutingRuleService(store::Db& db, orgs::OrgService& orgs) : db_(db), orgs_(orgs) {}
  Result<Json> list(const security::Principal& p);
  Result<Json> create(const security::Principal& p, const RuleInput& in);
  Result<Json> update(const security::Principal& p, std::int64_t id, const RuleInput& in);
  Status remove(const security::Principal& p, std::int64_t id);
  Result<Json> where_would_it_go(const security::Principal& p, const std::string& category,
                                 const std::string& area_code, std::optional<std::int64_t> enterprise_id);

 private:
  Status validate(store::Tx& tx, const RuleInput& in);
  Result<Json> get(std::int64_t id);
  store::Db& db_;
  orgs::OrgService& orgs_;
};

}  // namespace antoan::coordination

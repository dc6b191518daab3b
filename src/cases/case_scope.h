#pragma once
// Loads what security/policy needs to decide about one case (its CaseScope, including the
// organisations it is shared with through case_access), plus its status and responsible org.
// Used by the case service and by coordination, attachments and exports.
#include <cstdint>

#include "security/policy.h"
#include "store/db.h"

namespace antoan::cases {

struct CaseInfo {
  std::int64_t id = 0;
  std::string status;
  std::int64_t org_id = 0;
  bool has_contact = false;
  security::CaseScope scope;
};

// The case, or not_found. Does not check access: call security::allows() with .scope.
Result<CaseInfo> load_case_info(store::Db& db, std::int64_t id);
// The same inside a transaction (sees the transaction's own writes).
Result<CaseInfo> load_case_info(store::Tx& tx, std::int64_t id);
// The case if the principal may do `action` on it; a case they may not view is "not found"
// (ids can't be probed), one they may view but not act on is forbidden.
Result<CaseInfo> load_case_for(store::Db& db, const security::Principal& p, std::int64_t id,
                               security::Action action);

}  // namespace antoan::cases

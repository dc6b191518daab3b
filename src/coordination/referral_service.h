#pragma once
// Referral between organisations (union ↔ police ↔ enterprise ↔ authority): the referring side
// asks another organisation to take the case over, with a reason; the receiving side accepts
// (it becomes the responsible organisation) or declines with a note. A joint case informs a
// second organisation, which then sees and works on the case alongside. Both sides keep the
// history (case_events and case_referrals); every step is audited and notified (outbox).
#include <cstdint>
#include <string>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::coordination {

class ReferralService {
 public:
  explicit ReferralService(store::Db& db) : db_(db) {}
  // kind: "referral" | "joint".
  Result<Json> refer(const security::Principal& p, std::int64_t case_id, std::int64_t to_org_id,
                     const std::string& kind, const std::string& reason);
  Result<Json> decide(const security::Principal& p, std::int64_t referral_id, bool accept,
                      const std::optional<std::string>& note);
  Result<Json> for_case(const security::Principal& p, std::int64_t case_id);
  // Pending referrals addressed to organisations the principal acts for.
  Result<Json> incoming(const security::Principal& p);

 private:
  store::Db& db_;
};

}  // namespace antoan::coordination

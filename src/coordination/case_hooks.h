#pragma once
// What coordination does when intake creates a case or a reporter replies, inside the same
// write transaction (wired by the app through intake's hooks): stamp the case's due times,
// let the routed organisation see it when it sits outside the place's subtree, and queue the
// notification.
#include <cstdint>

#include "store/db.h"

namespace antoan::coordination {

Status on_case_created(store::Tx& tx, std::int64_t case_id);
Status on_reporter_reply(store::Tx& tx, std::int64_t case_id);

}  // namespace antoan::coordination

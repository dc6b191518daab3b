#pragma once
// HTTP route of the scam checker: POST /api/v1/check {"text"} → the same object as one line
// of `antoan check` (plus reasons_detail with Vietnamese and English). Public: workers check
// messages without an account. Holds no logic: parse → Checker::check → serialise.
#include "http/router.h"
#include "scam/checker.h"

namespace antoan::scam {

// `checker` must outlive the router.
void register_check_routes(http::Router& router, const Checker& checker);

}  // namespace antoan::scam

#pragma once
// Public HTTP routes of intake: file a report, follow it with the receipt, reply, and the
// category list. Receipt routes are throttled per client address.
#include "http/router.h"
#include "intake/intake_service.h"
#include "intake/reporter_service.h"

namespace antoan::security {
class RateLimiter;
}

namespace antoan::intake {

void register_intake_routes(http::Router& router, IntakeService& intake, ReporterService& reporter,
                            security::RateLimiter& receipt_limiter);

}  // namespace antoan::intake

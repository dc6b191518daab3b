#pragma once
// HTTP routes of the checker feedback: POST /check/feedback (public, one tap,
// anonymous), GET /scam/feedback and POST /scam/feedback/{id}/review
// (officers). No logic here.
#include "http/router.h"
#include "scam/feedback.h"
#include "security/rate_limiter.h"

namespace antoan::scam {

void register_feedback_routes(http::Router& router, FeedbackService& service, security::RateLimiter& limiter);

}  // namespace antoan::scam

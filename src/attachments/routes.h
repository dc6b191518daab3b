#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "attachments/attachment_service.h"
#include "http/router.h"
#include "security/rate_limiter.h"

namespace antoan::attachments {

// Resolves a receipt typed by a worker to its case (intake's ReporterService::case_for).
using ReceiptResolver = std::function<Result<std::int64_t>(const std::string& receipt)>;

// Uploads take the raw image as the body (any Content-Type: the type is decided from the
// bytes), at most 10 MB. Officers: POST/GET /cases/{id}/attachments; reporters: POST
// /receipts/attachments with the receipt in the X-Receipt header; GET /attachments/{id}[?thumb=1].
void register_attachment_routes(http::Router& router, AttachmentService& service, ReceiptResolver receipts,
                                security::RateLimiter& limiter);

}  // namespace antoan::attachments

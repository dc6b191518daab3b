#pragma once
#include "http/router.h"
#include "notify/webhook_service.h"

namespace antoan::notify {
// /api/v1/admin/webhooks (admin): register, list, deactivate; /admin/webhook-deliveries.
void register_notify_routes(http::Router& router, WebhookService& service);
}  // namespace antoan::notify

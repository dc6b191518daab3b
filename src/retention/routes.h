#pragma once
// HTTP routes of retention: the schedule (admin) and running the job now.
#include "http/router.h"
#include "retention/retention_service.h"

namespace antoan::retention {

void register_retention_routes(http::Router& router, RetentionService& service);

}  // namespace antoan::retention

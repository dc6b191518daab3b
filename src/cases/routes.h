#pragma once
// HTTP routes of the officers' case inbox: parse, call CaseService, serialise.
#include "cases/case_service.h"
#include "http/router.h"

namespace antoan::cases {

void register_case_routes(http::Router& router, CaseService& service);

}  // namespace antoan::cases

#pragma once
// HTTP routes of the scam-indicator registry: the public lookup and the officers' routes
// (add, confirm, clear, list, get, import). Parsing and serialising only; the Registry decides
// and security/policy allows.
#include "http/router.h"
#include "scam/registry.h"

namespace antoan::scam {

void register_registry_routes(http::Router& router, Registry& registry);

// JSON of one registry row as the officer routes return it.
Json indicator_record_json(const IndicatorRecord& record);

}  // namespace antoan::scam

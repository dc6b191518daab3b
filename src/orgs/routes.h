#pragma once
// HTTP routes of areas and organisations (/api/v1/areas, /api/v1/orgs): parse, call
// OrgService, serialise. Area lookups and the enterprise list (for the report form) are
// open; everything else needs a principal; creating organisations is admin only (policy).
#include "http/router.h"
#include "orgs/service.h"

namespace antoan::orgs {

void register_org_routes(http::Router& router, OrgService& service);

Json area_json(const Area& area);
Json org_json(const OrgRef& org);

}  // namespace antoan::orgs

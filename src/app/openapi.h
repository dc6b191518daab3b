#pragma once
// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the Router's routes and
// the request/response schemas in data/openapi/ … kept next to the code that serves them.
#include "http/router.h"

namespace antoan::app {

void register_openapi_route(http::Router& router);

}  // namespace antoan::app

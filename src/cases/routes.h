#pragma once
// HTTP routes of the officers' case inbox: parse, call CaseService, serialise.
#include "cases/answer_service.h"
#include "cases/case_service.h"
#include "http/router.h"

namespace antoan::cases {

void register_case_routes(http::Router &router, CaseService &service);
// An enterprise's answers and the union's review of them (issue 20).
void register_answer_routes(http::Router &router, AnswerService &answers);

}  // namespace antoan::cases

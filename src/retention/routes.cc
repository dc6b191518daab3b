#include "retention/routes.h"

namespace antoan::retention {

using http::Request;
using http::Response;

void register_retention_routes(http::Router& router, RetentionService& service) {
  router.add("GET", "/api/v1/admin/retention",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, service.schedule_json(*req.principal));
               return Response::json(j);
             },
             {}, "Retention schedule: months a finished case's contents are kept, per category (admin)");
  router.add("PUT", "/api/v1/admin/retention",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields f(body);
               ANTOAN_ASSIGN(std::string category, f.string("category", 40));
               ANTOAN_ASSIGN(std::int64_t months, f.integer("months", 1, 240));
               ANTOAN_ASSIGN(Json j, service.set_rule(*req.principal, category, static_cast<int>(months)));
               return Response::json(j);
             },
             {}, "Set the retention of one category {category, months} (admin)");
  router.add("POST", "/api/v1/admin/jobs/retention/run",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(RetentionRun run, service.run(*req.principal));
               return Response::json({{"erased", run.erased}, {"remaining", run.remaining}});
             },
             {}, "Erase the contents of finished cases past their retention now (admin)");
}

}  // namespace antoan::retention

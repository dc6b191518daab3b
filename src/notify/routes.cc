#include "notify/routes.h"

namespace antoan::notify {
namespace {
using http::Request;
using http::Response;

Result<std::vector<std::string>> string_list(const Json& body, const char* field, std::size_t max_items) {
  std::vector<std::string> out;
  if (!body.contains(field) || body[field].is_null()) return out;
  const Json& v = body[field];
  if (!v.is_array() || v.size() > max_items)
    return Error::invalid(field, std::string("'") + field + "' phải là danh sách chuỗi",
                          std::string("'") + field + "' must be a list of strings");
  for (const Json& e : v) {
    if (!e.is_string() || e.get<std::string>().size() > 100)
      return Error::invalid(field, std::string("'") + field + "' phải là danh sách chuỗi",
                            std::string("'") + field + "' must be a list of strings");
    out.push_back(e.get<std::string>());
  }
  return out;
}
}  // namespace

void register_notify_routes(http::Router& router, WebhookService& service) {
  router.add("POST", "/api/v1/admin/webhooks",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields f(body);
               NewWebhook hook;
               ANTOAN_ASSIGN(hook.org_id, f.integer("org_id", 1, INT64_MAX));
               ANTOAN_ASSIGN(hook.url, f.string("url", 500));
               ANTOAN_ASSIGN(hook.secret, f.string("secret", 200));
               ANTOAN_ASSIGN(hook.events, string_list(body, "events", 20));
               ANTOAN_ASSIGN(Json j, service.create(*req.principal, hook));
               return Response::json(j, 201);
             },
             {}, "Register an organisation's webhook {org_id, url, secret, events?} (admin); it receives only what the organisation may see");
  router.add("GET", "/api/v1/admin/webhooks",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, service.list(*req.principal));
               return Response::json(j);
             },
             {}, "Webhooks (admin; secrets never shown)");
  router.add("DELETE", "/api/v1/admin/webhooks/{id}",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_TRY(service.deactivate(*req.principal, id));
               return Response::no_content();
             },
             {}, "Deactivate a webhook (admin)");
  router.add("GET", "/api/v1/admin/webhook-deliveries",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, service.deliveries(*req.principal, 100));
               return Response::json(j);
             },
             {}, "Recent webhook deliveries with their status (admin)");
}

}  // namespace antoan::notify

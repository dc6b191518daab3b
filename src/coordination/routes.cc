#include "coordination/routes.h"

#include "http/query_params.h"

namespace antoan::coordination {
namespace {
using http::Request;
using http::Response;

Result<RuleInput> parse_rule(const Request& req) {
  ANTOAN_ASSIGN(Json body, req.json_body());
  JsonFields f(body);
  RuleInput in;
  ANTOAN_ASSIGN(in.category, f.string("category", 40));
  ANTOAN_ASSIGN(in.area_code, f.string("area_code", 16));
  ANTOAN_ASSIGN(in.org_kind, f.optional_string("org_kind", 20));
  ANTOAN_ASSIGN(in.org_id, f.optional_int("org_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(auto position, f.optional_int("position", 0, 1'000'000));
  in.position = position.value_or(100);
  return in;
}

void add_rule_routes(http::Router& router, RoutingRuleService& rules) {
  router.add("GET", "/api/v1/admin/routing-rules",
             [&rules](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, rules.list(*req.principal));
               return Response::json(j);
             },
             {}, "Routing rules in the order they are tried (admin)");
  router.add("POST", "/api/v1/admin/routing-rules",
             [&rules](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(RuleInput in, parse_rule(req));
               ANTOAN_ASSIGN(Json j, rules.create(*req.principal, in));
               return Response::json(j, 201);
             },
             {}, "Add a routing rule {category|'*', area_code|'*', org_kind | org_id, position} (admin)");
  router.add("PUT", "/api/v1/admin/routing-rules/{id}",
             [&rules](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(RuleInput in, parse_rule(req));
               ANTOAN_ASSIGN(Json j, rules.update(*req.principal, id, in));
               return Response::json(j);
             },
             {}, "Replace a routing rule (admin)");
  router.add("DELETE", "/api/v1/admin/routing-rules/{id}",
             [&rules](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_TRY(rules.remove(*req.principal, id));
               return Response::no_content();
             },
             {}, "Delete a routing rule (admin)");
  router.add("GET", "/api/v1/admin/routing-test",
             [&rules](Request& req) -> Result<Response> {
               std::string category = req.query_param("category").value_or("");
               std::string area = req.query_param("area_code").value_or("");
               if (category.empty()) return Error::invalid("category", "Cần loại phản ánh", "category is required");
               if (area.empty()) return Error::invalid("area_code", "Cần mã địa bàn", "area_code is required");
               ANTOAN_ASSIGN(auto enterprise, http::query_id(req, "enterprise_id"));
               ANTOAN_ASSIGN(Json j, rules.where_would_it_go(*req.principal, category, area, enterprise));
               return Response::json(j);
             },
             {}, "Where would a report go? ?category=&area_code=&enterprise_id= (admin)");
}

void add_referral_routes(http::Router& router, ReferralService& referrals) {
  router.add("POST", "/api/v1/cases/{id}/referrals",
             [&referrals](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields f(body);
               ANTOAN_ASSIGN(std::int64_t to, f.integer("to_org_id", 1, INT64_MAX));
               ANTOAN_ASSIGN(auto kind, f.optional_string("kind", 20));
               ANTOAN_ASSIGN(std::string reason, f.string("reason", 1000, true));
               ANTOAN_ASSIGN(Json j, referrals.refer(*req.principal, id, to, kind.value_or("referral"), reason));
               return Response::json(j, 201);
             },
             {}, "Refer a case to another organisation, or share it (kind=joint) {to_org_id, reason, kind?}");
  router.add("GET", "/api/v1/cases/{id}/referrals",
             [&referrals](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, referrals.for_case(*req.principal, id));
               return Response::json(j);
             },
             {}, "Referrals and joint-case shares of a case");
  router.add("GET", "/api/v1/referrals/incoming",
             [&referrals](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, referrals.incoming(*req.principal));
               return Response::json(j);
             },
             {}, "Pending referrals addressed to the caller's organisation");
  for (const char* decision : {"accept", "decline"}) {
    bool accept = std::string(decision) == "accept";
    router.add("POST", std::string("/api/v1/referrals/{id}/") + decision,
               [&referrals, accept](Request& req) -> Result<Response> {
                 ANTOAN_ASSIGN(auto id, req.id_param("id"));
                 std::optional<std::string> note;
                 if (!req.body.empty()) {
                   ANTOAN_ASSIGN(Json body, req.json_body());
                   ANTOAN_ASSIGN(note, JsonFields(body).optional_string("note", 1000, true));
                 }
                 ANTOAN_ASSIGN(Json j, referrals.decide(*req.principal, id, accept, note));
                 return Response::json(j);
               },
               {}, accept ? "Accept a referral (the receiving organisation takes the case)"
                          : "Decline a referral {note} (required)");
  }
}

void add_link_routes(http::Router& router, LinkService& links) {
  router.add("GET", "/api/v1/cases/{id}/links",
             [&links](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, links.links(*req.principal, id));
               return Response::json(j);
             },
             {}, "Cases linked to this one");
  router.add("GET", "/api/v1/cases/{id}/link-suggestions",
             [&links](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, links.suggestions(*req.principal, id));
               return Response::json(j);
             },
             {}, "Visible cases with the same enterprise, house or scam indicator");
  router.add("POST", "/api/v1/cases/{id}/links",
             [&links](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields f(body);
               ANTOAN_ASSIGN(std::int64_t other, f.integer("other_case_id", 1, INT64_MAX));
               ANTOAN_ASSIGN(std::string kind, f.string("kind", 20));
               ANTOAN_ASSIGN(auto reason, f.optional_string("reason", 40));
               ANTOAN_ASSIGN(Json j, links.link(*req.principal, id, other, kind, reason));
               return Response::json(j, 201);
             },
             {}, "Link a duplicate or related case {other_case_id, kind: duplicate|related, reason?}");
  router.add("DELETE", "/api/v1/cases/{id}/links/{other}",
             [&links](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(auto other, req.id_param("other"));
               ANTOAN_TRY(links.unlink(*req.principal, id, other));
               return Response::no_content();
             },
             {}, "Remove a link");
}

void add_deadline_routes(http::Router& router, DeadlineService& deadlines, OverdueService& overdue) {
  router.add("GET", "/api/v1/deadlines",
             [&deadlines](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, deadlines.list(*req.principal));
               return Response::json(j);
             },
             {}, "Deadlines per category and priority (minutes to acknowledge and to resolve)");
  router.add("PUT", "/api/v1/admin/deadlines",
             [&deadlines](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields f(body);
               ANTOAN_ASSIGN(std::string category, f.string("category", 40));
               ANTOAN_ASSIGN(std::string priority, f.string("priority", 20));
               ANTOAN_ASSIGN(std::int64_t ack, f.integer("ack_minutes", 1, 525'600));
               ANTOAN_ASSIGN(std::int64_t resolve, f.integer("resolve_minutes", 1, 5'256'000));
               ANTOAN_ASSIGN(Json j, deadlines.set(*req.principal, category, priority, ack, resolve));
               return Response::json(j);
             },
             {}, "Set one deadline {category, priority, ack_minutes, resolve_minutes} (admin)");
  router.add("POST", "/api/v1/cases/{id}/priority",
             [&deadlines](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(std::string priority, JsonFields(body).string("priority", 20));
               ANTOAN_ASSIGN(Json j, deadlines.set_priority(*req.principal, id, priority));
               return Response::json(j);
             },
             {}, "Change a case's priority {priority: low|normal|high|urgent}; its deadlines follow");
  router.add("GET", "/api/v1/overdue",
             [&overdue](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, overdue.counts(*req.principal));
               return Response::json(j);
             },
             {}, "Overdue open cases per responsible organisation (scoped)");
  router.add("POST", "/api/v1/admin/jobs/overdue/run",
             [&overdue](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(OverdueRun run, overdue.run(*req.principal));
               return Response::json({{"checked", run.checked}, {"escalated", run.escalated}, {"marked", run.marked}});
             },
             {}, "Run the overdue/escalation job now (admin)");
}

}  // namespace

void register_coordination_routes(http::Router& router, CoordinationServices s) {
  add_rule_routes(router, s.rules);
  add_referral_routes(router, s.referrals);
  add_link_routes(router, s.links);
  add_deadline_routes(router, s.deadlines, s.overdue);
}

}  // namespace antoan::coordination

#include "cases/routes.h"

#include "cases/case_model.h"
#include "cases/export.h"
#include "core/utf8.h"
#include "http/query_params.h"
#include "security/policy.h"

namespace antoan::cases {
namespace {

using http::Request;
using http::Response;

Result<std::optional<std::string>> query_code(const Request& req, const char* name, bool (*valid)(std::string_view)) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>{};
  if (valid && !valid(*v))
    return Error::unprocessable(name, std::string("Giá trị '") + name + "' không hợp lệ",
                                std::string("Unknown value for '") + name + "'");
  if (v->size() > 200 || !is_valid_utf8(*v))
    return Error::invalid(name, "Giá trị không hợp lệ", "Invalid value");
  return std::optional<std::string>(*v);
}

Result<CaseFilter> parse_filter(const Request& req) {
  CaseFilter f;
  ANTOAN_ASSIGN(f.status, query_code(req, "status", [](std::string_view s) { return is_status(s); }));
  ANTOAN_ASSIGN(f.category, query_code(req, "category", [](std::string_view s) { return security::is_category(s); }));
  ANTOAN_ASSIGN(f.area_code, query_code(req, "area_code", nullptr));
  ANTOAN_ASSIGN(f.q, query_code(req, "q", nullptr));
  ANTOAN_ASSIGN(f.org_id, http::query_int(req, "org_id", 1, INT64_MAX));
  ANTOAN_ASSIGN(f.from, http::query_time(req, "from"));
  ANTOAN_ASSIGN(f.to, http::query_time(req, "to"));
  ANTOAN_ASSIGN(auto limit, http::query_int(req, "limit", 1, 200));
  ANTOAN_ASSIGN(auto offset, http::query_int(req, "offset", 0, 10'000'000));
  f.limit = static_cast<int>(limit.value_or(50));
  f.offset = static_cast<int>(offset.value_or(0));
  f.overdue_only = req.query_param("overdue").value_or("") == "1";
  return f;
}

}  // namespace

void register_case_routes(http::Router& router, CaseService& service) {
  router.add("GET", "/api/v1/cases",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(CaseFilter f, parse_filter(req));
               ANTOAN_ASSIGN(Json j, service.list(*req.principal, f));
               return Response::json(j);
             },
             {}, "Scoped case inbox (filters: status, category, area_code, org_id, q, from, to, overdue, paging)");

  router.add("GET", "/api/v1/cases/{id}",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, service.get(*req.principal, id));
               return Response::json(j);
             },
             {}, "A case with its history and what the caller may do next");

  router.add("POST", "/api/v1/cases/{id}/transition",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields fields(body);
               ANTOAN_ASSIGN(std::string to, fields.string("to", 32));
               ANTOAN_ASSIGN(auto note, fields.optional_string("note", 2000, true));
               ANTOAN_ASSIGN(Json j, service.transition(*req.principal, id, to, note));
               return Response::json(j);
             },
             {}, "Move a case to another state");

  router.add("POST", "/api/v1/cases/{id}/messages",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(std::string text, JsonFields(body).string("text", 4000, true));
               ANTOAN_ASSIGN(Json j, service.message(*req.principal, id, text));
               return Response::json(j, 201);
             },
             {}, "Message to the reporter (read with the receipt)");

  router.add("POST", "/api/v1/cases/{id}/reveal-contact",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(std::string reason, JsonFields(body).string("reason", 500, true));
               ANTOAN_ASSIGN(std::string contact, service.reveal_contact(*req.principal, id, reason));
               return Response::json({{"contact", contact}});
             },
             {}, "Reveal the reporter's contact with a reason (audited; never for enterprises)");

  for (const char* format : {"csv", "xlsx"}) {
    bool csv = std::string(format) == "csv";
    router.add("GET", std::string("/api/v1/exports/cases.") + format,
               [&service, csv](Request& req) -> Result<Response> {
                 ANTOAN_ASSIGN(CaseFilter f, parse_filter(req));
                 f.limit = kMaxExportRows;
                 f.offset = 0;
                 ANTOAN_ASSIGN(Json j, service.export_list(*req.principal, f, csv ? "csv" : "xlsx"));
                 Response res;
                 if (csv) {
                   res.body = cases_to_csv(j["items"]);
                   res.content_type = "text/csv; charset=utf-8";
                 } else {
                   ANTOAN_ASSIGN(res.body, cases_to_xlsx(j["items"]));
                   res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                 }
                 res.headers.emplace("Content-Disposition",
                                     std::string("attachment; filename=\"antoan-cases.") + (csv ? "csv" : "xlsx") + "\"");
                 res.headers.emplace("Cache-Control", "no-store");
                 return res;
               },
               {}, csv ? "Export the cases one sees (inbox filters) as CSV" : "Export the cases one sees as Excel");
  }

  router.add("GET", "/api/v1/stats/summary",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto from, http::query_time(req, "from"));
               ANTOAN_ASSIGN(auto to, http::query_time(req, "to"));
               ANTOAN_ASSIGN(Json j, service.summary(*req.principal, from, to));
               return Response::json(j);
             },
             {}, "Counts by category, status, area, month and overdue per organisation (scoped)");
}

}  // namespace antoan::cases

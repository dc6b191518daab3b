#include "cases/routes.h"

#include "cases/answer_service.h"
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
  ANTOAN_ASSIGN(auto sort, query_code(req, "sort", [](std::string_view s) { return is_case_sort(s); }));
  if (sort) f.sort = *sort;
  return f;
}

// The inbox filters of the request as pages of an export.
ExportPages export_pages(CaseService& service, const security::Principal& p, const CaseFilter& f) {
  return [&service, p, f](std::int64_t after, int limit) { return service.export_page(p, f, after, limit); };
}

}  // namespace

void register_case_routes(http::Router& router, CaseService& service) {
  router.add("GET", "/api/v1/cases",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(CaseFilter f, parse_filter(req));
               ANTOAN_ASSIGN(Json j, service.list(*req.principal, f));
               return Response::json(j);
             },
             {}, "Scoped case inbox (filters: status, category, area_code, org_id, q, from, to, overdue; sort: "
                 "urgency (default), due, -due, created, -created, updated, priority; paging)");

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
                 bool english = req.lang == http::Lang::en;
                 ANTOAN_ASSIGN(std::int64_t rows, service.export_start(*req.principal, f, csv ? "csv" : "xlsx",
                                                                       csv ? INT64_MAX : kMaxXlsxRows));
                 Response res;
                 if (csv) {
                   res.stream = csv_export(export_pages(service, *req.principal, f), english);
                   res.content_type = "text/csv; charset=utf-8";
                 } else {
                   ANTOAN_ASSIGN(res.stream, xlsx_export(export_pages(service, *req.principal, f), english));
                   res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                 }
                 res.headers.emplace("X-Total-Count", std::to_string(rows));
                 res.headers.emplace("Content-Disposition",
                                     std::string("attachment; filename=\"antoan-cases.") + (csv ? "csv" : "xlsx") + "\"");
                 res.headers.emplace("Cache-Control", "no-store");
                 return res;
               },
               {}, csv ? "Export every case the inbox filters select as CSV (streamed; labels in the request's language)"
                       : "Export every case the inbox filters select as Excel (date cells; refused over Excel's limit)");
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

namespace antoan::cases {

void register_answer_routes(http::Router &router, AnswerService &answers) {
  router.add(
      "GET", "/api/v1/cases/{id}/answers",
      [&answers](Request &req) -> Result<Response> {
        ANTOAN_ASSIGN(auto id, req.id_param("id"));
        ANTOAN_ASSIGN(Json j, answers.list(*req.principal, id));
        return Response::json(j);
      },
      {}, "The enterprise's answers on a case, with what the caller may do");

  router.add(
      "POST", "/api/v1/cases/{id}/answers",
      [&answers](Request &req) -> Result<Response> {
        ANTOAN_ASSIGN(auto id, req.id_param("id"));
        ANTOAN_ASSIGN(Json body, req.json_body());
        JsonFields fields(body);
        AnswerInput in;
        ANTOAN_ASSIGN(in.action_taken, fields.string("action_taken", 4000, true));
        ANTOAN_ASSIGN(in.evidence, fields.optional_string("evidence", 4000, true));
        ANTOAN_ASSIGN(in.proposed_fix, fields.optional_string("proposed_fix", 4000, true));
        ANTOAN_ASSIGN(in.message_to_reporter, fields.optional_string("message_to_reporter", 4000, true));
        ANTOAN_ASSIGN(Json j, answers.answer(*req.principal, id, in));
        return Response::json(j, 201);
      },
      {},
      "An enterprise answers a case about itself (action taken, evidence, "
      "proposed fix, message)");

  router.add(
      "POST", "/api/v1/cases/{id}/answers/{answer_id}/review",
      [&answers](Request &req) -> Result<Response> {
        ANTOAN_ASSIGN(auto id, req.id_param("id"));
        ANTOAN_ASSIGN(auto answer_id, req.id_param("answer_id"));
        ANTOAN_ASSIGN(Json body, req.json_body());
        JsonFields fields(body);
        ANTOAN_ASSIGN(std::string decision, fields.string("decision", 20));
        if (decision != "pass_on" && decision != "keep_back")
          return Error::unprocessable("decision", "Quyết định phải là pass_on hoặc keep_back",
                                      "decision must be pass_on or keep_back");
        ANTOAN_ASSIGN(auto text, fields.optional_string("text", 4000, true));
        ANTOAN_ASSIGN(auto note, fields.optional_string("note", 2000, true));
        ANTOAN_ASSIGN(Json j, answers.review(*req.principal, id, answer_id, decision == "pass_on", text, note));
        return Response::json(j);
      },
      {},
      "The union passes an enterprise's message on to the reporter, or keeps "
      "it back");
}

}  // namespace antoan::cases

#include "intake/routes.h"

#include <sodium.h>

#include "http/query_params.h"
#include "security/policy.h"
#include "security/rate_limiter.h"

namespace antoan::intake {
namespace {

using http::Request;
using http::Response;

// Fingerprint of the parsed request (not the raw bytes: whitespace or key order may differ).
std::string fingerprint(const Json& body) {
  std::string canonical = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                     nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

// Receipt guessing is the attack here: a few lookups a minute per address is plenty for a worker.
std::optional<Response> throttled(security::RateLimiter& limiter, const Request& req) {
  auto decision = limiter.acquire(req.remote_addr);
  if (decision.allowed) return std::nullopt;
  Response res = Response::error(Error::make(ErrorCode::rate_limited,
                                             "Bạn tra cứu quá nhiều lần, vui lòng thử lại sau ít phút",
                                             "Too many receipt lookups, try again in a few minutes"),
                                 req.lang);
  res.headers.emplace("Retry-After", std::to_string(decision.retry_after_seconds));
  return res;
}

}  // namespace

void register_intake_routes(http::Router& router, IntakeService& intake, ReporterService& reporter,
                            security::RateLimiter& receipt_limiter) {
  router.add("GET", "/api/v1/categories",
             [](Request&) -> Result<Response> {
               Json list = Json::array();
               for (const auto& code : security::all_categories())
                 list.push_back({{"code", code},
                                 {"label_vi", std::string(security::category_label(code, "vi"))},
                                 {"label_en", std::string(security::category_label(code, "en"))},
                                 {"crime", security::is_crime_category(code)}});
               return Response::json(list);
             },
             {http::Access::open}, "Report categories with Vietnamese and English labels");

  router.add("POST", "/api/v1/reports",
             [&intake](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto key, http::idempotency_key(req));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(ReportInput input, parse_report(body, now_ms()));
               if (req.principal) {  // an officer filing on a worker's behalf (hotline, meeting)
                 input.created_by_user = req.principal->user_id;
                 input.team_id = req.principal->team_id;
               }
               ANTOAN_ASSIGN(SubmitResult r, intake.submit(input, key, fingerprint(body)));
               Response res = Response::json(
                   {{"id", r.report_id}, {"case_id", r.case_id}, {"receipt", r.receipt}, {"status", r.status}}, 201);
               if (r.replayed) res.headers.emplace("Idempotent-Replayed", "true");
               res.headers.emplace("Cache-Control", "no-store");
               return res;
             },
             {http::Access::open, 16 * 1024}, "File a report; 201 after it is durably stored, with the receipt code");

  router.add("POST", "/api/v1/receipts/lookup",
             [&reporter, &receipt_limiter](Request& req) -> Result<Response> {
               if (auto limited = throttled(receipt_limiter, req)) return *limited;
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(std::string receipt, JsonFields(body).string("receipt", 40));
               ANTOAN_ASSIGN(Json j, reporter.lookup(receipt, req.lang == http::Lang::en));
               Response res = Response::json(j);
               res.headers.emplace("Cache-Control", "no-store");
               return res;
             },
             {http::Access::open, 4 * 1024}, "Status, history and messages of a report, by its receipt");

  router.add("POST", "/api/v1/receipts/messages",
             [&reporter, &receipt_limiter](Request& req) -> Result<Response> {
               if (auto limited = throttled(receipt_limiter, req)) return *limited;
               ANTOAN_ASSIGN(Json body, req.json_body());
               JsonFields fields(body);
               ANTOAN_ASSIGN(std::string receipt, fields.string("receipt", 40));
               ANTOAN_ASSIGN(std::string text, fields.string("text", 4000, true));
               ANTOAN_ASSIGN(Json j, reporter.reply(receipt, text));
               return Response::json(j, 201);
             },
             {http::Access::open, 16 * 1024}, "The reporter's reply to the handler, by receipt");
}

}  // namespace antoan::intake

#include "scam/feedback_routes.h"

#include "core/clock.h"
#include "http/query_params.h"

namespace antoan::scam {
namespace {

Json item_json(const FeedbackItem& f) {
  Json inds = Json::array();
  for (const auto& v : f.indicators) {
    Json j = {{"kind", std::string(indicator_kind_name(v.indicator.kind))}, {"value", v.indicator.value}};
    j["registry_status"] = v.entry ? Json(std::string(indicator_status_name(v.entry->status))) : Json(nullptr);
    j["report_count"] = v.entry ? v.entry->report_count : 0;
    if (v.entry) j["indicator_id"] = v.entry->id;
    inds.push_back(std::move(j));
  }
  return Json{{"id", f.id},
              {"verdict", f.verdict},
              {"score", f.score_pct / 100.0},
              {"signals", f.signals},
              {"text", f.text ? Json(*f.text) : Json(nullptr)},
              {"text_shared", f.text.has_value()},
              {"day", format_iso8601(f.created_day_ms).substr(0, 10)},
              {"status", f.status},
              {"reviewed_label", f.reviewed_label ? Json(*f.reviewed_label) : Json(nullptr)},
              {"same_text_count", f.same_text_count},
              {"indicators", std::move(inds)}};
}

}  // namespace

void register_feedback_routes(http::Router& router, FeedbackService& service, security::RateLimiter& limiter) {
  http::RouteOptions open;
  open.access = http::Access::open;
  open.max_body_bytes = 16 * 1024;
  router.add(
      "POST", "/api/v1/check/feedback",
      [&service, &limiter](http::Request& req) -> Result<http::Response> {
        // The address only meters the rate, in memory; it is never stored.
        auto decision = limiter.acquire(req.remote_addr);
        if (!decision.allowed) {
          http::Response res = http::Response::error(
              Error::make(ErrorCode::rate_limited, "Bạn gửi phản hồi quá nhiều lần, vui lòng thử lại sau",
                          "Too much feedback from here, try again later"),
              req.lang);
          res.headers.emplace("Retry-After", std::to_string(decision.retry_after_seconds));
          return res;
        }
        ANTOAN_ASSIGN(Json body, req.json_body());
        JsonFields fields(body);
        ANTOAN_ASSIGN(std::string text, fields.string("text", 4096));
        FeedbackInput in{std::move(text), false};
        if (body.contains("share_text")) {
          if (!body["share_text"].is_boolean())
            return Error::invalid("share_text", "share_text phải là true hoặc false",
                                  "share_text must be true or false");
          in.share_text = body["share_text"].get<bool>();
        }
        ANTOAN_ASSIGN(std::int64_t id, service.record(in));
        return http::Response::json({{"id", id}, {"status", "received"}, {"text_kept", in.share_text}}, 201);
      },
      open,
      "Say a checker verdict was wrong (anonymous; the text is kept only with "
      "share_text=true)");

  router.add(
      "GET", "/api/v1/scam/feedback",
      [&service](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(auto limit, http::query_int(req, "limit", 1, 200));
        ANTOAN_ASSIGN(auto offset, http::query_int(req, "offset", 0, 10'000'000));
        const std::int64_t l = limit.value_or(50), o = offset.value_or(0);
        ANTOAN_ASSIGN(FeedbackPage page, service.list(*req.principal, req.query_param("status").value_or(""), l, o));
        Json items = Json::array();
        for (const auto& f : page.items) items.push_back(item_json(f));
        const auto count = static_cast<std::int64_t>(items.size());
        return http::Response::json(
            {{"items", std::move(items)}, {"count", count}, {"total", page.total}, {"limit", l}, {"offset", o}});
      },
      {},
      "Workers' feedback on checker verdicts, newest first, with the registry "
      "status of indicators (officers)");

  router.add(
      "POST", "/api/v1/scam/feedback/{id}/review",
      [&service](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(std::int64_t id, req.id_param("id"));
        ANTOAN_ASSIGN(Json body, req.json_body());
        JsonFields fields(body);
        ANTOAN_ASSIGN(std::string decision, fields.string("decision", 20));
        ANTOAN_ASSIGN(FeedbackItem item, service.review(*req.principal, id, decision));
        return http::Response::json(item_json(item));
      },
      {},
      "Add a feedback item to the retraining set as scam or safe, or dismiss "
      "it (officers, audited)");
}

}  // namespace antoan::scam

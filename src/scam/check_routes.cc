#include "scam/check_routes.h"

namespace antoan::scam {

void register_check_routes(http::Router& router, const Checker& checker) {
  http::RouteOptions options;
  options.access = http::Access::open;
  options.max_body_bytes = 64 * 1024;
  router.add(
      "POST", "/api/v1/check",
      [&checker](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(Json body, req.json_body());
        if (!body.contains("text") || !body["text"].is_string()) {
          return Error::invalid("text", "Thiếu trường text (chuỗi)", "Missing string field text");
        }
        ANTOAN_ASSIGN(CheckResult result, checker.check(body["text"].get_ref<const std::string&>()));
        Json out = check_result_json(result, req.lang == http::Lang::en ? "en" : "vi");
        if (body.contains("id") && (body["id"].is_string() || body["id"].is_number_integer())) out["id"] = body["id"];
        return http::Response::json(out);
      },
      options, "Check a message for scam signs: verdict, score, reasons (in the request language), indicators");
}

}  // namespace antoan::scam

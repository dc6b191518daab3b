#include "attachments/routes.h"

#include "attachments/image.h"

namespace antoan::attachments {
namespace {
using http::Request;
using http::Response;

// Room for the image plus nothing else: the body is the image.
constexpr std::size_t kBodyLimit = kMaxImageBytes;

http::RouteOptions upload_options(http::Access access) {
  http::RouteOptions o;
  o.access = access;
  o.max_body_bytes = kBodyLimit;
  o.json_body = false;
  return o;
}
}  // namespace

void register_attachment_routes(http::Router& router, AttachmentService& service, ReceiptResolver receipts,
                                security::RateLimiter& limiter) {
  router.add("POST", "/api/v1/cases/{id}/attachments",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, service.add_by_officer(*req.principal, id, req.body));
               return Response::json(j, 201);
             },
             upload_options(http::Access::authenticated),
             "Attach a photo to a case (body: the JPEG/PNG/WebP bytes, ≤ 10 MB; metadata stripped)");
  router.add("GET", "/api/v1/cases/{id}/attachments",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, service.list(*req.principal, id));
               return Response::json(j);
             },
             {}, "Photos of a case");
  router.add("GET", "/api/v1/attachments/{id}",
             [&service](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               bool thumb = req.query_param("thumb").value_or("") == "1";
               ANTOAN_ASSIGN(StoredImage img, service.get(*req.principal, id, thumb));
               Response res;
               res.body = std::move(img.bytes);
               res.content_type = img.mime;
               res.headers.emplace("Cache-Control", "private, max-age=3600");
               res.headers.emplace("Content-Disposition", "inline");
               return res;
             },
             {}, "The cleaned photo (or ?thumb=1 its thumbnail)");
  router.add("POST", "/api/v1/receipts/attachments",
             [&service, receipts, &limiter](Request& req) -> Result<Response> {
               auto decision = limiter.acquire(req.remote_addr);
               if (!decision.allowed) {
                 Response res = Response::error(
                     Error::make(ErrorCode::rate_limited, "Bạn gửi quá nhiều lần, vui lòng thử lại sau ít phút",
                                 "Too many requests, try again in a few minutes"),
                     req.lang);
                 res.headers.emplace("Retry-After", std::to_string(decision.retry_after_seconds));
                 return res;
               }
               std::string receipt = req.header("x-receipt");
               if (receipt.empty() || receipt.size() > 64)
                 return Error::invalid("X-Receipt", "Cần mã biên nhận (header X-Receipt)",
                                       "The receipt code is required (X-Receipt header)");
               ANTOAN_ASSIGN(std::int64_t case_id, receipts(receipt));
               ANTOAN_ASSIGN(Json j, service.add_by_reporter(case_id, req.body));
               return Response::json(j, 201);
             },
             upload_options(http::Access::open), "A reporter adds a photo with the receipt (X-Receipt header)");
}

}  // namespace antoan::attachments

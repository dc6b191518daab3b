#include "notify/webhook_service.h"

#include "core/clock.h"
#include "notify/outbox.h"
#include "security/audit.h"
#include "security/field_crypto.h"
#include "security/policy.h"

namespace antoan::notify {

bool is_acceptable_url(const std::string& url) {
  std::string_view rest;
  if (url.rfind("http://", 0) == 0) rest = std::string_view(url).substr(7);
  else if (url.rfind("https://", 0) == 0) rest = std::string_view(url).substr(8);
  else return false;
  if (rest.empty() || rest.front() == '/' || url.size() > 500) return false;
  std::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.find('@') != std::string_view::npos) return false;  // no credentials in URLs
  for (unsigned char c : url)
    if (c <= 0x20 || c >= 0x7f) return false;
  return true;
}

namespace {
security::AuditEntry audit_of(const security::Principal& p, std::string action, std::int64_t id, Json details) {
  return security::AuditEntry::by(p, std::move(action), "webhook", std::to_string(id), std::move(details));
}
}  // namespace

Result<Json> WebhookService::create(const security::Principal& p, const NewWebhook& hook) {
  ANTOAN_TRY(security::require(p, security::Action::webhook_manage));
  if (!is_acceptable_url(hook.url))
    return Error::unprocessable("url", "Địa chỉ webhook phải là http(s)://máy-chủ/đường-dẫn",
                                "The webhook URL must be http(s)://host/path");
  if (hook.secret.size() < 16)
    return Error::unprocessable("secret", "Khóa bí mật phải có ít nhất 16 ký tự",
                                "The secret must be at least 16 characters");
  std::string events;
  for (const auto& e : hook.events) {
    if (!is_event(e))
      return Error::unprocessable("events", "Sự kiện không hợp lệ: " + e, "Unknown event: " + e);
    if (!events.empty()) events += ",";
    events += e;
  }
  if (events.empty()) events = "*";
  std::int64_t id = 0;
  std::string org_name;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto org, tx.query("SELECT name, kind FROM organisations WHERE id = $1", {hook.org_id}));
    if (org.empty() || !security::office_role_of(org[0].str(1)))
      return Error::unprocessable("org_id", "Không có tổ chức này (hoặc tổ chức không có cán bộ)",
                                  "No such organisation (or it has no officers)");
    org_name = org[0].str(0);
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO webhooks (url, secret_enc, events, active, created_by_user, "
                                      "created_at, org_id) VALUES ($1, $2, $3, 1, $4, $5, $6) RETURNING id",
                                      {hook.url, crypto_.seal(hook.secret), events, p.user_id, now_ms(), hook.org_id}));
    id = rows[0].i64(0);
    return security::append_audit(
        tx, audit_of(p, "webhook.create", id, {{"url", hook.url}, {"events", events}, {"org_id", hook.org_id}}));
  }));
  return Json{{"id", id},         {"org_id", hook.org_id}, {"org_name", org_name},
              {"url", hook.url},  {"events", events},      {"active", true}};
}

Result<Json> WebhookService::list(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::webhook_manage));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT w.id, w.url, w.events, w.active, w.created_at, w.org_id, o.name "
                                     "FROM webhooks w LEFT JOIN organisations o ON o.id = w.org_id ORDER BY w.id"));
  Json items = Json::array();
  for (const auto& r : rows)
    items.push_back({{"id", r.i64(0)}, {"url", r.str(1)}, {"events", r.str(2)}, {"active", r.i64(3) != 0},
                     {"created_at", format_iso8601(r.i64(4))}, {"org_id", r.opt_i64(5) ? Json(*r.opt_i64(5)) : Json(nullptr)},
                     {"org_name", r.opt_str(6) ? Json(*r.opt_str(6)) : Json(nullptr)}});
  return Json{{"items", items}, {"count", items.size()}};
}

Status WebhookService::deactivate(const security::Principal& p, std::int64_t id) {
  ANTOAN_TRY(security::require(p, security::Action::webhook_manage));
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto n, tx.exec("UPDATE webhooks SET active = 0 WHERE id = $1 AND active = 1", {id}));
    if (n == 0) return Error::not_found("webhook", "Webhook");
    // Nothing more goes to a deactivated receiver.
    ANTOAN_TRY(tx.exec("UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook deactivated' "
                       "WHERE webhook_id = $1 AND status = 'pending'",
                       {id}));
    return security::append_audit(tx, audit_of(p, "webhook.deactivate", id, Json::object()));
  });
}

Result<Json> WebhookService::deliveries(const security::Principal& p, int limit) {
  ANTOAN_TRY(security::require(p, security::Action::webhook_manage));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT d.id, d.webhook_id, o.event, d.status, d.attempts, d.next_attempt_at, "
                                     "d.last_error, d.last_status, d.delivered_at, o.id FROM webhook_deliveries d "
                                     "JOIN outbox o ON o.id = d.outbox_id ORDER BY d.id DESC LIMIT $1",
                                     {std::int64_t{limit}}));
  Json items = Json::array();
  for (const auto& r : rows)
    items.push_back({{"id", r.i64(0)},
                     {"webhook_id", r.i64(1)},
                     {"event", r.str(2)},
                     {"status", r.str(3)},
                     {"attempts", r.i64(4)},
                     {"next_attempt_at", format_iso8601(r.i64(5))},
                     {"last_error", r.is_null(6) ? Json(nullptr) : Json(r.str(6))},
                     {"last_status", r.is_null(7) ? Json(nullptr) : Json(r.i64(7))},
                     {"delivered_at", r.is_null(8) ? Json(nullptr) : Json(format_iso8601(r.i64(8)))},
                     {"outbox_id", r.i64(9)}});
  return Json{{"items", items}};
}

}  // namespace antoan::notify

#include "notify/outbox.h"

#include <algorithm>

#include "core/clock.h"
#include "security/projection.h"

namespace antoan::notify {

const std::vector<std::string>& all_events() {
  static const std::vector<std::string> events = {kCaseCreated, kCaseReferred, kReferralDecided, kCaseEscalated,
                                                  kReporterReply};
  return events;
}

bool is_event(const std::string& name) {
  const auto& e = all_events();
  return std::find(e.begin(), e.end(), name) != e.end();
}

namespace {
bool subscribed(const std::string& events, const std::string& event) {
  if (events == "*") return true;
  std::size_t pos = 0;
  while (pos <= events.size()) {
    std::size_t comma = events.find(',', pos);
    if (comma == std::string::npos) comma = events.size();
    if (events.compare(pos, comma - pos, event) == 0) return true;
    pos = comma + 1;
  }
  return false;
}

// The organisation a webhook belongs to, as a principal: what its officers' role may see there.
std::optional<security::Principal> org_principal(const store::Row& h) {
  std::optional<security::Role> role = security::office_role_of(h.str(4));
  if (!role) return std::nullopt;
  security::Principal p;
  p.role = *role;
  p.org_id = h.i64(2);
  p.org_path = h.str(3);
  return p;
}

}  // namespace

Status emit(store::Tx& tx, const std::string& event, const security::CaseScope& kase, const Json& data) {
  EpochMs now = now_ms();
  ANTOAN_ASSIGN(auto ids, tx.query("INSERT INTO outbox (event, body, created_at) VALUES ($1, '', $2) RETURNING id",
                                   {event, now}));
  std::int64_t id = ids[0].i64(0);
  Json body = {{"id", id}, {"event", event}, {"at", format_iso8601(now)}, {"data", data}};
  ANTOAN_TRY(tx.exec("UPDATE outbox SET body = $1 WHERE id = $2", {safe_dump(body), id}));
  ANTOAN_ASSIGN(auto hooks, tx.query("SELECT w.id, w.events, o.id, o.scope_path, o.kind FROM webhooks w "
                                     "JOIN organisations o ON o.id = w.org_id WHERE w.active = 1"));
  for (const auto& h : hooks) {
    if (!subscribed(h.str(1), event)) continue;
    std::optional<security::Principal> org = org_principal(h);
    if (!org || !security::allows(*org, security::Action::case_view, kase)) continue;
    security::Viewer viewer = security::viewer_of(*org);
    if (!security::webhook_event_visible(viewer.audience, event)) continue;
    Json projected = {{"id", id},
                      {"event", event},
                      {"at", viewer.audience == security::Audience::staff ? body["at"] : Json(security::local_day_of(body["at"].get<std::string>()))},
                      {"data", security::project(viewer, security::View::webhook_payload, data)}};
    ANTOAN_TRY(tx.exec("INSERT INTO webhook_deliveries (outbox_id, webhook_id, status, attempts, next_attempt_at, "
                       "created_at, body) VALUES ($1, $2, 'pending', 0, $3, $3, $4)",
                       {id, h.i64(0), now, safe_dump(projected)}));
  }
  return {};
}

}  // namespace antoan::notify

#include "notify/outbox.h"

#include <algorithm>

#include "core/clock.h"

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
}  // namespace

Status emit(store::Tx& tx, const std::string& event, const Json& data) {
  EpochMs now = now_ms();
  ANTOAN_ASSIGN(auto ids, tx.query("INSERT INTO outbox (event, body, created_at) VALUES ($1, '', $2) RETURNING id",
                                   {event, now}));
  std::int64_t id = ids[0].i64(0);
  Json body = {{"id", id}, {"event", event}, {"at", format_iso8601(now)}, {"data", data}};
  ANTOAN_TRY(tx.exec("UPDATE outbox SET body = $1 WHERE id = $2", {safe_dump(body), id}));
  ANTOAN_ASSIGN(auto hooks, tx.query("SELECT id, events FROM webhooks WHERE active = 1"));
  for (const auto& h : hooks) {
    if (!subscribed(h.str(1), event)) continue;
    ANTOAN_TRY(tx.exec("INSERT INTO webhook_deliveries (outbox_id, webhook_id, status, attempts, next_attempt_at, "
                       "created_at) VALUES ($1, $2, 'pending', 0, $3, $3)",
                       {id, h.i64(0), now}));
  }
  return {};
}

}  // namespace antoan::notify

#include "notify/delivery_worker.h"

#include <httplib.h>

#include "core/clock.h"
#include "notify/signing.h"
#include "security/field_crypto.h"

namespace antoan::notify {

struct DeliveryWorker::Due {
  std::int64_t id;
  int attempts;
  std::string url, secret_enc, event, body;
};

namespace {
// Splits "http://host:port/path?q" into "http://host:port" and "/path?q".
std::pair<std::string, std::string> split_url(const std::string& url) {
  std::size_t scheme_end = url.find("://");
  std::size_t path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  if (path_start == std::string::npos) return {url, "/"};
  return {url.substr(0, path_start), url.substr(path_start)};
}
}  // namespace

void DeliveryWorker::start() {
  stopping_ = false;
  // After a restart, what was pending is tried at once: the receiver may well be back, and
  // a long back-off chosen before the restart should not delay it further.
  (void)db_.exec("UPDATE webhook_deliveries SET next_attempt_at = $1 WHERE status = 'pending' AND next_attempt_at > $1",
                 {now_ms()});
  thread_ = std::thread([this] { loop(); });
}

void DeliveryWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DeliveryWorker::loop() {
  while (!stopping_) {
    (void)run_once();  // a failed pass (DB busy) is simply retried next tick
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(options_.poll_ms), [this] { return stopping_.load(); });
  }
}

Result<int> DeliveryWorker::run_once() {
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT d.id, d.attempts, w.url, w.secret_enc, o.event, COALESCE(d.body, o.body) "
                                     "FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
                                     "JOIN outbox o ON o.id = d.outbox_id "
                                     "WHERE d.status = 'pending' AND d.next_attempt_at <= $1 "
                                     "ORDER BY d.next_attempt_at, d.id LIMIT $2",
                                     {now_ms(), std::int64_t{options_.batch}}));
  int n = 0;
  for (const auto& r : rows) {
    if (stopping_) break;
    Due due{r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.str(3), r.str(4), r.str(5)};
    (void)attempt(due);
    ++n;
  }
  return n;
}

Status DeliveryWorker::attempt(const Due& due) {
  int status = 0;
  std::string error;
  auto secret = crypto_.open(due.secret_enc);
  if (!secret.ok()) {
    error = "cannot open the webhook secret";
  } else {
    auto [base, path] = split_url(due.url);
    httplib::Client client(base);
    client.set_connection_timeout(3, 0);
    client.set_read_timeout(10, 0);
    client.set_write_timeout(10, 0);
    std::int64_t ts = now_ms() / 1000;
    httplib::Headers headers = {{"X-Antoan-Event", due.event},
                                {"X-Antoan-Delivery", std::to_string(due.id)},
                                {"X-Antoan-Timestamp", std::to_string(ts)},
                                {"X-Antoan-Signature", signature_header(*secret, ts, due.body)},
                                {"User-Agent", "antoan-webhooks/1"}};
    auto res = client.Post(path, headers, due.body, "application/json");
    if (!res) error = "connection failed: " + httplib::to_string(res.error());
    else status = res->status;
    if (res && (status < 200 || status > 299)) error = "HTTP " + std::to_string(status);
  }
  EpochMs now = now_ms();
  return db_.write([&](store::Tx& tx) -> Status {
    if (error.empty()) {
      ANTOAN_TRY(tx.exec("UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, "
                         "delivered_at = $1, last_status = $2, last_error = NULL WHERE id = $3",
                         {now, std::int64_t{status}, due.id}));
      return {};
    }
    int attempts = due.attempts + 1;
    std::string next_status = attempts >= kMaxDeliveryAttempts ? "failed" : "pending";
    EpochMs next = now + backoff_delay_ms(attempts, options_.backoff_base_ms, options_.backoff_cap_ms);
    ANTOAN_TRY(tx.exec("UPDATE webhook_deliveries SET status = $1, attempts = $2, next_attempt_at = $3, "
                       "last_error = $4, last_status = $5 WHERE id = $6",
                       {next_status, std::int64_t{attempts}, next, error.substr(0, 300),
                        status ? store::Value(std::int64_t{status}) : store::Value(nullptr), due.id}));
    return {};
  });
}

}  // namespace antoan::notify

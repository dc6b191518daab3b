#pragma once
// Background thread that delivers the outbox: every tick it takes pending deliveries whose
// time has come, POSTs each body to its webhook with X-Antoan-Event, X-Antoan-Delivery,
// X-Antoan-Timestamp and X-Antoan-Signature (see signing.h), marks 2xx as delivered and
// reschedules anything else with exponential back-off, giving up after kMaxDeliveryAttempts.
// State lives only in the DB, so a restart simply carries on with what is pending (tried at
// once on start).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}

namespace antoan::notify {

struct DeliveryOptions {
  std::int64_t backoff_base_ms = 10'000;
  std::int64_t backoff_cap_ms = 3'600'000;
  std::int64_t poll_ms = 500;
  int batch = 20;
};

class DeliveryWorker {
 public:
  DeliveryWorker(store::Db& db, security::FieldCrypto& crypto, DeliveryOptions options)
      : db_(db), crypto_(crypto), options_(options) {}
  ~DeliveryWorker() { stop(); }
  void start();
  void stop();
  // One pass over due deliveries; returns how many were attempted.
  Result<int> run_once();

 private:
  struct Due;
  void loop();
  Status attempt(const Due& due);

  store::Db& db_;
  security::FieldCrypto& crypto_;
  DeliveryOptions options_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace antoan::notify

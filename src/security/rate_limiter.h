#pragma once
// A thread-safe in-memory token-bucket rate limiter keyed by string (an IP, a username, a
// receipt prefix…). Each key has a bucket of `capacity` tokens refilled at `refill_per_second`;
// an action spends tokens. Memory is bounded: beyond max_keys, the least recently used key is
// forgotten (a forgotten key starts again with a full bucket, which is what an idle key has
// anyway). Times are passed in (epoch ms) so tests control them.
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace antoan::security {

class RateLimiter {
 public:
  struct Options {
    double capacity = 10;            // burst size
    double refill_per_second = 1;    // sustained rate
    std::size_t max_keys = 100000;   // memory bound
  };
  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when not allowed: whole seconds until `cost` tokens are back
  };

  explicit RateLimiter(Options options);

  // Spends `cost` tokens of `key` if it has them.
  Decision acquire(std::string_view key, double cost = 1, EpochMs now = now_ms());
  // Would acquire(key, cost) succeed? Spends nothing.
  Decision check(std::string_view key, double cost = 1, EpochMs now = now_ms()) const;
  // Forgets a key (e.g. a username after a successful login).
  void reset(std::string_view key);
  std::size_t size() const;

 private:
  struct Bucket {
    double tokens;
    EpochMs updated;
    std::list<std::string>::iterator lru;
  };
  double refilled(const Bucket& b, EpochMs now) const;
  Decision decide(double tokens, double cost) const;

  Options options_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::list<std::string> lru_;  // front = most recently used
};

}  // namespace antoan::security

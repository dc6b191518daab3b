#include "security/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace antoan::security {

RateLimiter::RateLimiter(Options options) : options_(options) {
  options_.capacity = std::max(options_.capacity, 1.0);
  options_.refill_per_second = std::max(options_.refill_per_second, 1e-9);
  options_.max_keys = std::max<std::size_t>(options_.max_keys, 1);
}

double RateLimiter::refilled(const Bucket& b, EpochMs now) const {
  double elapsed_s = static_cast<double>(std::max<EpochMs>(0, now - b.updated)) / 1000.0;
  return std::min(options_.capacity, b.tokens + elapsed_s * options_.refill_per_second);
}

RateLimiter::Decision RateLimiter::decide(double tokens, double cost) const {
  if (cost > options_.capacity) return {false, static_cast<int>(std::ceil(options_.capacity / options_.refill_per_second))};
  if (tokens + 1e-9 >= cost) return {true, 0};
  double wait_s = (cost - tokens) / options_.refill_per_second;
  return {false, std::max(1, static_cast<int>(std::ceil(wait_s)))};
}

RateLimiter::Decision RateLimiter::acquire(std::string_view key, double cost, EpochMs now) {
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= options_.max_keys) {
      buckets_.erase(lru_.back());
      lru_.pop_back();
    }
    lru_.emplace_front(key);
    it = buckets_.emplace(std::string(key), Bucket{options_.capacity, now, lru_.begin()}).first;
  } else {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
  }
  Bucket& b = it->second;
  b.tokens = refilled(b, now);
  b.updated = std::max(b.updated, now);
  Decision d = decide(b.tokens, cost);
  if (d.allowed) b.tokens -= cost;
  return d;
}

RateLimiter::Decision RateLimiter::check(std::string_view key, double cost, EpochMs now) const {
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(key));
  return decide(it == buckets_.end() ? options_.capacity : refilled(it->second, now), cost);
}

void RateLimiter::reset(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) return;
  lru_.erase(it->second.lru);
  buckets_.erase(it);
}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

}  // namespace antoan::security

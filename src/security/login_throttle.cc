#include "security/login_throttle.h"

#include <algorithm>

namespace antoan::security {
namespace {
RateLimiter::Options bucket(int failures, EpochMs window_ms, std::size_t max_keys) {
  double n = std::max(1, failures);
  return {n, n / (static_cast<double>(std::max<EpochMs>(window_ms, 1)) / 1000.0), max_keys};
}
}  // namespace

LoginThrottle::LoginThrottle(LoginThrottleOptions o)
    : by_user_(bucket(o.failures_per_user, o.window_ms, o.max_keys)),
      by_address_(bucket(o.failures_per_address, o.window_ms, o.max_keys)) {}

std::string LoginThrottle::user_key(std::string_view username) {
  std::string k(username.substr(0, 128));
  for (char& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

int LoginThrottle::blocked_for(std::string_view username, std::string_view address, EpochMs now) const {
  auto u = by_user_.check(user_key(username), 1, now);
  auto a = by_address_.check(address, 1, now);
  return std::max(u.allowed ? 0 : u.retry_after_seconds, a.allowed ? 0 : a.retry_after_seconds);
}

void LoginThrottle::record_failure(std::string_view username, std::string_view address, EpochMs now) {
  by_user_.acquire(user_key(username), 1, now);
  by_address_.acquire(address, 1, now);
}

void LoginThrottle::record_success(std::string_view username) { by_user_.reset(user_key(username)); }

}  // namespace antoan::security

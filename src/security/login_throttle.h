#pragma once
// Throttles password guessing: failures are counted per username and per client address in
// token buckets (by default 5 per username and 20 per address per 15 minutes, the address
// limit higher because many officers of one office share a NAT). While either bucket is
// empty, logins for it are refused with a Retry-After, before any password is checked.
#include <string>
#include <string_view>

#include "security/rate_limiter.h"

namespace antoan::security {

struct LoginThrottleOptions {
  int failures_per_user = 5;
  int failures_per_address = 20;
  EpochMs window_ms = 15 * 60 * 1000;
  std::size_t max_keys = 100000;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleOptions options = {});
  // 0 when a login attempt may proceed, else the seconds to wait.
  int blocked_for(std::string_view username, std::string_view address, EpochMs now = now_ms()) const;
  void record_failure(std::string_view username, std::string_view address, EpochMs now = now_ms());
  // A correct password clears the username's count (not the address's: one valid account
  // must not reset an attacker's address budget).
  void record_success(std::string_view username);

 private:
  static std::string user_key(std::string_view username);
  RateLimiter by_user_;
  RateLimiter by_address_;
};

}  // namespace antoan::security

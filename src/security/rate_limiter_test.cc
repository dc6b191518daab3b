// Tests of the token-bucket RateLimiter and the LoginThrottle built on it, with explicit
// times: bursts, refill, Retry-After, independent keys, bounded memory, thread safety.
#include "security/rate_limiter.h"

#include <gtest/gtest.h>

#include <thread>

#include "security/login_throttle.h"

namespace antoan::security {
namespace {

TEST(RateLimiter, AllowsABurstThenRefillsOverTime) {
  RateLimiter rl({3, 1.0, 100});
  const EpochMs t = 1'000'000;
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(rl.acquire("ip", 1, t).allowed);
  auto d = rl.acquire("ip", 1, t);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 1);
  EXPECT_FALSE(rl.acquire("ip", 1, t + 500).allowed);
  EXPECT_TRUE(rl.acquire("ip", 1, t + 1500).allowed);
  EXPECT_TRUE(rl.acquire("other", 1, t).allowed);  // keys are independent
  EXPECT_TRUE(rl.check("ip", 1, t + 10'000).allowed);
  EXPECT_TRUE(rl.acquire("ip", 3, t + 10'000).allowed);  // never more than capacity
  EXPECT_FALSE(rl.acquire("ip", 1, t + 10'000).allowed);
}

TEST(RateLimiter, CheckSpendsNothingAndResetForgets) {
  RateLimiter rl({1, 0.01, 100});
  EXPECT_TRUE(rl.check("k", 1, 0).allowed);
  EXPECT_TRUE(rl.check("k", 1, 0).allowed);
  EXPECT_TRUE(rl.acquire("k", 1, 0).allowed);
  auto d = rl.check("k", 1, 0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 100);
  rl.reset("k");
  rl.reset("never seen");
  EXPECT_TRUE(rl.acquire("k", 1, 0).allowed);
}

TEST(RateLimiter, CostAboveCapacityIsNeverAllowed) {
  RateLimiter rl({2, 1, 10});
  EXPECT_FALSE(rl.acquire("k", 5, 0).allowed);
  EXPECT_GT(rl.acquire("k", 5, 0).retry_after_seconds, 0);
}

TEST(RateLimiter, ClockGoingBackwardsDoesNotMintTokens) {
  RateLimiter rl({1, 1, 10});
  EXPECT_TRUE(rl.acquire("k", 1, 10'000).allowed);
  EXPECT_FALSE(rl.acquire("k", 1, 0).allowed);
  EXPECT_FALSE(rl.acquire("k", 1, 10'500).allowed);
}

TEST(RateLimiter, MemoryIsBoundedByEvictingTheLeastRecentlyUsedKey) {
  RateLimiter rl({1, 0.001, 3});
  EXPECT_TRUE(rl.acquire("a", 1, 0).allowed);
  EXPECT_TRUE(rl.acquire("b", 1, 0).allowed);
  EXPECT_TRUE(rl.acquire("c", 1, 0).allowed);
  EXPECT_FALSE(rl.acquire("a", 1, 0).allowed);  // touches a: b is now the oldest
  EXPECT_TRUE(rl.acquire("d", 1, 0).allowed);   // evicts b
  EXPECT_EQ(rl.size(), 3u);
  EXPECT_FALSE(rl.acquire("a", 1, 0).allowed);  // a was kept
  EXPECT_TRUE(rl.acquire("b", 1, 0).allowed);   // b was forgotten
  for (int i = 0; i < 1000; ++i) rl.acquire("key" + std::to_string(i), 1, 0);
  EXPECT_EQ(rl.size(), 3u);
}

TEST(RateLimiter, ThreadSafeUnderContention) {
  RateLimiter rl({100, 0.000001, 1000});
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i)
        if (rl.acquire("shared", 1, 0).allowed) ++allowed;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(allowed.load(), 100);
}

TEST(RateLimiter, ZeroOrNegativeOptionsAreClamped) {
  RateLimiter rl({0, 0, 0});
  EXPECT_TRUE(rl.acquire("k", 1, 0).allowed);
  EXPECT_FALSE(rl.acquire("k", 1, 0).allowed);
}

TEST(LoginThrottle, FiveFailuresPerUsernameThenRetryAfter) {
  LoginThrottle th;
  const EpochMs t = 5'000'000;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(th.blocked_for("Lan", "10.0.0.1", t), 0);
    th.record_failure("Lan", "10.0.0." + std::to_string(i), t);  // different addresses
  }
  int wait = th.blocked_for("lan", "10.0.0.9", t);  // usernames are case-insensitive
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 15 * 60);
  EXPECT_EQ(th.blocked_for("minh", "10.0.0.9", t), 0);  // another user is not affected
  EXPECT_EQ(th.blocked_for("lan", "10.0.0.9", t + 15 * 60 * 1000), 0);
}

TEST(LoginThrottle, TwentyFailuresPerAddressAcrossUsernames) {
  LoginThrottle th;
  for (int i = 0; i < 20; ++i) th.record_failure("user" + std::to_string(i), "203.0.113.7", 0);
  EXPECT_GT(th.blocked_for("fresh_user", "203.0.113.7", 0), 0);
  EXPECT_EQ(th.blocked_for("fresh_user", "203.0.113.8", 0), 0);
}

TEST(LoginThrottle, SuccessClearsTheUsernameButNotTheAddress) {
  LoginThrottle th({2, 3, 60'000, 100});
  th.record_failure("an", "1.1.1.1", 0);
  th.record_failure("an", "1.1.1.1", 0);
  EXPECT_GT(th.blocked_for("an", "2.2.2.2", 0), 0);
  th.record_success("AN");
  EXPECT_EQ(th.blocked_for("an", "2.2.2.2", 0), 0);
  th.record_failure("binh", "1.1.1.1", 0);
  EXPECT_GT(th.blocked_for("an", "1.1.1.1", 0), 0);
}

}  // namespace
}  // namespace antoan::security

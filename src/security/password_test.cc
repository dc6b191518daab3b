// Tests of argon2id password hashing: verify right and wrong passwords, bad hashes, limits,
// the strength rules, and that concurrent hashing (capped at two at a time) all completes.
#include "security/password.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace antoan::security {
namespace {

TEST(Password, InteractiveHashVerifiesOnlyTheRightPassword) {
  auto h = hash_password("mật khẩu đúng 123");
  ASSERT_TRUE(h.ok()) << h.error().message_en;
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_NE(h->find("m=65536"), std::string::npos);  // 64 MiB: the interactive limit
  EXPECT_TRUE(verify_password(*h, "mật khẩu đúng 123"));
  EXPECT_FALSE(verify_password(*h, "mật khẩu đúng 124"));
  EXPECT_FALSE(verify_password(*h, ""));
  EXPECT_FALSE(password_needs_rehash(*h));
  auto again = hash_password("mật khẩu đúng 123");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*h, *again);  // salted
}

TEST(Password, BadHashesNeverVerify) {
  for (std::string bad : {std::string(), std::string("!"), std::string("$argon2id$"), std::string("plain"),
                          std::string(200, 'x'), std::string("$argon2id$v=19$m=65536,t=2,p=1$AAAA$BBBB")})
    EXPECT_FALSE(verify_password(bad, "whatever")) << bad;
}

TEST(Password, RejectsEmptyAndOverlongPasswords) {
  EXPECT_EQ(hash_password("").error().field, "password");
  EXPECT_FALSE(hash_password(std::string(kMaxPasswordBytes + 1, 'a')).ok());
  EXPECT_FALSE(verify_password("$argon2id$x", std::string(kMaxPasswordBytes + 1, 'a')));
}

TEST(Password, StrengthRules) {
  EXPECT_TRUE(check_password_strength("correct horse").ok());
  EXPECT_TRUE(check_password_strength("Công Đoàn 2025").ok());
  EXPECT_EQ(check_password_strength("short").error().code, ErrorCode::unprocessable);
  EXPECT_EQ(check_password_strength("aaaaaaaaaaaa").error().field, "password");
  EXPECT_EQ(check_password_strength("bad utf8 \xff\xfe xx").error().code, ErrorCode::invalid_argument);
  EXPECT_FALSE(check_password_strength(std::string(kMaxPasswordBytes + 1, 'a')).ok());
}

TEST(Password, ConcurrentHashesAllComplete) {
  use_fast_password_hashing_for_tests();
  std::vector<std::thread> threads;
  std::vector<int> ok(6, 0);
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&, i] {
      auto h = hash_password("password-" + std::to_string(i));
      ok[i] = h.ok() && verify_password(*h, "password-" + std::to_string(i));
    });
  for (auto& t : threads) t.join();
  for (int v : ok) EXPECT_EQ(v, 1);
}

}  // namespace
}  // namespace antoan::security

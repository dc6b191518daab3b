#include <gtest/gtest.h>
#include <sodium.h>

#include "notify/signing.h"
#include "notify/webhook_service.h"

namespace antoan::notify {
namespace {

TEST(Signing, HmacSha256MatchesRfc4231Case2) {
  ASSERT_GE(sodium_init(), 0);
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Signing, HeaderSignsTimestampDotBody) {
  ASSERT_GE(sodium_init(), 0);
  std::string h = signature_header("s3cret-s3cret-s3cret", 1700000000, "{\"a\":1}");
  EXPECT_EQ(h, "sha256=" + hmac_sha256_hex("s3cret-s3cret-s3cret", "1700000000.{\"a\":1}"));
  EXPECT_NE(h, signature_header("s3cret-s3cret-s3cret", 1700000001, "{\"a\":1}"));
}

TEST(Backoff, DoublesUpToTheCap) {
  EXPECT_EQ(backoff_delay_ms(1, 1000, 60'000), 1000);
  EXPECT_EQ(backoff_delay_ms(2, 1000, 60'000), 2000);
  EXPECT_EQ(backoff_delay_ms(3, 1000, 60'000), 4000);
  EXPECT_EQ(backoff_delay_ms(6, 1000, 60'000), 32'000);
  EXPECT_EQ(backoff_delay_ms(7, 1000, 60'000), 60'000);
  EXPECT_EQ(backoff_delay_ms(200, 1000, 60'000), 60'000);  // no overflow
  EXPECT_EQ(backoff_delay_ms(0, 1000, 60'000), 1000);
}

TEST(WebhookUrl, OnlyPlainHttpUrls) {
  EXPECT_TRUE(is_acceptable_url("http://127.0.0.1:9000/hook"));
  EXPECT_TRUE(is_acceptable_url("https://example.vn/antoan?x=1"));
  EXPECT_FALSE(is_acceptable_url("ftp://example.vn/"));
  EXPECT_FALSE(is_acceptable_url("http://"));
  EXPECT_FALSE(is_acceptable_url("http://user:pw@example.vn/"));
  EXPECT_FALSE(is_acceptable_url("http://exa mple.vn/"));
  EXPECT_FALSE(is_acceptable_url("javascript:alert(1)"));
}

}  // namespace
}  // namespace antoan::notify

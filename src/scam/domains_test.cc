#include "scam/domains.h"

#include <gtest/gtest.h>

namespace antoan::scam {
namespace {

TEST(Domains, RegisteredDomainUnderThePublicSuffixList) {
  EXPECT_EQ(registrable_domain("vietcombank.com.vn"), "vietcombank.com.vn");
  EXPECT_EQ(registrable_domain("www.vietcombank.com.vn"), "vietcombank.com.vn");
  EXPECT_EQ(registrable_domain("vietcombank.com.vn-xacminh.top"), "vn-xacminh.top");
  EXPECT_EQ(registrable_domain("m-bbank.vn-capnhat.com"), "vn-capnhat.com");
  EXPECT_EQ(registrable_domain("dichvucong.bocongan.gov.vn"), "bocongan.gov.vn");
  EXPECT_EQ(registrable_domain("a.b.example.com.vn"), "example.com.vn");
}

TEST(Domains, PublicSuffixLabelsReplaceTheHandKeptList) {
  for (const char* tld : {"vn", "com", "top", "xyz", "icu", "cfd", "club", "life"})
    EXPECT_TRUE(is_public_suffix_label(tld)) << tld;
  for (const char* word : {"thap", "nha", "khong", "", "vietcombank"})
    EXPECT_FALSE(is_public_suffix_label(word)) << word;
}

TEST(Domains, ShapesOfHiddenLinks) {
  EXPECT_TRUE(is_ip_host("103.45.6.7"));
  EXPECT_FALSE(is_ip_host("103.45.6"));
  EXPECT_FALSE(is_ip_host("1034.5.6.7"));
  EXPECT_TRUE(is_risky_tld("vietinbank.top"));
  EXPECT_FALSE(is_risky_tld("vietinbank.vn"));
}

TEST(Domains, ConfusableSkeletons) {
  EXPECT_EQ(confusable_skeleton("vietcornbank"), confusable_skeleton("vietcombank"));
  EXPECT_EQ(confusable_skeleton("v\u0456etcombank"), confusable_skeleton("vietcombank"));  // Cyrillic і
  EXPECT_NE(confusable_skeleton("techcombank"), confusable_skeleton("vietcombank"));
}

TEST(Domains, FindsHostsWrittenInLookalikeLetters) {
  auto hosts = find_unicode_hosts("Đăng nhập v\u0456etcombank.com.vn để nhận quà");
  ASSERT_EQ(hosts.size(), 1u);
  EXPECT_TRUE(hosts[0].mixed_script);
  EXPECT_EQ(hosts[0].ascii, "vietcombank.com.vn");
  // Vietnamese words with a missing space are not hosts; plain ASCII hosts are left to the scanner.
  EXPECT_TRUE(find_unicode_hosts("Tiền đã về.Vietcombank báo rồi").empty());
  EXPECT_TRUE(find_unicode_hosts("vào vietcombank.com.vn").empty());
  auto puny = find_unicode_hosts("xem xn--vietcombnk-o4a.com ngay");  // vietcombànk.com
  ASSERT_EQ(puny.size(), 1u);
  EXPECT_NE(puny[0].host.find("vietcomb"), std::string::npos);
}

}  // namespace
}  // namespace antoan::scam

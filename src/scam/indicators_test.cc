#include "scam/indicators.h"

#include <gtest/gtest.h>

#include <random>

namespace antoan::scam {
namespace {

std::vector<std::string> values(const std::vector<Indicator>& list, IndicatorKind kind) {
  std::vector<std::string> out;
  for (const Indicator& i : list)
    if (i.kind == kind) out.push_back(i.value);
  return out;
}
std::vector<std::string> phones(std::string_view text) { return values(extract_indicators(text), IndicatorKind::phone); }
using V = std::vector<std::string>;

TEST(ExtractPhones, WrittenForms) {
  EXPECT_EQ(phones("Liên hệ 0912345678 để vay"), V{"+84912345678"});
  EXPECT_EQ(phones("gọi +84 912 345 678 nhé"), V{"+84912345678"});
  EXPECT_EQ(phones("sđt: 84912345678"), V{"+84912345678"});
  EXPECT_EQ(phones("LH 0912.345.678"), V{"+84912345678"});
  EXPECT_EQ(phones("LH 0912-345-678."), V{"+84912345678"});
  EXPECT_EQ(phones("zalo 0 9 1 2 3 4 5 6 7 8"), V{"+84912345678"});
  EXPECT_EQ(phones("(+84) 912.345.678"), V{"+84912345678"});
  EXPECT_EQ(phones("gọi ０９１２３４５６７８"), V{"+84912345678"});  // fullwidth digits
  EXPECT_EQ(phones("gọi 0912\u200B345\u200B678"), V{"+84912345678"});  // zero-width spaces
  EXPECT_EQ(phones("số cũ 0168 123 4567"), V{"+84381234567"});
  EXPECT_EQ(phones("máy bàn 024 3825 1234"), V{"+842438251234"});
  EXPECT_EQ(phones("tổng đài 1900 1234 hoặc 1800.1234"), (V{"+8419001234", "+8418001234"}));
  EXPECT_EQ(phones("0912345678, 0987654321"), (V{"+84912345678", "+84987654321"}));
}

TEST(ExtractPhones, ZaloContextMarksPlatform) {
  auto list = extract_indicators("add zalo 0912 345 678");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].platform, "zalo");
}

TEST(ExtractPhones, NoFalsePhonesFromOtherNumbers) {
  EXPECT_TRUE(phones("Giải ngân 5.000.000đ trong ngày").empty());
  EXPECT_TRUE(phones("vay 5tr, lãi 2,5 triệu mỗi tháng").empty());
  EXPECT_TRUE(phones("nhận ngay 500.000.000 VND").empty());
  EXPECT_TRUE(phones("Mã OTP 123456 của bạn").empty());
  EXPECT_TRUE(phones("mã OTP: 0912345678").empty());
  EXPECT_TRUE(phones("Đơn hàng #0912345678 đã giao").empty());
  EXPECT_TRUE(phones("mã đơn hàng 0912345678").empty());
  EXPECT_TRUE(phones("đơn DH0912345678").empty());
  EXPECT_TRUE(phones("ngày 12/05/2024 lúc 10:30").empty());
  EXPECT_TRUE(phones("ngày 12.05.2024 09.30").empty());
  EXPECT_TRUE(phones("hạn 2024-05-12").empty());
  EXPECT_TRUE(phones("CCCD 079123456789").empty());
  EXPECT_TRUE(phones("CCCD: 079 123 456 789").empty());
  EXPECT_TRUE(phones("số căn cước 001099012345").empty());
  EXPECT_TRUE(phones("079123456789").empty());  // 12 digits: not a phone even without context
  EXPECT_TRUE(phones("STK 0912345678 Vietcombank").empty());
  EXPECT_TRUE(phones("5000000d").empty());
  EXPECT_TRUE(phones("tổng 84.000.000 đồng").empty());
}

TEST(ExtractPhones, LandlinesInBracketsAndMobilesInPairs) {
  EXPECT_EQ(phones("Liên hệ (024) 3825 1234"), V{"+842438251234"});
  EXPECT_EQ(phones("ĐT: (0236) 382 1234"), V{"+842363821234"});
  EXPECT_EQ(phones("gọi 0939.12.34.56 nhé"), V{"+84939123456"});
  EXPECT_EQ(phones("zalo 0912 34 56 78"), V{"+84912345678"});
  // A real date written with dots is still a date.
  EXPECT_TRUE(phones("ngày 12.05.2024").empty());
}

TEST(ExtractLinks, HostsInLookalikeLettersAreKeptAsWritten) {
  // A report naming a homoglyph link must never count the real bank's domain.
  auto found = extract_indicators("nhận quà tại v\u0456etcombank.com.vn/qua ngay");
  ASSERT_FALSE(found.empty());
  for (const auto& i : found) EXPECT_EQ(i.value.find("vietcombank.com.vn"), std::string::npos) << i.value;
  EXPECT_EQ(values(found, IndicatorKind::domain), V{"v\u0456etcombank.com.vn"});
}

TEST(ExtractLinks, FileNumbersAreNotHosts) {
  auto found = extract_indicators("so ho so 290082.GD/2021/07905 da tiep nhan");
  for (const auto& i : found) EXPECT_NE(i.kind, IndicatorKind::domain) << i.value;
}

TEST(ExtractPhones, DateNextToPhoneStillFindsPhone) {
  EXPECT_EQ(phones("ngày 01.02.2024 0912345678"), V{"+84912345678"});
  EXPECT_EQ(phones("gọi 0912345678 nhận 500k"), V{"+84912345678"});
}

TEST(ExtractAccounts, BankContexts) {
  auto list = extract_indicators("Chuyển khoản vào STK 0123456789 Vietcombank chủ TK Nguyen Van A");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"0123456789"});
  EXPECT_EQ(list[0].bank, "Vietcombank");

  list = extract_indicators("số tài khoản: 1903 4567 8901 23 - Techcombank");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"19034567890123"});
  EXPECT_EQ(list[0].bank, "Techcombank");

  list = extract_indicators("MB 0912345678");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"0912345678"});
  EXPECT_EQ(list[0].bank, "MB");

  list = extract_indicators("VCB: 0071000123456");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"0071000123456"});
  EXPECT_EQ(list[0].bank, "Vietcombank");

  list = extract_indicators("so tk 123456789 ngan hang ACB");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"123456789"});
  EXPECT_EQ(list[0].bank, "ACB");

  list = extract_indicators("account 88812345678, BIDV");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"88812345678"});
  EXPECT_EQ(list[0].bank, "BIDV");

  list = extract_indicators("Momo 0987654321");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"0987654321"});
  EXPECT_EQ(list[0].bank, "MoMo");

  list = extract_indicators("0123456789 - Agribank");
  ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"0123456789"});
  EXPECT_EQ(list[0].bank, "Agribank");

  for (const char* bank : {"VPBank", "Sacombank", "TPBank", "VietinBank", "ZaloPay", "TCB", "MBBank"}) {
    list = extract_indicators(std::string(bank) + " 1234567890");
    ASSERT_EQ(values(list, IndicatorKind::bank_account), V{"1234567890"}) << bank;
  }
}

TEST(ExtractAccounts, AmountsAreNotAccounts) {
  auto list = extract_indicators("chuyển khoản 5.000.000đ vào stk 123456789");
  EXPECT_EQ(values(list, IndicatorKind::bank_account), V{"123456789"});
  EXPECT_TRUE(values(extract_indicators("ck 500k nhé"), IndicatorKind::bank_account).empty());
}

TEST(ExtractLinks, ObfuscatedDomains) {
  for (const char* text : {"vào vay-nhanh[.]vn ngay", "vay-nhanh(.)vn", "vay-nhanh{.}vn", "vay-nhanh [.] vn",
                           "vay-nhanh[dot]vn", "vay-nhanh dot vn", "vay-nhanh . vn", "vay-nhanh. vn",
                           "VAY-NHANH.VN", "www.vay-nhanh.vn", "https://vay-nhanh.vn", "hxxps://vay-nhanh[.]vn/"}) {
    auto list = extract_indicators(text);
    EXPECT_EQ(values(list, IndicatorKind::domain), V{"vay-nhanh.vn"}) << text;
  }
}

TEST(ExtractLinks, UrlsWithPathsAndShorteners) {
  auto list = extract_indicators("Đăng ký tại https://www.Vay-Nhanh.vn/dang-ky?ref=ab12, nhanh!");
  EXPECT_EQ(values(list, IndicatorKind::url), V{"vay-nhanh.vn/dang-ky?ref=ab12"});
  EXPECT_EQ(values(list, IndicatorKind::domain), V{"vay-nhanh.vn"});

  list = extract_indicators("bấm bit.ly/AbC12x nhận quà");
  ASSERT_EQ(values(list, IndicatorKind::url), V{"bit.ly/AbC12x"});  // path case kept
  for (const Indicator& i : list) EXPECT_TRUE(i.shortener);
  for (const char* s : {"tinyurl.com/xyz1", "t.ly/abc", "s.id/abc", "shorturl.at/abc", "hxxp://bit[.]ly/x1"}) {
    list = extract_indicators(s);
    ASSERT_FALSE(list.empty()) << s;
    EXPECT_TRUE(list[0].shortener) << s;
    EXPECT_EQ(list[0].kind, IndicatorKind::url) << s;
  }
  EXPECT_FALSE(extract_indicators("vay-nhanh.vn")[0].shortener);
}

TEST(ExtractLinks, DomainGluedToNextSentence) {
  EXPECT_EQ(values(extract_indicators("Vào vay-nhanh.vn.Liên hệ ngay"), IndicatorKind::domain), V{"vay-nhanh.vn"});
  EXPECT_EQ(phones("lh.0912345678"), V{"+84912345678"});
}

TEST(ExtractLinks, NoFalseDomains) {
  EXPECT_TRUE(extract_indicators("Lãi suất thấp.Có thể vay ngay").empty());
  EXPECT_TRUE(extract_indicators("gửi mail cho abc@gmail.com").empty());
  EXPECT_TRUE(extract_indicators("phiên bản 1.2.3").empty());
  EXPECT_TRUE(extract_indicators("file.txt").empty());
}

TEST(ExtractHandles, PlatformLinksAndAtHandles) {
  auto list = extract_indicators("nhắn t.me/VayNhanh_Bot hoặc https://zalo.me/g/AbCd123");
  EXPECT_EQ(values(list, IndicatorKind::handle), (V{"telegram:vaynhanh_bot", "zalo:g/AbCd123"}));
  EXPECT_TRUE(values(list, IndicatorKind::domain).empty());

  list = extract_indicators("liên hệ tele @hotro_vay247");
  EXPECT_EQ(values(list, IndicatorKind::handle), V{"telegram:hotro_vay247"});
  list = extract_indicators("@hotro_vay247 (telegram)");
  EXPECT_EQ(values(list, IndicatorKind::handle), V{"telegram:hotro_vay247"});
  EXPECT_TRUE(extract_indicators("cảm ơn @ban nhé").empty());  // no platform named

  list = extract_indicators("facebook.com/Vay.Nhanh.247 fb.com/profile.php?id=1000123 m.facebook.com/groups/vaytien");
  EXPECT_EQ(values(list, IndicatorKind::handle),
            (V{"facebook:vay.nhanh.247", "facebook:1000123", "facebook:groups/vaytien"}));

  list = extract_indicators("zalo.me/0912345678");
  EXPECT_EQ(values(list, IndicatorKind::phone), V{"+84912345678"});
  EXPECT_EQ(list[0].platform, "zalo");
}

TEST(ExtractMixed, TypicalScamMessage) {
  auto list = extract_indicators(
      "[CTY TÀI CHÍNH] Hỗ trợ vay 50tr không thế chấp, giải ngân 30p. Đăng ký: vaytien-online[.]xyz "
      "hoặc ib zalo 0 3 8 9 1 2 3 4 5 6. Phí hồ sơ 500.000đ chuyển vào STK 19036688999 Techcombank.");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].kind, IndicatorKind::domain);
  EXPECT_EQ(list[0].value, "vaytien-online.xyz");
  EXPECT_EQ(list[1].kind, IndicatorKind::phone);
  EXPECT_EQ(list[1].value, "+84389123456");
  EXPECT_EQ(list[2].kind, IndicatorKind::bank_account);
  EXPECT_EQ(list[2].value, "19036688999");
  EXPECT_EQ(list[2].bank, "Techcombank");
}

TEST(ExtractBadInput, EmptyHugeAndNoiseAreBounded) {
  EXPECT_TRUE(extract_indicators("").empty());
  std::string big;
  for (int i = 0; big.size() < 1024 * 1024; ++i) big += "gọi 09" + std::to_string(10000000 + i) + " nhé. ";
  auto list = extract_indicators(big);
  EXPECT_EQ(list.size(), kMaxIndicators);

  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::string noise(8192, '\0');
    for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
    EXPECT_LE(extract_indicators(noise).size(), kMaxIndicators);
  }
  std::string digits(100000, '9');
  EXPECT_TRUE(extract_indicators(digits).empty());
  std::string dots;
  for (int i = 0; i < 20000; ++i) dots += "a.";
  EXPECT_LE(extract_indicators(dots).size(), kMaxIndicators);
  EXPECT_TRUE(extract_indicators(std::string("0912\xFF" "345678")).size() <= 1);
}

TEST(ParseIndicator, LookupBoxValues) {
  auto p = parse_indicator(" 0912 345 678 ");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, IndicatorKind::phone);
  EXPECT_EQ(p->value, "+84912345678");

  p = parse_indicator("1903 4567 8901 23");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, IndicatorKind::bank_account);
  EXPECT_EQ(p->value, "19034567890123");

  p = parse_indicator("vay-nhanh[.]vn");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, IndicatorKind::domain);
  EXPECT_EQ(p->value, "vay-nhanh.vn");

  p = parse_indicator("https://bit.ly/AbC");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, IndicatorKind::url);
  EXPECT_EQ(p->value, "bit.ly/AbC");

  p = parse_indicator("@VayNhanh_Bot");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "telegram:vaynhanh_bot");
  p = parse_indicator("telegram:VayNhanh_Bot");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value, "telegram:vaynhanh_bot");

  EXPECT_FALSE(parse_indicator(""));
  EXPECT_FALSE(parse_indicator("xin chào"));
  EXPECT_FALSE(parse_indicator("12345"));
  EXPECT_FALSE(parse_indicator(std::string(5000, 'a')));
}

TEST(ParseIndicator, AsKind) {
  EXPECT_EQ(parse_indicator_as(IndicatorKind::phone, "0168 123 4567")->value, "+84381234567");
  EXPECT_FALSE(parse_indicator_as(IndicatorKind::phone, "vay.vn"));
  EXPECT_EQ(parse_indicator_as(IndicatorKind::bank_account, "0071.000.123456")->value, "0071000123456");
  EXPECT_FALSE(parse_indicator_as(IndicatorKind::bank_account, "abc"));
  EXPECT_EQ(parse_indicator_as(IndicatorKind::domain, "https://www.vay.vn/x")->value, "vay.vn");
  EXPECT_EQ(parse_indicator_as(IndicatorKind::url, "https://www.vay.vn/x")->value, "vay.vn/x");
  EXPECT_EQ(parse_indicator_kind("bank_account"), IndicatorKind::bank_account);
  EXPECT_FALSE(parse_indicator_kind("email"));
}

}  // namespace
}  // namespace antoan::scam

// Checks the Checker end to end on single messages: verdicts on clear cases, reasons in
// both languages, registry effects (confirmed / reported / cleared), and bad input (invalid
// UTF-8, empty text, a megabyte of text, binary noise) — an error or a bounded analysis,
// never a crash. Also POST /api/v1/check through the router.
#include "scam/checker.h"

#include <gtest/gtest.h>

#include <random>

#include "http/router.h"
#include "scam/check_routes.h"

namespace antoan::scam {
namespace {

class CheckerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Checker::load("data/scam/patterns.tsv", "data/scam/model.bin");
    ASSERT_TRUE(c.ok()) << c.error().message_en;
    checker_ = c->release();
  }
  static void TearDownTestSuite() { delete checker_; }
  static Checker* checker_;
};
Checker* CheckerTest::checker_ = nullptr;

TEST_F(CheckerTest, FlagsAClearScamWithReasonsInBothLanguages) {
  auto r = checker_->check("Việc nhẹ lương cao: like và share video nhận 200k mỗi ngày, nạp thêm 2 triệu để rút tiền. Zalo 0912 345 678");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->verdict, Verdict::scam);
  EXPECT_GT(r->score, 0.85);
  ASSERT_FALSE(r->reasons.empty());
  EXPECT_FALSE(r->reasons[0].vi.empty());
  EXPECT_FALSE(r->reasons[0].en.empty());
  bool has_phone = false;
  for (const auto& i : r->indicators) has_phone |= i.kind == IndicatorKind::phone && i.value == "+84912345678";
  EXPECT_TRUE(has_phone);
  Json j = check_result_json(*r);
  EXPECT_EQ(j["verdict"], "scam");
  EXPECT_TRUE(j["reasons"].is_array() && j["reasons"][0].is_string());
  EXPECT_EQ(j["indicators"][0]["kind"], "phone");
}

TEST_F(CheckerTest, LeavesOrdinaryMessagesAndRealNoticesSafe) {
  for (const char* text : {"Tối nay tan ca đi ăn lẩu không mày",
                           "Vietcombank: TK 1234 +5,000,000 VND luc 10:20. SD: 12,300,000 VND. ND: LUONG THANG 5",
                           "Ma OTP cua ban la 123456. Tuyet doi khong cung cap ma nay cho bat ky ai.",
                           "Công an cảnh báo thủ đoạn giả danh công an yêu cầu chuyển tiền vào tài khoản tạm giữ"}) {
    auto r = checker_->check(text);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->verdict, Verdict::safe) << text << " score " << r->score;
  }
}

TEST_F(CheckerTest, WorksWithoutDiacriticsAndInTeencode) {
  auto r = checker_->check("ban oi minh chuyen nham 5tr vao tk cua ban, ban ck lai giup minh qua stk khac nhe");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->verdict, Verdict::safe) << r->score;
}

TEST_F(CheckerTest, RegistryHitsDecide) {
  const char* text = "Liên hệ 0912345678 để biết thêm";
  auto with = [&](RegistryStatus status, std::int64_t count) {
    RegistryLookup lookup = [=](const Indicator& i) -> std::optional<RegistryHit> {
      if (i.kind == IndicatorKind::phone && i.value == "+84912345678") return RegistryHit{status, count};
      return std::nullopt;
    };
    return lookup;
  };
  auto base = checker_->check(text);
  ASSERT_TRUE(base.ok());
  auto make = [&](RegistryLookup lookup) { return checker_->with_registry(std::move(lookup)); };
  auto confirmed = make(with(RegistryStatus::confirmed, 3))->check(text);
  ASSERT_TRUE(confirmed.ok());
  EXPECT_EQ(confirmed->verdict, Verdict::scam);
  EXPECT_GE(confirmed->score, 0.99);
  EXPECT_EQ(confirmed->reasons[0].code, "registry:confirmed");
  auto reported = make(with(RegistryStatus::reported, 12))->check(text);
  ASSERT_TRUE(reported.ok());
  EXPECT_GT(reported->score, base->score);
  auto cleared = make(with(RegistryStatus::cleared, 0))->check(text);
  ASSERT_TRUE(cleared.ok());
  EXPECT_LT(cleared->score, base->score);
}

TEST_F(CheckerTest, RejectsInvalidUtf8AndEmptyText) {
  for (std::string bad : {std::string("\xff\xfe\xfd"), std::string("abc \xc3"), std::string("\xed\xa0\x80")}) {
    auto r = checker_->check(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(r.error().field, "text");
  }
  for (const char* empty : {"", "   ", "\n\t\r\n"}) {
    auto r = checker_->check(empty);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "text");
  }
}

TEST_F(CheckerTest, BoundsTheAnalysisOfHugeOrNoisyText) {
  std::string mb;
  while (mb.size() < (1u << 20)) mb += "Nạp tiền làm nhiệm vụ nhận hoa hồng 30% ngay hôm nay. ";
  auto r = checker_->check(mb);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->truncated);
  EXPECT_NE(r->verdict, Verdict::safe);
  EXPECT_EQ(check_result_json(*r)["truncated"], true);

  std::mt19937 rng(1);
  for (int round = 0; round < 50; ++round) {
    std::string noise;
    for (int i = 0; i < 2000; ++i) noise.push_back(static_cast<char>(rng() % 128));  // valid UTF-8: ASCII noise
    if (noise.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    auto n = checker_->check(noise);
    ASSERT_TRUE(n.ok());
    EXPECT_GE(n->score, 0.0);
    EXPECT_LE(n->score, 1.0);
  }
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(rng() % 256));
  EXPECT_FALSE(checker_->check(binary).ok());  // random bytes are almost never valid UTF-8
}

// Evidence first: the ordinary texts of the issue stay safe, whatever the wording looks like.
TEST_F(CheckerTest, FewWordsAndGenuineFormatsAreSafe) {
  for (const char* text : {"Vâng ạ", "Ten ngan hang", "ok e", "Dạ", "Số tài khoản đây",
                           "Use verification code 070552 for Microsoft authentication.",
                           "[TB] Soạn V120Z gửi 191: 120K/30 ngày có 60GB. LH 198 (0đ).",
                           "Ma OTP cua ban la 123456. Khong chia se ma nay cho bat ky ai.",
                           "Shopee: Đơn hàng 24SM6CJE đã giao thành công.",
                           "Quy khach co 5.000d. Bam goi *098*3# de co 3GB. LH 198 (0d)",
                           "Công an cảnh báo: đối tượng yêu cầu chuyển tiền vào tài khoản tạm giữ là lừa đảo."}) {
    auto r = checker_->check(text);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->verdict, Verdict::safe) << text << " score " << r->score;
  }
  auto r = checker_->check("Vâng ạ");
  EXPECT_TRUE(r->signals.empty());
  EXPECT_LE(r->score, checker_->options().no_signal_score_cap);
}

TEST_F(CheckerTest, LookalikeAndHomoglyphLinksAreNamedFirst) {
  struct Case {
    const char* text;
    const char* signal;
    const char* host;
  };
  for (const Case& c : {Case{"Vietcombank: tai khoan bi khoa, xac thuc tai vietcombank.com.vn-xacminh.top", "link:lookalike",
                             "vietcombank.com.vn-xacminh.top"},
                        Case{"MB Bank: cap nhat thong tin tai m-bbank.vn-capnhat.com de tranh bi khoa", "link:lookalike",
                             "m-bbank.vn-capnhat.com"},
                        Case{"Nhận quà tri ân tại v\u0456etcombank.com.vn hôm nay", "link:homoglyph", "v\u0456etcombank"}}) {
    auto r = checker_->check(c.text);
    ASSERT_TRUE(r.ok());
    EXPECT_NE(r->verdict, Verdict::safe) << c.text;
    ASSERT_FALSE(r->signals.empty()) << c.text;
    EXPECT_EQ(r->signals.front(), c.signal) << c.text;
    EXPECT_NE(r->reasons.front().vi.find(c.host), std::string::npos) << r->reasons.front().vi;
  }
  // The homoglyph host is kept as written: the registry must never count the real domain.
  auto r = checker_->check("Nhận quà tri ân tại v\u0456etcombank.com.vn hôm nay");
  for (const auto& i : r->indicators) EXPECT_NE(i.value, "vietcombank.com.vn");
}

TEST_F(CheckerTest, ScamsTheOldCheckerMissed) {
  for (const char* text :
       {"EVN thông báo: tiền điện tháng 11 chưa thanh toán, vui lòng thanh toán trong vòng 2 ngày tại evn-thanhtoan.com nếu không sẽ bị cắt điện",
        "Chào em, anh là bạn của bạn cùng phòng em, cho anh xin số điện thoại của bố mẹ em với",
        "t.ly/PDAB CV\u0474 l N ph\u00E1t th\u01B0\u1EDFng 1000 t\u1EF7, n\u1EA1p \u0111\u1EA7u nh\u1EADn 100k"}) {
    auto r = checker_->check(text);
    ASSERT_TRUE(r.ok());
    EXPECT_NE(r->verdict, Verdict::safe) << text << " score " << r->score;
  }
}

TEST_F(CheckerTest, ReasonsFollowTheLanguageAndNeverShowModelFragments) {
  auto r = checker_->check("Viec nhe luong cao, nap truoc 500k de nhan nhiem vu, lien he Telegram @viec_abc");
  ASSERT_TRUE(r.ok());
  ASSERT_NE(r->verdict, Verdict::safe);
  Json vi = check_result_json(*r, "vi"), en = check_result_json(*r, "en");
  EXPECT_EQ(vi["lang"], "vi");
  EXPECT_EQ(en["lang"], "en");
  EXPECT_EQ(vi["reasons"], vi["reasons_vi"]);
  EXPECT_EQ(en["reasons"], en["reasons_en"]);
  EXPECT_NE(vi["reasons"], en["reasons"]);
  for (const auto& reason : vi["reasons"]) {
    EXPECT_EQ(reason.get<std::string>().find("từ ngữ"), std::string::npos) << reason;
    EXPECT_EQ(reason.get<std::string>().find("“"), std::string::npos) << reason;
  }
  EXPECT_TRUE(vi["signals"].is_array() && !vi["signals"].empty());
}

http::Response post(const http::Router& router, const std::string& body, const std::string& ct = "application/json") {
  http::Request req;
  req.method = "POST";
  req.path = "/api/v1/check";
  req.headers["content-type"] = ct;
  req.body = body;
  return router.dispatch(req);
}

TEST_F(CheckerTest, PostCheckRoute) {
  http::Router router;
  register_check_routes(router, *checker_);
  auto ok = post(router, R"({"text":"Chúc mừng bạn trúng thưởng xe SH, nộp phí 2 triệu để nhận giải"})");
  EXPECT_EQ(ok.status, 200);
  Json j = Json::parse(ok.body);
  EXPECT_NE(j["verdict"], "safe");
  EXPECT_TRUE(j["reasons_detail"][0].contains("vi"));
  EXPECT_TRUE(j["reasons_detail"][0].contains("en"));
  EXPECT_EQ(post(router, R"({"text":""})").status, 400);
  EXPECT_EQ(post(router, R"({"txt":"x"})").status, 400);
  EXPECT_EQ(post(router, R"(not json)").status, 400);
  EXPECT_EQ(post(router, R"({"text":5})").status, 400);
  EXPECT_EQ(post(router, "{\"text\":\"\xff\"}").status, 400);
  EXPECT_EQ(post(router, R"({"text":"hi"})", "text/plain").status, 415);
  EXPECT_EQ(post(router, "{\"text\":\"" + std::string(70 * 1024, 'a') + "\"}").status, 413);
}

}  // namespace
}  // namespace antoan::scam

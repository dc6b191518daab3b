#include "scam/brands.h"

#include <gtest/gtest.h>

namespace antoan::scam {
namespace {

class Brands : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = BrandTable::load_file("data/scam/brands.tsv");
    ASSERT_TRUE(t.ok()) << t.error().message_en;
    table_ = new std::shared_ptr<const BrandTable>(*t);
  }
  static void TearDownTestSuite() { delete table_; }
  static const BrandTable& t() { return **table_; }
  static std::string look(const char* host) {
    auto l = t().lookalike(host);
    return l ? t().brand(l->brand).id + ":" + std::string(lookalike_kind_name(l->kind)) : "-";
  }
  static std::shared_ptr<const BrandTable>* table_;
};
std::shared_ptr<const BrandTable>* Brands::table_ = nullptr;

TEST_F(Brands, OfficialDomainsAndSubdomains) {
  EXPECT_EQ(t().brand(t().official_for("vietcombank.com.vn")).id, "vietcombank");
  EXPECT_EQ(t().brand(t().official_for("portal.vietcombank.com.vn")).id, "vietcombank");
  EXPECT_EQ(t().brand(t().official_for("s.viettel.vn")).id, "viettel");
  EXPECT_GE(t().official_for("dichvucong.bocongan.gov.vn"), 0);  // *.gov.vn
  EXPECT_EQ(t().official_for("vietcombank.com.vn-xacminh.top"), -1);
  EXPECT_EQ(t().official_for("notvietcombank.com.vn"), -1);
}

TEST_F(Brands, LookalikeTricks) {
  EXPECT_EQ(look("vietcombank.com.vn-xacminh.top"), "vietcombank:subdomain_trick");
  EXPECT_EQ(look("m-bbank.vn-capnhat.com"), "mbbank:subdomain_trick");
  EXPECT_EQ(look("vi3tc0mbank.com"), "vietcombank:character_swap");
  EXPECT_EQ(look("vietcornbank.com.vn"), "vietcombank:character_swap");
  EXPECT_EQ(look("vietcombank.com"), "vietcombank:wrong_suffix");
  EXPECT_EQ(look("bidv-online.vip"), "bidv:brand_plus_word");
  EXPECT_EQ(look("evn-thanhtoan.com"), "evn:brand_plus_word");
  EXPECT_EQ(look("vietcombnk.com"), "vietcombank:character_swap");
  // Real, unrelated or official hosts are not lookalikes.
  for (const char* host : {"vietcombank.com.vn", "shopeefood.vn", "viettelstore.vn", "vnexpress.net", "google.com",
                           "thitimhieuluatcanhsatbienvietnam.vn", "bidvmetlife.com.vn"})
    EXPECT_EQ(look(host), "-") << host;
}

TEST_F(Brands, HomoglyphHosts) {
  auto h = t().homoglyph("vietcombank.com.vn", "vietcornbank.corn.vn");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(t().brand(h->brand).id, "vietcombank");
  EXPECT_EQ(h->kind, LookalikeKind::homoglyph);
}

TEST_F(Brands, MentionsInNormalisedText) {
  auto names = [&](const char* text) {
    std::string out;
    for (int i : t().mentions(text)) out += t().brand(i).id + " ";
    return out;
  };
  EXPECT_EQ(names("vietcombank thong bao tai khoan"), "vietcombank ");
  EXPECT_EQ(names("cong an phuong va dien luc"), "evn police ");
  EXPECT_EQ(names("toi di cho mua rau"), "");
  EXPECT_EQ(names("vietcombankxyz"), "");  // a name inside another word is no mention
}

TEST_F(Brands, ShortCodes) {
  const int viettel = t().official_for("viettel.vn");
  EXPECT_TRUE(t().is_short_code(viettel, "191"));
  EXPECT_FALSE(t().is_short_code(viettel, "0912345678"));
}

TEST(BrandTableFormat, BadFilesAreErrors) {
  EXPECT_FALSE(BrandTable::parse("").ok());
  EXPECT_FALSE(BrandTable::parse("a\tbank\tA\tname\n").ok());                  // 4 columns
  EXPECT_FALSE(BrandTable::parse("a\tbank\tA\tVietcombank\ta.vn\t-\n").ok());  // not folded
  EXPECT_FALSE(BrandTable::parse("a\tbank\tA\t\ta.vn\t-\n").ok());             // no names
  EXPECT_TRUE(BrandTable::parse("# c\na\tbank\tA\tabc bank\tabc.vn\t1900\n").ok());
}

}  // namespace
}  // namespace antoan::scam

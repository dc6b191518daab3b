// Tests of place-from-point: the embedded province boundaries put every industrial park of the
// demo, towns on both sides of every province border the demo touches, and the islands in the right
// 2025 province; OrgService::area_at then picks the nearest known commune.
//  Coordinates are approximate centres of the places named (read off OpenStreetMap's map; no
// authoritative list of park coordinates was found): each is checked against the shipped
// boundaries, which follow Natural Earth to about 1-2 km, so every point here lies at least ~0.8 km
// inside its province. docs/frontend.md ("Place from a point") lists the sources.
#include "orgs/province_shapes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "orgs/area_data.h"
#include "orgs/seed.h"
#include "orgs/service.h"
#include "store/testing.h"

namespace antoan::orgs {
namespace {

struct Place {
  const char *name;
  double lat, lon;
  const char *province;
};

std::string province_at(double lat, double lon) {
  auto hit = ProvinceShapes::embedded().find(lat, lon);
  return hit ? hit->code : "none";
}

TEST(ProvinceShapes, EmbeddedShapesCoverAll34Provinces) {
  const ProvinceShapes &shapes = ProvinceShapes::embedded();
  EXPECT_GT(shapes.ring_count(), 60u);
  auto provinces = load_provinces();
  ASSERT_TRUE(provinces.ok());
  // Each province's administrative centre lies inside its own boundary.
  for (const auto &p : *provinces) EXPECT_EQ(province_at(p.lat, p.lon), p.code) << p.name;
}

TEST(ProvinceShapes, IndustrialParksOfTheDemoLieInTheirProvince) {
  const Place parks[] = {
      {"KCN Yên Phong I (Samsung, Yên Trung)", 21.2050, 105.9750, "24"},
      {"Từ Sơn, trung tâm", 21.1170, 105.9570, "24"},
      {"KCN Tiên Sơn (Tiên Du / Từ Sơn)", 21.1200, 106.0000, "24"},
      {"Tiên Du, thị trấn Lim", 21.1440, 106.0210, "24"},
      {"KCN Quế Võ (Phương Liễu)", 21.1650, 106.1200, "24"},
      {"VSIP Bắc Ninh (Phù Chẩn)", 21.0930, 106.0000, "24"},
      {"KCN Đại Đồng - Hoàn Sơn", 21.1000, 106.0400, "24"},
      {"KCN Quang Châu (Việt Yên)", 21.2300, 106.0700, "24"},
      {"KCN Đình Trám", 21.2500, 106.0900, "24"},
      {"KCN Vân Trung", 21.2400, 106.1300, "24"},
      {"KCN Song Khê - Nội Hoàng", 21.2400, 106.2100, "24"},
      {"VSIP Bắc Ninh II (Tam Giang)", 21.2180, 105.9380, "24"},
      {"Phố Nối (Mỹ Hào)", 20.9350, 106.0600, "33"},
      {"KCN Phố Nối A", 20.9550, 106.0400, "33"},
      {"KCN Thăng Long (Đông Anh)", 21.1300, 105.7800, "01"},
      {"KCN Nội Bài (Sóc Sơn)", 21.2300, 105.8100, "01"},
      {"KCN Quang Minh (Mê Linh, Hà Nội since 2008)", 21.1900, 105.7700, "01"},
      {"KCN Sài Đồng B (Long Biên)", 21.0400, 105.9200, "01"},
      {"Khu CNC Hòa Lạc", 21.0100, 105.5250, "01"},
  };
  for (const Place &p : parks) EXPECT_EQ(province_at(p.lat, p.lon), p.province) << p.name;
}

TEST(ProvinceShapes, TownsOnBothSidesOfTheDemoProvincesBorders) {
  const Place towns[] = {
      // Hà Nội | Bắc Ninh
      {"Ninh Hiệp (Gia Lâm)", 21.0770, 105.9510, "01"},
      {"Yên Viên", 21.0830, 105.9150, "01"},
      {"Đình Bảng (Từ Sơn)", 21.1050, 105.9550, "24"},
      {"Phù Khê", 21.1380, 105.9450, "24"},
      {"Văn Môn (Yên Phong)", 21.1680, 105.9350, "24"},
      // Hà Nội | Hưng Yên, Bắc Ninh | Hưng Yên
      {"Trâu Quỳ (Gia Lâm)", 21.0200, 105.9400, "01"},
      {"Văn Giang", 20.9300, 105.9300, "33"},
      {"Văn Lâm", 20.9800, 106.0300, "33"},
      {"Thuận Thành", 21.0500, 106.0800, "24"},
      {"Lương Tài", 21.0300, 106.2200, "24"},
      // Hà Nội | Thái Nguyên, Bắc Ninh | Thái Nguyên
      {"Trung Giã (Sóc Sơn)", 21.3150, 105.8600, "01"},
      {"Phổ Yên", 21.4000, 105.9300, "19"},
      {"Hiệp Hòa", 21.3500, 105.9750, "24"},
      // Hà Nội | Phú Thọ (Vĩnh Phúc before 2025; Mê Linh is Hà Nội's since 2008)
      {"Phúc Yên", 21.2370, 105.7030, "25"},
      {"Mê Linh", 21.1750, 105.7130, "01"},
      {"Yên Lãng (Mê Linh)", 21.2050, 105.6750, "01"},
      {"Kim Anh (Sóc Sơn)", 21.2400, 105.7700, "01"},
      {"Sơn Tây", 21.1400, 105.5050, "01"},
      // Hà Nội | Ninh Bình (Hà Nam before 2025)
      {"Phú Xuyên", 20.7370, 105.9100, "01"},
      {"Phủ Lý", 20.5450, 105.9130, "37"},
      // Bắc Ninh | Hải Phòng (Hải Dương before 2025), Lạng Sơn, Quảng Ninh
      {"Chí Linh", 21.1300, 106.4000, "31"},
      {"Lục Nam", 21.2900, 106.4000, "24"},
      {"Hữu Lũng", 21.5000, 106.3400, "20"},
      {"Sơn Động", 21.3300, 106.8500, "24"},
      {"Đông Triều", 21.0850, 106.5100, "22"},
  };
  for (const Place &p : towns) EXPECT_EQ(province_at(p.lat, p.lon), p.province) << p.name;
}

TEST(ProvinceShapes, DemoCommunesLieInTheirOwnProvince) {
  auto communes = load_demo_communes();
  ASSERT_TRUE(communes.ok());
  for (const auto &c : *communes) EXPECT_EQ(province_at(c.lat, c.lon), c.province_code) << c.name;
}

TEST(ProvinceShapes, IslandsAreVietnamsAndTheSeaNearTheCoastFindsTheCoast) {
  EXPECT_EQ(province_at(16.534, 111.608),
            "48");                                             // Hoàng Sa: Đảo Hoàng Sa (Pattle)
  EXPECT_EQ(province_at(16.834, 112.339), "48");               // Hoàng Sa: Phú Lâm (Woody)
  EXPECT_EQ(province_at(10.377, 114.365), "56");               // Trường Sa: Ba Bình (Itu Aba)
  EXPECT_EQ(province_at(8.644, 111.920), "56");                // Trường Sa: Đảo Trường Sa
  auto boat = ProvinceShapes::embedded().find(20.65, 106.80);  // at sea off Đồ Sơn, Hải Phòng
  ASSERT_TRUE(boat.has_value());
  EXPECT_EQ(boat->code, "31");
  EXPECT_GT(boat->border_km, 0);
}

TEST(ProvinceShapes, PointsOutsideVietnamHaveNoProvince) {
  EXPECT_EQ(province_at(13.7563, 100.5018), "none");  // Bangkok
  EXPECT_EQ(province_at(17.9757, 102.6331), "none");  // Vientiane
  EXPECT_EQ(province_at(22.8170, 108.3665), "none");  // Nanning
  EXPECT_EQ(province_at(12.0, 110.5),
            "none");  // open sea between the coast and Trường Sa
  EXPECT_EQ(province_at(std::nan(""), 105.0), "none");
}

TEST(ProvinceShapes, ParseRejectsBrokenFiles) {
  EXPECT_FALSE(ProvinceShapes::parse("").ok());
  EXPECT_FALSE(ProvinceShapes::parse("code,old_code,polygon,ring,points\n01,01,0,0,105 21 106\n").ok());
  EXPECT_FALSE(ProvinceShapes::parse("code,old_code,polygon,ring,points\n01,01,"
                                     "0,1,105 21 106 21 106 22 105 21\n")
                   .ok());
  auto square = ProvinceShapes::parse(
      "code,old_code,polygon,ring,points\n"
      "01,01,0,0,105 21 106 21 106 22 105 22 105 21\n"
      "01,01,0,1,105.4 21.4 105.6 21.4 105.6 21.6 105.4 21.6 105.4 21.4\n");
  ASSERT_TRUE(square.ok());
  EXPECT_TRUE(square->find(21.2, 105.2).has_value());
  EXPECT_FALSE(square->find(21.5, 105.5, 0).has_value());  // in the hole
}

class AreaAtTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::open_db((store::testing::fresh_temp_dir("area_at") / "test.db").string());
    ASSERT_TRUE(db.ok()) << db.error().message_en;
    db_ = std::move(*db);
    ASSERT_TRUE(seed_reference_data(*db_).ok());
    service_ = std::make_unique<OrgService>(*db_);
  }
  void TearDown() override { db_->close(); }
  std::unique_ptr<store::Db> db_;
  std::unique_ptr<OrgService> service_;
};

TEST_F(AreaAtTest, PicksTheNearestKnownCommuneOfTheProvinceThatContainsThePoint) {
  auto yen_phong = service_->area_at(21.2050, 105.9600);
  ASSERT_TRUE(yen_phong.ok());
  EXPECT_EQ(yen_phong->code, "09193");  // Xã Yên Phong, not a Hà Nội commune
  // Từ Sơn is nearer to Hà Nội's centre than to Bắc Ninh's: the boundary decides, not distance.
  auto tu_son = service_->area_at(21.1170, 105.9570);
  ASSERT_TRUE(tu_son.ok());
  EXPECT_EQ(tu_son->parent_code.value_or(""), "24");
  auto thang_long = service_->area_at(21.1300, 105.7800);
  ASSERT_TRUE(thang_long.ok());
  EXPECT_EQ(thang_long->parent_code.value_or(""), "01");
}

TEST_F(AreaAtTest, FallsBackToTheProvinceWhenNoCommuneIsNearAndRefusesPointsAbroad) {
  auto pho_noi = service_->area_at(20.9350, 106.0600);
  ASSERT_TRUE(pho_noi.ok());
  EXPECT_EQ(pho_noi->code, "33");  // the demo knows no commune of Hưng Yên
  EXPECT_EQ(pho_noi->level, "province");
  auto abroad = service_->area_at(13.7563, 100.5018);
  ASSERT_FALSE(abroad.ok());
  EXPECT_EQ(abroad.error().field, "lat");
}

}  // namespace
}  // namespace antoan::orgs

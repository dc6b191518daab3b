// Tests of areas, the organisation tree and routing: the embedded area data (34 provinces,
// the 63 -> 34 merge table), idempotent seeding, place paths and routing for every category,
// creation rules and bad inputs, and the HTTP routes.
#include <gtest/gtest.h>

#include "store/testing.h"
#include <unistd.h>

#include <filesystem>
#include <set>

#include "orgs/area_data.h"
#include "orgs/routes.h"
#include "orgs/seed.h"
#include "orgs/service.h"
#include "security/policy.h"

namespace antoan::orgs {
namespace {

std::string temp_db_path() { return (store::testing::fresh_temp_dir("orgs") / "test.db").string(); }

security::Principal admin() {
  security::Principal p;
  p.user_id = 1;
  p.username = "admin";
  p.role = security::Role::admin;
  p.org_path = "/1/";
  p.session_id = 1;
  return p;
}

TEST(AreaData, Has34ProvincesWithUniqueTwoDigitCodes) {
  auto provinces = load_provinces();
  ASSERT_TRUE(provinces.ok()) << provinces.error().message_en;
  EXPECT_EQ(provinces->size(), 34u);
  std::set<std::string> codes;
  int cities = 0;
  for (const auto& p : *provinces) {
    EXPECT_EQ(p.code.size(), 2u);
    EXPECT_TRUE(codes.insert(p.code).second) << "duplicate " << p.code;
    EXPECT_GT(p.lat, 8.0);
    EXPECT_LT(p.lat, 24.0);
    EXPECT_GT(p.lon, 102.0);
    EXPECT_LT(p.lon, 110.0);
    if (p.is_city) ++cities;
  }
  EXPECT_EQ(cities, 6);  // Hà Nội, Huế, Hải Phòng, Đà Nẵng, Hồ Chí Minh, Cần Thơ
  for (const char* code : {"01", "24", "31", "48", "79", "92"}) EXPECT_TRUE(codes.count(code)) << code;
}

TEST(AreaData, MergeTableMapsAll63FormerProvincesOntoThe34) {
  auto merge = load_province_merge();
  ASSERT_TRUE(merge.ok());
  EXPECT_EQ(merge->size(), 63u);
  auto provinces = load_provinces();
  ASSERT_TRUE(provinces.ok());
  std::set<std::string> new_codes, old_codes, targets;
  for (const auto& p : *provinces) new_codes.insert(p.code);
  for (const auto& m : *merge) {
    EXPECT_TRUE(old_codes.insert(m.old_code).second) << "duplicate " << m.old_code;
    EXPECT_TRUE(new_codes.count(m.new_code)) << m.old_name << " maps to unknown " << m.new_code;
    targets.insert(m.new_code);
  }
  EXPECT_EQ(targets.size(), 34u);  // every new province receives at least one former province
  EXPECT_EQ(new_province_code("27"), "24");  // Bắc Ninh (old) -> Bắc Ninh (merged with Bắc Giang)
  EXPECT_EQ(new_province_code("74"), "79");  // Bình Dương -> Hồ Chí Minh
  EXPECT_EQ(new_province_code("30"), "31");  // Hải Dương -> Hải Phòng
  EXPECT_EQ(new_province_code("49"), "48");  // Quảng Nam -> Đà Nẵng
  EXPECT_EQ(new_province_code("99"), "");
}

TEST(AreaData, DemoCommunesBelongToKnownProvinces) {
  auto communes = load_demo_communes();
  ASSERT_TRUE(communes.ok());
  EXPECT_GE(communes->size(), 30u);
  std::set<std::string> codes;
  for (const auto& c : *communes) {
    EXPECT_TRUE(codes.insert(c.code).second) << c.code;
    EXPECT_TRUE(c.province_code == "01" || c.province_code == "24") << c.code;
  }
}

TEST(AreaData, ParsesSimpleCsvSkippingHeaderAndBlankLines) {
  auto rows = parse_simple_csv("a,b\r\n1,2\n\n3,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"3", ""}));
}

class OrgsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::open_db(temp_db_path());
    ASSERT_TRUE(db.ok()) << db.error().message_en;
    db_ = std::move(*db);
    ASSERT_TRUE(seed_reference_data(*db_).ok());
    service_ = std::make_unique<OrgService>(*db_);
  }
  void TearDown() override { db_->close(); }

  std::int64_t node(const std::string& kind, const std::string& area) {
    auto rows = db_->query("SELECT id FROM organisations WHERE kind = $1 AND area_code = $2 ORDER BY id LIMIT 1",
                           {kind, area});
    EXPECT_TRUE(rows.ok() && !rows->empty()) << kind << " " << area;
    return rows.ok() && !rows->empty() ? (*rows)[0].i64(0) : 0;
  }
  std::int64_t create(const std::string& kind, const std::string& name, std::int64_t parent) {
    NewOrg o;
    o.kind = kind;
    o.name = name;
    o.parent_id = parent;
    auto created = service_->create(admin(), o);
    EXPECT_TRUE(created.ok()) << created.error().message_en;
    return created.ok() ? created->id : 0;
  }

  std::unique_ptr<store::Db> db_;
  std::unique_ptr<OrgService> service_;
};

TEST_F(OrgsTest, SeedIsIdempotent) {
  auto count = [&](const char* sql) { return db_->query(sql)->rows[0].i64(0); };
  std::int64_t areas = count("SELECT count(*) FROM areas");
  std::int64_t orgs = count("SELECT count(*) FROM organisations");
  std::int64_t rules = count("SELECT count(*) FROM routing_rules");
  EXPECT_EQ(count("SELECT count(*) FROM areas WHERE level = 'province'"), 34);
  EXPECT_EQ(count("SELECT count(*) FROM organisations WHERE kind = 'province'"), 34);
  EXPECT_EQ(count("SELECT count(*) FROM organisations WHERE kind = 'federation'"), 35);  // 34 + Tổng LĐLĐ
  ASSERT_TRUE(seed_reference_data(*db_).ok());
  ASSERT_TRUE(seed_reference_data(*db_).ok());
  EXPECT_EQ(count("SELECT count(*) FROM areas"), areas);
  EXPECT_EQ(count("SELECT count(*) FROM organisations"), orgs);
  EXPECT_EQ(count("SELECT count(*) FROM routing_rules"), rules);
  EXPECT_GT(rules, 0);
}

TEST_F(OrgsTest, PathsAreMaterialisedAndOfficesSeeTheirArea) {
  auto province = service_->get(node("province", "24"));
  auto federation = service_->get(node("federation", "24"));
  auto commune = service_->get(node("commune", "09205"));
  ASSERT_TRUE(province.ok() && federation.ok() && commune.ok());
  EXPECT_EQ(federation->name, "LĐLĐ tỉnh Bắc Ninh");
  EXPECT_EQ(federation->scope_path, province->path);
  EXPECT_EQ(federation->path, province->path + std::to_string(federation->id) + "/");
  EXPECT_EQ(commune->path.rfind(province->path, 0), 0u);
  EXPECT_EQ(commune->scope_path, commune->path);
  auto hanoi_fed = service_->get(node("federation", "01"));
  ASSERT_TRUE(hanoi_fed.ok());
  EXPECT_EQ(hanoi_fed->name, "LĐLĐ thành phố Hà Nội");
}

TEST_F(OrgsTest, PlacePathIsTheEnterpriseOrTheCommuneNode) {
  std::int64_t commune = node("commune", "09205");
  std::int64_t ent = create("enterprise", "Công ty TNHH Điện tử ABC Việt Nam", commune);
  auto ent_org = service_->get(ent);
  auto commune_org = service_->get(commune);
  ASSERT_TRUE(ent_org.ok() && commune_org.ok());
  EXPECT_EQ(ent_org->scope_path, ent_org->path);
  EXPECT_EQ(ent_org->area_code, "09205");
  EXPECT_EQ(*service_->place_path_for("09205", std::nullopt), commune_org->path);
  EXPECT_EQ(*service_->place_path_for("09205", ent), ent_org->path);
  // Another commune of the same province is accepted (the worker may pick a nearby ward).
  EXPECT_EQ(*service_->place_path_for("09367", ent), ent_org->path);
  EXPECT_EQ(*service_->place_path_for("24", ent), ent_org->path);
  EXPECT_EQ(*service_->place_path_for("24", std::nullopt), service_->get(node("province", "24"))->path);
}

TEST_F(OrgsTest, PlacePathRejectsBadInputs) {
  std::int64_t ent = create("enterprise", "Công ty TNHH May mặc Hồng Phát", node("commune", "09205"));
  auto unknown = service_->place_path_for("99999", std::nullopt);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::unprocessable);
  EXPECT_EQ(unknown.error().field, "area_code");
  auto other_province = service_->place_path_for("00433", ent);  // Nội Bài is in Hà Nội
  ASSERT_FALSE(other_province.ok());
  EXPECT_EQ(other_province.error().field, "enterprise_id");
  EXPECT_FALSE(service_->place_path_for("09205", -3).ok());
  EXPECT_FALSE(service_->place_path_for("09205", 0).ok());
  EXPECT_FALSE(service_->place_path_for("09205", 987654).ok());
  EXPECT_FALSE(service_->place_path_for("09205", node("federation", "24")).ok());  // not an enterprise
  EXPECT_FALSE(service_->place_path_for("", std::nullopt).ok());
  EXPECT_FALSE(service_->place_path_for("'; DROP TABLE areas; --", std::nullopt).ok());
}

TEST_F(OrgsTest, RoutesEveryCategory) {
  std::int64_t commune = node("commune", "09205");
  std::int64_t commune_police = create("police", "Công an xã Yên Trung", commune);
  std::int64_t with_union = create("enterprise", "Công ty TNHH Điện tử ABC Việt Nam", commune);
  std::int64_t union_id = create("union", "Công đoàn Công ty TNHH Điện tử ABC Việt Nam", with_union);
  std::int64_t without_union = create("enterprise", "Công ty CP Cơ khí Minh Long", commune);
  std::int64_t province_fed = node("federation", "24");
  std::int64_t province_police = node("police", "24");
  ASSERT_EQ(*service_->get(union_id)->enterprise_id, with_union);

  for (const std::string& category : security::all_categories()) {
    SCOPED_TRACE(category);
    auto at_commune = service_->route_report(category, "09205", std::nullopt);
    auto at_union = service_->route_report(category, "09205", with_union);
    auto no_union = service_->route_report(category, "09205", without_union);
    auto elsewhere = service_->route_report(category, "09367", std::nullopt);  // no commune police there
    ASSERT_TRUE(at_commune.ok() && at_union.ok() && no_union.ok() && elsewhere.ok());
    if (security::is_crime_category(category)) {
      EXPECT_EQ(*at_commune, commune_police);
      EXPECT_EQ(*at_union, commune_police);
      EXPECT_EQ(*no_union, commune_police);
      EXPECT_EQ(*elsewhere, province_police);
    } else if (category == "workplace_safety" || category == "wages") {
      EXPECT_EQ(*at_commune, province_fed);
      EXPECT_EQ(*at_union, union_id);
      EXPECT_EQ(*no_union, province_fed);
      EXPECT_EQ(*elsewhere, province_fed);
    } else {
      EXPECT_EQ(*at_commune, province_fed);
      EXPECT_EQ(*at_union, province_fed);
      EXPECT_EQ(*no_union, province_fed);
      EXPECT_EQ(*elsewhere, province_fed);
    }
  }
}

TEST_F(OrgsTest, RoutingHonoursAnExplicitRuleAndRejectsBadInputs) {
  std::int64_t hanoi_police = node("police", "01");
  ASSERT_TRUE(db_->exec("INSERT INTO routing_rules (category, area_code, org_id, position) VALUES ('commute', '24', $1, 1)",
                        {hanoi_police})
                  .ok());
  EXPECT_EQ(*service_->route_report("commute", "09205", std::nullopt), hanoi_police);
  EXPECT_EQ(*service_->route_report("commute", "00433", std::nullopt), node("federation", "01"));
  auto bad_category = service_->route_report("ufo", "09205", std::nullopt);
  ASSERT_FALSE(bad_category.ok());
  EXPECT_EQ(bad_category.error().field, "category");
  EXPECT_FALSE(service_->route_report("scam", "123", std::nullopt).ok());
  EXPECT_FALSE(service_->route_report("scam", "09205", -1).ok());
}

TEST_F(OrgsTest, CreateIsAdminOnlyAndChecksTheTree) {
  std::int64_t commune = node("commune", "09205");
  security::Principal officer = admin();
  officer.role = security::Role::federation_officer;
  NewOrg o{"enterprise", "Công ty TNHH Thực phẩm Sao Mai", commune, std::nullopt, "KCN Yên Phong", 21.2, 105.9};
  auto forbidden = service_->create(officer, o);
  ASSERT_FALSE(forbidden.ok());
  EXPECT_EQ(forbidden.error().code, ErrorCode::forbidden);

  auto created = service_->create(admin(), o);
  ASSERT_TRUE(created.ok()) << created.error().message_en;
  EXPECT_EQ(created->industrial_park, "KCN Yên Phong");
  auto audited = db_->query("SELECT count(*) FROM audit_log WHERE action = 'org.create' AND entity_id = $1",
                            {std::to_string(created->id)});
  ASSERT_TRUE(audited.ok());
  EXPECT_EQ((*audited)[0].i64(0), 1);

  NewOrg bad = o;
  bad.kind = "union";  // a union must hang under an enterprise
  EXPECT_EQ(service_->create(admin(), bad).error().code, ErrorCode::unprocessable);
  bad = o;
  bad.kind = "spaceship";
  EXPECT_EQ(service_->create(admin(), bad).error().code, ErrorCode::invalid_argument);
  bad = o;
  bad.parent_id = 999999;
  EXPECT_EQ(service_->create(admin(), bad).error().field, "parent_id");
  bad = o;
  bad.parent_id = std::nullopt;
  EXPECT_EQ(service_->create(admin(), bad).error().field, "parent_id");
  bad = o;
  bad.kind = "commune";
  bad.parent_id = node("province", "24");
  bad.area_code = "09205";  // already has its node
  EXPECT_EQ(service_->create(admin(), bad).error().code, ErrorCode::conflict);
  bad.area_code = "00433";  // a Hà Nội commune under Bắc Ninh
  EXPECT_EQ(service_->create(admin(), bad).error().field, "parent_id");
}

TEST_F(OrgsTest, SearchesAreasAndOrgsWithOrWithoutDiacritics) {
  AreaQuery q;
  q.q = "tu son";
  auto plain = service_->list_areas(q);
  q.q = "Từ Sơn";
  auto marked = service_->list_areas(q);
  ASSERT_TRUE(plain.ok() && marked.ok());
  ASSERT_FALSE(plain->empty());
  EXPECT_EQ(plain->size(), marked->size());
  EXPECT_EQ((*plain)[0].code, "09367");

  AreaQuery communes;
  communes.level = "commune";
  communes.parent = "24";
  auto bn = service_->list_areas(communes);
  ASSERT_TRUE(bn.ok());
  for (const Area& a : *bn) EXPECT_EQ(a.parent_code, "24");
  communes.level = "district";  // districts no longer exist since 2025
  EXPECT_FALSE(service_->list_areas(communes).ok());
  AreaQuery wildcard;
  wildcard.q = "%";
  EXPECT_TRUE(service_->list_areas(wildcard)->empty());

  OrgQuery oq;
  oq.q = "ldld thanh pho ha noi";
  auto fed = service_->list_orgs(oq);
  ASSERT_TRUE(fed.ok());
  ASSERT_EQ(fed->size(), 1u);
  EXPECT_EQ((*fed)[0].kind, "federation");
  OrgQuery by_area;
  by_area.area = "24";
  by_area.kind = "commune";
  EXPECT_EQ(service_->list_orgs(by_area)->size(), bn->size());
}

http::Request request(const std::string& method, const std::string& path,
                      std::map<std::string, std::string> query = {}) {
  http::Request r;
  r.method = method;
  r.path = path;
  r.query = std::move(query);
  return r;
}

TEST_F(OrgsTest, RoutesServeAreasAndPublicEnterpriseList) {
  http::Router router;
  register_org_routes(router, *service_);
  create("enterprise", "Công ty TNHH Điện tử ABC Việt Nam", node("commune", "09205"));

  auto areas = request("GET", "/api/v1/areas", {{"level", "province"}});
  auto res = router.dispatch(areas);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(Json::parse(res.body)["count"], 34);

  auto one = request("GET", "/api/v1/areas/24");
  res = router.dispatch(one);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(Json::parse(res.body)["name"], "Bắc Ninh");
  auto missing = request("GET", "/api/v1/areas/77");  // Bà Rịa - Vũng Tàu is no longer a province
  EXPECT_EQ(router.dispatch(missing).status, 404);

  auto enterprises = request("GET", "/api/v1/orgs", {{"kind", "enterprise"}, {"q", "abc"}});
  res = router.dispatch(enterprises);
  ASSERT_EQ(res.status, 200);
  Json body = Json::parse(res.body);
  ASSERT_EQ(body["count"], 1);
  EXPECT_FALSE(body["items"][0].contains("path"));  // the public list carries names, not the tree

  auto all = request("GET", "/api/v1/orgs");
  EXPECT_EQ(router.dispatch(all).status, 401);
  auto bad_limit = request("GET", "/api/v1/areas", {{"limit", "-1"}});
  EXPECT_EQ(router.dispatch(bad_limit).status, 400);
  auto bad_utf8 = request("GET", "/api/v1/areas", {{"q", std::string("\xff\xfe")}});
  EXPECT_EQ(router.dispatch(bad_utf8).status, 400);
}

TEST_F(OrgsTest, RoutesCreateOrgsForAdminsOnly) {
  http::Router router;
  register_org_routes(router, *service_);
  auto post = request("POST", "/api/v1/orgs");
  post.headers["content-type"] = "application/json";
  post.body = Json{{"kind", "police"}, {"name", "Công an phường Từ Sơn"}, {"parent_id", node("commune", "09367")}}.dump();
  EXPECT_EQ(router.dispatch(post).status, 401);
  security::Principal officer = admin();
  officer.role = security::Role::police_officer;
  post.principal = officer;
  EXPECT_EQ(router.dispatch(post).status, 403);
  post.principal = admin();
  auto res = router.dispatch(post);
  ASSERT_EQ(res.status, 201) << res.body;
  Json created = Json::parse(res.body);
  EXPECT_EQ(created["area_code"], "09367");

  auto get = request("GET", "/api/v1/orgs/" + std::to_string(created["id"].get<std::int64_t>()));
  get.principal = admin();
  EXPECT_EQ(router.dispatch(get).status, 200);
  auto not_id = request("GET", "/api/v1/orgs/abc");
  not_id.principal = admin();
  EXPECT_EQ(router.dispatch(not_id).status, 404);

  post.body = R"({"kind": "police", "name": ""})";
  EXPECT_EQ(router.dispatch(post).status, 422);
  post.body = "{not json";
  EXPECT_EQ(router.dispatch(post).status, 400);
}

}  // namespace
}  // namespace antoan::orgs

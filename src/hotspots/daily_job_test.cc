// Tests of the daily hotspot run over a SQLite database (alerts stored, re-run replaces,
// run recorded), the scheduler's start/stop, and the routes: alerts and map counts by area,
// grid and enterprise, scoped by the policy, with clear errors for bad parameters.
#include "hotspots/daily_job.h"

#include <gtest/gtest.h>

#include "store/testing.h"
#include <unistd.h>

#include <filesystem>
#include <random>
#include <set>

#include "hotspots/days.h"
#include "hotspots/routes.h"
#include "hotspots/warnings.h"
#include "http/router.h"

namespace antoan::hotspots {
namespace {

std::string temp_db_path() { return (store::testing::fresh_temp_dir("hotspots") / "test.db").string(); }

const std::int32_t kAsOf = *parse_day("2025-06-30");

// Two communes under one province; an enterprise in the first. 1,500 background scam cases
// over 100 days at 60 sites, 45 planted in the last 3 days near site 0, a few theft cases.
class HotspotDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::open_db(temp_db_path());
    ASSERT_TRUE(db.ok()) << db.error().message_en;
    db_ = std::move(*db);
    Status s = db_->write([&](store::Tx& tx) -> Status {
      ANTOAN_TRY(tx.exec("INSERT INTO areas (code, name, name_folded, level, parent_code, lat, lon) VALUES "
                         "('27', 'Bắc Ninh', 'bac ninh', 'province', NULL, 21.18, 106.07), "
                         "('09001', 'Phường A', 'phuong a', 'commune', '27', 21.17, 106.05), "
                         "('09002', 'Phường B', 'phuong b', 'commune', '27', 21.20, 106.10)"));
      ANTOAN_TRY(tx.exec("INSERT INTO organisations (id, parent_id, path, scope_path, kind, name, area_code, lat, lon, "
                         "created_at) VALUES (1, NULL, '/1/', '/1/', 'province', 'Bắc Ninh', '27', NULL, NULL, 0), "
                         "(2, 1, '/1/2/', '/1/2/', 'commune', 'Phường A', '09001', NULL, NULL, 0), "
                         "(3, 1, '/1/3/', '/1/3/', 'commune', 'Phường B', '09002', NULL, NULL, 0), "
                         "(4, 2, '/1/2/4/', '/1/2/4/', 'enterprise', 'Công ty X', '09001', 21.171, 106.051, 0)"));
      std::mt19937 rng(3);
      std::uniform_real_distribution<double> dlat(-0.05, 0.05), dlon(-0.05, 0.05);
      std::vector<std::pair<double, double>> sites;
      for (int i = 0; i < 60; ++i) sites.emplace_back(21.18 + dlat(rng), 106.07 + dlon(rng));
      std::uniform_int_distribution<int> site(0, 59), day(0, 99), recent(0, 2);
      std::vector<std::pair<double, double>> near;
      for (const auto& s : sites)
        if (great_circle_km({sites[0].first, sites[0].second}, {s.first, s.second}) <= 1.5) near.push_back(s);
      std::uniform_int_distribution<std::size_t> pick(0, near.size() - 1);
      for (int i = 0; i < 1545; ++i) {
        const bool planted = i >= 1500;
        const auto& s = planted ? near[pick(rng)] : sites[static_cast<std::size_t>(site(rng))];
        const int d = planted ? recent(rng) : day(rng);
        const bool in_a = s.second < 106.07;
        ANTOAN_TRY(add_case(tx, i, "scam", s.first, s.second, vietnam_day_start_ms(kAsOf - d) + 3600000, in_a));
      }
      for (int i = 0; i < 5; ++i)
        ANTOAN_TRY(add_case(tx, 2000 + i, "theft", 21.17, 106.05, vietnam_day_start_ms(kAsOf - i) + 3600000, true,
                            /*enterprise=*/true));
      return ok_status();
    });
    ASSERT_TRUE(s.ok()) << s.error().message_en;
  }

  static Status add_case(store::Tx& tx, int n, const std::string& category, double lat, double lon, EpochMs at,
                         bool in_a, bool enterprise = false) {
    ANTOAN_ASSIGN(auto report, tx.query("INSERT INTO reports (category, description, area_code, lat, lon, incident_at, "
                                        "channel, receipt_hash, created_at) VALUES ($1, 'x', $2, $3, $4, $5, 'web', $6, "
                                        "$7) RETURNING id",
                                        {category, std::string(in_a ? "09001" : "09002"), lat, lon, at,
                                         "h" + std::to_string(n), at + 1000}));
    ANTOAN_TRY(tx.exec("INSERT INTO cases (report_id, category, status, org_id, place_path, area_code, enterprise_id, lat, "
                   "lon, incident_at, created_at, updated_at) VALUES ($1, $2, 'new', $3, $4, $5, $6, $7, $8, $9, $10, $10)",
                   {report[0].i64(0), category, std::int64_t{in_a ? 2 : 3},
                    std::string(enterprise ? "/1/2/4/" : in_a ? "/1/2/" : "/1/3/"),
                    std::string(in_a ? "09001" : "09002"), enterprise ? store::Value(std::int64_t{4}) : store::null_value(),
                    lat, lon, at, at + 1000}));
    return ok_status();
  }

  ScanOptions options() const {
    ScanOptions o;
    o.max_radius_km = 3;
    o.max_days = 7;
    o.replications = 49;
    o.threads = 2;
    return o;
  }

  http::Response get(const std::string& path, const std::map<std::string, std::string>& query,
                     std::optional<security::Principal> who) {
    http::Router router;
    register_hotspot_routes(router, *db_);
    http::Request req;
    req.method = "GET";
    req.path = path;
    req.query = query;
    req.principal = std::move(who);
    return router.dispatch(req);
  }

  static security::Principal admin() {
    security::Principal p;
    p.user_id = 1;
    p.role = security::Role::admin;
    p.org_id = 1;
    p.org_path = "/1/";
    return p;
  }

  std::unique_ptr<store::Db> db_;
};

TEST_F(HotspotDbTest, DailyRunStoresAlertsAndReplacesThemOnRerun) {
  ASSERT_FALSE(*daily_run_done(*db_, kAsOf));
  Status s = run_daily_hotspots(*db_, vietnam_day_start_ms(kAsOf) + 5000, options());
  ASSERT_TRUE(s.ok()) << s.error().message_en;
  EXPECT_TRUE(*daily_run_done(*db_, kAsOf));
  auto rows = db_->query("SELECT method, category, end_date, p_value, observed, expected, locations, place_path "
                         "FROM hotspot_alerts WHERE method = 'spacetime_permutation' ORDER BY llr DESC");
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  EXPECT_EQ((*rows)[0].str(1), "scam");
  EXPECT_EQ((*rows)[0].str(2), "2025-06-30");
  EXPECT_LE((*rows)[0].f64(3), 0.05);
  EXPECT_GT(static_cast<double>((*rows)[0].i64(4)), (*rows)[0].f64(5));
  EXPECT_EQ((*rows)[0].str(6).front(), '[');
  EXPECT_EQ((*rows)[0].str(7).rfind("/1/", 0), 0u);
  auto count = db_->query("SELECT COUNT(*) FROM hotspot_alerts");
  ASSERT_TRUE(count.ok());
  const auto before = (*count)[0].i64(0);
  ASSERT_TRUE(run_daily_hotspots(*db_, vietnam_day_start_ms(kAsOf) + 5000, options()).ok());
  count = db_->query("SELECT COUNT(*) FROM hotspot_alerts");
  EXPECT_EQ((*count)[0].i64(0), before);  // replaced, not duplicated
  auto runs = db_->query("SELECT COUNT(*) FROM hotspot_runs");
  EXPECT_EQ((*runs)[0].i64(0), 1);
}

TEST_F(HotspotDbTest, DailyRunRejectsBadOptions) {
  ScanOptions o = options();
  o.max_days = 0;
  Status s = run_daily_hotspots(*db_, vietnam_day_start_ms(kAsOf), o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "max_days");
}

TEST_F(HotspotDbTest, SchedulerStartsAndStopsQuickly) {
  HotspotScheduler scheduler(*db_, options());
  scheduler.start();
  scheduler.stop();
  scheduler.stop();  // idempotent
  SUCCEED();
}

TEST_F(HotspotDbTest, AlertsRouteListsAlertsForAllowedRolesOnly) {
  ASSERT_TRUE(run_daily_hotspots(*db_, vietnam_day_start_ms(kAsOf), options()).ok());
  auto res = get("/api/v1/hotspots", {{"from", "2025-06-01"}, {"to", "2025-06-30"}, {"category", "scam"}}, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  Json body = Json::parse(res.body);
  ASSERT_FALSE(body["items"].empty());
  const Json& top = body["items"][0];
  EXPECT_EQ(top["as_of"], "2025-06-30");
  EXPECT_TRUE(top.contains("center"));
  EXPECT_TRUE(top["locations"].is_array());
  EXPECT_TRUE(body.contains("caveat_en"));

  // Outside the range: nothing.
  res = get("/api/v1/hotspots", {{"from", "2025-01-01"}, {"to", "2025-01-31"}}, admin());
  ASSERT_EQ(res.status, 200);
  EXPECT_TRUE(Json::parse(res.body)["items"].empty());

  EXPECT_EQ(get("/api/v1/hotspots", {}, std::nullopt).status, 401);
  security::Principal enterprise = admin();
  enterprise.role = security::Role::enterprise_officer;
  enterprise.org_path = "/1/2/4/";
  EXPECT_EQ(get("/api/v1/hotspots", {}, enterprise).status, 403);
  EXPECT_EQ(get("/api/v1/hotspots", {{"from", "2025-13-01"}}, admin()).status, 400);
  EXPECT_EQ(get("/api/v1/hotspots", {{"from", "2025-06-30"}, {"to", "2025-06-01"}}, admin()).status, 400);
  EXPECT_EQ(get("/api/v1/hotspots", {{"category", "nonsense"}}, admin()).status, 400);
}

TEST_F(HotspotDbTest, MapCountsByAreaGridAndEnterpriseRespectScope) {
  const std::map<std::string, std::string> range{{"from", "2025-03-01"}, {"to", "2025-06-30"}};
  auto q = range;
  q["by"] = "area";
  auto res = get("/api/v1/map/counts", q, admin());
  ASSERT_EQ(res.status, 200) << res.body;
  Json body = Json::parse(res.body);
  EXPECT_EQ(body["total"], 1550);
  EXPECT_EQ(body["items"].size(), 2u);
  EXPECT_TRUE(body["items"][0].contains("name"));

  q["category"] = "theft";
  body = Json::parse(get("/api/v1/map/counts", q, admin()).body);
  EXPECT_EQ(body["total"], 5);

  q = range;
  q["by"] = "grid";
  q["cell_km"] = "2";
  body = Json::parse(get("/api/v1/map/counts", q, admin()).body);
  EXPECT_EQ(body["total"], 1550);
  EXPECT_GT(body["items"].size(), 1u);
  EXPECT_TRUE(body["items"][0].contains("bounds"));

  q["by"] = "enterprise";
  body = Json::parse(get("/api/v1/map/counts", q, admin()).body);
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["key"], "4");
  EXPECT_EQ(body["items"][0]["count"], 5);

  // A police officer of commune B sees only commune B's crime cases.
  security::Principal police = admin();
  police.role = security::Role::police_officer;
  police.org_path = "/1/3/";
  q = range;
  q["by"] = "area";
  res = get("/api/v1/map/counts", q, police);
  ASSERT_EQ(res.status, 200) << res.body;
  body = Json::parse(res.body);
  for (const auto& item : body["items"]) EXPECT_EQ(item["key"], "09002");

  q["by"] = "hexagon";
  EXPECT_EQ(get("/api/v1/map/counts", q, admin()).status, 400);
  q["by"] = "grid";
  q["cell_km"] = "0";
  EXPECT_EQ(get("/api/v1/map/counts", q, admin()).status, 400);
  q["cell_km"] = "abc";
  EXPECT_EQ(get("/api/v1/map/counts", q, admin()).status, 400);
}

// Public warnings: the planted scam cluster in Phường A warns Phường A and the province; an
// area-wide (EARS) theft alert warns its own commune and province only; old alerts are dropped.
TEST_F(HotspotDbTest, WarningsConcernTheAreaAndDiscloseOnlyAggregates) {
  ASSERT_TRUE(run_daily_hotspots(*db_, vietnam_day_start_ms(kAsOf) + 5000, options()).ok());
  Status s = db_->write([](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("DELETE FROM hotspot_alerts WHERE method = 'ears_c2'"));
    ANTOAN_TRY(tx.exec("INSERT INTO hotspot_alerts (category, as_of, method, area_code, start_date, end_date, observed, "
                   "expected, statistic, locations, place_path, created_at) VALUES "
                   "('theft', '2025-06-29', 'ears_c2', '09002', '2025-06-29', '2025-06-29', 6, 1.2, 4.1, '[]', '/1/3/', 0), "
                   "('drugs', '2025-06-10', 'ears_c2', '09002', '2025-06-10', '2025-06-10', 5, 1.0, 4.0, '[]', '/1/3/', 0)"));
    return ok_status();
  });
  ASSERT_TRUE(s.ok()) << s.error().message_en;
  auto categories = [&](const std::string& code) {
    auto w = warnings_for_area(*db_, code, kAsOf);
    EXPECT_TRUE(w.ok());
    std::set<std::string> out;
    for (const auto& x : *w) out.insert(x.category);
    return out;
  };
  EXPECT_TRUE(categories("09001").count("scam"));
  EXPECT_FALSE(categories("09001").count("theft"));
  EXPECT_TRUE(categories("09002").count("theft"));
  EXPECT_FALSE(categories("09002").count("drugs"));  // 20 days old
  EXPECT_TRUE(categories("27").count("scam"));
  EXPECT_TRUE(categories("27").count("theft"));
  EXPECT_EQ(warnings_for_area(*db_, "99999", kAsOf).error().code, ErrorCode::not_found);

  auto w = warnings_for_area(*db_, "09002", kAsOf);
  ASSERT_TRUE(w.ok());
  Json theft;
  for (const auto& x : *w)
    if (x.category == "theft") theft = warning_json(x, "vi");
  EXPECT_EQ(theft["observed"], 6);
  EXPECT_NE(theft["text"].get<std::string>().find("Phường B"), std::string::npos);
  EXPECT_FALSE(theft.contains("locations"));
  EXPECT_FALSE(theft.contains("center"));
  // People read a whole number of expected reports, never a fraction with a decimal point.
  Warning fractional{1, "theft", "ears_c2", "2026-11-01", "2026-11-01", 12, 19.6, "09002", "Phường B"};
  EXPECT_NE(warning_json(fractional, "vi")["text"].get<std::string>().find("thường khoảng 20)"), std::string::npos);
  EXPECT_NE(warning_json(fractional, "en")["text"].get<std::string>().find("(about 20 expected)"), std::string::npos);
  EXPECT_EQ(warning_json(fractional, "vi")["text"].get<std::string>().find("19.6"), std::string::npos);
}

TEST_F(HotspotDbTest, WarningsRouteIsPublicAndRejectsBadAreas) {
  EXPECT_EQ(get("/api/v1/warnings", {{"area_code", "09001"}}, std::nullopt).status, 200);
  EXPECT_EQ(get("/api/v1/warnings", {}, std::nullopt).status, 400);
  EXPECT_EQ(get("/api/v1/warnings", {{"area_code", "nope"}}, std::nullopt).status, 404);
}

}  // namespace
}  // namespace antoan::hotspots

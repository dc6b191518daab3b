// Tests of the demo dataset on a small run (2,000 reports): every case state present, case
// histories consistent with the life cycle, the planted scam wave present, valid users and
// roles, the rules the server relies on (receipts, no contact, place paths, routing).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "demo/demo.h"
#include "demo/texts.h"
#include "security/password.h"
#include "security/policy.h"
#include "security/principal.h"

namespace antoan::demo {
namespace {

std::string temp_db_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("antoan_demo_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto p = dir / (name + ".db");
  std::filesystem::remove(p);
  return p.string();
}

EpochMs demo_today() {
  EpochMs t = 0;
  EXPECT_TRUE(parse_iso8601("2026-11-20T03:00:00Z", t));
  return t;
}

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto db = store::open_db(temp_db_path("small"));
    ASSERT_TRUE(db.ok()) << db.error().message_en;
    db_ = std::move(*db).release();
    DemoOptions o;
    o.reports = 2000;
    o.today = demo_today();
    auto s = build_demo(*db_, o);
    ASSERT_TRUE(s.ok()) << s.error().message_en;
    summary_ = new DemoSummary(*s);
  }
  static void TearDownTestSuite() {
    db_->close();
    delete db_;
    delete summary_;
  }
  static std::int64_t count(const std::string& sql, const store::Params& p = {}) {
    auto rows = db_->query(sql, p);
    EXPECT_TRUE(rows.ok()) << sql << ": " << (rows.ok() ? "" : rows.error().message_en);
    return rows.ok() ? (*rows)[0].i64(0) : -1;
  }
  static store::Db* db_;
  static DemoSummary* summary_;
};
store::Db* DemoTest::db_ = nullptr;
DemoSummary* DemoTest::summary_ = nullptr;

TEST_F(DemoTest, WritesTheRequestedNumberOfReportsEachWithOneCase) {
  EXPECT_EQ(summary_->reports, 2000);
  EXPECT_EQ(count("SELECT count(*) FROM reports"), 2000);
  EXPECT_EQ(count("SELECT count(*) FROM cases"), 2000);
  EXPECT_EQ(count("SELECT count(*) FROM reports WHERE receipt_hash NOT LIKE 'demo:%'"), 0);
  EXPECT_EQ(count("SELECT count(DISTINCT receipt_hash) FROM reports"), 2000);
  EXPECT_EQ(count("SELECT count(*) FROM reports WHERE contact_enc IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM reports WHERE created_at > $1", {demo_today()}), 0);
  EXPECT_EQ(count("SELECT count(*) FROM reports WHERE created_at < $1", {demo_today() - 366 * 86400000LL}), 0);
}

TEST_F(DemoTest, HasCasesInEveryState) {
  auto rows = db_->query("SELECT status, count(*) FROM cases GROUP BY status");
  ASSERT_TRUE(rows.ok());
  std::map<std::string, std::int64_t> by_status;
  for (const auto& r : *rows) by_status[r.str(0)] = r.i64(1);
  for (const char* s : {"new", "triaged", "assigned", "in_progress", "resolved", "closed", "rejected", "reopened"})
    EXPECT_GT(by_status[s], 0) << s;
  EXPECT_EQ(by_status.size(), 8u);
}

TEST_F(DemoTest, CaseHistoriesFollowTheLifeCycle) {
  // Allowed moves (the cases module's life cycle).
  static const std::set<std::pair<std::string, std::string>> allowed = {
      {"new", "triaged"},         {"new", "assigned"},          {"new", "rejected"},      {"triaged", "assigned"},
      {"triaged", "in_progress"}, {"triaged", "rejected"},      {"assigned", "in_progress"}, {"assigned", "triaged"},
      {"in_progress", "resolved"}, {"in_progress", "assigned"}, {"resolved", "closed"},   {"resolved", "reopened"},
      {"closed", "reopened"},     {"rejected", "reopened"},     {"reopened", "triaged"},  {"reopened", "assigned"},
      {"reopened", "in_progress"}};
  auto cases = db_->query("SELECT id, status, created_at, updated_at FROM cases ORDER BY id");
  auto events = db_->query("SELECT case_id, at, kind, from_status, to_status, actor_kind FROM case_events "
                           "ORDER BY case_id, id");
  ASSERT_TRUE(cases.ok() && events.ok());
  std::size_t e = 0;
  for (const auto& c : *cases) {
    std::int64_t id = c.i64(0);
    ASSERT_LT(e, events->size());
    const auto& first = (*events)[e];
    ASSERT_EQ(first.i64(0), id);
    EXPECT_EQ(first.str(2), "created");
    EXPECT_EQ(first.str(4), "new");
    EXPECT_EQ(first.i64(1), c.i64(2));  // created event at the case's creation
    std::string status = "new";
    EpochMs last = first.i64(1);
    for (++e; e < events->size() && (*events)[e].i64(0) == id; ++e) {
      const auto& ev = (*events)[e];
      EXPECT_GE(ev.i64(1), last) << "case " << id;
      EXPECT_LE(ev.i64(1), demo_today());
      last = ev.i64(1);
      EXPECT_NE(ev.str(2), "created") << "case " << id;
      if (ev.str(2) != "transition") continue;
      EXPECT_EQ(ev.str(3), status) << "case " << id;
      EXPECT_TRUE(allowed.count({ev.str(3), ev.str(4)})) << ev.str(3) << " -> " << ev.str(4);
      status = ev.str(4);
    }
    EXPECT_EQ(status, c.str(1)) << "case " << id;
    EXPECT_EQ(c.i64(3), last) << "case " << id;
  }
  EXPECT_EQ(e, events->size());
}

TEST_F(DemoTest, PlantsAScamWaveNearYenPhong) {
  ASSERT_FALSE(summary_->clusters.empty());
  const PlantedCluster& wave = summary_->clusters.front();
  EXPECT_EQ(wave.category, "scam");
  EXPECT_EQ(wave.near, "KCN Yên Phong");
  auto near = [&](EpochMs from, EpochMs to) {
    auto rows = db_->query("SELECT lat, lon FROM reports WHERE category = 'scam' AND lat IS NOT NULL AND "
                           "created_at >= $1 AND created_at < $2",
                           {from, to});
    EXPECT_TRUE(rows.ok());
    int n = 0;
    for (const auto& r : *rows) {
      double dy = (r.f64(0) - wave.lat) * 111.0;
      double dx = (r.f64(1) - wave.lon) * 111.0 * std::cos(wave.lat * M_PI / 180);
      if (std::sqrt(dx * dx + dy * dy) <= wave.radius_km + 0.05) ++n;
    }
    return n;
  };
  const EpochMs day = 86400000LL;
  int recent = near(demo_today() - 6 * day, demo_today() + 1);
  int before = near(demo_today() - 90 * day, demo_today() - 6 * day);  // 84 days = 14 windows of 6
  EXPECT_GE(recent, wave.reports);
  EXPECT_GT(recent, 5 * (before / 14.0 + 1)) << "recent " << recent << ", before " << before;
  EXPECT_GT(count("SELECT count(*) FROM reports WHERE description LIKE '%0899 123 123%' AND created_at >= $1",
                  {demo_today() - 6 * day}),
            0);
}

TEST_F(DemoTest, UsersHaveValidRolesAndDemoLoginsWork) {
  auto rows = db_->query("SELECT u.username, u.role, u.password_hash, o.kind, u.team_id FROM users u "
                         "JOIN organisations o ON o.id = u.org_id");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(static_cast<std::int64_t>(rows->size()), count("SELECT count(*) FROM users"));
  std::set<std::string> roles;
  for (const auto& r : *rows) {
    EXPECT_TRUE(security::parse_role(r.str(1))) << r.str(0) << " " << r.str(1);
    roles.insert(r.str(1));
    if (r.str(1) == "police_officer") {
      EXPECT_EQ(r.str(3), "police") << r.str(0);
    }
    if (r.str(1) == "enterprise_officer") {
      EXPECT_EQ(r.str(3), "enterprise") << r.str(0);
    }
    if (r.str(1) == "team_leader") {
      EXPECT_FALSE(r.is_null(4));
    }
  }
  EXPECT_EQ(roles.size(), 6u);
  EXPECT_EQ(summary_->logins.size(), 10u);
  for (const DemoLogin& login : summary_->logins) {
    auto hash = db_->query("SELECT password_hash FROM users WHERE username = $1", {login.username});
    ASSERT_TRUE(hash.ok() && !hash->empty()) << login.username;
    EXPECT_TRUE(security::verify_password((*hash)[0].str(0), kDemoPassword)) << login.username;
    EXPECT_FALSE(security::verify_password((*hash)[0].str(0), "wrong-password")) << login.username;
  }
  std::string text = describe_demo_logins(*db_);
  EXPECT_NE(text.find("ldld.bacninh"), std::string::npos);
  EXPECT_NE(text.find("congan.yenphong"), std::string::npos);
  EXPECT_NE(text.find(kDemoPassword), std::string::npos);
}

TEST_F(DemoTest, CasesArePlacedAndRoutedByTheRules) {
  // An enterprise's case sits under the enterprise; others under their commune/province node.
  EXPECT_EQ(count("SELECT count(*) FROM cases c JOIN organisations e ON e.id = c.enterprise_id "
                  "WHERE c.place_path <> e.path"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM cases c WHERE c.enterprise_id IS NULL AND NOT EXISTS (SELECT 1 FROM "
                  "organisations n WHERE n.path = c.place_path AND n.area_code = c.area_code AND "
                  "n.kind IN ('commune', 'province'))"),
            0);
  // Crime goes to police; workplace and wages to a union or a federation; the rest to a federation.
  EXPECT_EQ(count("SELECT count(*) FROM cases c JOIN organisations o ON o.id = c.org_id WHERE c.category IN "
                  "('scam', 'illegal_lending', 'drugs', 'theft', 'violence') AND o.kind <> 'police'"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM cases c JOIN organisations o ON o.id = c.org_id WHERE c.category IN "
                  "('workplace_safety', 'wages') AND o.kind NOT IN ('union', 'federation')"),
            0);
  EXPECT_GT(count("SELECT count(*) FROM cases c JOIN organisations o ON o.id = c.org_id WHERE o.kind = 'union'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM cases c JOIN organisations o ON o.id = c.org_id WHERE c.category IN "
                  "('dormitory_safety', 'commute', 'other') AND o.kind <> 'federation'"),
            0);
  // The team leader's meeting reports carry the team.
  EXPECT_GT(count("SELECT count(*) FROM cases WHERE team_id IS NOT NULL AND created_by_user IS NOT NULL"), 0);
}

TEST_F(DemoTest, TheTeamLeaderLeadsATeamWithHousesMembersAndMeetings) {
  auto team = db_->query("SELECT u.team_id FROM users u JOIN housing_teams t ON t.id = u.team_id "
                         "WHERE u.username = 'totruong.yenphong' AND t.leader_user_id = u.id AND t.area_code = '09193'");
  ASSERT_TRUE(team.ok());
  ASSERT_EQ(team->size(), 1u);
  std::string id = std::to_string((*team)[0].i64(0));
  EXPECT_GE(count("SELECT count(*) FROM boarding_houses WHERE team_id = " + id), 5);
  EXPECT_GE(count("SELECT count(*) FROM team_members WHERE team_id = " + id), 6);
  EXPECT_GE(count("SELECT count(*) FROM team_meetings WHERE team_id = " + id), 1);
  // Meeting reports carry that team; and there are uncovered houses with 30+ workers (the gap list).
  EXPECT_EQ(count("SELECT count(*) FROM cases WHERE team_id IS NOT NULL AND team_id <> " + id), 0);
  EXPECT_GT(count("SELECT count(*) FROM boarding_houses WHERE team_id IS NULL AND residents >= 30"), 0);
  // No landlord contact or member phone in the demo (it has no field key).
  EXPECT_EQ(count("SELECT count(*) FROM boarding_houses WHERE landlord_contact_enc IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM team_members WHERE phone_enc IS NOT NULL"), 0);
}

TEST_F(DemoTest, DescriptionsAreVariedVietnameseSomeWithoutDiacritics) {
  auto rows = db_->query("SELECT description FROM reports");
  ASSERT_TRUE(rows.ok());
  std::set<std::string> distinct;
  int ascii = 0;
  for (const auto& r : *rows) {
    std::string d = r.str(0);
    distinct.insert(d);
    bool only_ascii = true;
    for (unsigned char ch : d) only_ascii = only_ascii && ch < 0x80;
    if (only_ascii) ++ascii;
  }
  EXPECT_GT(distinct.size(), 1000u);
  EXPECT_GT(ascii, 100);
  EXPECT_LT(ascii, 1000);
}

TEST_F(DemoTest, RefusesADatabaseThatAlreadyHasData) {
  DemoOptions o;
  o.reports = 200;
  auto again = build_demo(*db_, o);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST(DemoOptions, RejectsBadReportCounts) {
  auto db = store::open_db(temp_db_path("bad"));
  ASSERT_TRUE(db.ok());
  DemoOptions o;
  o.reports = -5;
  EXPECT_EQ(build_demo(**db, o).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(describe_demo_logins(**db), "");
  (*db)->close();
}

TEST(DemoTexts, TeencodeFoldsAndAbbreviates) {
  EXPECT_EQ(to_teencode("Em không biết được gì"), "e ko bit dc j");
  std::mt19937_64 rng(1);
  for (const auto& c : security::all_categories())
    EXPECT_FALSE(make_description(c, {"công ty ABC", "KCN Quế Võ", "phường Phương Liễu"}, rng).empty()) << c;
}

}  // namespace
}  // namespace antoan::demo

// Unit tests of the housing capability: validation, CSV, KPI arithmetic, the QR code and the
// poster, policy for housing, and the service against a real SQLite database (scoping, sealed
// landlord contact, meetings opening cases, all-or-nothing import).
#include <gtest/gtest.h>

#include <array>
#include <random>

#include "housing/csv.h"
#include "housing/housing_service.h"
#include "housing/kpi.h"
#include "housing/model.h"
#include "housing/poster.h"
#include "housing/qr.h"
#include "orgs/seed.h"
#include "orgs/service.h"
#include "security/field_crypto.h"
#include "security/policy.h"
#include "store/testing.h"

namespace antoan::housing {
namespace {

Json parse(const char* s) { return Json::parse(s); }

// ---- model ----

TEST(HousingModel, HouseNeedsNameAddressArea) {
  auto ok = parse_house(parse(R"({"name":" Nhà trọ Hạnh ","address":"Ngõ 5","area_code":"09193","residents":40})"), true);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok->name, "Nhà trọ Hạnh");
  EXPECT_EQ(*ok->residents, 40);
  auto missing = parse_house(parse(R"({"name":"A","area_code":"09193"})"), true);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "address");
  EXPECT_EQ(missing.error().code, ErrorCode::unprocessable);
  // PATCH: everything optional.
  EXPECT_TRUE(parse_house(parse(R"({"rooms":3})"), false).ok());
}

TEST(HousingModel, HouseRejectsBadValues) {
  struct Case {
    const char* json;
    const char* field;
    ErrorCode code;
  };
  for (const Case& c : std::array<Case, 6>{{
           {R"({"name":"A","address":"B","area_code":"1","residents":-1})", "residents", ErrorCode::unprocessable},
           {R"({"name":"A","address":"B","area_code":"1","residents":"40"})", "residents", ErrorCode::invalid_argument},
           {R"({"name":"A","address":"B","area_code":"1","lat":21.0})", "lon", ErrorCode::unprocessable},
           {R"({"name":"A","address":"B","area_code":"1","lat":48.8,"lon":2.3})", "lat", ErrorCode::unprocessable},
           {R"({"name":"A\u0001","address":"B","area_code":"1"})", "name", ErrorCode::invalid_argument},
           {R"({"name":"A","address":"B","area_code":"1","team_id":0})", "team_id", ErrorCode::unprocessable},
       }}) {
    auto r = parse_house(Json::parse(c.json), true);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().field, c.field) << c.json;
    EXPECT_EQ(r.error().code, c.code) << c.json;
  }
}

TEST(HousingModel, NamesAreNfc) {
  // "Hòa" typed with a combining grave accent (NFD) becomes the precomposed form.
  auto r = parse_member(parse("{\"name\":\"Ho\\u0300a\"}"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->name, "H\xC3\xB2" "a");
  EXPECT_EQ(r->role, "member");
  EXPECT_FALSE(parse_member(parse(R"({"name":"A","role":"boss"})")).ok());
}

TEST(HousingModel, Dates) {
  EXPECT_TRUE(is_date("2026-02-28"));
  EXPECT_FALSE(is_date("2026-02-30"));
  EXPECT_FALSE(is_date("2026-2-3"));
  EXPECT_FALSE(is_date("abcd-ef-gh"));
  EXPECT_TRUE(is_month("2026-11"));
  EXPECT_FALSE(is_month("2026-13"));
  auto future = parse_meeting(parse(R"({"held_on":"2999-01-01","attendance":3,"topics":"x"})"), "2026-11-23");
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "held_on");
  auto ok = parse_meeting(parse(R"({"held_on":"2026-11-20","attendance":31,"topics":"PCCC",
      "issues":[{"category":"dormitory_safety","description":"Ổ điện cháy xém"}]})"),
                          "2026-11-23");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->issues.size(), 1u);
  auto bad_issue = parse_meeting(parse(R"({"held_on":"2026-11-20","attendance":3,"topics":"x",
      "issues":[{"category":"nope","description":"d"}]})"),
                                 "2026-11-23");
  ASSERT_FALSE(bad_issue.ok());
  EXPECT_EQ(bad_issue.error().field, "issues[0].category");
}

// ---- CSV ----

TEST(HousingCsv, QuotesLineBreaksBomAndLineNumbers) {
  auto rows = parse_csv("\xEF\xBB\xBFname,address\r\n\"Nhà \"\"A\"\"\",\"Ngõ 1,\nYên Phong\"\r\n\r\nB,C\n");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].fields[0], "name");
  EXPECT_EQ((*rows)[1].fields[0], "Nhà \"A\"");
  EXPECT_EQ((*rows)[1].fields[1], "Ngõ 1,\nYên Phong");
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_EQ((*rows)[2].line, 5);  // after the two-line field and a blank line
  EXPECT_FALSE(parse_csv("a,\"b\n").ok());
  EXPECT_FALSE(parse_csv("a,\xFF\n").ok());
}

TEST(HousingCsv, WriterQuotesAndNeutralisesFormulas) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  EXPECT_EQ(csv_field("+84 912 345 678"), "+84 912 345 678");
  auto back = parse_csv(csv_line({"x,y", "line\nbreak", "q\""}));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)[0].fields, (std::vector<std::string>{"x,y", "line\nbreak", "q\""}));
}

TEST(HousingCsv, RandomInputNeverCrashesAndRoundTrips) {
  std::mt19937_64 rng(42);
  const std::string alphabet = std::string("ab,\"\r\n =+-\xC3\xA1") + '\0';
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = static_cast<int>(rng() % 40); n > 0; --n) text += alphabet[rng() % alphabet.size()];
    (void)parse_csv(text);  // an Error or rows, never a crash
    std::vector<std::string> fields = {text, "x"};
    auto back = parse_csv(csv_line(fields));
    if (!back.ok()) continue;  // invalid UTF-8 cut in the middle of "á"
    ASSERT_EQ(back->size(), 1u) << text;
    std::string got = (*back)[0].fields[0];
    if (!got.empty() && got[0] == '\'' && (text.empty() || text[0] != '\'')) got.erase(0, 1);  // formula guard
    EXPECT_EQ(got, text);
  }
}

// ---- KPI ----

TEST(HousingKpi, CoverageOnAConstructedDataset) {
  std::vector<HouseFact> houses = {
      {1, "A", "", "00001", 30, 7},           // at the threshold, covered
      {2, "B", "", "00001", 29, std::nullopt},  // below: not counted
      {3, "C", "", "00001", 120, std::nullopt},  // gap
      {4, "D", "", "00002", 45, 8},
      {5, "E", "", "00002", 60, std::nullopt},  // gap
  };
  CoverageReport r = compute_coverage(houses);
  EXPECT_EQ(r.total.houses, 5);
  EXPECT_EQ(r.total.houses_30plus, 4);
  EXPECT_EQ(r.total.covered_30plus, 2);
  EXPECT_EQ(r.total.workers_30plus, 255);
  EXPECT_EQ(r.total.covered_workers_30plus, 75);
  EXPECT_DOUBLE_EQ(r.total.rate(), 0.5);
  EXPECT_EQ(r.by_area["00001"].houses_30plus, 2);
  EXPECT_EQ(r.by_area["00001"].covered_30plus, 1);
  ASSERT_EQ(r.gaps.size(), 2u);
  EXPECT_EQ(r.gaps[0].id, 3);  // most residents first
  EXPECT_EQ(r.gaps[1].id, 5);
  EXPECT_DOUBLE_EQ(compute_coverage({}).total.rate(), 1.0);
}

TEST(HousingKpi, MeetingsHeldVersusExpected) {
  EXPECT_EQ(months_between("2025-11", "2026-02"), (std::vector<std::string>{"2025-11", "2025-12", "2026-01", "2026-02"}));
  EXPECT_TRUE(months_between("2026-03", "2026-02").empty());
  std::vector<TeamMeetingFact> teams = {
      {1, "T1", "2020-05-01", {"2026-01", "2026-03"}},  // 3 expected, 2 held
      {2, "T2", "2026-02-15", {"2026-02"}},             // founded in Feb: 2 expected, 1 held
      {3, "T3", "2026-06-01", {}},                      // founded later: nothing expected
  };
  auto rates = compute_meeting_rates(teams, "2026-01", "2026-03");
  ASSERT_EQ(rates.size(), 3u);
  EXPECT_EQ(rates[0].held, 2);
  EXPECT_EQ(rates[0].expected, 3);
  EXPECT_EQ(rates[1].held, 1);
  EXPECT_EQ(rates[1].expected, 2);
  EXPECT_EQ(rates[2].expected, 0);
}

// ---- QR and poster ----

TEST(HousingPoster, QrMatrixHasFinderPatterns) {
  auto m = qr_matrix("http://127.0.0.1:8080/report?house=12");
  ASSERT_TRUE(m.ok());
  ASSERT_GE(m->size(), 21u);
  // The top-left finder pattern: a dark 7x7 ring with a dark 3x3 centre.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE((*m)[0][i]);
    EXPECT_TRUE((*m)[6][i]);
  }
  EXPECT_FALSE((*m)[1][1]);
  EXPECT_TRUE((*m)[3][3]);
  EXPECT_FALSE(qr_matrix("").ok());
}

TEST(HousingPoster, PosterIsEscapedVietnameseA4WithQr) {
  std::string token = new_poster_token();
  EXPECT_EQ(token.size(), 22u);  // 128 bits, URL-safe base64
  EXPECT_NE(token, new_poster_token());
  PosterData d{"Nhà trọ <b>Hạnh</b>", "Ngõ 5 & 7", "Xã Yên Phong", report_url_for("http://x.vn/", token),
               std::string("Tổ tự quản số 1"), std::string("Ngô Văn Bình"), std::string("0912 345 678")};
  EXPECT_EQ(d.report_url, "http://x.vn/report?house=" + token);
  auto html = render_poster_html(d);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("size:A4"), std::string::npos);
  EXPECT_NE(html->find("lang=\"vi\""), std::string::npos);
  EXPECT_NE(html->find("&lt;b&gt;Hạnh&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html->find("<b>Hạnh</b>"), std::string::npos);
  EXPECT_NE(html->find("<svg"), std::string::npos);
  EXPECT_NE(html->find("113"), std::string::npos);
  EXPECT_NE(html->find("114"), std::string::npos);
  EXPECT_NE(html->find("0912 345 678"), std::string::npos);
  EXPECT_EQ(html->find("<script"), std::string::npos);
}

// ---- policy ----

security::Principal principal(security::Role role, std::string path, std::optional<std::int64_t> team = {}) {
  security::Principal p;
  p.user_id = 9;
  p.role = role;
  p.org_path = std::move(path);
  p.team_id = team;
  return p;
}

TEST(HousingPolicy, ScopesPerRole) {
  using security::Action;
  using security::Role;
  security::HousingScope mine{"/1/10/100/", 5}, other{"/1/20/200/", 6};
  auto leader = principal(Role::team_leader, "/1/10/100/", 5);
  EXPECT_TRUE(security::allows_housing(leader, Action::housing_manage, mine));
  EXPECT_FALSE(security::allows_housing(leader, Action::housing_view, other));
  EXPECT_FALSE(security::allows_housing(leader, Action::housing_view, {"/1/10/100/", 6}));
  EXPECT_FALSE(security::allows_housing(leader, Action::housing_organise, mine));
  EXPECT_TRUE(security::allows_housing(leader, Action::housing_reveal_contact, mine));
  auto fed = principal(Role::federation_officer, "/1/10/");
  EXPECT_TRUE(security::allows_housing(fed, Action::housing_organise, mine));
  EXPECT_FALSE(security::allows_housing(fed, Action::housing_view, other));
  auto ent = principal(Role::enterprise_officer, "/1/");
  EXPECT_FALSE(security::allows_housing(ent, Action::housing_view, mine));
  EXPECT_FALSE(security::allows_housing(ent, Action::housing_reveal_contact, mine));
  EXPECT_EQ(security::housing_filter(ent, "h.place_path", "h.team_id", 1).sql, "1 = 0");
  auto admin = principal(Role::admin, "/1/");
  EXPECT_TRUE(security::allows_housing(admin, Action::housing_view, other));
  EXPECT_FALSE(security::allows_housing(admin, Action::housing_reveal_contact, other));
  auto police = principal(Role::police_officer, "/1/20/");
  EXPECT_TRUE(security::allows_housing(police, Action::housing_view, other));
  EXPECT_FALSE(security::allows_housing(police, Action::housing_manage, other));
  auto no_team = principal(Role::team_leader, "/1/10/100/");
  EXPECT_FALSE(security::allows_housing(no_team, Action::housing_view, mine));
  EXPECT_EQ(security::housing_filter(no_team, "h.place_path", "h.team_id", 1).sql, "1 = 0");
}

// ---- service against SQLite ----

class HousingServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::testing::fresh_db("housing");
    ASSERT_TRUE(db_);
    ASSERT_TRUE(orgs::seed_reference_data(*db_).ok());
    orgs_ = std::make_unique<orgs::OrgService>(*db_);
    std::array<unsigned char, 32> key{};
    key[0] = 7;
    crypto_ = std::make_unique<security::FieldCrypto>(security::FieldCrypto::from_master_key(key));
    intake_ = std::make_unique<intake::IntakeService>(*db_, *orgs_, *crypto_);
    intake_->add_hook(make_house_check_hook());
    service_ = std::make_unique<HousingService>(*db_, *orgs_, *crypto_, *intake_);
    auto national = db_->query("SELECT path FROM organisations WHERE kind = 'national'");
    ASSERT_TRUE(national.ok() && !national->empty());
    admin_ = principal(security::Role::admin, (*national)[0].str(0));
    admin_.user_id = 0;
    auto commune = db_->query("SELECT code FROM areas WHERE level = 'commune' ORDER BY code LIMIT 2");
    ASSERT_TRUE(commune.ok() && commune->size() == 2);
    area1_ = (*commune)[0].str(0);
    area2_ = (*commune)[1].str(0);
  }
  std::int64_t make_team(const std::string& area) {
    TeamInput t;
    t.name = "Tổ " + area;
    t.area_code = area;
    t.leader_name = "Tổ trưởng";
    t.founded_on = "2025-01-01";
    auto j = service_->create_team(admin_, t);
    EXPECT_TRUE(j.ok()) << (j.ok() ? "" : j.error().message_en);
    return j.ok() ? (*j)["id"].get<std::int64_t>() : 0;
  }
  std::int64_t make_house(const std::string& area, std::int64_t residents, std::optional<std::int64_t> team,
                          std::optional<std::string> landlord = {}) {
    HouseInput h;
    h.name = "Nhà trọ " + std::to_string(residents);
    h.address = "Ngõ " + std::to_string(residents);
    h.area_code = area;
    h.residents = residents;
    h.team_id = team;
    h.landlord_contact = landlord;
    auto j = service_->create_house(admin_, h);
    EXPECT_TRUE(j.ok()) << (j.ok() ? "" : j.error().message_en);
    return j.ok() ? (*j)["id"].get<std::int64_t>() : 0;
  }
  std::unique_ptr<store::Db> db_;
  std::unique_ptr<orgs::OrgService> orgs_;
  std::unique_ptr<security::FieldCrypto> crypto_;
  std::unique_ptr<intake::IntakeService> intake_;
  std::unique_ptr<HousingService> service_;
  security::Principal admin_;
  std::string area1_, area2_;
};

TEST_F(HousingServiceTest, LandlordContactIsSealedAndRevealIsAudited) {
  std::int64_t house = make_house(area1_, 40, std::nullopt, "0987 111 222");
  auto stored = db_->query("SELECT landlord_contact_enc FROM boarding_houses WHERE id = $1", {house});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ((*stored)[0].str(0).find("0987"), std::string::npos);
  EXPECT_EQ((*stored)[0].str(0).rfind("v1:", 0), 0u);
  // Admin may not reveal; a team leader of the house's team may.
  EXPECT_EQ(service_->reveal_landlord(admin_, house, "kiểm tra PCCC định kỳ").error().code, ErrorCode::forbidden);
  std::int64_t team = make_team(area1_);
  HouseInput move;
  move.team_id = team;
  ASSERT_TRUE(service_->update_house(admin_, house, move).ok());
  auto leader = principal(security::Role::team_leader, "/x/", team);
  auto contact = service_->reveal_landlord(leader, house, "kiểm tra PCCC định kỳ");
  ASSERT_TRUE(contact.ok());
  EXPECT_EQ(*contact, "0987 111 222");
  auto audit = db_->query("SELECT count(*) FROM audit_log WHERE action = 'landlord.reveal'");
  EXPECT_EQ((*audit)[0].i64(0), 1);
}

TEST_F(HousingServiceTest, TeamLeaderSeesOnlyTheirTeam) {
  std::int64_t t1 = make_team(area1_), t2 = make_team(area2_);
  std::int64_t h1 = make_house(area1_, 50, t1), h2 = make_house(area2_, 50, t2);
  auto leader = principal(security::Role::team_leader, "/x/", t1);
  EXPECT_TRUE(service_->get_house(leader, h1).ok());
  EXPECT_EQ(service_->get_house(leader, h2).error().code, ErrorCode::not_found);
  EXPECT_EQ(service_->get_team(leader, t2).error().code, ErrorCode::not_found);
  auto list = service_->list_houses(leader, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ((*list)["total"], 1);
  // A leader cannot move their house to another team.
  HouseInput move;
  move.team_id = t2;
  EXPECT_EQ(service_->update_house(leader, h1, move).error().code, ErrorCode::forbidden);
}

TEST_F(HousingServiceTest, MeetingIssueOpensACaseTheLeaderFollows) {
  std::int64_t team = make_team(area1_);
  std::int64_t house = make_house(area1_, 35, team);
  auto leader = principal(security::Role::team_leader, "/x/", team);
  leader.user_id = 0;  // no account row needed: created_by_user stays NULL-safe
  MeetingInput m;
  m.held_on = "2026-01-10";
  m.attendance = 28;
  m.topics = "PCCC";
  m.issues.push_back({"dormitory_safety", "Ổ điện cháy xém ở phòng 4", house});
  auto j = service_->create_meeting(leader, team, m);
  ASSERT_TRUE(j.ok()) << j.error().message_en;
  ASSERT_EQ((*j)["cases"].size(), 1u);
  std::int64_t case_id = (*j)["cases"][0]["case_id"];
  auto c = db_->query("SELECT c.team_id, c.boarding_house_id, r.channel FROM cases c JOIN reports r ON r.id = c.report_id "
                      "WHERE c.id = $1",
                      {case_id});
  ASSERT_TRUE(c.ok() && c->size() == 1);
  EXPECT_EQ((*c)[0].i64(0), team);
  EXPECT_EQ((*c)[0].i64(1), house);
  EXPECT_EQ((*c)[0].str(2), "meeting");
  // An issue about a house of another team is refused before anything is written.
  std::int64_t other = make_house(area2_, 35, make_team(area2_));
  m.issues = {{"dormitory_safety", "x", other}};
  EXPECT_EQ(service_->create_meeting(leader, team, m).error().field, "issues[0].boarding_house_id");
}

TEST_F(HousingServiceTest, ImportIsAllOrNothingWithRowNumbers) {
  std::string bad = "name,address,area_code,residents\n"
                    "A,Ngõ 1," + area1_ + ",40\n"
                    "B,Ngõ 2,99999,40\n"
                    "C,,"+ area1_ + ",x\n";
  auto out = service_->import_csv(admin_, "houses", bad);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->errors.size(), 2u);
  EXPECT_EQ(out->errors[0].row, 3);
  EXPECT_EQ(out->errors[0].field, "area_code");
  EXPECT_EQ(out->errors[1].row, 4);
  auto count = db_->query("SELECT count(*) FROM boarding_houses");
  EXPECT_EQ((*count)[0].i64(0), 0);
  std::string good = "name,address,area_code,residents,landlord_contact\nA,Ngõ 1," + area1_ + ",40,0912\nB,Ngõ 2," +
                     area2_ + ",10,\n";
  out = service_->import_csv(admin_, "houses", good);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->errors.empty());
  EXPECT_EQ(out->imported, 2);
  auto csv = service_->export_csv(admin_, "houses");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->find("0912"), std::string::npos);  // never exported
  EXPECT_NE(csv->find("Ngõ 2"), std::string::npos);
}

TEST_F(HousingServiceTest, PoliceViewOnlyEnterpriseNothing) {
  std::int64_t team = make_team(area1_);
  std::int64_t house = make_house(area1_, 40, team, "0911");
  auto node = db_->query("SELECT place_path FROM boarding_houses WHERE id = $1", {house});
  auto police = principal(security::Role::police_officer, (*node)[0].str(0));
  EXPECT_TRUE(service_->get_house(police, house).ok());
  EXPECT_EQ(service_->update_house(police, house, HouseInput{}).error().code, ErrorCode::forbidden);
  auto team_json = service_->get_team(police, team);
  ASSERT_TRUE(team_json.ok());
  EXPECT_FALSE((*team_json)["can_edit"].get<bool>());
  auto ent = principal(security::Role::enterprise_officer, "/");
  EXPECT_EQ(service_->get_house(ent, house).error().code, ErrorCode::forbidden);
  EXPECT_EQ(service_->list_houses(ent, {}).error().code, ErrorCode::forbidden);
  EXPECT_EQ(service_->reveal_landlord(ent, house, "kiểm tra PCCC định kỳ").error().code, ErrorCode::forbidden);
  EXPECT_EQ(service_->kpi(ent, {std::nullopt, std::nullopt, "2026-01", "2026-01"}).error().code, ErrorCode::forbidden);
}

TEST_F(HousingServiceTest, ReportWithUnknownHouseIsRefused) {
  intake::ReportInput in;
  in.category = "dormitory_safety";
  in.description = "Cháy";
  in.area_code = area1_;
  in.boarding_house_id = 424242;
  auto r = intake_->submit(in, std::nullopt, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "boarding_house_id");
  auto count = db_->query("SELECT count(*) FROM reports");
  EXPECT_EQ((*count)[0].i64(0), 0);
}

}  // namespace
}  // namespace antoan::housing

// Tests of security/projection: what an enterprise officer and a team leader see of a case, its
// history, referrals, links, photos, houses and webhook payloads (never coordinates, houses,
// channels, contacts, reveals or sub-day times), and that staff see every listed field.
#include "security/projection.h"

#include <gtest/gtest.h>

#include <cctype>
#include <functional>

namespace antoan::security {
namespace {

const Viewer kStaff{Audience::staff, 1};
const Viewer kEnterprise{Audience::enterprise, 100};
const Viewer kTeamLeader{Audience::team_leader, 7};

Json case_detail() {
  return {{"id", 42},
          {"category", "wages"},
          {"status", "new"},
          {"priority", "normal"},
          {"org_id", 101},
          {"org_name", "CĐCS Công ty ABC"},
          {"area_code", "09280"},
          {"area_name", "Xã Yên Phong"},
          {"enterprise_id", 100},
          {"enterprise_name", "Công ty ABC"},
          // 20:30 UTC is 03:30 the next morning in Vietnam: the day must be the local one.
          {"created_at", "2026-11-23T20:30:15.123Z"},
          {"updated_at", "2026-11-24T01:02:03.004Z"},
          {"incident_at", "2026-11-23T14:00:00.000Z"},
          {"ack_due_at", "2026-11-24T20:30:15.123Z"},
          {"resolve_due_at", "2026-11-30T20:30:15.123Z"},
          {"overdue", false},
          {"escalation_level", 0},
          {"summary", "Chưa trả lương tháng 10"},
          {"description", "Chưa trả lương tháng 10 cho tổ 3"},
          {"lat", 21.19876},
          {"lon", 106.01234},
          {"exact_location", false},
          {"boarding_house_id", 17},
          {"channel", "web"},
          {"has_contact", true},
          {"can_reveal_contact", true},
          {"can_message", true},
          {"allowed_transitions", {"triaged"}},
          {"history",
           {{{"id", 1}, {"at", "2026-11-23T20:30:15.123Z"}, {"kind", "created"}, {"actor_kind", "reporter"},
             {"actor_name", nullptr}, {"actor_org_name", nullptr}, {"from_status", nullptr}, {"to_status", "new"},
             {"body", nullptr}, {"visible_to_reporter", true}},
            {{"id", 2}, {"at", "2026-11-24T01:00:00.000Z"}, {"kind", "contact_revealed"}, {"actor_kind", "user"},
             {"actor_name", "Nguyễn Văn A"}, {"actor_org_name", "LĐLĐ Bắc Ninh"}, {"from_status", nullptr},
             {"to_status", nullptr}, {"body", "Gọi lại cho chị Lan ở tổ 3"}, {"visible_to_reporter", true}},
            {{"id", 3}, {"at", "2026-11-24T01:01:00.000Z"}, {"kind", "reporter_message"}, {"actor_kind", "reporter"},
             {"actor_name", nullptr}, {"actor_org_name", nullptr}, {"from_status", nullptr}, {"to_status", nullptr},
             {"body", "Em làm ca đêm"}, {"visible_to_reporter", true}},
            {{"id", 4}, {"at", "2026-11-24T01:02:00.000Z"}, {"kind", "referral"}, {"actor_kind", "user"},
             {"actor_name", "Trần B"}, {"actor_org_name", "LĐLĐ Bắc Ninh"}, {"from_status", nullptr},
             {"to_status", nullptr}, {"body", "CĐCS ABC: nạn nhân là chị Lan"}, {"visible_to_reporter", false}},
            {{"id", 5}, {"at", "2026-11-24T01:02:03.004Z"}, {"kind", "message"}, {"actor_kind", "user"},
             {"actor_name", "Trần B"}, {"actor_org_name", "LĐLĐ Bắc Ninh"}, {"from_status", nullptr},
             {"to_status", nullptr}, {"body", "Chúng tôi đã liên hệ công ty"}, {"visible_to_reporter", true}}}}};
}

// Every key anywhere in `j`, with its value.
void walk(const Json& j, const std::function<void(const std::string&, const Json&)>& visit) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      visit(k, v);
      walk(v, visit);
    }
  } else if (j.is_array()) {
    for (const Json& v : j) walk(v, visit);
  }
}

// "YYYY-MM-DDTHH:MM" anywhere in the text: a time finer than the day.
bool has_sub_day_time(const std::string& s) {
  const std::string shape = "dddd-dd-ddTdd:dd";
  for (std::size_t i = 0; i + shape.size() <= s.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < shape.size() && match; ++k) {
      char c = s[i + k];
      match = shape[k] == 'd' ? std::isdigit(static_cast<unsigned char>(c)) != 0 : c == shape[k];
    }
    if (match) return true;
  }
  return false;
}

void expect_nothing_locating(const Json& j) {
  walk(j, [](const std::string& key, const Json& value) {
    for (const char* banned : {"lat", "lon", "boarding_house_id", "house_id", "channel", "has_contact",
                               "can_reveal_contact", "contact", "actor_kind", "actor_name", "visible_to_reporter"})
      EXPECT_NE(key, banned);
    if (value.is_string()) {
      EXPECT_FALSE(has_sub_day_time(value.get<std::string>())) << key << ": " << value;
    }
  });
}

TEST(Projection, StaffSeeEveryListedField) {
  Json detail = case_detail();
  EXPECT_EQ(project(kStaff, View::case_item, detail), detail);
}

TEST(Projection, AnEnterpriseSeesTheCaseButNothingThatLocatesTheReporter) {
  Json seen = project(kEnterprise, View::case_item, case_detail());
  expect_nothing_locating(seen);
  EXPECT_EQ(seen["description"], "Chưa trả lương tháng 10 cho tổ 3");
  EXPECT_EQ(seen["enterprise_name"], "Công ty ABC");
  EXPECT_EQ(seen["area_name"], "Xã Yên Phong");
  EXPECT_EQ(seen["created_at"], "2026-11-24");  // the local (UTC+7) day
  EXPECT_EQ(seen["incident_at"], "2026-11-23");
  EXPECT_EQ(seen["ack_due_at"], "2026-11-25");
  // History: what happened and what officers wrote, never reveals, reporters' words or notes.
  ASSERT_EQ(seen["history"].size(), 2u);
  EXPECT_EQ(seen["history"][0]["kind"], "created");
  EXPECT_EQ(seen["history"][1]["kind"], "message");
  EXPECT_EQ(seen["history"][1]["actor_org_name"], "LĐLĐ Bắc Ninh");
  EXPECT_EQ(seen.dump().find("Lan"), std::string::npos);
}

TEST(Projection, TeamLeadersGetTheSameLimitsOnCases) {
  Json seen = project(kTeamLeader, View::case_item, case_detail());
  expect_nothing_locating(seen);
  EXPECT_EQ(seen["history"].size(), 2u);
}

TEST(Projection, UnlistedFieldsAreNeverShownInReleaseBuilds) {
#ifdef NDEBUG
  Json j = case_detail();
  j["secret_new_field"] = "x";
  EXPECT_FALSE(project(kStaff, View::case_item, j).contains("secret_new_field"));
  EXPECT_FALSE(project(kEnterprise, View::case_item, j).contains("secret_new_field"));
#else
  EXPECT_DEATH(project(kStaff, View::case_item, Json{{"secret_new_field", 1}}), "not listed");
#endif
}

TEST(Projection, ReferralReasonsOnlyForTheOrganisationsTheyName) {
  Json referral = {{"id", 9},           {"case_id", 42},        {"kind", "referral"},
                   {"from_org_id", 11}, {"from_org_name", "A"}, {"to_org_id", 101},
                   {"to_org_name", "B"}, {"reason", "nạn nhân là chị Lan"}, {"status", "pending"},
                   {"created_at", "2026-11-24T01:02:03.004Z"}, {"decided_at", nullptr},
                   {"decision_note", nullptr}, {"can_decide", false}};
  Json seen = project(kEnterprise, View::referral, referral);
  EXPECT_FALSE(seen.contains("reason"));
  EXPECT_EQ(seen["created_at"], "2026-11-24");
  Json addressed = project(Viewer{Audience::enterprise, 101}, View::referral, referral);
  EXPECT_EQ(addressed["reason"], "nạn nhân là chị Lan");
  EXPECT_EQ(project(kStaff, View::referral, referral), referral);
}

TEST(Projection, RowsSomeAudiencesNeverSee) {
  Json reporter_photo = {{"id", 1}, {"uploaded_by", "reporter"}, {"created_at", "2026-11-24T01:02:03.004Z"}};
  Json officer_photo = {{"id", 2}, {"uploaded_by", "user"}, {"created_at", "2026-11-24T01:02:03.004Z"}};
  Json photos = Json::array({reporter_photo, officer_photo});
  EXPECT_EQ(project_list(kEnterprise, View::attachment, photos).size(), 1u);
  EXPECT_EQ(project_list(kStaff, View::attachment, photos).size(), 2u);
  Json same_house = {{"case_id", 5}, {"reason", "same_house"}, {"category", "wages"}, {"status", "new"}};
  EXPECT_TRUE(project(kEnterprise, View::link, same_house).is_null());
  EXPECT_FALSE(project(kStaff, View::link, same_house).is_null());
  Json same_enterprise = same_house;
  same_enterprise["reason"] = "same_enterprise";
  Json seen = project(kEnterprise, View::link, same_enterprise);
  EXPECT_FALSE(seen.contains("reason"));
}

TEST(Projection, TeamLeadersSeeTheirHousesWithoutCoordinatesOrFineTimes) {
  Json house = {{"id", 3},  {"name", "Nhà trọ Hạnh"}, {"lat", 21.2}, {"lon", 106.0},
                {"created_at", "2026-11-24T01:02:03.004Z"},
                {"checks", {{{"id", 1}, {"house_id", 3}, {"checked_on", "2026-11-01"}}}}};
  Json seen = project(kTeamLeader, View::house, house);
  EXPECT_EQ(seen["name"], "Nhà trọ Hạnh");
  expect_nothing_locating(seen);
  EXPECT_EQ(seen["checks"][0]["checked_on"], "2026-11-01");
  EXPECT_EQ(project(kStaff, View::house, house), house);
  EXPECT_TRUE(project(kEnterprise, View::house, house).empty());
}

TEST(Projection, WebhookEventsAndDays) {
  EXPECT_FALSE(webhook_event_visible(Audience::enterprise, "case.reporter_reply"));
  EXPECT_TRUE(webhook_event_visible(Audience::staff, "case.reporter_reply"));
  EXPECT_TRUE(webhook_event_visible(Audience::enterprise, "case.created"));
  EXPECT_EQ(local_day_of("2026-12-31T17:00:00.000Z"), "2027-01-01");
  EXPECT_EQ(local_day_of("2026-12-31T16:59:59.999Z"), "2026-12-31");
  EXPECT_EQ(local_day_of("2026-11-01"), "2026-11-01");
  EXPECT_EQ(local_day_of("not a time"), "not a time");
}

TEST(Projection, AudiencesOfRoles) {
  EXPECT_EQ(audience_of(Role::enterprise_officer), Audience::enterprise);
  EXPECT_EQ(audience_of(Role::team_leader), Audience::team_leader);
  for (Role r : {Role::admin, Role::federation_officer, Role::union_officer, Role::police_officer})
    EXPECT_EQ(audience_of(r), Audience::staff);
}

}  // namespace
}  // namespace antoan::security

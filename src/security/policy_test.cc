// Tests of security/policy: the role x action table, per-case decisions (categories x inside
// or outside the subtree), the rules that never bend (enterprise and admin never reveal a
// reporter's contact; police only see crime), and case_filter's SQL filtering real rows in
// SQLite exactly as allows() decides, including LIKE wildcards in paths.
#include "security/policy.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "security/test_util.h"

namespace antoan::security {
namespace {

// The tree used below: province /1/, communes /1/10/ and /1/20/, enterprise /1/10/100/,
// and a sibling /1/100/ whose path shares the text prefix "/1/10".
Principal make(Role role, std::string org_path, std::int64_t user_id = 5, std::optional<std::int64_t> team = {}) {
  Principal p;
  p.user_id = user_id;
  p.role = role;
  p.org_path = std::move(org_path);
  p.team_id = team;
  return p;
}

std::vector<Action> all_actions() {
  std::vector<Action> out;
  for (const Grant& g : kGrants) out.push_back(g.action);
  return out;
}
const std::vector<Action> kAllActions = all_actions();

TEST(Categories, CodesLabelsAndCrimeSet) {
  EXPECT_EQ(all_categories().size(), 10u);
  for (const std::string& c : all_categories()) {
    EXPECT_TRUE(is_category(c));
    EXPECT_NE(category_label(c, "vi"), c);
    EXPECT_NE(category_label(c, "en"), c);
  }
  std::set<std::string> crime;
  for (const std::string& c : all_categories())
    if (is_crime_category(c)) crime.insert(c);
  EXPECT_EQ(crime, (std::set<std::string>{"scam", "illegal_lending", "drugs", "theft", "violence"}));
  EXPECT_EQ(category_label("scam", "vi"), "Lừa đảo");
  EXPECT_EQ(category_label("wages", "en"), "Wages & benefits");
  EXPECT_EQ(category_label("nope", "vi"), "nope");
  for (const char* bad : {"", "SCAM", "scam ", "crime", "other%"}) {
    EXPECT_FALSE(is_category(bad)) << bad;
    EXPECT_FALSE(is_crime_category(bad)) << bad;
  }
}

TEST(Policy, RoleActionTable) {
  // Rows: actions; columns: admin, federation, union, police, enterprise, team leader.
  const std::map<Action, std::vector<bool>> expected = {
      {Action::case_view, {1, 1, 1, 1, 1, 1}},
      {Action::case_transition, {1, 1, 1, 1, 1, 0}},
      {Action::case_message, {1, 1, 1, 1, 0, 1}},  // an enterprise answers; the union passes it on
      {Action::case_reveal_contact, {0, 1, 0, 1, 0, 0}},
      {Action::indicator_view, {1, 1, 1, 1, 0, 0}},
      {Action::indicator_manage, {1, 1, 0, 1, 0, 0}},
      {Action::hotspot_view, {1, 1, 1, 1, 0, 0}},
      {Action::org_manage, {1, 0, 0, 0, 0, 0}},
      {Action::audit_view, {1, 0, 0, 0, 0, 0}},
      {Action::housing_view, {1, 1, 1, 1, 0, 1}},
      {Action::housing_manage, {1, 1, 1, 0, 0, 1}},
      {Action::housing_organise, {1, 1, 1, 0, 0, 0}},
      {Action::housing_reveal_contact, {0, 1, 1, 1, 0, 1}},
      {Action::case_refer, {1, 1, 1, 1, 1, 0}},
      {Action::case_link, {1, 1, 1, 1, 1, 0}},
      {Action::case_export, {1, 1, 1, 1, 1, 0}},
      {Action::webhook_manage, {1, 0, 0, 0, 0, 0}},
      {Action::job_run, {1, 0, 0, 0, 0, 0}},
      {Action::referral_decide, {0, 1, 1, 1, 1, 0}},
      {Action::retention_manage, {1, 0, 0, 0, 0, 0}},
      {Action::case_decide, {1, 1, 1, 1, 0, 0}},
      {Action::case_answer, {0, 0, 0, 0, 1, 0}},
      {Action::case_relay, {1, 1, 1, 1, 0, 0}},
      {Action::scam_feedback_review, {1, 1, 0, 1, 0, 0}},
  };
  // Every action of the table has its expected row here, written independently of it.
  ASSERT_EQ(expected.size(), kAllActions.size());
  ASSERT_EQ(kAllActions.size(), kActionCount);
  for (const auto& [action, cols] : expected)
    for (std::size_t r = 0; r < kAllRoles.size(); ++r) {
      Principal p = make(kAllRoles[r], "/1/");
      EXPECT_EQ(allows(p, action), cols[r]) << role_name(kAllRoles[r]) << " action " << static_cast<int>(action);
      EXPECT_EQ(require(p, action).ok(), cols[r]);
      if (!cols[r]) {
        EXPECT_EQ(require(p, action).error().code, ErrorCode::forbidden);
      }
    }
}

TEST(Policy, VisibleCategoriesPerRoleAndExplicitScope) {
  EXPECT_EQ(visible_categories(make(Role::federation_officer, "/1/")), all_categories());
  EXPECT_EQ(visible_categories(make(Role::police_officer, "/1/")),
            (std::vector<std::string>{"scam", "illegal_lending", "drugs", "theft", "violence"}));
  EXPECT_EQ(visible_categories(make(Role::enterprise_officer, "/1/10/100/")),
            (std::vector<std::string>{"workplace_safety", "wages"}));
  Principal narrowed = make(Role::police_officer, "/1/");
  narrowed.categories = {"drugs", "wages", "bogus"};  // wages is not police's: never widened
  EXPECT_EQ(visible_categories(narrowed), (std::vector<std::string>{"drugs"}));
  Principal none = make(Role::enterprise_officer, "/1/");
  none.categories = {"scam"};
  EXPECT_TRUE(visible_categories(none).empty());
}

TEST(Policy, OfficersSeeOnlyTheirSubtree) {
  Principal fed = make(Role::federation_officer, "/1/10/");
  EXPECT_TRUE(allows(fed, Action::case_view, {"wages", "/1/10/", {}, {}}));
  EXPECT_TRUE(allows(fed, Action::case_view, {"wages", "/1/10/100/", {}, {}}));
  EXPECT_FALSE(allows(fed, Action::case_view, {"wages", "/1/20/", {}, {}}));
  EXPECT_FALSE(allows(fed, Action::case_view, {"wages", "/1/100/", {}, {}}));  // text prefix, other node
  EXPECT_FALSE(allows(fed, Action::case_view, {"wages", "/1/", {}, {}}));      // the parent
  EXPECT_FALSE(allows(fed, Action::case_view, {"wages", "", {}, {}}));
  EXPECT_FALSE(allows(fed, Action::case_view, {"not_a_category", "/1/10/", {}, {}}));
  // A path without the trailing slash is treated as the same node.
  Principal no_slash = make(Role::union_officer, "/1/10");
  EXPECT_TRUE(allows(no_slash, Action::case_view, {"wages", "/1/10/100/", {}, {}}));
  EXPECT_FALSE(allows(no_slash, Action::case_view, {"wages", "/1/100/", {}, {}}));
  // No scope at all: nothing, not everything.
  for (std::string bad : {"", "1/10/", "%", "/%"}) {
    Principal p = make(Role::federation_officer, bad);
    EXPECT_FALSE(allows(p, Action::case_view, {"wages", "/1/10/", {}, {}})) << bad;
  }
}

TEST(Policy, PoliceSeeAndRevealCrimeOnly) {
  Principal police = make(Role::police_officer, "/1/10/");
  for (const std::string& c : all_categories()) {
    CaseScope in{c, "/1/10/100/", {}, {}};
    EXPECT_EQ(allows(police, Action::case_view, in), is_crime_category(c)) << c;
    EXPECT_EQ(allows(police, Action::case_reveal_contact, in), is_crime_category(c)) << c;
    EXPECT_FALSE(allows(police, Action::case_reveal_contact, {c, "/1/20/", {}, {}})) << c;
  }
}

TEST(Policy, EnterpriseOfficersSeeTheirEnterpriseAndNeverAContact) {
  Principal ent = make(Role::enterprise_officer, "/1/10/100/");
  EXPECT_TRUE(allows(ent, Action::case_view, {"workplace_safety", "/1/10/100/", {}, {}}));
  EXPECT_TRUE(allows(ent, Action::case_transition, {"wages", "/1/10/100/", {}, {}}));
  EXPECT_FALSE(allows(ent, Action::case_view, {"workplace_safety", "/1/10/", {}, {}}));    // the commune
  EXPECT_FALSE(allows(ent, Action::case_view, {"workplace_safety", "/1/10/101/", {}, {}}));  // another firm
  EXPECT_FALSE(allows(ent, Action::case_view, {"violence", "/1/10/100/", {}, {}}));
  EXPECT_FALSE(allows(ent, Action::case_view, {"dormitory_safety", "/1/10/100/", {}, {}}));
  // Never, whatever the explicit scope, the place or the category.
  Principal wide = make(Role::enterprise_officer, "/");
  wide.categories = all_categories();
  for (const Principal& p : {ent, wide})
    for (const std::string& c : all_categories())
      for (const char* place : {"/1/10/100/", "/1/", "/"})
        EXPECT_FALSE(allows(p, Action::case_reveal_contact, {c, place, p.user_id, {}}));
}

TEST(Policy, AdminSeesEverythingButRevealsNothing) {
  Principal admin = make(Role::admin, "/9/");
  for (const std::string& c : all_categories()) {
    EXPECT_TRUE(allows(admin, Action::case_view, {c, "/1/20/", {}, {}}));
    EXPECT_TRUE(allows(admin, Action::case_transition, {c, "/7/", {}, {}}));
    EXPECT_FALSE(allows(admin, Action::case_reveal_contact, {c, "/1/20/", {}, {}}));
  }
}

TEST(Policy, FederationRevealsInItsSubtreeOnly) {
  Principal fed = make(Role::federation_officer, "/1/");
  for (const std::string& c : all_categories()) {
    EXPECT_TRUE(allows(fed, Action::case_reveal_contact, {c, "/1/10/100/", {}, {}}));
    EXPECT_FALSE(allows(fed, Action::case_reveal_contact, {c, "/2/", {}, {}}));
  }
  EXPECT_FALSE(allows(make(Role::union_officer, "/1/"), Action::case_reveal_contact, {"wages", "/1/10/", {}, {}}));
}

TEST(Policy, TeamLeadersSeeCasesTheyRaisedOrOfTheirTeam) {
  Principal lead = make(Role::team_leader, "/1/10/", 7, 3);
  EXPECT_TRUE(allows(lead, Action::case_view, {"theft", "/1/20/", 7, {}}));
  EXPECT_TRUE(allows(lead, Action::case_view, {"dormitory_safety", "/1/20/", {}, 3}));
  EXPECT_TRUE(allows(lead, Action::case_message, {"dormitory_safety", "/1/20/", 8, 3}));
  EXPECT_FALSE(allows(lead, Action::case_view, {"theft", "/1/10/", 8, 4}));  // the subtree is not enough
  EXPECT_FALSE(allows(lead, Action::case_view, {"theft", "/1/10/", {}, {}}));
  EXPECT_FALSE(allows(lead, Action::case_transition, {"theft", "/1/20/", 7, 3}));
  EXPECT_FALSE(allows(lead, Action::case_reveal_contact, {"theft", "/1/20/", 7, 3}));
  Principal no_team = make(Role::team_leader, "/1/10/", 7);
  EXPECT_FALSE(allows(no_team, Action::case_view, {"theft", "/1/10/", {}, 3}));
  EXPECT_TRUE(allows(no_team, Action::case_view, {"theft", "/1/10/", 7, {}}));
  Principal anonymous = make(Role::team_leader, "/1/10/", 0);
  EXPECT_FALSE(allows(anonymous, Action::case_view, {"theft", "/1/10/", std::int64_t{0}, {}}));
}

TEST(Policy, NonCaseActionsHaveNoPerCaseGrant) {
  Principal admin = make(Role::admin, "/");
  EXPECT_FALSE(allows(admin, Action::org_manage, {"wages", "/1/", {}, {}}));
  EXPECT_FALSE(require(admin, Action::housing_view, {"wages", "/1/", {}, {}}).ok());
}

TEST(Policy, RevealAlwaysImpliesView) {
  for (Role role : kAllRoles)
    for (const std::string& c : all_categories())
      for (const char* place : {"/1/", "/1/10/", "/1/10/100/", "/1/20/", "/1/100/", "/2/"})
        for (std::optional<std::int64_t> team : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{3}}) {
          Principal p = make(role, "/1/10/", 7, 3);
          CaseScope s{c, place, 7, team};
          if (allows(p, Action::case_reveal_contact, s)) {
            EXPECT_TRUE(allows(p, Action::case_view, s));
          }
          if (allows(p, Action::case_transition, s)) {
            EXPECT_TRUE(allows(p, Action::case_view, s));
          }
        }
}

// --- Who may decide (issue 20) ---

TEST(WhoDecides, AnEnterpriseNeverRejectsClosesOrResolvesACaseAboutItself) {
  Principal ent = make(Role::enterprise_officer, "/1/10/100/");
  CaseScope own{"wages", "/1/10/100/", {}, {}};
  for (const char* to : {"resolved", "closed", "rejected"}) {
    EXPECT_TRUE(is_decision_status(to));
    EXPECT_FALSE(may_move_case(ent, own, to)) << to;
  }
  // It may still acknowledge and work on the case.
  for (const char* to : {"triaged", "assigned", "in_progress"}) EXPECT_TRUE(may_move_case(ent, own, to)) << to;
  // The enterprise's grassroots union and the federation above decide.
  Principal union_officer = make(Role::union_officer, "/1/10/100/");
  Principal federation = make(Role::federation_officer, "/1/");
  for (const char* to : {"resolved", "closed", "rejected"}) {
    EXPECT_TRUE(may_move_case(union_officer, own, to));
    EXPECT_TRUE(may_move_case(federation, own, to));
  }
  // Outside one's scope nothing moves.
  EXPECT_FALSE(may_move_case(make(Role::federation_officer, "/2/"), own, "triaged"));
}

TEST(WhoDecides, EnterprisesAnswerAndTheUnionPassesTheirMessagesOn) {
  Principal ent = make(Role::enterprise_officer, "/1/10/100/");
  Principal union_officer = make(Role::union_officer, "/1/10/100/");
  Principal federation = make(Role::federation_officer, "/1/");
  Principal leader = make(Role::team_leader, "/1/10/", 5, 7);
  CaseScope own{"workplace_safety", "/1/10/100/", {}, {}};
  EXPECT_FALSE(may_message_reporter(ent, own));
  EXPECT_TRUE(may_answer_case(ent, own));
  EXPECT_FALSE(may_relay_answer(ent, own));
  EXPECT_FALSE(may_answer_case(ent, {"workplace_safety", "/1/10/101/", {}, {}}));  // another firm's case
  for (const Principal& p : {union_officer, federation}) {
    EXPECT_TRUE(may_message_reporter(p, own));
    EXPECT_FALSE(may_answer_case(p, own));
    EXPECT_TRUE(may_relay_answer(p, own));
  }
  EXPECT_FALSE(may_relay_answer(leader, {"workplace_safety", "/1/10/", 5, 7}));
  EXPECT_TRUE(may_message_reporter(leader, {"workplace_safety", "/1/10/", 5, 7}));
}

TEST(WhoDecides, TheSenderOfAReferralNeverDecidesIt) {
  auto officer = [](Role role, std::string scope, std::int64_t org, std::int64_t user) {
    Principal p = make(role, std::move(scope), user);
    p.org_id = org;
    return p;
  };
  // A provincial federation (org 20, scope /1/) refers a case to the province's police (org 30 at
  // /1/30/, whose officers' scope is the same province): the federation's scope covers the police,
  // yet it never answers its own referral; the police do.
  CaseScope c{"violence", "/1/10/", {}, {}, {"/1/30/"}};
  ReferralScope r{c, {30, "/1/30/", "police"}, 20, 9};
  Principal federation = officer(Role::federation_officer, "/1/", 20, 11);
  Principal author = officer(Role::federation_officer, "/1/", 20, 9);
  Principal police = officer(Role::police_officer, "/1/", 30, 12);
  Principal commune_police = officer(Role::police_officer, "/1/40/", 41, 13);
  Principal national = officer(Role::federation_officer, "/", 1, 14);
  EXPECT_FALSE(allows_referral_decision(federation, r));
  EXPECT_FALSE(allows_referral_decision(author, r));
  EXPECT_TRUE(allows_referral_decision(police, r));
  EXPECT_FALSE(allows_referral_decision(commune_police, r));  // a police unit not above the receiver
  EXPECT_FALSE(allows_referral_decision(national, r));        // a federation, of the other side
  EXPECT_FALSE(allows_referral_decision(officer(Role::admin, "/", 1, 15), r));
  // The author never decides, even after moving to the receiving organisation.
  Principal moved = officer(Role::police_officer, "/1/", 30, 9);
  EXPECT_FALSE(allows_referral_decision(moved, r));
  // Up the tree: a union (org 40) refers a wages case to its federation, whose officers decide.
  CaseScope wages{"wages", "/1/10/100/", {}, {}};
  ReferralScope up{wages, {20, "/1/20/", "federation"}, 40, 16};
  EXPECT_TRUE(allows_referral_decision(federation, up));
  EXPECT_FALSE(allows_referral_decision(officer(Role::union_officer, "/1/10/100/", 40, 17), up));
  // The receiver must still be able to work on the case (a team leader never does).
  EXPECT_FALSE(allows_referral_decision(officer(Role::team_leader, "/1/", 30, 18), r));
}

// case_filter against real rows: the rows the SQL returns must be exactly those allows() grants.
class CaseFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::fresh_db("policy");
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->exec("CREATE TABLE pcases (id INTEGER PRIMARY KEY, category TEXT NOT NULL, place_path TEXT NOT "
                          "NULL, created_by_user BIGINT, team_id BIGINT)")
                    .ok());
    std::int64_t id = 0;
    ASSERT_TRUE(db_->write([&](store::Tx& tx) -> Status {
                     for (const std::string& c : all_categories())
                       for (const char* place : kPlaces)
                         for (int owner = 0; owner < 3; ++owner) {
                           CaseScope s{c, place, owner == 1 ? std::optional<std::int64_t>(7) : std::nullopt,
                                       owner == 2 ? std::optional<std::int64_t>(3) : std::nullopt};
                           ANTOAN_TRY(tx.exec("INSERT INTO pcases VALUES ($1, $2, $3, $4, $5)",
                                              {++id, s.category, s.place_path, store::optional_value(s.created_by_user),
                                               store::optional_value(s.team_id)}));
                           cases_[id] = s;
                         }
                     return {};
                   }).ok());
  }

  std::set<std::int64_t> filtered(const Principal& p) {
    // $1 is used by the surrounding query, so the filter's parameters start at $2.
    SqlFilter f = case_filter(p, "c", 2);
    store::Params params{std::int64_t{0}};
    params.insert(params.end(), f.params.begin(), f.params.end());
    auto rows = db_->query("SELECT c.id FROM pcases c WHERE c.id > $1 AND " + f.sql, params);
    EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message_en) << " SQL: " << f.sql;
    std::set<std::int64_t> ids;
    if (rows.ok())
      for (const auto& r : *rows) ids.insert(r.i64(0));
    return ids;
  }
  std::set<std::int64_t> expected(const Principal& p) {
    std::set<std::int64_t> ids;
    for (const auto& [id, s] : cases_)
      if (allows(p, Action::case_view, s)) ids.insert(id);
    return ids;
  }

  static constexpr const char* kPlaces[] = {"/1/",    "/1/10/",  "/1/10/100/", "/1/10/101/", "/1/20/",
                                            "/1/100/", "/2/",     "/1/_/",      "/1/5/",      "/1/%/",
                                            "/1/%/9/", "/1/!/",   "/1/a/"};
  std::unique_ptr<store::Db> db_;
  std::map<std::int64_t, CaseScope> cases_;
};

TEST_F(CaseFilterTest, SqlFilterMatchesThePolicyForEveryRoleAndScope) {
  std::vector<std::string> roots = {"/1/", "/1/10/", "/1/10/100/", "/1/10", "/2/", "/1/_/", "/1/%/", "/1/!/", "", "%"};
  int checked = 0;
  for (Role role : kAllRoles)
    for (const std::string& root : roots)
      for (std::optional<std::int64_t> team : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{3}}) {
        Principal p = make(role, root, 7, team);
        EXPECT_EQ(filtered(p), expected(p)) << role_name(role) << " root '" << root << "'";
        Principal narrowed = p;
        narrowed.categories = {"scam", "wages"};
        EXPECT_EQ(filtered(narrowed), expected(narrowed)) << role_name(role) << " narrowed root '" << root << "'";
        ++checked;
      }
  EXPECT_EQ(checked, 6 * 10 * 2);
}

TEST_F(CaseFilterTest, WildcardsInAPathMatchOnlyThemselves) {
  Principal p = make(Role::federation_officer, "/1/_/");
  std::set<std::string> places;
  for (std::int64_t id : filtered(p)) places.insert(cases_[id].place_path);
  EXPECT_EQ(places, std::set<std::string>{"/1/_/"});
  p.org_path = "/1/%/";
  places.clear();
  for (std::int64_t id : filtered(p)) places.insert(cases_[id].place_path);
  EXPECT_EQ(places, (std::set<std::string>{"/1/%/", "/1/%/9/"}));
}

TEST(SharedCases, ReferredCasesAreVisibleToTheReceivingOrganisation) {
  // A wages case in /1/10/ referred to a police unit at /1/20/30/ (scope root /1/20/).
  CaseScope wages{"wages", "/1/10/", std::nullopt, std::nullopt, {"/1/20/30/"}};
  Principal police = make(Role::police_officer, "/1/20/");
  EXPECT_TRUE(allows(police, Action::case_view, wages));  // shared: any category
  EXPECT_TRUE(allows(police, Action::case_transition, wages));
  EXPECT_FALSE(allows(police, Action::case_reveal_contact, wages));  // police reveal only crime
  Principal other = make(Role::police_officer, "/1/40/");
  EXPECT_FALSE(allows(other, Action::case_view, wages));
  // An enterprise officer of a receiving enterprise still sees only its two categories.
  CaseScope violence{"violence", "/1/10/", std::nullopt, std::nullopt, {"/1/20/50/"}};
  Principal enterprise = make(Role::enterprise_officer, "/1/20/50/");
  EXPECT_FALSE(allows(enterprise, Action::case_view, violence));
  wages.access_paths = {"/1/20/50/"};
  EXPECT_TRUE(allows(enterprise, Action::case_view, wages));
  EXPECT_FALSE(allows(enterprise, Action::case_reveal_contact, wages));
  // Team leaders are not organisations: sharing does not reach them.
  EXPECT_FALSE(allows(make(Role::team_leader, "/1/20/", 9, 4), Action::case_view, wages));
}

TEST(ActsForOrg, OwnOfficersAndOfficesOfTheSameSideAbove) {
  // A police unit /1/20/30/ under the commune /1/20/; a district police office's scope is /1/20/.
  OrgScope unit{30, "/1/20/30/", "police"};
  Principal district_police = make(Role::police_officer, "/1/20/");
  district_police.org_id = 21;
  EXPECT_TRUE(acts_for_org(district_police, unit));
  Principal unit_officer = make(Role::police_officer, "/1/20/30/");
  unit_officer.org_id = 30;
  EXPECT_TRUE(acts_for_org(unit_officer, unit));
  Principal other = make(Role::police_officer, "/1/40/");
  other.org_id = 41;
  EXPECT_FALSE(acts_for_org(other, unit));
  // A federation above the police unit is of the other side.
  Principal fed = make(Role::federation_officer, "/1/");
  fed.org_id = 2;
  EXPECT_FALSE(acts_for_org(fed, unit));
  EXPECT_FALSE(acts_for_org(make(Role::team_leader, "/1/20/"), unit));
  Principal admin = make(Role::admin, "/");
  EXPECT_FALSE(acts_for_org(admin, unit));  // admins run the system; they answer no referral
}

TEST(ActsForOrg, AnEnterpriseNeverActsForItsUnion) {
  // The grassroots union /1/10/100/101/ sits under its enterprise /1/10/100/; both have the
  // enterprise as scope root.
  OrgScope union_org{101, "/1/10/100/101/", "union"};
  OrgScope enterprise_org{100, "/1/10/100/", "enterprise"};
  Principal hr = make(Role::enterprise_officer, "/1/10/100/");
  hr.org_id = 100;
  Principal union_officer = make(Role::union_officer, "/1/10/100/");
  union_officer.org_id = 101;
  EXPECT_FALSE(acts_for_org(hr, union_org));
  EXPECT_TRUE(acts_for_org(hr, enterprise_org));
  EXPECT_TRUE(acts_for_org(union_officer, union_org));
  EXPECT_FALSE(acts_for_org(union_officer, enterprise_org));  // nor the union for the employer
  // The district federation above both acts for the union, not for the enterprise.
  Principal fed = make(Role::federation_officer, "/1/10/");
  fed.org_id = 11;
  EXPECT_TRUE(acts_for_org(fed, union_org));
  EXPECT_FALSE(acts_for_org(fed, enterprise_org));
}

TEST(Referrals, CategoryRulesAndTheSenderNeverDecides) {
  OrgScope union_org{101, "/1/10/100/101/", "union"};
  Principal hr = make(Role::enterprise_officer, "/1/10/100/", 50);
  hr.org_id = 100;
  Principal union_officer = make(Role::union_officer, "/1/10/100/", 51);
  union_officer.org_id = 101;
  // A violence case referred by the district federation (org 11) to the grassroots union.
  ReferralScope violence{{"violence", "/1/10/100/", {}, {}, {"/1/10/100/101/"}}, union_org, 11, 7};
  EXPECT_FALSE(allows_incoming_referral(hr, violence));
  EXPECT_FALSE(allows_referral_decision(hr, violence));
  EXPECT_TRUE(allows_incoming_referral(union_officer, violence));
  EXPECT_TRUE(allows_referral_decision(union_officer, violence));
  // Even a wages referral to the union is not the employer's to answer.
  ReferralScope wages = violence;
  wages.kase.category = "wages";
  EXPECT_FALSE(allows_referral_decision(hr, wages));
  // The sending organisation, and the officer who sent it, never decide it.
  Principal sender = make(Role::federation_officer, "/1/10/", 7);
  sender.org_id = 11;
  EXPECT_FALSE(allows_referral_decision(sender, wages));
  Principal colleague = make(Role::federation_officer, "/1/10/", 8);
  colleague.org_id = 11;
  EXPECT_FALSE(allows_referral_decision(colleague, wages));
  EXPECT_TRUE(allows_incoming_referral(colleague, wages));  // above the union: sees it coming
  // Targets: an enterprise only receives workplace safety and wages; no kind without an office.
  EXPECT_TRUE(require_referral_target("wages", "enterprise").ok());
  EXPECT_EQ(require_referral_target("violence", "enterprise").error().field, "to_org_id");
  EXPECT_TRUE(require_referral_target("violence", "police").ok());
  EXPECT_FALSE(require_referral_target("wages", "commune").ok());
  EXPECT_FALSE(require_referral_target("wages", "national").ok());
}

TEST(RevealReason, AtLeastTenCharacters) {
  EXPECT_EQ(require_reveal_reason("ngắn quá").error().field, "reason");
  EXPECT_TRUE(require_reveal_reason("Gọi lại để hỏi thêm").ok());
  EXPECT_FALSE(require_reveal_reason("").ok());
}

TEST(PolicyTable, NamesAreUniqueAndPermissionsFollowTheTable) {
  std::set<std::string_view> names;
  for (const Grant& g : kGrants) EXPECT_TRUE(names.insert(g.name).second) << g.name;
  for (Role r : kAllRoles) {
    Principal p = make(r, "/1/");
    std::vector<std::string_view> allowed = allowed_actions(p);
    for (const Grant& g : kGrants)
      EXPECT_EQ(std::find(allowed.begin(), allowed.end(), g.name) != allowed.end(), allows(p, g.action))
          << role_name(r) << " " << g.name;
  }
  EXPECT_FALSE(allows(make(Role::admin, "/"), Action::count_));
}

TEST(SharedCases, TheSharedClauseIsOptIn) {
  Principal police = make(Role::police_officer, "/1/");
  EXPECT_EQ(case_filter(police, "c", 1).sql.find("case_access"), std::string::npos);
  SqlFilter shared = case_filter(police, "c", 1, Shared::include);
  EXPECT_EQ(shared.sql,
            "((c.category IN ($1, $2, $3, $4, $5) AND c.place_path LIKE $6 ESCAPE '!') OR EXISTS (SELECT 1 FROM "
            "case_access ca WHERE ca.case_id = c.id AND ca.org_path LIKE $7 ESCAPE '!'))");
  EXPECT_EQ(shared.params.size(), 7u);
  Principal enterprise = make(Role::enterprise_officer, "/1/5/");
  SqlFilter ent = case_filter(enterprise, "c", 1, Shared::include);
  EXPECT_NE(ent.sql.find("(c.category IN ($5, $6) AND EXISTS"), std::string::npos) << ent.sql;
  EXPECT_NE(ent.sql.find("ca.org_path LIKE $4"), std::string::npos) << ent.sql;
  EXPECT_EQ(case_filter(make(Role::admin, "/"), "c", 1, Shared::include).sql, "1 = 1");
}

TEST_F(CaseFilterTest, SharedFilterStillMatchesThePolicyWithoutShares) {
  for (Role role : kAllRoles)
    for (const std::string root : {"/1/", "/1/10/", "", "/1/%/"}) {
      Principal p = make(role, root, 7, 3);
      SqlFilter f = case_filter(p, "c", 1, Shared::include);
      auto rows = db_->query("SELECT c.id FROM pcases c WHERE " + f.sql, f.params);
      ASSERT_TRUE(rows.ok()) << f.sql;
      std::set<std::int64_t> ids;
      for (const auto& r : *rows) ids.insert(r.i64(0));
      EXPECT_EQ(ids, expected(p)) << role_name(role) << " '" << root << "'";
    }
}

TEST_F(CaseFilterTest, ShapesOfTheFilter) {
  EXPECT_EQ(case_filter(make(Role::admin, "/"), "c", 1).sql, "1 = 1");
  SqlFilter police = case_filter(make(Role::police_officer, "/1/"), "", 3);
  EXPECT_EQ(police.sql, "(category IN ($3, $4, $5, $6, $7) AND place_path LIKE $8 ESCAPE '!')");
  ASSERT_EQ(police.params.size(), 6u);
  EXPECT_EQ(std::get<std::string>(police.params[5]), "/1/%");
  SqlFilter lead = case_filter(make(Role::team_leader, "/1/", 7, 3), "x", 1);
  EXPECT_EQ(lead.sql, "((x.created_by_user = $1 OR x.team_id = $2))");
  EXPECT_EQ(case_filter(make(Role::union_officer, ""), "c", 1).sql, "1 = 0");
  Principal nothing = make(Role::enterprise_officer, "/1/");
  nothing.categories = {"drugs"};
  SqlFilter none = case_filter(nothing, "c", 1);
  EXPECT_EQ(none.sql, "1 = 0");
  EXPECT_TRUE(none.params.empty());
}

}  // namespace
}  // namespace antoan::security

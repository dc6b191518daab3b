// HousingService::kpi: loads the facts the caller may see and computes the coverage and
// meeting figures with housing/kpi.
#include "housing/kpi.h"
#include "housing/service_internal.h"
#include "orgs/service.h"

namespace antoan::housing {

using detail::opt;
using security::Action;
using store::Params;

namespace {

// Restricts to an organisation's scope (its officers' subtree), on top of the caller's scope.
Status add_org_filter(orgs::OrgService& orgs, const std::string& column, std::int64_t org_id, std::string& where,
                      Params& params) {
  auto org = orgs.get(org_id);
  if (!org.ok())
    return Error::unprocessable("org_id", "Không có tổ chức này", "No such organisation");
  std::string pattern;
  for (char ch : org->scope_path) {
    if (ch == '%' || ch == '_' || ch == '!') pattern += '!';
    pattern += ch;
  }
  where += " AND " + column + " LIKE " + detail::next_param(params) + " ESCAPE '!'";
  params.emplace_back(pattern + "%");
  return {};
}

Json rows_json(const std::map<std::string, Coverage>& by, const std::map<std::string, std::string>& names,
               const char* key) {
  Json out = Json::array();
  for (const auto& [code, c] : by) {
    Json j = coverage_json(c);
    j[key] = code;
    auto it = names.find(code);
    j["name"] = it == names.end() ? Json(nullptr) : Json(it->second);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

Result<Json> HousingService::kpi(const security::Principal& p, const KpiQuery& q) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  // Houses.
  security::SqlFilter scope = security::housing_filter(p, "h.place_path", "h.team_id", 1);
  Params params = scope.params;
  std::string where = " WHERE " + scope.sql;
  if (q.area_code) detail::add_area_filter("h.area_code", *q.area_code, where, params);
  if (q.org_id) ANTOAN_TRY(add_org_filter(orgs_, "h.place_path", *q.org_id, where, params));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT h.id, h.name, h.address, h.area_code, h.residents, h.team_id, a.name, "
                                     "COALESCE(a.parent_code, a.code), pa.name FROM boarding_houses h "
                                     "LEFT JOIN areas a ON a.code = h.area_code "
                                     "LEFT JOIN areas pa ON pa.code = COALESCE(a.parent_code, a.code)" +
                                         where + " ORDER BY h.id",
                                     params));
  std::vector<HouseFact> by_area, by_province;
  std::map<std::string, std::string> names;
  for (const auto& r : rows) {
    HouseFact f{r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4), r.opt_i64(5)};
    names[r.str(3)] = r.str(6);
    names[r.str(7)] = r.str(8);
    by_area.push_back(f);
    f.area_code = r.str(7);
    by_province.push_back(std::move(f));
  }
  CoverageReport areas = compute_coverage(by_area);
  CoverageReport provinces = compute_coverage(by_province);

  // Teams and their meeting months in the period.
  security::SqlFilter tscope = security::housing_filter(p, "t.place_path", "t.id", 1);
  Params tparams = tscope.params;
  std::string twhere = " WHERE " + tscope.sql + " AND t.active = 1";
  if (q.area_code) detail::add_area_filter("t.area_code", *q.area_code, twhere, tparams);
  if (q.org_id) ANTOAN_TRY(add_org_filter(orgs_, "t.place_path", *q.org_id, twhere, tparams));
  ANTOAN_ASSIGN(auto teams, db_.query("SELECT t.id, t.name, t.founded_on FROM housing_teams t" + twhere +
                                          " ORDER BY t.id", tparams));
  Params mparams = tparams;
  std::string from = q.from_month + "-01", to = q.to_month + "-31";
  std::string mwhere = twhere + " AND g.held_on >= " + detail::next_param(mparams);
  mparams.emplace_back(from);
  mwhere += " AND g.held_on <= " + detail::next_param(mparams);
  mparams.emplace_back(to);
  ANTOAN_ASSIGN(auto months, db_.query("SELECT DISTINCT g.team_id, substr(g.held_on, 1, 7) FROM team_meetings g "
                                       "JOIN housing_teams t ON t.id = g.team_id" + mwhere,
                                       mparams));
  std::vector<TeamMeetingFact> facts;
  for (const auto& t : teams) {
    TeamMeetingFact f{t.i64(0), t.str(1), t.str(2), {}};
    for (const auto& m : months)
      if (m.i64(0) == f.team_id) f.months.insert(m.str(1));
    facts.push_back(std::move(f));
  }
  std::vector<MeetingRate> rates = compute_meeting_rates(facts, q.from_month, q.to_month);
  std::int64_t held = 0, expected = 0;
  Json by_team = Json::array();
  for (const MeetingRate& r : rates) {
    held += r.held;
    expected += r.expected;
    by_team.push_back({{"team_id", r.team_id}, {"name", r.name}, {"held", r.held}, {"expected", r.expected}});
  }
  Json gaps = Json::array();
  for (const HouseFact& g : areas.gaps)
    gaps.push_back({{"id", g.id}, {"name", g.name}, {"address", g.address}, {"area_code", g.area_code},
                    {"area_name", names[g.area_code]}, {"residents", g.residents}});
  return Json{{"threshold", kCoverageThreshold},
              {"period", {{"from", q.from_month}, {"to", q.to_month}}},
              {"total", coverage_json(areas.total)},
              {"by_area", rows_json(areas.by_area, names, "area_code")},
              {"by_province", rows_json(provinces.by_area, names, "province_code")},
              {"gaps", gaps},
              {"teams", static_cast<std::int64_t>(teams.size())},
              {"meetings",
               {{"held", held},
                {"expected", expected},
                {"rate", expected ? static_cast<double>(held) / static_cast<double>(expected) : 1.0},
                {"by_team", by_team}}}};
}

}  // namespace antoan::housing

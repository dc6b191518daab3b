// HousingService: self-management teams, their members and monthly meetings; an issue raised
// at a meeting becomes a case through IntakeService (channel "meeting", with the team and
// the house, so policy lets the team leader follow it).
#include "intake/intake_service.h"
#include "housing/service_internal.h"
#include "orgs/service.h"
#include "security/field_crypto.h"
#include "security/projection.h"

namespace antoan::housing {

using detail::opt;
using security::Action;
using store::Params;

namespace {

constexpr const char* kTeamColumns =
    "t.id, t.name, t.area_code, a.name, t.leader_user_id, t.leader_name, t.leader_phone, t.founded_on, "
    "(SELECT count(*) FROM boarding_houses h WHERE h.team_id = t.id), "
    "(SELECT COALESCE(sum(h.residents), 0) FROM boarding_houses h WHERE h.team_id = t.id), "
    "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id), "
    "(SELECT max(g.held_on) FROM team_meetings g WHERE g.team_id = t.id), t.created_at";

Json team_summary(const store::Row& r) {
  return {{"id", r.i64(0)},
          {"name", r.str(1)},
          {"area_code", r.str(2)},
          {"area_name", opt(r, 3)},
          {"leader_user_id", opt(r, 4)},
          {"leader_name", r.str(5)},
          {"leader_phone", opt(r, 6)},
          {"founded_on", r.str(7)},
          {"houses", r.i64(8)},
          {"residents", r.i64(9)},
          {"members", r.i64(10)},
          {"last_meeting_on", opt(r, 11)},
          {"created_at", format_iso8601(r.i64(12))}};
}

Json meeting_json(const store::Row& r) {
  return {{"id", r.i64(0)},   {"team_id", r.i64(1)}, {"held_on", r.str(2)}, {"attendance", r.i64(3)},
          {"topics", r.str(4)}, {"notes", opt(r, 5)},  {"cases", Json::array()}};
}

}  // namespace

Result<HousingService::TeamRow> HousingService::load_team(const security::Principal& p, std::int64_t id) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT id, place_path, area_code, name FROM housing_teams WHERE id = $1", {id}));
  auto not_found = Error::not_found("tổ tự quản", "Team");
  if (rows.empty()) return not_found;
  TeamRow row{rows[0].i64(0), rows[0].str(1), rows[0].str(2), rows[0].str(3)};
  if (!security::allows_housing(p, Action::housing_view, row.scope())) return not_found;
  return row;
}

Result<std::vector<std::int64_t>> HousingService::visible_team_ids(const security::Principal& p) {
  security::SqlFilter scope = security::housing_filter(p, "place_path", "id", 1);
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT id FROM housing_teams WHERE " + scope.sql, scope.params));
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.i64(0));
  return ids;
}

Result<Json> HousingService::list_teams(const security::Principal& p, const std::optional<std::string>& area_code) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  security::SqlFilter scope = security::housing_filter(p, "t.place_path", "t.id", 1);
  Params params = scope.params;
  std::string where = " WHERE " + scope.sql;
  if (area_code) detail::add_area_filter("t.area_code", *area_code, where, params);
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kTeamColumns +
                                         " FROM housing_teams t LEFT JOIN areas a ON a.code = t.area_code" + where +
                                         " ORDER BY t.name, t.id LIMIT 2000",
                                     params));
  Json items = Json::array();
  for (const auto& r : rows) items.push_back(security::project(p, security::View::team, team_summary(r)));
  return Json{{"count", items.size()}, {"items", items}};
}

Result<Json> HousingService::get_team(const security::Principal& p, std::int64_t id) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, id));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kTeamColumns +
                                         " FROM housing_teams t LEFT JOIN areas a ON a.code = t.area_code WHERE t.id = $1",
                                     {id}));
  Json j = team_summary(rows[0]);
  bool may_manage = security::allows_housing(p, Action::housing_manage, team.scope());
  j["can_edit"] = may_manage;
  j["can_organise"] = security::allows_housing(p, Action::housing_organise, team.scope());
  // The roster's phones are for the leader and the supporting officers who manage the team.
  ANTOAN_ASSIGN(auto members, db_.query("SELECT m.id, m.name, m.role, m.phone_enc, m.house_id, h.name FROM team_members m "
                                        "LEFT JOIN boarding_houses h ON h.id = m.house_id WHERE m.team_id = $1 "
                                        "ORDER BY CASE m.role WHEN 'deputy' THEN 0 ELSE 1 END, m.name, m.id",
                                        {id}));
  Json roster = Json::array();
  for (const auto& m : members) {
    Json one = {{"id", m.i64(0)}, {"name", m.str(1)}, {"role", m.str(2)}, {"house_id", opt(m, 4)},
                {"house_name", opt(m, 5)}};
    if (may_manage && !m.is_null(3)) {
      auto phone = crypto_.open(m.str(3));
      one["phone"] = phone.ok() ? Json(*phone) : Json(nullptr);
    }
    roster.push_back(one);
  }
  j["roster"] = roster;
  ANTOAN_ASSIGN(Json houses, list_houses(p, HouseFilter{.team_id = id, .limit = 500}));
  j["house_list"] = houses["items"];
  ANTOAN_ASSIGN(Json meetings, list_meetings(p, id));
  j["meetings"] = meetings["items"];
  return security::project(p, security::View::team, std::move(j));
}

Result<Json> HousingService::create_team(const security::Principal& p, const TeamInput& in) {
  ANTOAN_TRY(security::require(p, Action::housing_organise));
  ANTOAN_ASSIGN(std::string place_path, orgs_.place_path_for(*in.area_code, std::nullopt));
  ANTOAN_TRY(security::require_housing(p, Action::housing_organise, {place_path, std::nullopt}));
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    EpochMs now = now_ms();
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO housing_teams (name, area_code, place_path, leader_user_id, "
                                      "leader_name, leader_phone, founded_on, created_at, updated_at) VALUES ($1, $2, "
                                      "$3, $4, $5, $6, $7, $8, $8) RETURNING id",
                                      {*in.name, *in.area_code, place_path, store::optional_value(in.leader_user_id),
                                       *in.leader_name, store::optional_value(in.leader_phone), *in.founded_on, now}));
    id = rows[0].i64(0);
    if (in.leader_user_id) {
      // The leader's account is scoped to this team by users.team_id (see security/policy).
      ANTOAN_ASSIGN(auto user, tx.query("SELECT role, team_id FROM users WHERE id = $1", {*in.leader_user_id}));
      if (user.empty() || user[0].str(0) != "team_leader")
        return Error::unprocessable("leader_user_id", "Tài khoản này không phải tài khoản tổ trưởng",
                                    "This account is not a team leader account");
      if (!user[0].is_null(1))
        return Error::conflict("Tài khoản này đã là tổ trưởng của một tổ khác",
                               "This account already leads another team", "leader_user_id");
      ANTOAN_TRY(tx.exec("UPDATE users SET team_id = $1 WHERE id = $2", {id, *in.leader_user_id}));
    }
    return security::append_audit(tx, detail::audit_of(p, "team.create", "team", id, {{"area_code", *in.area_code}}));
  }));
  return get_team(p, id);
}

Result<Json> HousingService::update_team(const security::Principal& p, std::int64_t id, const TeamInput& in) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, team.scope()));
  std::string place_path = team.place_path, area_code = team.area_code;
  bool organising = in.area_code || in.leader_user_id || in.founded_on;
  if (organising) ANTOAN_TRY(security::require_housing(p, Action::housing_organise, team.scope()));
  if (in.area_code && *in.area_code != team.area_code) {
    ANTOAN_ASSIGN(place_path, orgs_.place_path_for(*in.area_code, std::nullopt));
    area_code = *in.area_code;
    ANTOAN_TRY(security::require_housing(p, Action::housing_organise, {place_path, id}));
  }
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("UPDATE housing_teams SET name = COALESCE($1, name), area_code = $2, place_path = $3, "
                       "leader_name = COALESCE($4, leader_name), leader_phone = COALESCE($5, leader_phone), "
                       "founded_on = COALESCE($6, founded_on), updated_at = $7 WHERE id = $8",
                       {store::optional_value(in.name), area_code, place_path, store::optional_value(in.leader_name),
                        store::optional_value(in.leader_phone), store::optional_value(in.founded_on), now_ms(), id}));
    if (in.leader_user_id) {
      ANTOAN_ASSIGN(auto user, tx.query("SELECT role, team_id FROM users WHERE id = $1", {*in.leader_user_id}));
      if (user.empty() || user[0].str(0) != "team_leader")
        return Error::unprocessable("leader_user_id", "Tài khoản này không phải tài khoản tổ trưởng",
                                    "This account is not a team leader account");
      if (!user[0].is_null(1) && user[0].i64(1) != id)
        return Error::conflict("Tài khoản này đã là tổ trưởng của một tổ khác",
                               "This account already leads another team", "leader_user_id");
      ANTOAN_TRY(tx.exec("UPDATE users SET team_id = NULL WHERE team_id = $1 AND id <> $2", {id, *in.leader_user_id}));
      ANTOAN_TRY(tx.exec("UPDATE users SET team_id = $1 WHERE id = $2", {id, *in.leader_user_id}));
      ANTOAN_TRY(tx.exec("UPDATE housing_teams SET leader_user_id = $1 WHERE id = $2", {*in.leader_user_id, id}));
    }
    return security::append_audit(tx, detail::audit_of(p, "team.update", "team", id, {{"organising", organising}}));
  }));
  return get_team(p, id);
}

Result<Json> HousingService::add_member(const security::Principal& p, std::int64_t team_id, const MemberInput& in) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, team_id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, team.scope()));
  if (in.house_id) {
    ANTOAN_ASSIGN(auto h, db_.query("SELECT 1 FROM boarding_houses WHERE id = $1 AND team_id = $2", {*in.house_id, team_id}));
    if (h.empty())
      return Error::unprocessable("house_id", "Nhà trọ này không thuộc tổ", "This house is not covered by the team");
  }
  std::optional<std::string> sealed;
  if (in.phone) sealed = crypto_.seal(*in.phone);
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO team_members (team_id, name, role, phone_enc, house_id, created_at) "
                                      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                      {team_id, in.name, in.role, store::optional_value(sealed),
                                       store::optional_value(in.house_id), now_ms()}));
    id = rows[0].i64(0);
    // No names in the append-only audit log: a member who leaves is erased from the roster.
    return security::append_audit(tx, detail::audit_of(p, "team.member_add", "team", team_id,
                                                       {{"member_id", id}, {"role", in.role}}));
  }));
  return security::project(p, security::View::member,
                           {{"id", id}, {"team_id", team_id}, {"name", in.name}, {"role", in.role},
                            {"phone", in.phone ? Json(*in.phone) : Json(nullptr)},
                            {"house_id", in.house_id ? Json(*in.house_id) : Json(nullptr)}});
}

Status HousingService::remove_member(const security::Principal& p, std::int64_t team_id, std::int64_t member_id) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, team_id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, team.scope()));
  return db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(std::int64_t n, tx.exec("DELETE FROM team_members WHERE id = $1 AND team_id = $2", {member_id, team_id}));
    if (n == 0) return Error::not_found("tổ viên", "Member");
    return security::append_audit(tx, detail::audit_of(p, "team.member_remove", "team", team_id,
                                                       {{"member_id", member_id}}));
  });
}

Result<Json> HousingService::list_meetings(const security::Principal& p, std::int64_t team_id) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, team_id));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT id, team_id, held_on, attendance, topics, notes FROM team_meetings "
                                     "WHERE team_id = $1 ORDER BY held_on DESC, id DESC LIMIT 200",
                                     {team.id}));
  ANTOAN_ASSIGN(auto issues, db_.query("SELECT i.meeting_id, i.case_id, c.category, c.status FROM meeting_issues i "
                                       "JOIN team_meetings g ON g.id = i.meeting_id JOIN cases c ON c.id = i.case_id "
                                       "WHERE g.team_id = $1 ORDER BY i.id",
                                       {team.id}));
  Json items = Json::array();
  for (const auto& r : rows) {
    Json m = meeting_json(r);
    for (const auto& i : issues)
      if (i.i64(0) == r.i64(0))
        m["cases"].push_back({{"case_id", i.i64(1)}, {"category", i.str(2)}, {"status", i.str(3)}});
    items.push_back(security::project(p, security::View::meeting, std::move(m)));
  }
  return Json{{"count", items.size()}, {"items", items}};
}

Result<HousingService::OpenedCase> HousingService::open_issue_case(store::Tx& tx, const security::Principal& p,
                                                                    const TeamRow& team, std::int64_t meeting_id,
                                                                    std::size_t index, const IssueInput& in,
                                                                    const std::string& field) {
  intake::ReportInput report;
  report.category = in.category;
  report.description = in.description;
  report.area_code = team.area_code;
  report.channel = "meeting";
  report.created_by_user = p.user_id;
  report.team_id = team.id;
  if (in.boarding_house_id) {
    ANTOAN_ASSIGN(auto h, tx.query("SELECT area_code, lat, lon FROM boarding_houses WHERE id = $1 AND team_id = $2",
                                   {*in.boarding_house_id, team.id}));
    if (h.empty())
      return Error::unprocessable(field, "Nhà trọ này không thuộc tổ", "This house is not covered by the team");
    report.area_code = h[0].str(0);
    report.lat = h[0].opt_f64(1);
    report.lon = h[0].opt_f64(2);
    report.boarding_house_id = in.boarding_house_id;
  }
  // A retry of the same issue of the same meeting never opens a second case.
  std::string key = "meeting-" + std::to_string(meeting_id) + "-" + std::to_string(index);
  ANTOAN_ASSIGN(intake::SubmitResult r, intake_.submit_in(tx, report, key, in.category + ":" + in.description));
  if (!r.replayed) {
    ANTOAN_TRY(tx.exec("INSERT INTO meeting_issues (meeting_id, case_id, boarding_house_id) VALUES ($1, $2, $3)",
                       {meeting_id, r.case_id, store::optional_value(in.boarding_house_id)}));
    ANTOAN_TRY(security::append_audit(tx, detail::audit_of(p, "meeting.issue", "meeting", meeting_id,
                                                           {{"case_id", r.case_id}, {"category", in.category}})));
  }
  return OpenedCase{r.case_id, r.replayed ? std::nullopt : std::optional<intake::ReportInput>(std::move(report))};
}

Result<Json> HousingService::create_meeting(const security::Principal& p, std::int64_t team_id, const MeetingInput& in,
                                            const std::optional<std::string>& idempotency_key) {
  ANTOAN_ASSIGN(TeamRow team, load_team(p, team_id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, team.scope()));
  std::int64_t id = 0;
  bool replayed = false;
  std::vector<OpenedCase> opened;
  // The meeting and the cases its issues open commit together, or not at all.
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    opened.clear();
    if (idempotency_key) {
      ANTOAN_ASSIGN(auto seen, tx.query("SELECT id, team_id FROM team_meetings WHERE idempotency_key = $1",
                                        {*idempotency_key}));
      if (!seen.empty()) {
        if (seen[0].i64(1) != team_id)
          return Error::conflict("Idempotency-Key này đã được dùng cho một cuộc họp khác",
                                 "This Idempotency-Key was already used for another meeting", "Idempotency-Key");
        id = seen[0].i64(0);
        replayed = true;
      }
    }
    if (!replayed) {
      ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO team_meetings (team_id, held_on, attendance, topics, notes, "
                                        "created_by, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                                        "$8) RETURNING id",
                                        {team_id, in.held_on, in.attendance, in.topics, store::optional_value(in.notes),
                                         p.user_id, store::optional_value(idempotency_key), now_ms()}));
      id = rows[0].i64(0);
      ANTOAN_TRY(security::append_audit(tx, detail::audit_of(p, "meeting.create", "team", team_id,
                                                             {{"meeting_id", id}, {"held_on", in.held_on}})));
    }
    for (std::size_t i = 0; i < in.issues.size(); ++i) {
      ANTOAN_ASSIGN(OpenedCase c, open_issue_case(tx, p, team, id, i, in.issues[i],
                                                  "issues[" + std::to_string(i) + "].boarding_house_id"));
      opened.push_back(std::move(c));
    }
    return {};
  }));
  Json cases = Json::array();
  for (std::size_t i = 0; i < opened.size(); ++i) {
    if (opened[i].report) intake_.committed(*opened[i].report, opened[i].case_id);
    cases.push_back({{"case_id", opened[i].case_id}, {"category", in.issues[i].category}, {"status", "new"}});
  }
  return security::project(p, security::View::meeting,
                           {{"id", id},
                            {"team_id", team_id},
                            {"held_on", in.held_on},
                            {"attendance", in.attendance},
                            {"topics", in.topics},
                            {"notes", in.notes ? Json(*in.notes) : Json(nullptr)},
                            {"cases", cases},
                            {"replayed", replayed}});
}

Result<Json> HousingService::raise_issue(const security::Principal& p, std::int64_t meeting_id, const IssueInput& in) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT team_id FROM team_meetings WHERE id = $1", {meeting_id}));
  if (rows.empty()) return Error::not_found("cuộc họp", "Meeting");
  auto team = load_team(p, rows[0].i64(0));
  if (!team.ok()) return Error::not_found("cuộc họp", "Meeting");
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, team->scope()));
  OpenedCase opened;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    // Issues after the first batch get indexes after it, so their idempotency keys differ.
    ANTOAN_ASSIGN(auto count, tx.query("SELECT count(*) FROM meeting_issues WHERE meeting_id = $1", {meeting_id}));
    std::size_t index = 100 + static_cast<std::size_t>(count[0].i64(0));
    ANTOAN_ASSIGN(opened, open_issue_case(tx, p, *team, meeting_id, index, in, "boarding_house_id"));
    return {};
  }));
  if (opened.report) intake_.committed(*opened.report, opened.case_id);
  return security::project(p, security::View::meeting,
                           {{"meeting_id", meeting_id}, {"case_id", opened.case_id}, {"category", in.category},
                            {"status", "new"}});
}

}  // namespace antoan::housing

// HousingService: boarding houses, their safety checks, the landlord's sealed contact, the
// poster and the map points.
#include "housing/poster.h"
#include "housing/service_internal.h"
#include "orgs/service.h"
#include "security/field_crypto.h"
#include "security/projection.h"

namespace antoan::housing {

using detail::opt;
using security::Action;
using store::Params;

namespace {

constexpr const char* kHouseColumns =
    "h.id, h.name, h.address, h.area_code, a.name, h.lat, h.lon, h.landlord_name, "
    "CASE WHEN h.landlord_contact_enc IS NULL THEN 0 ELSE 1 END, h.rooms, h.residents, h.team_id, t.name, "
    "h.created_at, h.updated_at, h.place_path";
constexpr const char* kHouseJoins =
    " FROM boarding_houses h LEFT JOIN areas a ON a.code = h.area_code"
    " LEFT JOIN housing_teams t ON t.id = h.team_id";

Json house_summary(const store::Row& r) {
  bool covered = !r.is_null(11);
  return {{"id", r.i64(0)},
          {"name", r.str(1)},
          {"address", r.str(2)},
          {"area_code", r.str(3)},
          {"area_name", opt(r, 4)},
          {"lat", opt(r, 5)},
          {"lon", opt(r, 6)},
          {"landlord_name", opt(r, 7)},
          {"rooms", r.i64(9)},
          {"residents", r.i64(10)},
          {"team_id", opt(r, 11)},
          {"team_name", opt(r, 12)},
          {"covered", covered},
          {"needs_team", !covered && r.i64(10) >= kCoverageThreshold},
          {"created_at", format_iso8601(r.i64(13))},
          {"updated_at", format_iso8601(r.i64(14))}};
}

Json check_json(const store::Row& r) {
  return {{"id", r.i64(0)},
          {"checked_on", r.str(1)},
          {"fire_extinguisher", r.i64(2) != 0},
          {"escape_route", r.i64(3) != 0},
          {"smoke_alarm", r.i64(4) != 0},
          {"electrical_safe", r.i64(5) != 0},
          {"notes", opt(r, 6)}};
}

Error unknown_team() {
  return Error::unprocessable("team_id", "Không có tổ tự quản này (hoặc bạn không xem được)",
                              "No such team (or you cannot see it)");
}

}  // namespace

Status HousingService::check_house_exists(store::Tx& tx, std::optional<std::int64_t> house_id) {
  if (!house_id) return {};
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT 1 FROM boarding_houses WHERE id = $1", {*house_id}));
  if (rows.empty())
    return Error::unprocessable("boarding_house_id", "Không có nhà trọ này", "No such boarding house");
  return {};
}

intake::IntakeHook make_house_check_hook() {
  intake::IntakeHook hook;
  hook.prepare = [](store::Tx& tx, intake::ReportInput& in) -> Status {
    if (!in.house_token) return {};
    ANTOAN_ASSIGN(auto id, HousingService::house_for_token(tx, *in.house_token));
    if (!id)
      return Error::unprocessable("house_token", "Mã nhà trọ trên áp phích không đúng",
                                  "The poster's house code is not valid");
    in.boarding_house_id = id;
    return {};
  };
  hook.in_transaction = [](store::Tx& tx, const intake::ReportInput& in, std::int64_t) -> Status {
    return HousingService::check_house_exists(tx, in.boarding_house_id);
  };
  return hook;
}

Result<HousingService::HouseRow> HousingService::load_house(const security::Principal& p, std::int64_t id) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  ANTOAN_ASSIGN(auto rows,
                db_.query("SELECT id, place_path, area_code, team_id, lat, lon FROM boarding_houses WHERE id = $1", {id}));
  auto not_found = Error::not_found("nhà trọ", "Boarding house");
  if (rows.empty()) return not_found;
  const auto& r = rows[0];
  HouseRow row{r.i64(0), r.str(1), r.str(2), r.opt_i64(3), r.opt_f64(4), r.opt_f64(5)};
  // Outside the scope looks missing, so ids can't be probed.
  if (!security::allows_housing(p, Action::housing_view, row.scope())) return not_found;
  return row;
}

Result<Json> HousingService::house_json(const security::Principal& p, std::int64_t id, bool with_checks) {
  ANTOAN_ASSIGN(HouseRow row, load_house(p, id));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kHouseColumns + kHouseJoins + " WHERE h.id = $1", {id}));
  if (rows.empty()) return Error::not_found("nhà trọ", "Boarding house");
  Json j = house_summary(rows[0]);
  bool may_reveal = security::allows_housing(p, Action::housing_reveal_contact, row.scope());
  // Whether a contact exists is only told to those who may reveal it.
  j["has_landlord_contact"] = may_reveal && rows[0].i64(8) != 0;
  j["can_reveal_landlord"] = may_reveal && rows[0].i64(8) != 0;
  j["can_edit"] = security::allows_housing(p, Action::housing_manage, row.scope());
  j["can_organise"] = security::allows_housing(p, Action::housing_organise, row.scope());
  ANTOAN_ASSIGN(auto checks, db_.query("SELECT id, checked_on, fire_extinguisher, escape_route, smoke_alarm, "
                                       "electrical_safe, notes FROM house_safety_checks WHERE house_id = $1 "
                                       "ORDER BY checked_on DESC, id DESC LIMIT 50",
                                       {id}));
  j["latest_check"] = checks.empty() ? Json(nullptr) : check_json(checks[0]);
  if (with_checks) {
    Json list = Json::array();
    for (const auto& c : checks) list.push_back(check_json(c));
    j["checks"] = list;
  }
  return security::project(p, security::View::house, std::move(j));
}

Result<Json> HousingService::list_houses(const security::Principal& p, const HouseFilter& f) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  security::SqlFilter scope = security::housing_filter(p, "h.place_path", "h.team_id", 1);
  Params params = scope.params;
  std::string where = " WHERE " + scope.sql;
  if (f.area_code) detail::add_area_filter("h.area_code", *f.area_code, where, params);
  if (f.team_id) {
    where += " AND h.team_id = " + detail::next_param(params);
    params.emplace_back(*f.team_id);
  }
  if (f.uncovered_only) where += " AND h.team_id IS NULL AND h.residents >= " + std::to_string(kCoverageThreshold);
  if (f.q) {
    std::string escaped;
    for (char ch : *f.q) {
      if (ch == '%' || ch == '_' || ch == '!') escaped += '!';
      escaped += ch;
    }
    std::string n = detail::next_param(params);
    where += " AND (h.name LIKE " + n + " ESCAPE '!' OR h.address LIKE " + n + " ESCAPE '!')";
    params.emplace_back("%" + escaped + "%");
  }
  ANTOAN_ASSIGN(auto total, db_.query(std::string("SELECT count(*)") + kHouseJoins + where, params));
  Params page = params;
  std::string limit = " ORDER BY h.residents DESC, h.id LIMIT " + detail::next_param(page);
  page.emplace_back(std::int64_t{f.limit});
  limit += " OFFSET " + detail::next_param(page);
  page.emplace_back(std::int64_t{f.offset});
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kHouseColumns + kHouseJoins + where + limit, page));
  Json items = Json::array();
  for (const auto& r : rows) items.push_back(security::project(p, security::View::house, house_summary(r)));
  return Json{{"items", items}, {"total", total[0].i64(0)}, {"limit", f.limit}, {"offset", f.offset}};
}

Result<Json> HousingService::get_house(const security::Principal& p, std::int64_t id) {
  return house_json(p, id, true);
}

Result<Json> HousingService::create_house(const security::Principal& p, const HouseInput& in) {
  ANTOAN_TRY(security::require(p, Action::housing_manage));
  // A team leader's house is their own team's unless they name another, which policy refuses.
  std::optional<std::int64_t> team_id = in.team_id ? in.team_id : p.team_id;
  ANTOAN_ASSIGN(std::string place_path, orgs_.place_path_for(*in.area_code, std::nullopt));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, {place_path, team_id}));
  if (team_id && !load_team(p, *team_id).ok()) return unknown_team();
  std::optional<std::string> sealed;
  if (in.landlord_contact) sealed = crypto_.seal(*in.landlord_contact);
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    EpochMs now = now_ms();
    ANTOAN_ASSIGN(auto rows,
                  tx.query("INSERT INTO boarding_houses (name, address, area_code, place_path, lat, lon, landlord_name, "
                           "landlord_contact_enc, rooms, residents, team_id, created_at, updated_at, poster_token) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id",
                           {*in.name, *in.address, *in.area_code, place_path, store::optional_value(in.lat),
                            store::optional_value(in.lon), store::optional_value(in.landlord_name),
                            store::optional_value(sealed), in.rooms.value_or(0), in.residents.value_or(0),
                            store::optional_value(team_id), now, new_poster_token()}));
    id = rows[0].i64(0);
    return security::append_audit(
        tx, detail::audit_of(p, "house.create", "boarding_house", id,
                             {{"area_code", *in.area_code}, {"team_id", team_id ? Json(*team_id) : Json(nullptr)},
                              {"has_landlord_contact", sealed.has_value()}}));
  }));
  return house_json(p, id, true);
}

Result<Json> HousingService::update_house(const security::Principal& p, std::int64_t id, const HouseInput& in) {
  ANTOAN_ASSIGN(HouseRow row, load_house(p, id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, row.scope()));
  std::optional<std::int64_t> team_id = row.team_id;
  bool team_changes = in.clear_team || (in.team_id && in.team_id != row.team_id);
  if (team_changes) {
    // Moving a house between teams is the supporting officers' decision.
    ANTOAN_TRY(security::require_housing(p, Action::housing_organise, row.scope()));
    team_id = in.clear_team ? std::nullopt : in.team_id;
    if (team_id && !load_team(p, *team_id).ok()) return unknown_team();
  }
  std::string place_path = row.place_path, area_code = row.area_code;
  if (in.area_code && *in.area_code != row.area_code) {
    ANTOAN_ASSIGN(place_path, orgs_.place_path_for(*in.area_code, std::nullopt));
    area_code = *in.area_code;
  }
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, {place_path, team_id}));
  std::optional<std::string> sealed;
  if (in.landlord_contact) sealed = crypto_.seal(*in.landlord_contact);
  Json changed = Json::array();
  for (auto [name, present] : {std::pair{"name", in.name.has_value()}, {"address", in.address.has_value()},
                               {"area_code", in.area_code.has_value()}, {"lat", in.lat.has_value()},
                               {"landlord_name", in.landlord_name.has_value()},
                               {"landlord_contact", in.landlord_contact.has_value()},
                               {"rooms", in.rooms.has_value()}, {"residents", in.residents.has_value()},
                               {"team_id", team_changes}})
    if (present) changed.push_back(name);
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec(
        "UPDATE boarding_houses SET name = COALESCE($1, name), address = COALESCE($2, address), area_code = $3, "
        "place_path = $4, lat = COALESCE($5, lat), lon = COALESCE($6, lon), landlord_name = COALESCE($7, "
        "landlord_name), landlord_contact_enc = COALESCE($8, landlord_contact_enc), rooms = COALESCE($9, rooms), "
        "residents = COALESCE($10, residents), team_id = $11, updated_at = $12 WHERE id = $13",
        {store::optional_value(in.name), store::optional_value(in.address), area_code, place_path,
         store::optional_value(in.lat), store::optional_value(in.lon), store::optional_value(in.landlord_name),
         store::optional_value(sealed), store::optional_value(in.rooms), store::optional_value(in.residents),
         store::optional_value(team_id), now_ms(), id}));
    return security::append_audit(tx, detail::audit_of(p, "house.update", "boarding_house", id, {{"fields", changed}}));
  }));
  return house_json(p, id, true);
}

Result<Json> HousingService::add_safety_check(const security::Principal& p, std::int64_t id,
                                              const SafetyCheckInput& in) {
  ANTOAN_ASSIGN(HouseRow row, load_house(p, id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_manage, row.scope()));
  std::int64_t check_id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows,
                  tx.query("INSERT INTO house_safety_checks (house_id, checked_on, fire_extinguisher, escape_route, "
                           "smoke_alarm, electrical_safe, notes, checked_by, created_at) VALUES ($1, $2, $3, $4, $5, "
                           "$6, $7, $8, $9) RETURNING id",
                           {id, in.checked_on, std::int64_t{in.fire_extinguisher}, std::int64_t{in.escape_route},
                            std::int64_t{in.smoke_alarm}, std::int64_t{in.electrical_safe},
                            store::optional_value(in.notes), p.user_id, now_ms()}));
    check_id = rows[0].i64(0);
    ANTOAN_TRY(tx.exec("UPDATE boarding_houses SET updated_at = $1 WHERE id = $2", {now_ms(), id}));
    return security::append_audit(
        tx, detail::audit_of(p, "house.safety_check", "boarding_house", id, {{"check_id", check_id}}));
  }));
  return security::project(p, security::View::safety_check,
                           {{"id", check_id},
              {"house_id", id},
              {"checked_on", in.checked_on},
              {"fire_extinguisher", in.fire_extinguisher},
              {"escape_route", in.escape_route},
              {"smoke_alarm", in.smoke_alarm},
              {"electrical_safe", in.electrical_safe},
              {"notes", in.notes ? Json(*in.notes) : Json(nullptr)}});
}

Result<std::string> HousingService::reveal_landlord(const security::Principal& p, std::int64_t id,
                                                    const std::string& reason) {
  ANTOAN_ASSIGN(HouseRow row, load_house(p, id));
  ANTOAN_TRY(security::require_housing(p, Action::housing_reveal_contact, row.scope()));
  ANTOAN_TRY(security::require_reveal_reason(reason));
  std::string contact;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("SELECT landlord_contact_enc FROM boarding_houses WHERE id = $1", {id}));
    if (rows.empty() || rows[0].is_null(0))
      return Error::not_found("số liên hệ chủ trọ (chưa có)", "Landlord contact (none recorded)");
    ANTOAN_ASSIGN(contact, crypto_.open(rows[0].str(0)));
    return security::append_audit(tx, detail::audit_of(p, "landlord.reveal", "boarding_house", id, {{"reason", reason}}));
  }));
  return contact;
}

Result<std::string> HousingService::poster_html(const security::Principal& p, std::int64_t id,
                                                const std::string& public_base) {
  ANTOAN_ASSIGN(HouseRow row, load_house(p, id));
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT h.name, h.address, a.name, t.name, t.leader_name, t.leader_phone, "
                                     "h.poster_token "
                                     "FROM boarding_houses h LEFT JOIN areas a ON a.code = h.area_code "
                                     "LEFT JOIN housing_teams t ON t.id = h.team_id WHERE h.id = $1",
                                     {row.id}));
  const auto& r = rows[0];
  PosterData d{r.str(0), r.str(1), r.str(2), report_url_for(public_base, r.str(6)), r.opt_str(3), r.opt_str(4),
               r.opt_str(5)};
  return render_poster_html(d);
}

Result<Json> HousingService::public_house(const std::string& poster_token) {
  // Whoever holds the token stands in front of the poster: they may see the house's name. The
  // id never leaves: it is sequential, and a worker's report names the house by this token.
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT h.name, h.area_code, COALESCE(a.parent_code, a.code), a.name "
                                     "FROM boarding_houses h LEFT JOIN areas a ON a.code = h.area_code "
                                     "WHERE h.poster_token = $1",
                                     {poster_token}));
  if (rows.empty()) return Error::not_found("nhà trọ", "Boarding house");
  const auto& r = rows[0];
  return Json{{"token", poster_token}, {"name", r.str(0)}, {"area_code", r.str(1)}, {"province_code", r.str(2)},
              {"area_name", opt(r, 3)}};
}

Result<std::optional<std::int64_t>> HousingService::house_for_token(store::Tx& tx, const std::string& poster_token) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT id FROM boarding_houses WHERE poster_token = $1", {poster_token}));
  if (rows.empty()) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>(rows[0].i64(0));
}

Result<Json> HousingService::map_points(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  security::SqlFilter scope = security::housing_filter(p, "h.place_path", "h.team_id", 1);
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT h.id, h.name, h.lat, h.lon, h.residents, h.team_id, t.name FROM "
                                     "boarding_houses h LEFT JOIN housing_teams t ON t.id = h.team_id WHERE " +
                                         scope.sql + " AND h.lat IS NOT NULL ORDER BY h.id LIMIT 20000",
                                     scope.params));
  Json items = Json::array();
  for (const auto& r : rows)
    items.push_back({{"id", r.i64(0)},
                     {"name", r.str(1)},
                     {"lat", r.f64(2)},
                     {"lon", r.f64(3)},
                     {"residents", r.i64(4)},
                     {"team_id", opt(r, 5)},
                     {"team_name", opt(r, 6)},
                     {"needs_team", r.is_null(5) && r.i64(4) >= kCoverageThreshold}});
  items = security::project_list(p, security::View::house, items);
  return Json{{"count", items.size()}, {"items", items}};
}

}  // namespace antoan::housing

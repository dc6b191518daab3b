// HousingService: CSV import and export of houses, teams and members. An import checks every
// row first (the same validation as the API, plus areas, scope and team/house references) and
// reports every bad row with its line; only a file with no bad row is written, in one
// transaction. Exports never contain landlord contacts or members' phones.
#include <charconv>
#include <map>

#include "housing/csv.h"
#include "housing/poster.h"
#include "housing/service_internal.h"
#include "orgs/service.h"
#include "security/field_crypto.h"
#include "text/normalize.h"

namespace antoan::housing {

using security::Action;
using store::Params;

namespace {

constexpr std::size_t kMaxRows = 5000;

struct KindSpec {
  std::vector<std::string> columns;   // accepted (export writes them in this order)
  std::vector<std::string> required;  // must be in the header
  std::vector<std::string> numbers, integers;
};

const KindSpec* spec_of(const std::string& kind) {
  static const std::map<std::string, KindSpec> specs = {
      {"houses",
       {{"id", "name", "address", "area_code", "lat", "lon", "landlord_name", "landlord_contact", "rooms", "residents",
         "team"},
        {"name", "address", "area_code"},
        {"lat", "lon"},
        {"rooms", "residents"}}},
      {"teams",
       {{"id", "name", "area_code", "leader_name", "leader_phone", "founded_on"},
        {"name", "area_code", "leader_name"},
        {},
        {}}},
      {"members", {{"team", "name", "role", "phone", "house"}, {"team", "name"}, {}, {}}},
  };
  auto it = specs.find(kind);
  return it == specs.end() ? nullptr : &it->second;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

ImportRowError row_error(int row, const Error& e) { return {row, e.field, e.message_vi, e.message_en}; }

ImportRowError row_error(int row, std::string field, std::string vi, std::string en) {
  return {row, std::move(field), std::move(vi), std::move(en)};
}

// One CSV row as the JSON object the API would receive (numbers as numbers; empty = absent).
Result<Json> row_object(const CsvRow& row, const std::vector<std::string>& header, const KindSpec& spec) {
  Json obj = Json::object();
  for (std::size_t i = 0; i < header.size() && i < row.fields.size(); ++i) {
    std::string v = row.fields[i];
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(v.begin());
    if (v.empty() || header[i] == "id") continue;
    const std::string& col = header[i];
    if (contains(spec.numbers, col)) {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (end != v.c_str() + v.size())
        return Error::invalid(col, "Cột '" + col + "' phải là số", "Column '" + col + "' must be a number");
      obj[col] = d;
    } else if (contains(spec.integers, col)) {
      long long n = 0;
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || ptr != v.data() + v.size())
        return Error::invalid(col, "Cột '" + col + "' phải là số nguyên", "Column '" + col + "' must be an integer");
      obj[col] = n;
    } else {
      obj[col] = v;
    }
  }
  return obj;
}

}  // namespace

Result<ImportOutcome> HousingService::import_csv(const security::Principal& p, const std::string& kind,
                                                 std::string_view csv) {
  ANTOAN_TRY(security::require(p, Action::housing_organise));
  const KindSpec* spec = spec_of(kind);
  if (!spec)
    return Error::unprocessable("kind", "Loại dữ liệu phải là houses, teams hoặc members",
                                "kind must be houses, teams or members");
  ANTOAN_ASSIGN(std::vector<CsvRow> rows, parse_csv(csv));
  ImportOutcome out;
  if (rows.empty()) {
    out.errors.push_back(row_error(1, "csv", "Tệp trống", "The file is empty"));
    return out;
  }
  if (rows.size() - 1 > kMaxRows)
    return Error::make(ErrorCode::payload_too_large, "Tối đa 5.000 dòng mỗi lần nhập",
                       "At most 5,000 rows per import");
  std::vector<std::string> header;
  for (const std::string& h : rows[0].fields) {
    std::string col = text::fold(h);
    while (!col.empty() && col.back() == ' ') col.pop_back();
    if (!contains(spec->columns, col))
      out.errors.push_back(row_error(1, col, "Cột không được hỗ trợ: " + h, "Unknown column: " + h));
    header.push_back(col);
  }
  for (const std::string& r : spec->required)
    if (!contains(header, r)) out.errors.push_back(row_error(1, r, "Thiếu cột '" + r + "'", "Missing column '" + r + "'"));
  if (!out.errors.empty()) return out;

  // Teams the caller may see, by id and by name, for the "team" column.
  security::SqlFilter tscope = security::housing_filter(p, "place_path", "id", 1);
  ANTOAN_ASSIGN(auto team_rows, db_.query("SELECT id, name, place_path FROM housing_teams WHERE " + tscope.sql, tscope.params));
  std::map<std::int64_t, std::string> team_paths;
  std::multimap<std::string, std::int64_t> team_by_name;
  for (const auto& t : team_rows) {
    team_paths[t.i64(0)] = t.str(2);
    team_by_name.emplace(text::to_nfc(t.str(1)), t.i64(0));
  }
  auto resolve_team = [&](const Json& obj) -> Result<std::optional<std::int64_t>> {
    if (!obj.contains("team")) return std::optional<std::int64_t>{};
    std::string v = text::to_nfc(obj["team"].get<std::string>());
    long long n = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec == std::errc() && ptr == v.data() + v.size() && team_paths.count(n)) return std::optional<std::int64_t>(n);
    if (team_by_name.count(v) == 1) return std::optional<std::int64_t>(team_by_name.find(v)->second);
    if (team_by_name.count(v) > 1)
      return Error::unprocessable("team", "Có nhiều tổ trùng tên '" + v + "': hãy dùng mã tổ",
                                  "Several teams are named '" + v + "': use the team id");
    return Error::unprocessable("team", "Không có tổ '" + v + "' (hoặc bạn không xem được)",
                                "No team '" + v + "' (or you cannot see it)");
  };

  struct Ready {
    Json obj;
    std::string place_path;
    std::optional<std::int64_t> team_id, house_id;
    std::optional<std::string> sealed;
  };
  std::vector<Ready> ready;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const int line = rows[i].line;
    if (rows[i].fields.size() > header.size()) {
      out.errors.push_back(row_error(line, "csv", "Dòng có nhiều cột hơn tiêu đề", "The row has more fields than the header"));
      continue;
    }
    auto obj = row_object(rows[i], header, *spec);
    if (!obj.ok()) {
      out.errors.push_back(row_error(line, obj.error()));
      continue;
    }
    auto team = resolve_team(*obj);
    if (!team.ok()) {
      out.errors.push_back(row_error(line, team.error()));
      continue;
    }
    Ready r{*obj, {}, *team, std::nullopt, std::nullopt};
    Status st = [&]() -> Status {
      if (kind == "houses") {
        ANTOAN_ASSIGN(HouseInput h, parse_house(*obj, true));
        ANTOAN_ASSIGN(r.place_path, orgs_.place_path_for(*h.area_code, std::nullopt));
        if (h.landlord_contact) r.sealed = crypto_.seal(*h.landlord_contact);
      } else if (kind == "teams") {
        ANTOAN_ASSIGN(TeamInput t, parse_team(*obj, true));
        ANTOAN_ASSIGN(r.place_path, orgs_.place_path_for(*t.area_code, std::nullopt));
        r.obj["founded_on"] = *t.founded_on;
      } else {
        ANTOAN_ASSIGN(MemberInput m, parse_member(*obj));
        if (!r.team_id) return Error::unprocessable("team", "Thiếu tổ", "Missing team");
        r.place_path = team_paths[*r.team_id];
        if (m.phone) r.sealed = crypto_.seal(*m.phone);
        if (obj->contains("house")) {
          ANTOAN_ASSIGN(auto h, db_.query("SELECT id FROM boarding_houses WHERE team_id = $1 AND (name = $2 OR "
                                          "CAST(id AS TEXT) = $2)",
                                          {*r.team_id, text::to_nfc((*obj)["house"].get<std::string>())}));
          if (h.size() != 1)
            return Error::unprocessable("house", "Không có nhà trọ này trong tổ", "No such house in the team");
          r.house_id = h[0].i64(0);
        }
      }
      if (!security::allows_housing(p, Action::housing_organise, {r.place_path, r.team_id}))
        return Error::make(ErrorCode::forbidden, "Ngoài địa bàn bạn phụ trách", "Outside your area", "area_code");
      return {};
    }();
    if (!st.ok()) {
      out.errors.push_back(row_error(line, st.error()));
      continue;
    }
    ready.push_back(std::move(r));
  }
  if (!out.errors.empty()) return out;

  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    EpochMs now = now_ms();
    auto s = [](const Json& o, const char* k) -> store::Value {
      return o.contains(k) ? store::Value(text::to_nfc(o[k].get<std::string>())) : store::null_value();
    };
    auto n = [](const Json& o, const char* k) -> store::Value {
      if (!o.contains(k)) return store::null_value();
      if (o[k].is_number_integer()) return o[k].get<std::int64_t>();
      return o[k].get<double>();
    };
    for (const Ready& r : ready) {
      const Json& o = r.obj;
      if (kind == "houses") {
        ANTOAN_TRY(tx.exec("INSERT INTO boarding_houses (name, address, area_code, place_path, lat, lon, landlord_name, "
                           "landlord_contact_enc, rooms, residents, team_id, created_at, updated_at, poster_token) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, 0), COALESCE($10, 0), $11, $12, $12, "
                           "$13)",
                           {s(o, "name"), s(o, "address"), s(o, "area_code"), r.place_path, n(o, "lat"), n(o, "lon"),
                            s(o, "landlord_name"), store::optional_value(r.sealed), n(o, "rooms"), n(o, "residents"),
                            store::optional_value(r.team_id), now, new_poster_token()}));
      } else if (kind == "teams") {
        ANTOAN_TRY(tx.exec("INSERT INTO housing_teams (name, area_code, place_path, leader_name, leader_phone, "
                           "founded_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
                           {s(o, "name"), s(o, "area_code"), r.place_path, s(o, "leader_name"), s(o, "leader_phone"),
                            s(o, "founded_on"), now}));
      } else {
        ANTOAN_TRY(tx.exec("INSERT INTO team_members (team_id, name, role, phone_enc, house_id, created_at) VALUES "
                           "($1, $2, COALESCE($3, 'member'), $4, $5, $6)",
                           {*r.team_id, s(o, "name"), s(o, "role"), store::optional_value(r.sealed),
                            store::optional_value(r.house_id), now}));
      }
    }
    return security::append_audit(tx, detail::audit_of(p, "housing.import", "housing", 0,
                                                       {{"kind", kind}, {"rows", ready.size()}}));
  }));
  out.imported = static_cast<int>(ready.size());
  return out;
}

Result<std::string> HousingService::export_csv(const security::Principal& p, const std::string& kind) {
  ANTOAN_TRY(security::require(p, Action::housing_view));
  const KindSpec* spec = spec_of(kind);
  if (!spec)
    return Error::unprocessable("kind", "Loại dữ liệu phải là houses, teams hoặc members",
                                "kind must be houses, teams or members");
  std::string out;
  auto cell = [](const store::Row& r, std::size_t i) {
    if (r.is_null(i)) return std::string();
    if (std::holds_alternative<double>(r[i])) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6f", r.f64(i));
      return std::string(buf);
    }
    return std::holds_alternative<std::int64_t>(r[i]) ? std::to_string(r.i64(i)) : r.str(i);
  };
  auto write_rows = [&](const store::Rows& rows) {
    for (const auto& r : rows) {
      std::vector<std::string> fields;
      for (std::size_t i = 0; i < r.size(); ++i) fields.push_back(cell(r, i));
      out += csv_line(fields);
    }
  };
  if (kind == "houses") {
    security::SqlFilter scope = security::housing_filter(p, "h.place_path", "h.team_id", 1);
    out = csv_line({"id", "name", "address", "area_code", "lat", "lon", "landlord_name", "rooms", "residents", "team"});
    ANTOAN_ASSIGN(auto rows, db_.query("SELECT h.id, h.name, h.address, h.area_code, h.lat, h.lon, h.landlord_name, "
                                       "h.rooms, h.residents, h.team_id FROM boarding_houses h WHERE " +
                                           scope.sql + " ORDER BY h.id",
                                       scope.params));
    write_rows(rows);
  } else if (kind == "teams") {
    security::SqlFilter scope = security::housing_filter(p, "t.place_path", "t.id", 1);
    out = csv_line({"id", "name", "area_code", "leader_name", "leader_phone", "founded_on"});
    ANTOAN_ASSIGN(auto rows, db_.query("SELECT t.id, t.name, t.area_code, t.leader_name, t.leader_phone, t.founded_on "
                                       "FROM housing_teams t WHERE " + scope.sql + " ORDER BY t.id",
                                       scope.params));
    write_rows(rows);
  } else {
    // Rosters: only for those who manage the team (the leader and supporting officers).
    ANTOAN_TRY(security::require(p, Action::housing_manage));
    security::SqlFilter scope = security::housing_filter(p, "t.place_path", "t.id", 1);
    out = csv_line({"team", "name", "role", "house"});
    ANTOAN_ASSIGN(auto rows, db_.query("SELECT m.team_id, m.name, m.role, m.house_id FROM team_members m JOIN "
                                       "housing_teams t ON t.id = m.team_id WHERE " + scope.sql +
                                           " ORDER BY m.team_id, m.id",
                                       scope.params));
    write_rows(rows);
  }
  return "\xEF\xBB\xBF" + out;  // a BOM, so spreadsheet software reads the Vietnamese as UTF-8
}

}  // namespace antoan::housing

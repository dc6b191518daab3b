#include "demo/housing.h"

#include "security/sessions.h"

#include <array>
#include <cstdio>

namespace antoan::demo {
namespace {

constexpr std::int64_t kDay = 86400000LL, kVietnamOffset = 7 * 3600000LL;

// Communes with a team, Yên Phong first (the team leader's login); others near big parks.
constexpr std::array<const char*, 5> kTeamCommunes = {"09193", "00433", "09205", "09202", "00388"};

constexpr std::array<const char*, 12> kFamily = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ",
                                                 "Đặng",   "Bùi",  "Đỗ", "Hồ",   "Ngô",   "Dương"};
constexpr std::array<const char*, 10> kMiddle = {"Văn", "Thị", "Đức", "Thu", "Minh", "Ngọc", "Quang", "Thanh", "Hữu", "Kim"};
constexpr std::array<const char*, 16> kGiven = {"An",  "Bình", "Chi", "Dũng", "Giang", "Hà",   "Hải",  "Hương",
                                                "Lan", "Linh", "Mai", "Nam",  "Oanh",  "Phúc", "Quyên", "Tâm"};
constexpr std::array<const char*, 6> kTopics = {
    "Phòng cháy chữa cháy, kiểm tra bình cứu hỏa và lối thoát nạn",
    "Cảnh giác lừa đảo tuyển dụng, vay tiền qua mạng",
    "An toàn điện: ổ cắm, dây điện, sạc xe điện ban đêm",
    "Giữ gìn an ninh trật tự, phòng chống trộm cắp xe máy",
    "Phổ biến quyền lợi về tiền lương, bảo hiểm xã hội",
    "Vệ sinh môi trường, nước sạch khu trọ"};

template <std::size_t N>
const char* pick(std::mt19937_64& rng, const std::array<const char*, N>& list) {
  return list[rng() % N];
}

std::string person(std::mt19937_64& rng) {
  return std::string(pick(rng, kFamily)) + " " + pick(rng, kMiddle) + " " + pick(rng, kGiven);
}

double jitter(std::mt19937_64& rng) { return (static_cast<double>(rng() % 2001) - 1000.0) / 100000.0; }  // ±1 km

struct TeamSpec {
  const Commune* commune;
  bool leader_login;
};

Result<std::int64_t> insert_team(store::Tx& tx, const TeamSpec& s, int index, std::mt19937_64& rng,
                                 const World& w, std::int64_t today_day, HousingSummary& out) {
  std::string leader = s.leader_login ? "Ngô Văn Bình" : person(rng);
  char phone[24];
  std::snprintf(phone, sizeof phone, "0912 %03d %03d", static_cast<int>(rng() % 1000), static_cast<int>(rng() % 1000));
  std::string founded = format_civil_date(today_day - 400 - static_cast<std::int64_t>(rng() % 600));
  ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO housing_teams (name, area_code, place_path, leader_user_id, leader_name, "
                                    "leader_phone, founded_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, "
                                    "$7, $8, $8) RETURNING id",
                                    {"Tổ tự quản nhà trọ số " + std::to_string(index) + ", " + s.commune->name,
                                     s.commune->code, s.commune->node_path,
                                     s.leader_login ? store::Value(w.team_leader_id) : store::null_value(), leader,
                                     std::string(phone), founded, now_ms()}));
  ++out.teams;
  return rows[0].i64(0);
}

Status insert_houses(store::Tx& tx, const Commune& c, std::optional<std::int64_t> team, int count,
                     std::mt19937_64& rng, std::int64_t today_day, std::vector<std::int64_t>& ids,
                     HousingSummary& out) {
  for (int i = 0; i < count; ++i) {
    // Most houses covered by a team have 30+ workers; uncovered ones are the gap list.
    std::int64_t residents = 12 + static_cast<std::int64_t>(rng() % 130);
    std::string owner = person(rng);
    ANTOAN_ASSIGN(auto rows,
                  tx.query("INSERT INTO boarding_houses (name, address, area_code, place_path, lat, lon, landlord_name, "
                           "rooms, residents, team_id, created_at, updated_at, poster_token) VALUES ($1, $2, $3, $4, "
                           "$5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
                           {"Nhà trọ " + owner.substr(owner.rfind(' ') + 1) + " " + std::to_string(i + 1),
                            "Ngõ " + std::to_string(2 + rng() % 40) + ", thôn " + pick(rng, kGiven),
                            c.code, c.node_path, c.lat + jitter(rng), c.lon + jitter(rng), owner,
                            residents / 3 + 2, residents, store::optional_value(team), now_ms(),
                            security::random_token()}));  // the poster token
    std::int64_t id = rows[0].i64(0);
    ids.push_back(id);
    ++out.houses;
    bool ok = rng() % 4 != 0;
    ANTOAN_TRY(tx.exec("INSERT INTO house_safety_checks (house_id, checked_on, fire_extinguisher, escape_route, "
                       "smoke_alarm, electrical_safe, notes, created_at) VALUES ($1, $2, 1, $3, $4, $5, $6, $7)",
                       {id, format_civil_date(today_day - 10 - static_cast<std::int64_t>(rng() % 150)), std::int64_t{ok ? 1 : 0},
                        std::int64_t{rng() % 3 != 0 ? 1 : 0}, std::int64_t{ok ? 1 : 0},
                        ok ? store::null_value() : store::Value(std::string("Dây điện chằng chịt, cần đi lại ống")),
                        now_ms()}));
  }
  return {};
}

Status insert_members_and_meetings(store::Tx& tx, std::int64_t team, const std::vector<std::int64_t>& houses,
                                   std::mt19937_64& rng, std::int64_t today_day, HousingSummary& out) {
  int members = 6 + static_cast<int>(rng() % 6);
  for (int i = 0; i < members; ++i) {
    ANTOAN_TRY(tx.exec("INSERT INTO team_members (team_id, name, role, house_id, created_at) VALUES ($1, $2, $3, $4, $5)",
                       {team, person(rng), std::string(i < 2 ? "deputy" : "member"), houses[rng() % houses.size()],
                        now_ms()}));
    ++out.members;
  }
  // Six past months; about one in six missed.
  for (int back = 6; back >= 1; --back) {
    if (rng() % 6 == 0) continue;
    std::int64_t day = today_day - back * 30 - static_cast<std::int64_t>(rng() % 10);
    ANTOAN_TRY(tx.exec("INSERT INTO team_meetings (team_id, held_on, attendance, topics, notes, created_at) VALUES "
                       "($1, $2, $3, $4, $5, $6)",
                       {team, format_civil_date(day), std::int64_t{15 + static_cast<std::int64_t>(rng() % 60)},
                        std::string(pick(rng, kTopics)), std::string("Họp định kỳ tháng tại nhà văn hóa thôn"),
                        now_ms()}));
    ++out.meetings;
  }
  return {};
}

}  // namespace

Result<HousingSummary> build_demo_housing(store::Tx& tx, World& w, std::mt19937_64& rng, EpochMs today) {
  HousingSummary out;
  std::int64_t today_day = (today + kVietnamOffset) / kDay;
  int index = 0;
  for (const char* code : kTeamCommunes) {
    const Commune* c = nullptr;
    for (const Commune& x : w.communes)
      if (x.code == code) c = &x;
    if (!c) continue;  // a commune missing from the reference data: fewer teams
    bool leader_login = index == 0 && w.team_leader_id != 0;
    ANTOAN_ASSIGN(std::int64_t team, insert_team(tx, {c, leader_login}, ++index, rng, w, today_day, out));
    if (leader_login) {
      w.team_id = team;
      ANTOAN_TRY(tx.exec("UPDATE users SET team_id = $1 WHERE id = $2", {team, w.team_leader_id}));
    }
    std::vector<std::int64_t> covered;
    ANTOAN_TRY(insert_houses(tx, *c, team, 5 + static_cast<int>(rng() % 4), rng, today_day, covered, out));
    ANTOAN_TRY(insert_members_and_meetings(tx, team, covered, rng, today_day, out));
    std::vector<std::int64_t> uncovered;
    ANTOAN_TRY(insert_houses(tx, *c, std::nullopt, 2 + static_cast<int>(rng() % 3), rng, today_day, uncovered, out));
  }
  return out;
}

}  // namespace antoan::demo

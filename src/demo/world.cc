#include "demo/world.h"

#include <set>

#include "core/clock.h"
#include "security/password.h"
#include "text/normalize.h"

namespace antoan::demo {
namespace {

using store::Tx;

// Fictional enterprise names: kinds of factories found in the parks × made-up brands. None is
// meant to be a real company (incidents in the demo are invented).
constexpr const char* kIndustries[] = {"Điện tử",   "May mặc",      "Linh kiện điện tử", "Cơ khí chính xác",
                                       "Bao bì",    "Nhựa",         "Thực phẩm",         "Giày da",
                                       "Quang học", "Dệt may",      "Vật liệu mới",      "Thiết bị điện",
                                       "Dây cáp",   "Gỗ nội thất"};
constexpr const char* kBrands[] = {"Ánh Dương",   "Bình Minh Xanh", "Hưng Thịnh Phát", "Tân Á",      "Kim Long Vina",
                                   "Sao Mai Vina", "Phúc An Khang",  "Trường Thịnh",    "Hải Âu",     "Ngọc Lan",
                                   "Thái Dương",   "Hòa Phong",      "Việt Nhật Tiến",  "Minh Quang", "Lạc Hồng",
                                   "Đại Thành",    "Gia Hưng",       "An Phú Vina",     "Nam Việt Hưng", "Thiên Ân",
                                   "DEF",          "GHK",            "MNP",             "QRS",        "TUV",
                                   "XYZ",          "Hoàng Kim",      "Vạn Xuân",        "Đông Hải",   "Tiến Đạt",
                                   "Bảo Châu",     "Phú Cường",      "Thành Công Vina", "Hợp Nhất",   "Nhật Minh",
                                   "Quang Vinh",   "Song Hành",      "Tràng An Tech",   "Kinh Bắc Tech", "Sông Cầu"};

struct OrgRow {
  std::int64_t id;
  std::string path;
};

Result<OrgRow> insert_org(Tx& tx, const std::string& kind, const std::string& name, const OrgRow& parent,
                          const std::string& area_code, std::optional<std::int64_t> enterprise_id,
                          std::optional<std::string> park, double lat, double lon, bool scope_is_parent) {
  ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO organisations (parent_id, path, scope_path, kind, name, name_folded, "
                                    "area_code, enterprise_id, industrial_park, lat, lon, created_at) "
                                    "VALUES ($1, '', '', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                                    {parent.id, kind, name, text::fold(name), area_code,
                                     store::optional_value(enterprise_id), store::optional_value(park), lat, lon,
                                     now_ms()}));
  std::int64_t id = rows[0].i64(0);
  std::string path = parent.path + std::to_string(id) + "/";
  ANTOAN_TRY(tx.exec("UPDATE organisations SET path = $1, scope_path = $2 WHERE id = $3",
                     {path, scope_is_parent ? parent.path : path, id}));
  return OrgRow{id, path};
}

Result<OrgRow> find_org(Tx& tx, const std::string& where, const store::Params& params) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT id, path FROM organisations WHERE " + where + " ORDER BY id LIMIT 1", params));
  if (rows.empty()) return Error::internal("demo: reference organisation missing (" + where + ")");
  return OrgRow{rows[0].i64(0), rows[0].str(1)};
}

std::string slug_of(const std::string& brand) {
  std::string out;
  for (char c : text::fold(brand))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

// "Xã Yên Phong" -> "Công an xã Yên Phong", "Phường Từ Sơn" -> "Công an phường Từ Sơn".
std::string police_name(const std::string& commune_name) {
  std::size_t space = commune_name.find(' ');
  if (space == std::string::npos) return "Công an " + commune_name;
  std::string kind = commune_name.rfind("Phường", 0) == 0 ? "phường" : "xã";
  return "Công an " + kind + commune_name.substr(space);
}

Result<std::int64_t> insert_user(Tx& tx, const std::string& username, const std::string& display_name,
                                 const std::string& role, std::int64_t org_id, const std::string& hash,
                                 std::optional<std::int64_t> team_id = std::nullopt) {
  ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO users (username, display_name, password_hash, role, org_id, categories, "
                                    "team_id, active, created_at) VALUES ($1, $2, $3, $4, $5, '', $6, 1, $7) RETURNING id",
                                    {username, display_name, hash, role, org_id, store::optional_value(team_id),
                                     now_ms()}));
  return rows[0].i64(0);
}

}  // namespace

const std::vector<Park>& demo_parks() {
  static const std::vector<Park> parks = {
      {"KCN Thăng Long", "00508", 21.1010, 105.7890, 6},
      {"KCN Nội Bài", "00433", 21.2320, 105.8060, 4},
      {"KCN Quang Minh", "08974", 21.1950, 105.7710, 4},
      {"KCN Sài Đồng B", "00145", 21.0340, 105.9160, 2},
      {"Khu công nghệ cao Hòa Lạc", "09988", 21.0130, 105.5260, 2},
      {"KCN Yên Phong", "09193", 21.2210, 105.9640, 6},
      {"KCN Quế Võ", "09265", 21.1640, 106.1290, 5},
      {"VSIP Bắc Ninh", "09367", 21.0950, 105.9960, 4},
      {"KCN Tiên Sơn", "09385", 21.1120, 106.0090, 4},
      {"KCN Đại Đồng - Hoàn Sơn", "09340", 21.0910, 106.0480, 3},
      {"KCN Vân Trung", "07795", 21.2320, 106.1190, 4},
      {"KCN Quang Châu", "07777", 21.2170, 106.0790, 4},
      {"KCN Đình Trám", "07795", 21.2460, 106.0920, 3},
      {"KCN Song Khê - Nội Hoàng", "07696", 21.2410, 106.2010, 3},
  };
  return parks;
}

Result<World> build_world(Tx& tx, std::mt19937_64& rng, const std::string& password) {
  World w;
  // Communes of the demo areas with their org nodes (seeded as reference data).
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT a.code, a.name, a.parent_code, a.lat, a.lon, o.id, o.path FROM areas a "
                                    "JOIN organisations o ON o.area_code = a.code AND o.kind = 'commune' "
                                    "WHERE a.level = 'commune' ORDER BY a.code"));
  std::map<std::string, std::size_t> commune_index;
  for (const auto& r : rows) {
    commune_index[r.str(0)] = w.communes.size();
    w.communes.push_back(Commune{r.str(0), r.str(1), r.str(2), r.f64(3), r.f64(4), 0.6, r.i64(5), r.str(6)});
  }
  if (w.communes.empty()) return Error::internal("demo: no communes (reference data not seeded?)");

  // Enterprises and their grassroots unions (about three in four have one).
  std::uniform_real_distribution<double> jitter(-0.006, 0.006);
  std::uniform_real_distribution<double> unit(0, 1);
  std::set<std::string> names, slugs;
  std::size_t brand = 0;
  for (const Park& park : demo_parks()) {
    auto ci = commune_index.find(park.commune_code);
    if (ci == commune_index.end()) return Error::internal("demo: park commune missing " + park.commune_code);
    Commune& commune = w.communes[ci->second];
    for (int i = 0; i < park.enterprises; ++i) {
      Enterprise e;
      std::string industry, brand_name;
      if (w.enterprises.empty()) {
        e.name = "Công ty TNHH Điện tử ABC Việt Nam";  // the demo's showcase enterprise
        e.short_name = "ABC";
        industry = "Điện tử";
      } else {
        do {
          industry = kIndustries[rng() % std::size(kIndustries)];
          brand_name = kBrands[brand++ % std::size(kBrands)];
          int form = static_cast<int>(rng() % 3);
          e.name = std::string(form == 2 ? "Công ty CP " : "Công ty TNHH ") + industry + " " + brand_name +
                   (form == 1 ? " Việt Nam" : "");
        } while (names.count(e.name));
        e.short_name = brand_name;
      }
      names.insert(e.name);
      e.slug = slug_of(e.short_name);
      while (slugs.count(e.slug)) e.slug += std::to_string(rng() % 10);
      slugs.insert(e.slug);
      e.park = park.name;
      e.commune_code = commune.code;
      e.province_code = commune.province_code;
      e.lat = park.lat + jitter(rng);
      e.lon = park.lon + jitter(rng);
      bool big = industry.find("Điện tử") != std::string::npos || industry == "May mặc" || industry == "Giày da";
      e.workers = big ? 1500 + static_cast<int>(rng() % 7500) : 300 + static_cast<int>(rng() % 2700);
      if (w.enterprises.empty()) e.workers = 9000;
      ANTOAN_ASSIGN(OrgRow ent, insert_org(tx, "enterprise", e.name, {commune.node_id, commune.node_path},
                                           commune.code, std::nullopt, park.name, e.lat, e.lon, false));
      e.id = ent.id;
      if (w.enterprises.empty() || unit(rng) < 0.75) {
        ANTOAN_ASSIGN(OrgRow un, insert_org(tx, "union", "Công đoàn cơ sở " + e.name, ent, commune.code, ent.id,
                                            std::nullopt, e.lat, e.lon, true));
        e.union_id = un.id;
      }
      commune.weight += e.workers / 1000.0;
      w.enterprises.push_back(std::move(e));
    }
  }
  // Police of every demo commune/ward.
  std::map<std::string, std::int64_t> commune_police;
  for (const Commune& c : w.communes) {
    ANTOAN_ASSIGN(OrgRow police, insert_org(tx, "police", police_name(c.name), {c.node_id, c.node_path}, c.code,
                                            std::nullopt, std::nullopt, c.lat + 0.001, c.lon - 0.001, true));
    commune_police[c.code] = police.id;
  }

  // One login per role, all with the documented demo password.
  ANTOAN_ASSIGN(OrgRow national, find_org(tx, "kind = 'national'", {}));
  ANTOAN_ASSIGN(OrgRow tong, find_org(tx, "kind = 'federation' AND area_code IS NULL", {}));
  ANTOAN_ASSIGN(OrgRow fed_hn, find_org(tx, "kind = 'federation' AND area_code = '01'", {}));
  ANTOAN_ASSIGN(OrgRow fed_bn, find_org(tx, "kind = 'federation' AND area_code = '24'", {}));
  ANTOAN_ASSIGN(OrgRow police_bn, find_org(tx, "kind = 'police' AND area_code = '24' AND parent_id IN "
                                               "(SELECT id FROM organisations WHERE kind = 'province')", {}));
  const Enterprise& abc = w.enterprises.front();
  const Commune& yen_phong = w.communes[commune_index.at("09193")];
  struct LoginSpec {
    std::string username, display, role;
    std::int64_t org_id;
    std::string org_name;
  };
  std::vector<LoginSpec> specs = {
      {"admin", "Quản trị hệ thống", "admin", national.id, "Việt Nam"},
      {"tongldld", "Ban Chính sách pháp luật, Tổng LĐLĐ", "federation_officer", tong.id,
       "Tổng Liên đoàn Lao động Việt Nam"},
      {"ldld.hanoi", "Nguyễn Thu Hà (LĐLĐ Hà Nội)", "federation_officer", fed_hn.id, "LĐLĐ thành phố Hà Nội"},
      {"ldld.bacninh", "Trần Văn Nam (LĐLĐ Bắc Ninh)", "federation_officer", fed_bn.id, "LĐLĐ tỉnh Bắc Ninh"},
      {"congan.bacninh", "Đại úy Lê Minh Tuấn", "police_officer", police_bn.id, "Công an tỉnh Bắc Ninh"},
      {"congan.yenphong", "Thượng úy Phạm Văn Hùng", "police_officer", commune_police.at("09193"),
       "Công an xã Yên Phong"},
      {"congan.noibai", "Trung úy Đỗ Thị Lan", "police_officer", commune_police.at("00433"), "Công an xã Nội Bài"},
      {"cd." + abc.slug, "Vũ Thị Mai (Chủ tịch CĐCS)", "union_officer", *abc.union_id, "Công đoàn cơ sở " + abc.name},
      {"dn." + abc.slug, "Hoàng Văn Đức (Phòng Nhân sự)", "enterprise_officer", abc.id, abc.name},
      {"totruong.yenphong", "Ngô Văn Bình (Tổ trưởng tổ tự quản)", "team_leader", yen_phong.node_id,
       "Tổ tự quản nhà trọ, " + yen_phong.name},
  };
  for (const LoginSpec& s : specs) {
    ANTOAN_ASSIGN(std::string hash, security::hash_password(password));
    bool leader = s.role == "team_leader";
    ANTOAN_ASSIGN(std::int64_t uid, insert_user(tx, s.username, s.display, s.role, s.org_id, hash,
                                                leader ? std::optional<std::int64_t>{w.team_id} : std::nullopt));
    if (leader) {
      w.team_leader_id = uid;
      w.team_commune_code = yen_phong.code;
    } else if (s.role != "admin") {
      w.handler_of_org.emplace(s.org_id, uid);
    }
    w.logins.push_back(DemoLogin{s.username, s.role, s.display, s.org_name});
  }
  return w;
}

}  // namespace antoan::demo

#include "demo/demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>

#include "core/coordinates.h"
#include "demo/housing.h"
#include "demo/texts.h"
#include "orgs/seed.h"
#include "orgs/service.h"

namespace antoan::demo {
namespace {

constexpr std::int64_t kMinute = 60 * 1000LL;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kVietnamOffset = 7 * kHour;  // UTC+7
constexpr int kDays = 365;
constexpr std::size_t kBatch = 4000;  // reports per write transaction

const std::vector<std::string>& demo_usernames() {
  static const std::vector<std::string> names = {"admin",          "tongldld",        "ldld.hanoi",
                                                 "ldld.bacninh",   "congan.bacninh",  "congan.yenphong",
                                                 "congan.noibai",  "cd.abc",          "dn.abc",
                                                 "totruong.yenphong"};
  return names;
}

// Category mix of a typical year (scams the most frequent, as unions and police report).
struct CategoryModel {
  const char* code;
  double share;
  double about_enterprise;  // probability the report names an enterprise
};
constexpr std::array<CategoryModel, 10> kCategories = {{
    {"scam", 0.24, 0.08},
    {"wages", 0.15, 0.95},
    {"workplace_safety", 0.12, 0.92},
    {"illegal_lending", 0.10, 0.10},
    {"theft", 0.11, 0.12},
    {"dormitory_safety", 0.08, 0.0},
    {"commute", 0.07, 0.25},
    {"violence", 0.05, 0.35},
    {"drugs", 0.03, 0.0},
    {"other", 0.05, 0.3},
}};

// Lunar new year (Tết Nguyên Đán) dates around the demo year.
std::int64_t tet_day(int year) {
  switch (year) {
    case 2024: return days_from_civil(2024, 2, 10);
    case 2025: return days_from_civil(2025, 1, 29);
    case 2026: return days_from_civil(2026, 2, 17);
    case 2027: return days_from_civil(2027, 2, 6);
    case 2028: return days_from_civil(2028, 1, 26);
    case 2029: return days_from_civil(2029, 2, 13);
    case 2030: return days_from_civil(2030, 2, 3);
    default: return days_from_civil(year, 2, 5);
  }
}

// Relative weight of reports of `category` on civil day `day` (days since 1970-01-01).
double day_weight(const CategoryModel& c, std::int64_t day, double trend) {
  int y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  int weekday = static_cast<int>(((day % 7) + 11) % 7);  // 0 = Sunday (1970-01-01 was a Thursday)
  double w = c.share * trend;
  w *= weekday == 0 ? 0.55 : weekday == 6 ? 0.8 : 1.0;
  std::string_view code = c.code;
  // Tết: the weeks before see scams, theft and wage/bonus complaints rise; the holiday is quiet
  // (workers go home); illegal lending picks up after it.
  std::int64_t to_tet = std::min(std::abs(day - tet_day(y)), std::abs(day - tet_day(y + 1)));
  std::int64_t since_tet = day - tet_day(y);
  if (since_tet < 0) since_tet = day - tet_day(y - 1);
  bool before_tet = (tet_day(y) - day > 0 && tet_day(y) - day <= 28) || (tet_day(y + 1) - day > 0 && tet_day(y + 1) - day <= 28);
  if (to_tet <= 4) {
    w *= code == "theft" ? 0.9 : 0.35;
  } else if (before_tet) {
    if (code == "scam") w *= 1.7;
    if (code == "theft") w *= 1.8;
    if (code == "wages") w *= 2.2;
  } else if (since_tet > 4 && since_tet <= 25 && code == "illegal_lending") {
    w *= 1.6;
  }
  // Rainy season (May–September): commute and flooded boarding houses; summer heat at work.
  if (m >= 5 && m <= 9) {
    if (code == "commute") w *= 1.7;
    if (code == "dormitory_safety") w *= 1.3;
    if (code == "workplace_safety" && m >= 6 && m <= 8) w *= 1.35;
  }
  // Paydays around the 5th–10th: late or wrong pay is noticed then; lenders chase at month end.
  if (code == "wages" && d >= 5 && d <= 10) w *= 1.9;
  if (code == "illegal_lending" && d >= 25) w *= 1.3;
  return w;
}

// Local hour of day by category (crime in the evening, work issues in shifts, commute peaks).
int sample_hour(std::string_view category, std::mt19937_64& rng) {
  static const std::array<double, 24> evening = {2, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 4, 5, 4, 3, 3, 4, 6, 9, 10, 10, 9, 6, 4};
  static const std::array<double, 24> work = {1, 1, 0, 0, 0, 1, 3, 6, 8, 8, 8, 7, 6, 8, 8, 8, 7, 6, 4, 3, 3, 2, 2, 1};
  static const std::array<double, 24> commute = {0, 0, 0, 0, 1, 4, 9, 8, 3, 2, 2, 2, 3, 2, 2, 3, 6, 10, 9, 5, 3, 2, 2, 1};
  const auto& w = category == "commute" ? commute
                  : (category == "wages" || category == "workplace_safety" || category == "other") ? work
                                                                                                    : evening;
  std::discrete_distribution<int> dist(w.begin(), w.end());
  return dist(rng);
}

std::string random_hex(std::mt19937_64& rng, int bytes) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < bytes; ++i) {
    unsigned v = static_cast<unsigned>(rng() & 0xff);
    s.push_back(digits[v >> 4]);
    s.push_back(digits[v & 15]);
  }
  return s;
}

std::string lower_first_word(const std::string& name) {
  if (name.rfind("Xã ", 0) == 0) return "xã" + name.substr(3);
  if (name.rfind("Phường ", 0) == 0) return "phường" + name.substr(std::string("Phường").size());
  return name;
}

struct ReportSpec {
  std::string category;
  std::string description;
  std::string area_code;
  std::optional<double> lat, lon;
  const Enterprise* enterprise = nullptr;
  EpochMs created_at = 0;
  EpochMs incident_at = 0;
  std::string channel = "web";
  std::optional<std::int64_t> created_by_user;
  std::optional<std::int64_t> team_id;
};

class Generator {
 public:
  Generator(const World& world, const DemoOptions& options, EpochMs today)
      : world_(world), options_(options), today_(today), rng_(options.seed ^ 0x9e3779b97f4a7c15ULL) {
    double total = 0;
    for (const Enterprise& e : world_.enterprises) enterprise_cdf_.push_back(total += e.workers);
    total = 0;
    for (const Commune& c : world_.communes) commune_cdf_.push_back(total += c.weight);
    for (const Park& p : demo_parks()) park_of_commune_.emplace(p.commune_code, &p);
  }

  std::vector<ReportSpec> generate(std::vector<PlantedCluster>& clusters) {
    std::vector<ReportSpec> out;
    int wave = std::max(25, options_.reports / 250);
    int thefts = std::max(15, options_.reports / 400);
    int background = std::max(0, options_.reports - wave - thefts);
    out.reserve(static_cast<std::size_t>(options_.reports));
    background_reports(background, out);
    clusters.push_back(plant_cluster("scam", "KCN Yên Phong", {"09193", "09205", "09202"}, 6, wave, 0.8, out));
    clusters.push_back(plant_cluster("theft", "KCN Thăng Long", {"00508", "00493"}, 10, thefts, 0.7, out));
    std::sort(out.begin(), out.end(), [](const ReportSpec& a, const ReportSpec& b) { return a.created_at < b.created_at; });
    return out;
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng_); }
  bool chance(double p) { return uniform(0, 1) < p; }

  template <class T>
  const T& pick_weighted(const std::vector<T>& items, const std::vector<double>& cdf) {
    double x = uniform(0, cdf.back());
    auto it = std::upper_bound(cdf.begin(), cdf.end(), x);
    return items[std::min<std::size_t>(static_cast<std::size_t>(it - cdf.begin()), items.size() - 1)];
  }

  const Commune& commune(const std::string& code) const {
    for (const Commune& c : world_.communes)
      if (c.code == code) return c;
    return world_.communes.front();
  }

  void background_reports(int count, std::vector<ReportSpec>& out) {
    std::int64_t today_day = (today_ + kVietnamOffset) / kDay;
    std::vector<double> cdf;
    cdf.reserve(kDays * kCategories.size());
    double total = 0;
    for (int i = 0; i < kDays; ++i) {
      std::int64_t day = today_day - kDays + i;
      double trend = 0.75 + 0.5 * i / kDays;  // more workers learn about the service over the year
      for (const CategoryModel& c : kCategories) cdf.push_back(total += day_weight(c, day, trend));
    }
    for (int n = 0; n < count; ++n) {
      double x = uniform(0, total);
      std::size_t k = static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), x) - cdf.begin());
      k = std::min(k, cdf.size() - 1);
      std::int64_t day = today_day - kDays + static_cast<std::int64_t>(k / kCategories.size());
      const CategoryModel& c = kCategories[k % kCategories.size()];
      out.push_back(make_report(c.code, day, chance(c.about_enterprise)));
    }
  }

  ReportSpec make_report(const std::string& category, std::int64_t day, bool about_enterprise) {
    ReportSpec r;
    r.category = category;
    EpochMs local = day * kDay + sample_hour(category, rng_) * kHour + static_cast<std::int64_t>(uniform(0, 59)) * kMinute;
    r.created_at = std::min(local - kVietnamOffset, today_ - kMinute);
    TextContext ctx;
    if (about_enterprise) {
      const Enterprise& e = pick_weighted(world_.enterprises, enterprise_cdf_);
      r.enterprise = &e;
      r.area_code = e.commune_code;
      r.lat = e.lat + uniform(-0.003, 0.003);
      r.lon = e.lon + uniform(-0.003, 0.003);
      ctx.enterprise = "công ty " + e.short_name;
      ctx.park = e.park;
      ctx.place = lower_first_word(commune(e.commune_code).name);
    } else {
      const Commune& c = pick_weighted(world_.communes, commune_cdf_);
      auto park = park_of_commune_.find(c.code);
      double lat = c.lat, lon = c.lon;
      if (park != park_of_commune_.end()) {
        ctx.park = park->second->name;
        if (chance(0.5)) lat = park->second->lat, lon = park->second->lon;
      }
      ctx.place = lower_first_word(c.name);
      r.area_code = c.code;
      if (chance(0.03)) {
        r.area_code = c.province_code;  // the reporter only chose the province
      } else {
        r.lat = lat + uniform(-0.012, 0.012);
        r.lon = lon + uniform(-0.012, 0.012);
      }
      if (c.code == world_.team_commune_code && world_.team_leader_id != 0 &&
          (category == "dormitory_safety" || category == "commute" || category == "theft" || category == "other") &&
          chance(0.35)) {
        r.channel = "meeting";  // raised at the self-management team's monthly meeting
        r.created_by_user = world_.team_leader_id;
        r.team_id = world_.team_id;
      }
    }
    if (r.channel != "meeting") {
      double x = uniform(0, 1);
      r.channel = x < 0.55 ? "web" : x < 0.75 ? "chat" : x < 0.88 ? "hotline" : x < 0.95 ? "api" : "import";
    }
    r.incident_at = r.created_at - static_cast<std::int64_t>(uniform(0, category == "wages" ? 240 : 36)) * kHour / 4;
    r.description = make_description(category, ctx, rng_);
    return r;
  }

  PlantedCluster plant_cluster(const std::string& category, const std::string& park_name,
                               const std::vector<std::string>& communes, int days, int count, double radius_km,
                               std::vector<ReportSpec>& out) {
    const Park* park = nullptr;
    for (const Park& p : demo_parks())
      if (p.name == park_name) park = &p;
    std::vector<const Enterprise*> park_enterprises;
    for (const Enterprise& e : world_.enterprises)
      if (e.park == park_name) park_enterprises.push_back(&e);
    PlantedCluster cl{category, park_name, park->lat, park->lon, radius_km, today_ - days * kDay, today_, count};
    double deg = radius_km / 111.0;
    for (int i = 0; i < count; ++i) {
      ReportSpec r;
      r.category = category;
      r.created_at = today_ - static_cast<std::int64_t>(uniform(0.02, days)) * kDay / 1 -
                     static_cast<std::int64_t>(uniform(0, 1) * kDay) % kDay;
      r.created_at = std::clamp(r.created_at, cl.start, today_ - kMinute);
      r.incident_at = r.created_at - static_cast<std::int64_t>(uniform(0, 12)) * kHour;
      // Uniform in a disc of radius_km around the park.
      double rad = deg * std::sqrt(uniform(0, 1)), angle = uniform(0, 2 * M_PI);
      r.lat = park->lat + rad * std::cos(angle);
      r.lon = park->lon + rad * std::sin(angle) / std::cos(park->lat * M_PI / 180);
      r.area_code = communes[static_cast<std::size_t>(rng_() % communes.size())];
      r.channel = chance(0.6) ? "web" : "chat";
      TextContext ctx{"", park_name, lower_first_word(commune(r.area_code).name)};
      if (category == "scam" && !park_enterprises.empty() && chance(0.3)) {
        r.enterprise = park_enterprises[rng_() % park_enterprises.size()];
        r.area_code = r.enterprise->commune_code;
        ctx.enterprise = "công ty " + r.enterprise->short_name;
      }
      r.description = make_description(category, ctx, rng_, category == "scam");
      out.push_back(std::move(r));
    }
    return cl;
  }

  const World& world_;
  const DemoOptions& options_;
  EpochMs today_;
  std::mt19937_64 rng_;
  std::vector<double> enterprise_cdf_, commune_cdf_;
  std::multimap<std::string, const Park*> park_of_commune_;
};

// --- cases and their history -------------------------------------------------------------

// The state a case has reached, given its age (older cases are mostly finished).
std::string pick_status(EpochMs age, std::mt19937_64& rng) {
  struct Mix {
    EpochMs max_age;
    std::array<double, 8> w;  // new triaged assigned in_progress resolved closed rejected reopened
  };
  static const std::array<Mix, 4> mixes = {{
      {2 * kDay, {55, 25, 12, 6, 1, 0, 1, 0}},
      {7 * kDay, {6, 15, 25, 35, 8, 2, 6, 3}},
      {30 * kDay, {1, 3, 10, 25, 30, 18, 7, 6}},
      {INT64_MAX, {0.2, 0.5, 2, 4, 14, 68, 8, 3.3}},
  }};
  static const std::array<const char*, 8> names = {"new",      "triaged", "assigned", "in_progress",
                                                   "resolved", "closed",  "rejected", "reopened"};
  for (const Mix& m : mixes) {
    if (age <= m.max_age) {
      std::discrete_distribution<int> dist(m.w.begin(), m.w.end());
      return names[static_cast<std::size_t>(dist(rng))];
    }
  }
  return "closed";
}

// Transitions from "new" to `status`, each allowed by the case life cycle.
std::vector<std::string> path_to(const std::string& status, std::mt19937_64& rng) {
  static const std::vector<std::string> main = {"triaged", "assigned", "in_progress", "resolved", "closed"};
  if (status == "new") return {};
  if (status == "rejected") return rng() % 3 == 0 ? std::vector<std::string>{"rejected"}
                                                  : std::vector<std::string>{"triaged", "rejected"};
  if (status == "reopened") {
    switch (rng() % 3) {
      case 0: return {"triaged", "rejected", "reopened"};
      case 1: return {"triaged", "assigned", "in_progress", "resolved", "reopened"};
      default: return {"triaged", "assigned", "in_progress", "resolved", "closed", "reopened"};
    }
  }
  std::vector<std::string> out;
  for (const std::string& s : main) {
    out.push_back(s);
    if (s == status) break;
  }
  return out;
}

const char* transition_note(const std::string& to, std::mt19937_64& rng) {
  static const std::map<std::string, std::vector<const char*>> notes = {
      {"triaged", {"Đã phân loại, chuyển bộ phận phụ trách.", "Thông tin đủ để xác minh.", ""}},
      {"assigned", {"Giao cán bộ phụ trách địa bàn xử lý.", "Đã phân công cán bộ.", ""}},
      {"in_progress", {"Đang xác minh với các bên liên quan.", "Đã liên hệ doanh nghiệp/chủ trọ để làm rõ.",
                       "Đã cử cán bộ xuống địa bàn."}},
      {"resolved", {"Đã làm việc với doanh nghiệp, doanh nghiệp cam kết khắc phục.",
                    "Đã xử lý theo quy định, thông báo cho người phản ánh.", "Đã phối hợp công an xã xử lý."}},
      {"closed", {"Người phản ánh xác nhận đã được giải quyết.", "Đóng hồ sơ sau 7 ngày không có phản hồi thêm."}},
      {"rejected", {"Thông tin không đủ để xác minh.", "Trùng với phản ánh đã tiếp nhận trước đó.",
                    "Không thuộc thẩm quyền, đã hướng dẫn người phản ánh."}},
      {"reopened", {"Người phản ánh cho biết sự việc tái diễn.", "Mở lại để xác minh thêm thông tin mới."}},
  };
  const auto& v = notes.at(to);
  return v[rng() % v.size()];
}

std::string priority_for(const std::string& category, std::mt19937_64& rng) {
  unsigned x = static_cast<unsigned>(rng() % 100);
  if (category == "violence" || category == "drugs" || category == "workplace_safety")
    return x < 15 ? "urgent" : x < 50 ? "high" : "normal";
  if (category == "other" || category == "commute") return x < 30 ? "low" : "normal";
  return x < 10 ? "high" : x < 90 ? "normal" : "low";
}

class Writer {
 public:
  Writer(World& world, orgs::OrgService& orgs, EpochMs today, std::mt19937_64& rng, DemoSummary& summary)
      : world_(world), orgs_(orgs), today_(today), rng_(rng), summary_(summary) {}

  Status write(store::Tx& tx, const ReportSpec& spec) {
    // As intake does: a place is kept to ~100 m (core/coordinates.h).
    ReportSpec r = spec;
    if (r.lat) r.lat = coarse_coordinate(*r.lat);
    if (r.lon) r.lon = coarse_coordinate(*r.lon);
    std::optional<std::int64_t> enterprise_id;
    if (r.enterprise) enterprise_id = r.enterprise->id;
    ANTOAN_ASSIGN(std::string place_path, cached_place_path(tx, r.area_code, enterprise_id));
    ANTOAN_ASSIGN(std::int64_t org_id, cached_route(tx, r.category, r.area_code, enterprise_id));
    ANTOAN_ASSIGN(auto rep, tx.query("INSERT INTO reports (category, description, area_code, lat, lon, enterprise_id, "
                                     "incident_at, channel, receipt_hash, created_by_user, created_at) "
                                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                                     {r.category, r.description, r.area_code, store::optional_value(r.lat),
                                      store::optional_value(r.lon), store::optional_value(enterprise_id), r.incident_at,
                                      r.channel, "demo:" + random_hex(rng_, 16),
                                      store::optional_value(r.created_by_user), r.created_at}));
    std::int64_t report_id = rep[0].i64(0);

    std::string status = pick_status(today_ - r.created_at, rng_);
    std::vector<std::string> steps = path_to(status, rng_);
    // Event times: spread over the case's life, increasing, never after the demo's "now".
    EpochMs span = std::min<EpochMs>(today_ - r.created_at - kMinute, (status == "closed" ? 25 : 10) * kDay);
    std::vector<EpochMs> times;
    for (std::size_t i = 0; i < steps.size(); ++i)
      times.push_back(r.created_at + static_cast<EpochMs>(std::uniform_real_distribution<double>(0.05, 1.0)(rng_) *
                                                          static_cast<double>(std::max<EpochMs>(span, 1))));
    std::sort(times.begin(), times.end());
    for (std::size_t i = 0; i < times.size(); ++i) times[i] = std::max(times[i], r.created_at + static_cast<EpochMs>(i + 1));
    EpochMs updated = times.empty() ? r.created_at : times.back();
    ANTOAN_ASSIGN(std::int64_t handler, handler_for(tx, org_id));
    bool assigned = std::find(steps.begin(), steps.end(), "assigned") != steps.end();

    ANTOAN_ASSIGN(auto cs, tx.query("INSERT INTO cases (report_id, category, status, priority, org_id, place_path, area_code, "
                                    "enterprise_id, created_by_user, team_id, assignee_user_id, lat, lon, incident_at, "
                                    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                                    "$13, $14, $15, $16) RETURNING id",
                                    {report_id, r.category, status, priority_for(r.category, rng_), org_id, place_path,
                                     r.area_code, store::optional_value(enterprise_id),
                                     store::optional_value(r.created_by_user), store::optional_value(r.team_id),
                                     assigned ? store::Value(handler) : store::null_value(),
                                     store::optional_value(r.lat), store::optional_value(r.lon), r.incident_at,
                                     r.created_at, updated}));
    std::int64_t case_id = cs[0].i64(0);
    ANTOAN_TRY(event(tx, case_id, r.created_at, r.created_by_user ? "user" : "reporter", r.created_by_user, "created",
                     std::nullopt, std::string("new"), std::nullopt, true));
    std::string from = "new";
    std::optional<EpochMs> reporter_activity;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      std::string note = transition_note(steps[i], rng_);
      bool visible = steps[i] == "resolved" || steps[i] == "rejected" || steps[i] == "closed";
      ANTOAN_TRY(event(tx, case_id, times[i], "user", handler, "transition", from, steps[i],
                       note.empty() ? std::nullopt : std::optional<std::string>(note), visible));
      if (steps[i] == "in_progress" && rng_() % 3 == 0) {
        // A short exchange with the reporter while the case is being handled.
        EpochMs next = i + 1 < times.size() ? times[i + 1] : today_ - 1;
        EpochMs t1 = times[i] + (next - times[i]) / 3, t2 = times[i] + 2 * (next - times[i]) / 3;
        if (t1 > times[i] && t2 > t1 && t2 < next) {
          ANTOAN_TRY(event(tx, case_id, t1, "user", handler, "message", std::nullopt, std::nullopt,
                           std::string("Chúng tôi đã tiếp nhận và đang xác minh. Bạn có thể cho biết thêm thời gian, "
                                       "địa điểm cụ thể không?"),
                           true));
          ANTOAN_TRY(event(tx, case_id, t2, "reporter", std::nullopt, "reporter_message", std::nullopt, std::nullopt,
                           std::string("Dạ em cảm ơn, sự việc xảy ra mấy hôm trước, em gửi thêm thông tin ạ."), true));
          reporter_activity = t2;
        }
      }
      from = steps[i];
    }
    if (reporter_activity && *reporter_activity > updated) updated = *reporter_activity;
    if (reporter_activity)
      ANTOAN_TRY(tx.exec("UPDATE cases SET last_reporter_activity_at = $1, updated_at = $2 WHERE id = $3",
                         {*reporter_activity, updated, case_id}));
    ++summary_.reports;
    ++summary_.cases;
    ++summary_.cases_by_status[status];
    ++summary_.reports_by_category[r.category];
    return {};
  }

 private:
  Status event(store::Tx& tx, std::int64_t case_id, EpochMs at, const std::string& actor_kind,
               std::optional<std::int64_t> actor, const std::string& kind, std::optional<std::string> from,
               std::optional<std::string> to, std::optional<std::string> body, bool visible) {
    ++summary_.events;
    ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, from_status, to_status, "
                       "body, visible_to_reporter) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                       {case_id, at, actor_kind, store::optional_value(actor), kind, store::optional_value(from),
                        store::optional_value(to), store::optional_value(body), std::int64_t{visible ? 1 : 0}}));
    return {};
  }

  Result<std::string> cached_place_path(store::Tx& tx, const std::string& area, std::optional<std::int64_t> ent) {
    std::string key = area + "|" + std::to_string(ent.value_or(0));
    auto it = place_cache_.find(key);
    if (it != place_cache_.end()) return it->second;
    ANTOAN_ASSIGN(std::string path, orgs_.place_path_for(tx, area, ent));
    place_cache_.emplace(key, path);
    return path;
  }

  Result<std::int64_t> cached_route(store::Tx& tx, const std::string& category, const std::string& area,
                                    std::optional<std::int64_t> ent) {
    std::string key = category + "|" + area + "|" + std::to_string(ent.value_or(0));
    auto it = route_cache_.find(key);
    if (it != route_cache_.end()) return it->second;
    ANTOAN_ASSIGN(std::int64_t org, orgs_.route_report(tx, category, area, ent));
    route_cache_.emplace(key, org);
    return org;
  }

  // An officer of the responsible organisation to act in the history; organisations without a
  // demo login get a handler account that cannot log in (password hash "!").
  Result<std::int64_t> handler_for(store::Tx& tx, std::int64_t org_id) {
    auto it = world_.handler_of_org.find(org_id);
    if (it != world_.handler_of_org.end()) return it->second;
    ANTOAN_ASSIGN(auto org, tx.query("SELECT kind, name FROM organisations WHERE id = $1", {org_id}));
    if (org.empty()) return Error::internal("demo: routed to a missing organisation");
    std::string kind = org[0].str(0);
    std::string role = kind == "police"       ? "police_officer"
                       : kind == "union"      ? "union_officer"
                       : kind == "enterprise" ? "enterprise_officer"
                                              : "federation_officer";
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO users (username, display_name, password_hash, role, org_id, categories, "
                                      "active, created_at) VALUES ($1, $2, '!', $3, $4, '', 1, $5) RETURNING id",
                                      {"canbo." + std::to_string(org_id), "Cán bộ tiếp nhận, " + org[0].str(1), role,
                                       org_id, now_ms()}));
    std::int64_t id = rows[0].i64(0);
    world_.handler_of_org.emplace(org_id, id);
    return id;
  }

  World& world_;
  orgs::OrgService& orgs_;
  EpochMs today_;
  std::mt19937_64& rng_;
  DemoSummary& summary_;
  std::map<std::string, std::string> place_cache_;
  std::map<std::string, std::int64_t> route_cache_;
};

}  // namespace

Result<DemoSummary> build_demo(store::Db& db, const DemoOptions& options) {
  if (options.reports < 100 || options.reports > 2000000)
    return Error::invalid("reports", "Số phản ánh phải từ 100 đến 2.000.000", "reports must be 100..2,000,000");
  ANTOAN_ASSIGN(auto existing, db.query("SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM users)"));
  if (existing[0].i64(0) > 0 || existing[0].i64(1) > 0)
    return Error::conflict("Cơ sở dữ liệu đã có dữ liệu; bản demo chỉ tạo trên cơ sở dữ liệu trống",
                           "The database already has data; the demo only fills an empty one");
  ANTOAN_TRY(orgs::seed_reference_data(db));
  EpochMs today = options.today != 0 ? options.today : now_ms();

  DemoSummary summary;
  std::mt19937_64 rng(options.seed);
  World world;
  ANTOAN_TRY(db.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(world, build_world(tx, rng, kDemoPassword));
    // Its own random stream, so adding houses does not change the reports of a given seed.
    std::mt19937_64 housing_rng(options.seed ^ 0x686f757365ULL);
    ANTOAN_ASSIGN(summary.housing, build_demo_housing(tx, world, housing_rng, today));
    return {};
  }));
  Generator generator(world, options, today);
  std::vector<ReportSpec> reports = generator.generate(summary.clusters);

  orgs::OrgService orgs(db);
  Writer writer(world, orgs, today, generator.rng(), summary);
  for (std::size_t start = 0; start < reports.size(); start += kBatch) {
    std::size_t end = std::min(reports.size(), start + kBatch);
    Status st = db.write([&](store::Tx& tx) -> Status {
      for (std::size_t i = start; i < end; ++i) ANTOAN_TRY(writer.write(tx, reports[i]));
      return {};
    });
    if (!st.ok()) return st.error();
  }
  ANTOAN_ASSIGN(auto counts, db.query("SELECT (SELECT count(*) FROM organisations), (SELECT count(*) FROM users)"));
  summary.organisations = static_cast<int>(counts[0].i64(0));
  summary.users = static_cast<int>(counts[0].i64(1));
  summary.enterprises = static_cast<int>(world.enterprises.size());
  summary.logins = world.logins;
  return summary;
}

std::string describe_demo_logins(store::Db& db) {
  std::string in;
  store::Params params;
  for (const std::string& u : demo_usernames()) {
    params.emplace_back(u);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  auto rows = db.query("SELECT u.username, u.role, o.name FROM users u JOIN organisations o ON o.id = u.org_id "
                       "WHERE u.username IN (" + in + ") ORDER BY u.id",
                       params);
  if (!rows.ok() || rows->empty()) return {};
  std::string out = std::string("Demo logins (mật khẩu / password: ") + kDemoPassword + ")\n";
  for (const auto& r : *rows) {
    char line[512];
    std::snprintf(line, sizeof line, "  %-18s %-19s %s\n", r.str(0).c_str(), r.str(1).c_str(), r.str(2).c_str());
    out += line;
  }
  return out;
}

}  // namespace antoan::demo

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hotspots/daily_job.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "hotspots/cluster_json.h"
#include "hotspots/days.h"
#include "hotspots/ears.h"
#include "hotspots/scan_input.h"

namespace antoan::hotspots {
namespace {

// Longest common org path of two materialised paths, cut at a segment boundary:
// "/1/12/40/" and "/1/12/41/" → "/1/12/".
std::string common_path(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  if (n == a.size() && n == b.size()) return a;
  const std::string prefix = a.substr(0, n);
  const auto slash = prefix.rfind('/');
  return slash == std::string::npos ? std::string("/") : prefix.substr(0, slash + 1);
}

struct AreaData {
  std::vector<std::int64_t> daily;  // last EARS days, oldest first, as-of day last
  std::string path;
  bool has_path = false;
  std::optional<double> lat, lon;
};

// The cases of one category inside the study period.
struct CategoryData {
  explicit CategoryData(std::int32_t as_of_day) : builder(as_of_day) {}
  ScanInputBuilder builder;
  std::vector<std::string> case_paths;  // aligned with builder.input().cases
  std::map<std::string, AreaData> areas;
};

struct AlertRow {
  std::string method;
  std::optional<double> lat, lon, radius_km, llr, p_value, statistic;
  std::optional<std::string> area_code;
  std::int32_t start_day = 0, end_day = 0;
  std::int64_t observed = 0;
  double expected = 0;
  std::string locations_json = "[]";
  std::string place_path;
};

constexpr int kEarsDays = 10;  // 7 baseline + 2 guard + today

void merge_path(std::string& into, bool& has, const std::string& path) {
  into = has ? common_path(into, path) : path;
  has = true;
}

std::vector<AlertRow> scan_alerts(const CategoryData& data, const ScanResult& result) {
  std::vector<AlertRow> rows;
  const ScanInput& in = data.builder.input();
  for (const Cluster& c : result.clusters) {
    if (c.p_value > kAlertMaxPValue) continue;
    std::set<std::uint32_t> members(c.locations.begin(), c.locations.end());
    std::string path;
    bool has_path = false;
    for (std::size_t i = 0; i < in.cases.size(); ++i)
      if (in.cases[i].day >= c.start_day && in.cases[i].day <= c.end_day && members.count(in.cases[i].location))
        merge_path(path, has_path, data.case_paths[i]);
    AlertRow row;
    row.method = "spacetime_permutation";
    row.lat = in.locations[c.center].lat;
    row.lon = in.locations[c.center].lon;
    row.radius_km = round6(c.radius_km);
    row.llr = round6(c.llr);
    row.p_value = round6(c.p_value);
    row.start_day = c.start_day;
    row.end_day = c.end_day;
    row.observed = c.observed;
    row.expected = round6(c.expected);
    Json points = Json::array();
    for (auto z : c.locations) points.push_back(point_json(in.locations[z]));
    row.locations_json = safe_dump(points);
    row.place_path = has_path ? path : "/";
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<AlertRow> ears_alerts(const CategoryData& data, std::int32_t as_of_day) {
  std::vector<AlertRow> rows;
  for (const auto& [area, a] : data.areas) {
    const EarsC2Result r = ears_c2(a.daily);
    if (!r.alert) continue;
    AlertRow row;
    row.method = "ears_c2";
    row.lat = a.lat;
    row.lon = a.lon;
    row.area_code = area;
    row.statistic = round6(r.statistic);
    row.start_day = as_of_day;
    row.end_day = as_of_day;
    row.observed = a.daily.back();
    row.expected = round6(r.mean);
    row.place_path = a.has_path ? a.path : "/";
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Result<bool> daily_run_done(store::Db& db, std::int32_t as_of_day) {
  ANTOAN_ASSIGN(auto rows, db.query("SELECT 1 FROM hotspot_runs WHERE as_of = $1", {format_day(as_of_day)}));
  return !rows.empty();
}

Status run_daily_hotspots(store::Db& db, EpochMs as_of, const ScanOptions& options) {
  ANTOAN_TRY(validate_options(options));
  const EpochMs started = now_ms();
  const std::int32_t as_of_day = vietnam_day(as_of);
  const std::int32_t first_day = as_of_day - (kDailyStudyDays - 1);
  ANTOAN_ASSIGN(auto rows,
                db.query("SELECT c.category, c.lat, c.lon, COALESCE(c.incident_at, c.created_at), c.area_code, "
                         "c.place_path, a.lat, a.lon FROM cases c LEFT JOIN areas a ON a.code = c.area_code "
                         "WHERE COALESCE(c.incident_at, c.created_at) >= $1 "
                         "AND COALESCE(c.incident_at, c.created_at) < $2",
                         {vietnam_day_start_ms(first_day), vietnam_day_start_ms(as_of_day + 1)}));
  std::map<std::string, CategoryData> categories;
  for (const auto& row : rows) {
    auto [it, inserted] = categories.try_emplace(row.str(0), as_of_day);
    CategoryData& data = it->second;
    const std::int32_t day = vietnam_day(row.i64(3));
    const std::string path = row.str(5);
    auto lat = row.opt_f64(1), lon = row.opt_f64(2);
    if (lat && lon && is_valid_point({*lat, *lon})) {
      data.builder.add({*lat, *lon}, day);
      data.case_paths.push_back(path);
    }
    const int age = as_of_day - day;
    if (age < kEarsDays) {
      AreaData& area = data.areas[row.str(4)];
      if (area.daily.empty()) {
        area.daily.assign(kEarsDays, 0);
        area.lat = row.opt_f64(6);
        area.lon = row.opt_f64(7);
      }
      ++area.daily[static_cast<std::size_t>(kEarsDays - 1 - age)];
      merge_path(area.path, area.has_path, path);
    }
  }

  std::vector<std::pair<std::string, AlertRow>> alerts;
  for (auto& [category, data] : categories) {
    ScanInput input = data.builder.input();
    input.first_day = first_day;
    auto result = run_scan(input, options);
    if (!result.ok()) return std::move(result).error();
    for (auto& row : scan_alerts(data, *result)) alerts.emplace_back(category, std::move(row));
    for (auto& row : ears_alerts(data, as_of_day)) alerts.emplace_back(category, std::move(row));
  }

  const std::string as_of_text = format_day(as_of_day);
  const auto category_count = static_cast<std::int64_t>(categories.size());
  return db.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("DELETE FROM hotspot_alerts WHERE as_of = $1", {as_of_text}));
    ANTOAN_TRY(tx.exec("DELETE FROM hotspot_runs WHERE as_of = $1", {as_of_text}));
    const EpochMs now = now_ms();
    for (const auto& [category, a] : alerts) {
      ANTOAN_TRY(tx.exec(
          "INSERT INTO hotspot_alerts (category, as_of, method, center_lat, center_lon, radius_km, area_code, "
          "start_date, end_date, observed, expected, llr, p_value, statistic, locations, place_path, created_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
          {category, as_of_text, a.method, store::optional_value(a.lat), store::optional_value(a.lon),
           store::optional_value(a.radius_km), store::optional_value(a.area_code), format_day(a.start_day),
           format_day(a.end_day), a.observed, a.expected, store::optional_value(a.llr),
           store::optional_value(a.p_value), store::optional_value(a.statistic), a.locations_json, a.place_path,
           now}));
    }
    ANTOAN_TRY(tx.exec("INSERT INTO hotspot_runs (as_of, started_at, finished_at, categories, alerts) "
                       "VALUES ($1, $2, $3, $4, $5)",
                       {as_of_text, started, now, category_count, static_cast<std::int64_t>(alerts.size())}));
    return ok_status();
  });
}

HotspotScheduler::HotspotScheduler(store::Db& db, ScanOptions options, int run_hour)
    : db_(db), options_(std::move(options)), run_hour_(std::clamp(run_hour, 0, 23)) {
  options_.cancel = &stopping_;
  options_.progress = nullptr;
  // Inside `serve` the scan is background work: one thread, so a core stays free for requests.
  options_.threads = 1;
}

HotspotScheduler::~HotspotScheduler() { stop(); }

void HotspotScheduler::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void HotspotScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HotspotScheduler::run_for(std::int32_t as_of_day) {
  auto t0 = std::chrono::steady_clock::now();
  Status s = run_daily_hotspots(db_, vietnam_day_start_ms(as_of_day), options_);
  if (!s.ok()) {
    if (!stopping_) spdlog::warn("hotspots: daily run for {} failed: {}", format_day(as_of_day), s.error().message_en);
    return;
  }
  ++runs_;
  spdlog::info("hotspots: daily run for {} done in {:.1f} s", format_day(as_of_day),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
}

void HotspotScheduler::loop() {
  // The lowest CPU priority for this thread only (Linux: nice applies per thread id): requests
  // always come first, the scan takes what is left.
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 19);
  // At start: the previous day's run, if missing.
  const std::int32_t yesterday = vietnam_day(now_ms()) - 1;
  auto done = daily_run_done(db_, yesterday);
  if (done.ok() && !*done && !stopping_) run_for(yesterday);
  while (!stopping_) {
    // Next run: run_hour (Vietnam time) of the next day whose run is not done yet.
    const std::int32_t today = vietnam_day(now_ms());
    EpochMs next = vietnam_day_start_ms(today) + run_hour_ * 3600000LL;
    if (next <= now_ms()) next += kDayMs;
    {
      std::unique_lock lock(mutex_);
      const auto wait = std::chrono::milliseconds(std::max<EpochMs>(0, next - now_ms()));
      wake_.wait_for(lock, wait, [this] { return stopping_.load(); });
    }
    if (stopping_) break;
    const std::int32_t as_of_day = vietnam_day(now_ms()) - 1;
    auto already = daily_run_done(db_, as_of_day);
    if (already.ok() && !*already) run_for(as_of_day);
  }
}

}  // namespace antoan::hotspots

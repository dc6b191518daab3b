#include "hotspots/routes.h"

#include "hotspots/days.h"
#include "hotspots/queries.h"
#include "hotspots/warnings.h"
#include "security/policy.h"

namespace antoan::hotspots {
namespace {

constexpr int kDefaultRangeDays = 30;
constexpr int kMaxRangeDays = 366;

Result<DayRange> parse_range(const http::Request& req) {
  DayRange range;
  range.to = vietnam_day(now_ms());
  if (auto to = req.query_param("to")) {
    auto day = parse_day(*to);
    if (!day) return Error::invalid("to", "Ngày \"to\" phải có dạng YYYY-MM-DD", "\"to\" must be a date YYYY-MM-DD");
    range.to = *day;
  }
  range.from = range.to - (kDefaultRangeDays - 1);
  if (auto from = req.query_param("from")) {
    auto day = parse_day(*from);
    if (!day)
      return Error::invalid("from", "Ngày \"from\" phải có dạng YYYY-MM-DD", "\"from\" must be a date YYYY-MM-DD");
    range.from = *day;
  }
  if (range.from > range.to)
    return Error::invalid("from", "\"from\" phải trước hoặc bằng \"to\"", "\"from\" must not be after \"to\"");
  if (range.to - range.from + 1 > kMaxRangeDays)
    return Error::invalid("from", "Khoảng thời gian tối đa 366 ngày", "the range is limited to 366 days");
  return range;
}

Result<std::optional<std::string>> parse_category(const http::Request& req) {
  auto category = req.query_param("category");
  if (!category || category->empty()) return std::optional<std::string>();
  if (!security::is_category(*category))
    return Error::invalid("category", "Loại không hợp lệ: " + *category, "Unknown category: " + *category);
  return category;
}

Result<http::Response> get_alerts(store::Db& db, http::Request& req) {
  AlertQuery q;
  ANTOAN_ASSIGN(q.category, parse_category(req));
  ANTOAN_ASSIGN(q.as_of, parse_range(req));
  ANTOAN_ASSIGN(auto alerts, list_alerts(db, *req.principal, q));
  Json items = Json::array();
  for (const auto& a : alerts) items.push_back(alert_json(a));
  return http::Response::json(Json{
      {"from", format_day(q.as_of.from)},
      {"to", format_day(q.as_of.to)},
      {"count", items.size()},
      {"items", std::move(items)},
      {"caveat_vi",
       "Mô hình hoán vị giả định dân số tại mỗi nơi không đổi trong thời kỳ nghiên cứu (tối đa 1 năm); "
       "nơi có thêm nhà máy hay khu trọ mới có thể hiện lên như một cụm giả."},
      {"caveat_en",
       "The permutation model assumes the population at each place is stable over the study period (at most one "
       "year); a place that grows (a new factory or dormitory) can show up as a spurious cluster."}});
}

Result<http::Response> get_map_counts(store::Db& db, http::Request& req) {
  MapCountsQuery q;
  const std::string by = req.query_param("by").value_or("area");
  if (by == "area") q.by = MapGrouping::area;
  else if (by == "grid") q.by = MapGrouping::grid;
  else if (by == "enterprise") q.by = MapGrouping::enterprise;
  else return Error::invalid("by", "\"by\" phải là area, grid hoặc enterprise", "\"by\" must be area, grid or enterprise");
  ANTOAN_ASSIGN(q.category, parse_category(req));
  ANTOAN_ASSIGN(q.days, parse_range(req));
  if (auto cell = req.query_param("cell_km")) {
    char* end = nullptr;
    const double v = std::strtod(cell->c_str(), &end);
    if (cell->empty() || end != cell->c_str() + cell->size() || !(v >= 0.1 && v <= 100))
      return Error::invalid("cell_km", "cell_km phải là số từ 0.1 đến 100", "cell_km must be a number from 0.1 to 100");
    q.cell_km = v;
  }
  ANTOAN_ASSIGN(auto counts, map_counts(db, *req.principal, q));
  Json items = Json::array();
  std::int64_t total = 0;
  for (const auto& c : counts) {
    items.push_back(map_count_json(c));
    total += c.count;
  }
  Json body{{"by", by}, {"from", format_day(q.days.from)}, {"to", format_day(q.days.to)},
            {"category", q.category ? Json(*q.category) : Json(nullptr)}, {"total", total}, {"items", std::move(items)}};
  if (q.by == MapGrouping::grid) body["cell_km"] = q.cell_km;
  return http::Response::json(body);
}

Result<http::Response> get_warnings(store::Db& db, http::Request& req) {
  const std::string code = req.query_param("area_code").value_or("");
  if (code.empty())
    return Error::invalid("area_code", "Hãy chọn khu vực (area_code)", "area_code is required");
  ANTOAN_ASSIGN(auto warnings, warnings_for_area(db, code, vietnam_day(now_ms())));
  const std::string lang = req.lang == http::Lang::en ? "en" : "vi";
  Json items = Json::array();
  for (const auto& w : warnings) items.push_back(warning_json(w, lang));
  return http::Response::json(Json{{"area_code", code}, {"count", items.size()}, {"items", std::move(items)}});
}

}  // namespace

void register_hotspot_routes(http::Router& router, store::Db& db) {
  router.add(
      "GET", "/api/v1/hotspots", [&db](http::Request& req) { return get_alerts(db, req); }, http::RouteOptions{},
      "Hotspot alerts of the daily run (space-time permutation scan, method 'spacetime_permutation', p ≤ 0.05; "
      "EARS C2 per area, method 'ears_c2'), by as-of day (from/to YYYY-MM-DD, default last 30 days) and category. "
      "Caveat: the permutation model assumes a stable population at each place over the study period (≤ 1 year); "
      "a growing place can look like a cluster.");
  router.add(
      "GET", "/api/v1/map/counts", [&db](http::Request& req) { return get_map_counts(db, req); },
      http::RouteOptions{},
      "Case counts for the map by area, grid cell (cell_km) or enterprise, with category and date range (by the "
      "incident day, else the report day; Vietnam time), limited to the cases the caller may see.");
  router.add(
      "GET", "/api/v1/warnings", [&db](http::Request& req) { return get_warnings(db, req); },
      http::RouteOptions{.access = http::Access::open},
      "Public warnings for an area (area_code: province or commune) from the last 14 days of hotspot alerts: "
      "category, period, observed vs expected and advice; never a case, a person or an exact place.");
}

}  // namespace antoan::hotspots

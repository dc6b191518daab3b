#include "hotspots/warnings.h"

#include <cmath>
#include <optional>
#include <set>

#include "hotspots/days.h"
#include "hotspots/geo.h"
#include "security/policy.h"

namespace antoan::hotspots {
namespace {

struct AreaNode {
  std::string code, name, level;
  std::optional<double> lat, lon;
  std::optional<std::string> org_path;  // the area's node in the organisation tree, if any
};

Result<AreaNode> load_area(store::Db& db, const std::string& code) {
  ANTOAN_ASSIGN(auto rows, db.query("SELECT g.code, g.name, g.level, g.lat, g.lon, "
                                    "(SELECT MIN(o.path) FROM organisations o WHERE o.area_code = g.code "
                                    "AND o.kind = g.level) FROM areas g WHERE g.code = $1",
                                    {code}));
  if (rows.empty()) return Error::not_found("khu vực " + code, "area " + code);
  const auto& r = rows[0];
  return AreaNode{r.str(0), r.str(1), r.str(2), r.opt_f64(3), r.opt_f64(4), r.opt_str(5)};
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// A cluster concerns the area when its cases lie inside the area, or when it covers a region
// that contains the area and its circle comes within kNearbyKm of the area's centre.
bool cluster_concerns(const AreaNode& area, const std::string& place_path, std::optional<double> lat,
                      std::optional<double> lon, std::optional<double> radius_km) {
  if (area.org_path && starts_with(place_path, *area.org_path)) return true;
  if (area.org_path && !starts_with(*area.org_path, place_path)) return false;
  if (!area.lat || !area.lon || !lat || !lon) return false;
  const double distance = great_circle_km({*area.lat, *area.lon}, {*lat, *lon});
  return distance <= radius_km.value_or(0) + kNearbyKm;
}

struct CategoryAdvice {
  const char* category;
  const char* vi;
  const char* en;
};

constexpr CategoryAdvice kAdvice[] = {
    {"scam", "Không chuyển tiền, không đọc mã OTP, không bấm đường link lạ. Kiểm tra tin nhắn ở mục \"Kiểm tra lừa đảo\".",
     "Do not transfer money, share OTP codes or open unknown links. Check messages with the scam checker."},
    {"illegal_lending", "Không vay qua ứng dụng hay người lạ; bị đòi nợ, đe dọa hãy báo ngay cho công an hoặc công đoàn.",
     "Do not borrow through apps or strangers; report debt threats to the police or the union at once."},
    {"theft", "Khóa cửa phòng trọ, giữ xe và điện thoại cẩn thận, đi cùng bạn khi về khuya.",
     "Lock your room, keep your bike and phone safe, walk home with friends at night."},
    {"violence", "Tránh đi một mình nơi vắng; gặp nguy hiểm gọi 113.", "Avoid empty places alone; in danger call 113."},
    {"drugs", "Không nhận đồ ăn, thức uống, thuốc lạ; báo cho công an nếu thấy mua bán ma túy.",
     "Do not accept unknown food, drinks or pills; tell the police about drug dealing."},
    {"dormitory_safety", "Kiểm tra ổ điện, bình chữa cháy và lối thoát hiểm ở khu trọ; cháy gọi 114.",
     "Check sockets, extinguishers and exits in your boarding house; fire: call 114."},
    {"workplace_safety", "Báo cho công đoàn cơ sở khi thấy nguy cơ mất an toàn; bạn có quyền từ chối việc nguy hiểm.",
     "Tell your grassroots union about unsafe work; you may refuse dangerous work."},
    {"wages", "Giữ lại bảng lương, hợp đồng; công đoàn hỗ trợ khi bị nợ lương, bảo hiểm.",
     "Keep your payslips and contract; the union helps with unpaid wages or insurance."},
};

CategoryAdvice advice(const std::string& category) {
  for (const auto& a : kAdvice)
    if (category == a.category) return a;
  return {"", "Hãy cảnh giác và báo cho công đoàn hoặc công an khi cần.", "Stay alert and report to the union or police."};
}

// "2026-11-23" as "23/11/2026" in Vietnamese; English keeps the ISO date.
std::string local_date(const std::string& iso, bool en) {
  if (en || iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// "From A to B" or "On A" when the period is one day.
std::string period(const Warning& w, bool en) {
  const std::string a = local_date(w.start, en), b = local_date(w.end, en);
  if (a == b) return en ? "On " + a : "Ngày " + a;
  return en ? "From " + a + " to " + b : "Từ " + a + " đến " + b;
}

// An expected number of reports for people: a whole number ("khoảng 20"), never "19.6" (a
// fraction of a report, and a decimal point Vietnamese readers take for thousands).
std::string about_count(double v, bool en) {
  if (v < 1) return en ? "fewer than 1" : "chưa tới 1";
  return (en ? "about " : "khoảng ") + std::to_string(static_cast<long long>(std::llround(v)));
}

}  // namespace

Result<std::vector<Warning>> warnings_for_area(store::Db& db, const std::string& area_code, std::int32_t today) {
  ANTOAN_ASSIGN(AreaNode area, load_area(db, area_code));
  // Area-wide counts (EARS) of the area or of its communes, and every cluster: clusters are
  // matched below by place and distance.
  ANTOAN_ASSIGN(auto rows, db.query("SELECT a.id, a.category, a.method, a.start_date, a.end_date, a.observed, "
                                    "a.expected, a.place_path, a.center_lat, a.center_lon, a.radius_km "
                                    "FROM hotspot_alerts a LEFT JOIN areas g ON g.code = a.area_code "
                                    "WHERE a.as_of > $1 AND a.as_of <= $2 AND (a.method = 'spacetime_permutation' "
                                    "OR a.area_code = $3 OR g.parent_code = $3) "
                                    "ORDER BY a.as_of DESC, a.observed - a.expected DESC, a.id",
                                    {format_day(today - kWarningDays), format_day(today), area_code}));
  std::vector<Warning> out;
  std::set<std::string> categories_seen;
  for (const auto& r : rows) {
    const std::string method = r.str(2);
    if (method == "spacetime_permutation" &&
        !cluster_concerns(area, r.str(7), r.opt_f64(8), r.opt_f64(9), r.opt_f64(10)))
      continue;
    if (!categories_seen.insert(r.str(1)).second) continue;  // the newest, strongest per category
    out.push_back(Warning{r.i64(0), r.str(1), method, r.str(3), r.str(4), r.i64(5), r.f64(6), area.code, area.name});
  }
  return out;
}

Json warning_json(const Warning& w, const std::string& lang) {
  const bool en = lang == "en";
  const std::string label(security::category_label(w.category, en ? "en" : "vi"));
  const CategoryAdvice tip = advice(w.category);
  const std::string expected = about_count(w.expected, en);
  const std::string count = std::to_string(w.observed);
  std::string text =
      en ? period(w, true) + ", " + count + " reports of \"" + label + "\" came from around " +
               w.area_name + ", more than usual (" + expected + " expected). " + tip.en
         : period(w, false) + " có " + count + " phản ánh về \"" + label + "\" quanh " + w.area_name +
               ", nhiều hơn bình thường (thường " + expected + "). " + tip.vi;
  return Json{{"id", w.alert_id},
              {"category", w.category},
              {"title", en ? "More " + label + " reports than usual" : "Gia tăng phản ánh: " + label},
              {"text", std::move(text)},
              {"start", w.start},
              {"end", w.end},
              {"published_at", w.end},
              {"observed", w.observed},
              {"expected", std::round(w.expected * 10) / 10},
              {"method", w.method},
              {"area_code", w.area_code},
              {"area_name", w.area_name}};
}

}  // namespace antoan::hotspots

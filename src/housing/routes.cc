#include "housing/routes.h"

#include "core/utf8.h"
#include "http/query_params.h"

namespace antoan::housing {
namespace {

using http::Request;
using http::Response;

Result<std::string> query_month(const Request& req, const char* name, const std::string& fallback) {
  ANTOAN_ASSIGN(auto v, http::query_text(req, name, 7));
  if (!v) return fallback;
  if (!is_month(*v))
    return Error::unprocessable(name, std::string("Tháng '") + name + "' không hợp lệ (YYYY-MM)",
                                std::string("Parameter '") + name + "' is not a month (YYYY-MM)");
  return *v;
}

// The server's public address as the browser reached it (nginx passes Host through), for the
// poster's QR code. Anything but a plain host[:port] is refused rather than printed.
Result<std::string> public_base(const Request& req) {
  std::string host = req.header("host");
  if (host.empty() || host.size() > 255 ||
      host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != std::string::npos)
    return Error::invalid("Host", "Tiêu đề Host không hợp lệ", "Invalid Host header");
  return std::string(req.secure ? "https://" : "http://") + host;
}

Response text_response(std::string body, const char* type, int status = 200) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = type;
  r.headers.emplace("Cache-Control", "no-store");
  return r;
}

Result<std::string> reason_of(const Request& req) {
  ANTOAN_ASSIGN(Json body, req.json_body());
  return JsonFields(body).string("reason", 500, true);
}

Response import_response(const ImportOutcome& out, http::Lang lang) {
  if (out.errors.empty()) return Response::json({{"imported", out.imported}}, 201);
  Json rows = Json::array();
  for (const auto& e : out.errors)
    rows.push_back({{"row", e.row}, {"field", e.field}, {"message_vi", e.message_vi}, {"message_en", e.message_en},
                    {"message", lang == http::Lang::en ? e.message_en : e.message_vi}});
  Response r = Response::error(
      Error::unprocessable("csv",
                           "Có " + std::to_string(out.errors.size()) + " dòng lỗi; chưa nhập dòng nào",
                           std::to_string(out.errors.size()) + " bad row(s); nothing was imported"),
      lang);
  Json j = Json::parse(r.body, nullptr, false);
  if (j.is_discarded()) return r;
  j["rows"] = rows;
  r.body = safe_dump(j);
  return r;
}

void register_house_routes(http::Router& router, HousingService& s) {
  router.add("GET", "/api/v1/houses",
             [&s](Request& req) -> Result<Response> {
               HouseFilter f;
               ANTOAN_ASSIGN(f.area_code, http::query_text(req, "area_code", 10));
               ANTOAN_ASSIGN(f.team_id, http::query_int(req, "team_id", 1, INT64_MAX));
               ANTOAN_ASSIGN(f.q, http::query_text(req, "q", 200));
               ANTOAN_ASSIGN(auto limit, http::query_int(req, "limit", 1, 500));
               ANTOAN_ASSIGN(auto offset, http::query_int(req, "offset", 0, 10'000'000));
               f.limit = static_cast<int>(limit.value_or(50));
               f.offset = static_cast<int>(offset.value_or(0));
               f.uncovered_only = req.query_param("uncovered").value_or("") == "1";
               ANTOAN_ASSIGN(Json j, s.list_houses(*req.principal, f));
               return Response::json(j);
             },
             {}, "Boarding houses in scope (filters: area_code, team_id, q, uncovered=1, paging)");
  router.add("POST", "/api/v1/houses",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(HouseInput in, parse_house(body, true));
               ANTOAN_ASSIGN(Json j, s.create_house(*req.principal, in));
               return Response::json(j, 201);
             },
             {}, "Register a boarding house (landlord contact sealed)");
  router.add("GET", "/api/v1/houses/{id}",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, s.get_house(*req.principal, id));
               return Response::json(j);
             },
             {}, "A boarding house with its safety checks");
  router.add("PATCH", "/api/v1/houses/{id}",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(HouseInput in, parse_house(body, false));
               ANTOAN_ASSIGN(Json j, s.update_house(*req.principal, id, in));
               return Response::json(j);
             },
             {}, "Change a boarding house (team_id: officers only)");
  router.add("POST", "/api/v1/houses/{id}/checks",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(SafetyCheckInput in, parse_safety_check(body, vietnam_today()));
               ANTOAN_ASSIGN(Json j, s.add_safety_check(*req.principal, id, in));
               return Response::json(j, 201);
             },
             {}, "Record a fire and electrical safety check");
  router.add("POST", "/api/v1/houses/{id}/reveal-landlord",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(std::string reason, reason_of(req));
               ANTOAN_ASSIGN(std::string contact, s.reveal_landlord(*req.principal, id, reason));
               Response r = Response::json({{"contact", contact}});
               r.headers.emplace("Cache-Control", "no-store");
               return r;
             },
             {}, "Reveal the landlord's contact with a reason (audited; never for enterprises)");
  router.add("GET", "/api/v1/houses/{id}/poster",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(std::string base, public_base(req));
               ANTOAN_ASSIGN(std::string html, s.poster_html(*req.principal, id, base));
               return text_response(std::move(html), "text/html; charset=utf-8");
             },
             {}, "Printable A4 poster (HTML) with a QR code to the report form for this house");
  router.add("GET", "/api/v1/posters/{token}",
             [&s](Request& req) -> Result<Response> {
               const std::string& token = req.param("token");
               if (token.empty() || token.size() > 64)
                 return Error::not_found("nhà trọ", "Boarding house");
               ANTOAN_ASSIGN(Json j, s.public_house(token));
               return Response::json(j);
             },
             {http::Access::open}, "What the report form needs for a poster's QR code (unguessable token): name and area");
  router.add("GET", "/api/v1/housing/map",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json j, s.map_points(*req.principal));
               return Response::json(j);
             },
             {}, "Houses with coordinates, for the map layer");
}

void register_team_routes(http::Router& router, HousingService& s) {
  router.add("GET", "/api/v1/teams",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto area, http::query_text(req, "area_code", 10));
               ANTOAN_ASSIGN(Json j, s.list_teams(*req.principal, area));
               return Response::json(j);
             },
             {}, "Self-management teams in scope (a team leader: their own)");
  router.add("POST", "/api/v1/teams",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(TeamInput in, parse_team(body, true));
               ANTOAN_ASSIGN(Json j, s.create_team(*req.principal, in));
               return Response::json(j, 201);
             },
             {}, "Create a team (officers)");
  router.add("GET", "/api/v1/teams/{id}",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, s.get_team(*req.principal, id));
               return Response::json(j);
             },
             {}, "A team with its roster, houses and meetings");
  router.add("PATCH", "/api/v1/teams/{id}",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(TeamInput in, parse_team(body, false));
               ANTOAN_ASSIGN(Json j, s.update_team(*req.principal, id, in));
               return Response::json(j);
             },
             {}, "Change a team (area, leader account, founding date: officers)");
  router.add("POST", "/api/v1/teams/{id}/members",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(MemberInput in, parse_member(body));
               ANTOAN_ASSIGN(Json j, s.add_member(*req.principal, id, in));
               return Response::json(j, 201);
             },
             {}, "Add a deputy or member to the roster");
  router.add("DELETE", "/api/v1/teams/{id}/members/{member_id}",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(auto member, req.id_param("member_id"));
               ANTOAN_TRY(s.remove_member(*req.principal, id, member));
               return Response::no_content();
             },
             {}, "Remove a member (their details are erased)");
  router.add("GET", "/api/v1/teams/{id}/meetings",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json j, s.list_meetings(*req.principal, id));
               return Response::json(j);
             },
             {}, "The team's meetings with the cases raised");
  router.add("POST", "/api/v1/teams/{id}/meetings",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(MeetingInput in, parse_meeting(body, vietnam_today()));
               ANTOAN_ASSIGN(auto key, http::idempotency_key(req));
               ANTOAN_ASSIGN(Json j, s.create_meeting(*req.principal, id, in, key));
               Response r = Response::json(j, 201);
               if (j.value("replayed", false)) r.headers.emplace("Idempotent-Replayed", "true");
               return r;
             },
             {}, "Log a monthly meeting (Idempotency-Key honoured); each issue opens a case (channel meeting)");
  router.add("POST", "/api/v1/meetings/{id}/issues",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto id, req.id_param("id"));
               ANTOAN_ASSIGN(Json body, req.json_body());
               ANTOAN_ASSIGN(IssueInput in, parse_issue(body));
               ANTOAN_ASSIGN(Json j, s.raise_issue(*req.principal, id, in));
               return Response::json(j, 201);
             },
             {}, "Raise one more issue from a meeting: opens a case");
}

void register_kpi_and_csv_routes(http::Router& router, HousingService& s) {
  router.add("GET", "/api/v1/housing/kpi",
             [&s](Request& req) -> Result<Response> {
               KpiQuery q;
               std::string this_month = vietnam_today().substr(0, 7);
               ANTOAN_ASSIGN(q.area_code, http::query_text(req, "area_code", 10));
               ANTOAN_ASSIGN(q.org_id, http::query_int(req, "org_id", 1, INT64_MAX));
               ANTOAN_ASSIGN(q.to_month, query_month(req, "to", this_month));
               ANTOAN_ASSIGN(q.from_month, query_month(req, "from", q.to_month));
               if (q.from_month > q.to_month)
                 return Error::unprocessable("from", "'from' phải trước 'to'", "'from' must not be after 'to'");
               if (q.from_month < "2000-01")
                 return Error::unprocessable("from", "Khoảng thời gian quá dài", "The period is too long");
               ANTOAN_ASSIGN(Json j, s.kpi(*req.principal, q));
               return Response::json(j);
             },
             {}, "Coverage of houses with >= 30 workers by a team (per area, gap list) and meetings held vs expected");
  router.add("POST", "/api/v1/housing/import",
             [&s](Request& req) -> Result<Response> {
               std::string ct = req.header("content-type");
               if (ct.rfind("text/csv", 0) != 0)
                 return Error::make(ErrorCode::unsupported_media_type, "Dữ liệu phải là tệp CSV (text/csv)",
                                    "Content-Type must be text/csv");
               ANTOAN_ASSIGN(auto kind, http::query_text(req, "kind", 20));
               ANTOAN_ASSIGN(ImportOutcome out, s.import_csv(*req.principal, kind.value_or(""), req.body));
               return import_response(out, req.lang);
             },
             {http::Access::authenticated, 2 * 1024 * 1024, false},
             "CSV import of houses, teams or members (?kind=): all rows or none, with a row-by-row error report");
  router.add("GET", "/api/v1/housing/export",
             [&s](Request& req) -> Result<Response> {
               ANTOAN_ASSIGN(auto kind, http::query_text(req, "kind", 20));
               ANTOAN_ASSIGN(std::string csv, s.export_csv(*req.principal, kind.value_or("")));
               Response r = text_response(std::move(csv), "text/csv; charset=utf-8");
               r.headers.emplace("Content-Disposition",
                                 "attachment; filename=\"antoan-" + kind.value_or("") + ".csv\"");
               return r;
             },
             {}, "CSV export (?kind=houses|teams|members); no landlord contacts or phones");
}

}  // namespace

void register_housing_routes(http::Router& router, HousingService& service) {
  register_house_routes(router, service);
  register_team_routes(router, service);
  register_kpi_and_csv_routes(router, service);
}

}  // namespace antoan::housing

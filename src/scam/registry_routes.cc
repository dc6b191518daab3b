#include "scam/registry_routes.h"

#include "core/clock.h"
#include "http/query_params.h"

namespace antoan::scam {
namespace {

Json entry_json(const RegistryEntry& e) {
  return Json{{"id", e.id},
              {"kind", std::string(indicator_kind_name(e.kind))},
              {"value", e.value},
              {"status", std::string(indicator_status_name(e.status))},
              {"report_count", e.report_count},
              {"first_seen", format_iso8601(e.first_seen_ms)},
              {"last_seen", format_iso8601(e.last_seen_ms)}};
}

const security::Principal& principal_of(const http::Request& req) { return *req.principal; }

Result<std::string> optional_text(const Json& body, const char* field, std::size_t max_chars) {
  JsonFields fields(body);
  ANTOAN_ASSIGN(auto v, fields.optional_string(field, max_chars, true));
  return v.value_or(std::string());
}

// Bodies of confirm/clear are optional JSON objects.
Result<Json> optional_json_body(const http::Request& req) {
  if (req.body.find_first_not_of(" \t\r\n") == std::string::npos) return Json::object();
  return req.json_body();
}

Json import_report_json(const ImportReport& r) {
  Json errors = Json::array();
  for (const ImportRowError& e : r.errors)
    errors.push_back({{"line", e.line}, {"value", e.value}, {"message_vi", e.message_vi}, {"message_en", e.message_en}});
  return Json{{"committed", r.committed}, {"rows", r.rows},       {"inserted", r.inserted}, {"updated", r.updated},
              {"duplicates", r.duplicates}, {"invalid", r.invalid}, {"errors", std::move(errors)}};
}

}  // namespace

Json indicator_record_json(const IndicatorRecord& record) {
  Json j = entry_json(record.entry);
  j["bank"] = record.bank.empty() ? Json(nullptr) : Json(record.bank);
  j["platform"] = record.platform.empty() ? Json(nullptr) : Json(record.platform);
  j["note"] = record.note.empty() ? Json(nullptr) : Json(record.note);
  j["source"] = record.source;
  j["updated_at"] = format_iso8601(record.updated_at_ms);
  j["case_count"] = record.case_count;
  if (!record.case_ids.empty()) j["case_ids"] = record.case_ids;
  return j;
}

void register_registry_routes(http::Router& router, Registry& registry) {
  http::RouteOptions open;
  open.access = http::Access::open;
  router.add(
      "GET", "/api/v1/indicators/lookup",
      [&registry](http::Request& req) -> Result<http::Response> {
        auto value = req.query_param("value");
        if (!value || value->find_first_not_of(" \t") == std::string::npos)
          return Error::invalid("value", "Nhập số điện thoại, tên miền, đường link hoặc số tài khoản",
                                "Give a phone number, domain, link or bank account in ?value=");
        if (value->size() > 2048)
          return Error::invalid("value", "Giá trị quá dài", "Value is too long (max 2048 bytes)");
        Registry::Lookup found = registry.lookup(*value);
        if (!found.parsed)
          return Error::unprocessable("value", "Không nhận ra số điện thoại, tên miền, đường link hay số tài khoản",
                                      "Not a phone number, domain, link, bank account or handle");
        if (!found.entry)
          return http::Response::json({{"status", "unknown"},
                                       {"kind", std::string(indicator_kind_name(found.parsed->kind))},
                                       {"value", found.parsed->value}});
        Json j = entry_json(*found.entry);
        j.erase("id");  // the public does not need row ids
        return http::Response::json(j);
      },
      open, "Look up a phone, domain, link, bank account or handle in the scam registry (public)");

  router.add(
      "GET", "/api/v1/indicators",
      [&registry](http::Request& req) -> Result<http::Response> {
        IndicatorQuery q;
        if (auto s = req.query_param("status"); s && !s->empty()) {
          q.status = parse_indicator_status(*s);
          if (!q.status)
            return Error::invalid("status", "Trạng thái không hợp lệ (reported, confirmed, cleared)",
                                  "status must be reported, confirmed or cleared");
        }
        if (auto k = req.query_param("kind"); k && !k->empty()) {
          q.kind = parse_indicator_kind(*k);
          if (!q.kind)
            return Error::invalid("kind", "Loại không hợp lệ (phone, domain, url, bank_account, handle)",
                                  "kind must be phone, domain, url, bank_account or handle");
        }
        q.q = req.query_param("q").value_or("");
        ANTOAN_ASSIGN(auto limit, http::query_int(req, "limit", 1, 500));
        ANTOAN_ASSIGN(auto offset, http::query_int(req, "offset", 0, 10'000'000));
        if (limit) q.limit = *limit;
        if (offset) q.offset = *offset;
        ANTOAN_ASSIGN(IndicatorPage page, registry.list(principal_of(req), q));
        Json items = Json::array();
        for (const IndicatorRecord& r : page.items) items.push_back(indicator_record_json(r));
        return http::Response::json(
            {{"items", std::move(items)}, {"total", page.total}, {"limit", q.limit}, {"offset", q.offset}});
      },
      {}, "List registry indicators (officers)");

  router.add(
      "POST", "/api/v1/indicators",
      [&registry](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(Json body, req.json_body());
        JsonFields fields(body);
        ANTOAN_ASSIGN(std::string kind_name, fields.string("kind", 20));
        auto kind = parse_indicator_kind(kind_name);
        if (!kind)
          return Error::invalid("kind", "Loại không hợp lệ (phone, domain, url, bank_account, handle)",
                                "kind must be phone, domain, url, bank_account or handle");
        ANTOAN_ASSIGN(std::string value, fields.string("value", 2048));
        ANTOAN_ASSIGN(std::string note, optional_text(body, "note", 2000));
        ANTOAN_ASSIGN(auto status_name, fields.optional_string("status", 20));
        IndicatorStatus status = IndicatorStatus::reported;
        if (status_name) {
          auto s = parse_indicator_status(*status_name);
          if (!s || *s == IndicatorStatus::cleared)
            return Error::invalid("status", "Trạng thái phải là reported hoặc confirmed",
                                  "status must be reported or confirmed");
          status = *s;
        }
        ANTOAN_ASSIGN(Registry::AddResult added, registry.add(principal_of(req), *kind, value, note, status));
        return http::Response::json(indicator_record_json(added.record), added.created ? 201 : 200);
      },
      {}, "Add an indicator as reported or confirmed (officers)");

  http::RouteOptions import_options;
  import_options.json_body = false;
  import_options.max_body_bytes = 5 * 1024 * 1024;
  router.add(
      "POST", "/api/v1/indicators/import",
      [&registry](http::Request& req) -> Result<http::Response> {
        ImportOptions options;
        const std::string ct = req.header("content-type");
        const std::string format = req.query_param("format").value_or("");
        if (format == "csv" || ct.rfind("text/csv", 0) == 0 || ct.rfind("application/csv", 0) == 0) {
          options.format = ImportFormat::csv;
        } else if (format == "plain" || format.empty()) {
          if (!ct.empty() && ct.rfind("text/plain", 0) != 0 && format.empty())
            return Error::make(ErrorCode::unsupported_media_type, "Tệp phải là text/csv hoặc text/plain",
                               "Body must be text/csv or text/plain", "Content-Type");
        } else {
          return Error::invalid("format", "format phải là csv hoặc plain", "format must be csv or plain");
        }
        if (auto s = req.query_param("status"); s && !s->empty()) {
          auto status = parse_indicator_status(*s);
          if (!status)
            return Error::invalid("status", "Trạng thái không hợp lệ (reported, confirmed, cleared)",
                                  "status must be reported, confirmed or cleared");
          options.default_status = *status;
        }
        const std::string skip = req.query_param("skip_invalid").value_or("");
        options.skip_invalid = skip == "1" || skip == "true";
        ANTOAN_ASSIGN(ImportReport report, registry.import(principal_of(req), req.body, options));
        if (!report.committed && report.invalid > 0) {
          Error e = Error::unprocessable("body",
                                         "Có " + std::to_string(report.invalid) + " dòng không hợp lệ; chưa nhập dòng nào",
                                         std::to_string(report.invalid) + " invalid rows; nothing was imported");
          http::Response r = http::Response::error(e, req.lang);
          Json j = Json::parse(r.body, nullptr, false);
          if (!j.is_discarded()) {
            j["report"] = import_report_json(report);
            r.body = safe_dump(j);
          }
          return r;
        }
        return http::Response::json(import_report_json(report));
      },
      import_options, "Import a blocklist (text/plain: one value per line; text/csv: kind,value[,status][,note])");

  router.add(
      "GET", "/api/v1/indicators/{id}",
      [&registry](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(std::int64_t id, req.id_param("id"));
        ANTOAN_ASSIGN(IndicatorRecord rec, registry.get(principal_of(req), id));
        return http::Response::json(indicator_record_json(rec));
      },
      {}, "One registry indicator with its linked cases (officers)");

  router.add(
      "POST", "/api/v1/indicators/{id}/confirm",
      [&registry](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(std::int64_t id, req.id_param("id"));
        ANTOAN_ASSIGN(Json body, optional_json_body(req));
        ANTOAN_ASSIGN(std::string note, optional_text(body, "note", 2000));
        ANTOAN_ASSIGN(IndicatorRecord rec, registry.confirm(principal_of(req), id, note));
        return http::Response::json(indicator_record_json(rec));
      },
      {}, "Confirm an indicator as a scam (officers, audited)");

  router.add(
      "POST", "/api/v1/indicators/{id}/clear",
      [&registry](http::Request& req) -> Result<http::Response> {
        ANTOAN_ASSIGN(std::int64_t id, req.id_param("id"));
        ANTOAN_ASSIGN(Json body, optional_json_body(req));
        ANTOAN_ASSIGN(std::string reason, optional_text(body, "reason", 2000));
        ANTOAN_ASSIGN(IndicatorRecord rec, registry.clear(principal_of(req), id, reason));
        return http::Response::json(indicator_record_json(rec));
      },
      {}, "Clear an indicator with a reason (officers, audited)");
}

}  // namespace antoan::scam

#include "intake/intake_service.h"

#include "intake/receipt.h"
#include "orgs/service.h"
#include "security/audit.h"
#include "security/field_crypto.h"

namespace antoan::intake {
namespace {

// Clients' Idempotency-Keys and the keys antoan makes for itself (a meeting's issues) live in
// separate namespaces, so no client can claim a key an internal writer will use. Internal keys
// contain '/', which a client's key never may (http::idempotency_key), so the receipt derived
// from an internal key is never one a client can obtain either.
std::string client_key(const std::string& key) { return "client:" + key; }
std::string internal_key(const std::string& key) { return "internal/" + key; }

}  // namespace

Result<std::optional<SubmitResult>> IntakeService::find_replay(store::Tx& tx, const std::string& stored_key,
                                                               const std::string& receipt_seed,
                                                               const std::string& fingerprint) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT r.id, r.request_hash, c.id, c.status FROM reports r "
                                    "JOIN cases c ON c.report_id = r.id WHERE r.idempotency_key = $1",
                                    {stored_key}));
  if (rows.empty()) return std::optional<SubmitResult>{};
  if (rows[0].str(1) != fingerprint)
    return Error::conflict("Idempotency-Key này đã được dùng cho một báo cáo khác",
                           "This Idempotency-Key was already used for a different report", "Idempotency-Key");
  SubmitResult replay{rows[0].i64(0), rows[0].i64(2), new_receipt(crypto_, receipt_seed), rows[0].str(3), true};
  return std::optional<SubmitResult>(std::move(replay));
}

Result<SubmitResult> IntakeService::submit(const ReportInput& in, const std::optional<std::string>& idempotency_key,
                                           const std::string& request_fingerprint) {
  if (in.area_code.empty()) {
    // API and chat reports may send only coordinates: the province boundary that contains them,
    // then the nearest known commune of that province (never the nearest province centre).
    if (!in.lat || !in.lon) return Error::unprocessable("area_code", "Cần chọn địa bàn", "area_code is required");
    ReportInput placed = in;
    ANTOAN_ASSIGN(orgs::Area area, orgs_.area_at(*in.lat, *in.lon));
    placed.area_code = area.code;
    return submit(placed, idempotency_key, request_fingerprint);
  }
  std::optional<Keyed> keyed;
  if (idempotency_key) keyed = Keyed{client_key(*idempotency_key), *idempotency_key, request_fingerprint};
  // Reads before the write, so the single writer only writes.
  Placement at;
  ANTOAN_ASSIGN(at.place_path, orgs_.place_path_for(in.area_code, in.enterprise_id));
  ANTOAN_ASSIGN(at.org_id, orgs_.route_report(in.category, in.area_code, in.enterprise_id));
  SubmitResult result;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(result, write_report(tx, in, at, keyed));
    return {};
  }));
  if (!result.replayed) committed(in, result.case_id);
  return result;
}

Result<SubmitResult> IntakeService::submit_in(store::Tx& tx, const ReportInput& in, const std::string& key,
                                              const std::string& fingerprint) {
  Placement at;
  ANTOAN_ASSIGN(at.place_path, orgs_.place_path_for(tx, in.area_code, in.enterprise_id));
  ANTOAN_ASSIGN(at.org_id, orgs_.route_report(tx, in.category, in.area_code, in.enterprise_id));
  return write_report(tx, in, at, Keyed{internal_key(key), internal_key(key), fingerprint});
}

void IntakeService::committed(const ReportInput& in, std::int64_t case_id) {
  for (auto& hook : hooks_)
    if (hook.after_commit) hook.after_commit(in, case_id);
}

Result<SubmitResult> IntakeService::write_report(store::Tx& tx, const ReportInput& input, const Placement& at,
                                                 const std::optional<Keyed>& keyed) {
  if (keyed) {
    ANTOAN_ASSIGN(auto replay, find_replay(tx, keyed->stored_key, keyed->receipt_seed, keyed->fingerprint));
    if (replay) return std::move(*replay);
  }
  ReportInput in = input;
  for (auto& hook : hooks_)
    if (hook.prepare) ANTOAN_TRY(hook.prepare(tx, in));
  std::optional<std::string> sealed_contact;
  if (in.contact) sealed_contact = crypto_.seal(*in.contact);
  std::string receipt = new_receipt(crypto_, keyed ? std::optional<std::string>(keyed->receipt_seed) : std::nullopt);
  EpochMs now = now_ms();
  ANTOAN_ASSIGN(auto report,
                tx.query("INSERT INTO reports (category, description, area_code, lat, lon, enterprise_id, "
                         "boarding_house_id, incident_at, channel, contact_enc, receipt_hash, idempotency_key, "
                         "request_hash, created_by_user, created_at, exact_location) VALUES ($1, $2, $3, $4, $5, $6, "
                         "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
                         {in.category, in.description, in.area_code, store::optional_value(in.lat),
                          store::optional_value(in.lon), store::optional_value(in.enterprise_id),
                          store::optional_value(in.boarding_house_id), store::optional_value(in.incident_at),
                          in.channel, store::optional_value(sealed_contact), receipt_hash(crypto_, receipt),
                          keyed ? store::Value(keyed->stored_key) : store::Value(nullptr),
                          keyed ? store::Value(keyed->fingerprint) : store::Value(nullptr),
                          store::optional_value(in.created_by_user), now, std::int64_t{in.exact_location ? 1 : 0}}));
  std::int64_t report_id = report[0].i64(0);
  ANTOAN_ASSIGN(auto kase,
                tx.query("INSERT INTO cases (report_id, category, status, priority, org_id, place_path, area_code, "
                         "enterprise_id, boarding_house_id, created_by_user, team_id, lat, lon, incident_at, "
                         "created_at, updated_at) VALUES ($1, $2, 'new', $14, $3, $4, $5, $6, $7, $8, $9, $10, "
                         "$11, $12, $13, $13) RETURNING id",
                         {report_id, in.category, at.org_id, at.place_path, in.area_code,
                          store::optional_value(in.enterprise_id), store::optional_value(in.boarding_house_id),
                          store::optional_value(in.created_by_user), store::optional_value(in.team_id),
                          store::optional_value(in.lat), store::optional_value(in.lon),
                          store::optional_value(in.incident_at), now,
                          // Someone asking for help at the exact spot needs it now.
                          std::string(in.exact_location ? "urgent" : "normal")}));
  std::int64_t case_id = kase[0].i64(0);
  ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, to_status, "
                     "visible_to_reporter) VALUES ($1, $2, $3, $4, 'created', 'new', 1)",
                     {case_id, now, std::string(in.created_by_user ? "user" : "reporter"),
                      store::optional_value(in.created_by_user)}));
  for (auto& hook : hooks_)
    if (hook.in_transaction) ANTOAN_TRY(hook.in_transaction(tx, in, case_id));
  ANTOAN_TRY(security::append_audit(
      tx, {in.created_by_user, in.created_by_user ? "user" : "reporter", "report.create", "case",
           std::to_string(case_id),
           {{"report_id", report_id}, {"category", in.category}, {"channel", in.channel},
            {"has_contact", in.contact.has_value()}}}));
  return SubmitResult{report_id, case_id, receipt, "new", false};
}

}  // namespace antoan::intake

#include "intake/intake_service.h"

#include "intake/receipt.h"
#include "orgs/service.h"
#include "security/audit.h"
#include "security/field_crypto.h"

namespace antoan::intake {

Result<std::optional<SubmitResult>> IntakeService::find_replay(store::Tx& tx, const std::string& key,
                                                               const std::string& fingerprint) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT r.id, r.request_hash, c.id, c.status FROM reports r "
                                    "JOIN cases c ON c.report_id = r.id WHERE r.idempotency_key = $1",
                                    {key}));
  if (rows.empty()) return std::optional<SubmitResult>{};
  if (rows[0].str(1) != fingerprint)
    return Error::conflict("Idempotency-Key này đã được dùng cho một báo cáo khác",
                           "This Idempotency-Key was already used for a different report", "Idempotency-Key");
  SubmitResult replay{rows[0].i64(0), rows[0].i64(2), new_receipt(crypto_, key), rows[0].str(3), true};
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
  // Reads and checks before the write, so the single writer only writes.
  ANTOAN_ASSIGN(std::string place_path, orgs_.place_path_for(in.area_code, in.enterprise_id));
  ANTOAN_ASSIGN(std::int64_t org_id, orgs_.route_report(in.category, in.area_code, in.enterprise_id));
  std::optional<std::string> sealed_contact;
  if (in.contact) sealed_contact = crypto_.seal(*in.contact);
  std::string receipt = new_receipt(crypto_, idempotency_key);
  std::string receipt_key = receipt_hash(crypto_, receipt);
  std::optional<std::string> fingerprint;
  if (idempotency_key) fingerprint = request_fingerprint;

  SubmitResult result;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    if (idempotency_key) {
      ANTOAN_ASSIGN(auto replay, find_replay(tx, *idempotency_key, request_fingerprint));
      if (replay) {
        result = std::move(*replay);
        return {};
      }
    }
    EpochMs now = now_ms();
    ANTOAN_ASSIGN(auto report,
                  tx.query("INSERT INTO reports (category, description, area_code, lat, lon, enterprise_id, "
                           "boarding_house_id, incident_at, channel, contact_enc, receipt_hash, idempotency_key, "
                           "request_hash, created_by_user, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                           "$10, $11, $12, $13, $14, $15) RETURNING id",
                           {in.category, in.description, in.area_code, store::optional_value(in.lat),
                            store::optional_value(in.lon), store::optional_value(in.enterprise_id),
                            store::optional_value(in.boarding_house_id), store::optional_value(in.incident_at),
                            in.channel, store::optional_value(sealed_contact), receipt_key,
                            store::optional_value(idempotency_key), store::optional_value(fingerprint),
                            store::optional_value(in.created_by_user), now}));
    std::int64_t report_id = report[0].i64(0);
    ANTOAN_ASSIGN(auto kase,
                  tx.query("INSERT INTO cases (report_id, category, status, priority, org_id, place_path, area_code, "
                           "enterprise_id, boarding_house_id, created_by_user, team_id, lat, lon, incident_at, "
                           "created_at, updated_at) VALUES ($1, $2, 'new', 'normal', $3, $4, $5, $6, $7, $8, $9, $10, "
                           "$11, $12, $13, $13) RETURNING id",
                           {report_id, in.category, org_id, place_path, in.area_code,
                            store::optional_value(in.enterprise_id), store::optional_value(in.boarding_house_id),
                            store::optional_value(in.created_by_user), store::optional_value(in.team_id),
                            store::optional_value(in.lat), store::optional_value(in.lon),
                            store::optional_value(in.incident_at), now}));
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
    result = SubmitResult{report_id, case_id, receipt, "new", false};
    return {};
  }));
  if (!result.replayed)
    for (auto& hook : hooks_)
      if (hook.after_commit) hook.after_commit(in, result.case_id);
  return result;
}

}  // namespace antoan::intake

#include "intake/reporter_service.h"

#include "cases/case_model.h"
#include "core/clock.h"
#include "intake/receipt.h"
#include "security/audit.h"

namespace antoan::intake {

Result<std::int64_t> ReporterService::case_for(const std::string& receipt) {
  auto digits = normalize_receipt(receipt);
  if (!digits)
    return Error::unprocessable("receipt", "Mã biên nhận gồm 16 chữ số", "A receipt code has 16 digits");
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT c.id FROM reports r JOIN cases c ON c.report_id = r.id "
                                     "WHERE r.receipt_hash = $1",
                                     {receipt_hash(crypto_, *digits)}));
  if (rows.empty())
    return Error::make(ErrorCode::not_found, "Không tìm thấy báo cáo với mã biên nhận này",
                       "No report has this receipt code", "receipt");
  return rows[0].i64(0);
}

Result<Json> ReporterService::lookup(const std::string& receipt, bool english) {
  ANTOAN_ASSIGN(std::int64_t case_id, case_for(receipt));
  ANTOAN_ASSIGN(auto kase, db_.query("SELECT status, category, created_at, updated_at FROM cases WHERE id = $1",
                                     {case_id}));
  // Every message names the organisation that wrote it (and the union that passed an enterprise's
  // message on): the reporter knows who is talking to them.
  ANTOAN_ASSIGN(auto events, db_.query("SELECT ev.at, ev.kind, ev.to_status, ev.body, wo.name, ro.name "
                                       "FROM case_events ev LEFT JOIN users u ON u.id = ev.actor_user_id "
                                       "LEFT JOIN organisations wo ON wo.id = COALESCE(ev.actor_org_id, u.org_id) "
                                       "LEFT JOIN organisations ro ON ro.id = ev.relayed_by_org_id "
                                       "WHERE ev.case_id = $1 AND ev.visible_to_reporter = 1 ORDER BY ev.id",
                                       {case_id}));
  auto org_of = [&english](const store::Row& e) {
    return e.is_null(4) ? Json(english ? "The handling organisation" : "Đơn vị xử lý") : Json(e.str(4));
  };
  Json history = Json::array(), messages = Json::array();
  for (const auto& e : events) {
    std::string kind = e.str(1), at = format_iso8601(e.i64(0));
    if (kind == "created" || kind == "transition") {
      Json h = {{"at", at}, {"status", e.str(2)}, {"label", cases::status_label(e.str(2), english)}};
      if (kind == "transition") h["org_name"] = org_of(e);
      // Why a report was not accepted is the reporter's to read.
      if (e.str(2) == "rejected" && !e.is_null(3)) h["reason"] = e.str(3);
      history.push_back(std::move(h));
    } else if (kind == "message") {
      messages.push_back({{"at", at},
                          {"from", "officer"},
                          {"org_name", org_of(e)},
                          {"relayed_by", e.is_null(5) ? Json(nullptr) : Json(e.str(5))},
                          {"text", e.str(3)}});
    } else if (kind == "reporter_message") {
      messages.push_back({{"at", at}, {"from", "reporter"}, {"text", e.str(3)}});
    } else if (kind == "contact_revealed") {
      messages.push_back({{"at", at},
                          {"from", "system"},
                          {"org_name", org_of(e)},
                          {"text", english ? "An officer viewed your contact details to reach you. Reason: " + e.str(3)
                                           : "Cán bộ xử lý đã xem thông tin liên hệ của bạn để liên lạc. Lý do: " +
                                                 e.str(3)}});
    }
  }
  std::string status = kase[0].str(0);
  return Json{{"status", status},
              {"status_label", cases::status_label(status, english)},
              {"category", kase[0].str(1)},
              {"created_at", format_iso8601(kase[0].i64(2))},
              {"updated_at", format_iso8601(kase[0].i64(3))},
              {"history", history},
              {"messages", messages}};
}

Result<Json> ReporterService::reply(const std::string& receipt, const std::string& text) {
  ANTOAN_ASSIGN(std::int64_t case_id, case_for(receipt));
  EpochMs now = now_ms();
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, kind, body, visible_to_reporter) "
                       "VALUES ($1, $2, 'reporter', 'reporter_message', $3, 1)",
                       {case_id, now, text}));
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1, last_reporter_activity_at = $1 WHERE id = $2", {now, case_id}));
    if (reply_hook_) ANTOAN_TRY(reply_hook_(tx, case_id));
    return security::append_audit(tx, {std::nullopt, "reporter", "case.reporter_message", "case",
                                       std::to_string(case_id), {{"length", text.size()}}});
  }));
  return Json{{"ok", true}, {"at", format_iso8601(now)}};
}

}  // namespace antoan::intake

#include "coordination/referral_service.h"

#include "cases/case_model.h"
#include "cases/case_scope.h"
#include "core/clock.h"
#include "notify/outbox.h"
#include "security/audit.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::coordination {
namespace {

using security::Action;

struct OrgRow {
  std::int64_t id;
  std::string path, kind, name;
};

Result<std::optional<OrgRow>> load_org(store::Tx& tx, std::int64_t id) {
  ANTOAN_ASSIGN(auto rows, tx.query("SELECT id, path, kind, name FROM organisations WHERE id = $1", {id}));
  if (rows.empty()) return std::optional<OrgRow>{};
  return std::optional<OrgRow>{OrgRow{rows[0].i64(0), rows[0].str(1), rows[0].str(2), rows[0].str(3)}};
}

Status add_event(store::Tx& tx, std::int64_t case_id, std::int64_t user_id, const std::string& kind,
                 const std::string& body) {
  ANTOAN_TRY(tx.exec("INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, kind, body, visible_to_reporter) "
                 "VALUES ($1, $2, 'user', $3, $4, $5, 0)",
                 {case_id, now_ms(), user_id, kind, body}));
  return {};
}

Json referral_json(const store::Row& r) {
  auto opt_time = [&](std::size_t i) { return r.is_null(i) ? Json(nullptr) : Json(format_iso8601(r.i64(i))); };
  return {{"id", r.i64(0)},
          {"case_id", r.i64(1)},
          {"kind", r.str(2)},
          {"from_org_id", r.i64(3)},
          {"from_org_name", r.str(4)},
          {"to_org_id", r.i64(5)},
          {"to_org_name", r.str(6)},
          {"reason", r.str(7)},
          {"status", r.str(8)},
          {"created_at", format_iso8601(r.i64(9))},
          {"decided_at", opt_time(10)},
          {"decision_note", r.is_null(11) ? Json(nullptr) : Json(r.str(11))}};
}

constexpr const char* kReferralSelect =
    "SELECT f.id, f.case_id, f.kind, f.from_org_id, fo.name, f.to_org_id, t.name, f.reason, f.status, f.created_at, "
    "f.decided_at, f.decision_note, t.path, t.kind, f.created_by_user FROM case_referrals f "
    "JOIN organisations fo ON fo.id = f.from_org_id "
    "JOIN organisations t ON t.id = f.to_org_id";

// What policy needs to decide about the referral in row `r` (a kReferralSelect row).
Result<security::ReferralScope> referral_scope(store::Db& db, const store::Row& r) {
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_info(db, r.i64(1)));
  return security::ReferralScope{std::move(info.scope), {r.i64(5), r.str(12), r.str(13)}, r.i64(3), r.opt_i64(14)};
}

}  // namespace

Result<Json> ReferralService::refer(const security::Principal& p, std::int64_t case_id, std::int64_t to_org_id,
                                    const std::string& kind, const std::string& reason) {
  if (kind != "referral" && kind != "joint")
    return Error::unprocessable("kind", "Loại chuyển phải là referral hoặc joint", "kind must be referral or joint");
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_for(db_, p, case_id, Action::case_refer));
  if (!cases::is_open_status(info.status))
    return Error::conflict("Hồ sơ đã kết thúc, không thể chuyển", "The case is finished and cannot be referred", "case");
  std::int64_t referral_id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto to, load_org(tx, to_org_id));
    if (!to) return Error::unprocessable("to_org_id", "Không có đơn vị nhận phù hợp", "No such receiving organisation");
    ANTOAN_TRY(security::require_referral_target(info.scope.category, to->kind));
    ANTOAN_ASSIGN(auto cur, tx.query("SELECT org_id FROM cases WHERE id = $1", {case_id}));
    std::int64_t from_org = cur[0].i64(0);
    if (from_org == to_org_id)
      return Error::conflict("Đơn vị này đang phụ trách hồ sơ", "That organisation already handles the case",
                             "to_org_id");
    ANTOAN_ASSIGN(auto dup, tx.query("SELECT id FROM case_referrals WHERE case_id = $1 AND to_org_id = $2 AND "
                                     "(status = 'pending' OR (kind = 'joint' AND status = 'accepted'))",
                                     {case_id, to_org_id}));
    if (!dup.empty())
      return Error::conflict("Hồ sơ đã được chuyển hoặc phối hợp với đơn vị này",
                             "The case is already referred to or shared with that organisation", "to_org_id");
    EpochMs now = now_ms();
    std::string status = kind == "joint" ? "accepted" : "pending";
    ANTOAN_ASSIGN(auto ins, tx.query("INSERT INTO case_referrals (case_id, kind, from_org_id, to_org_id, reason, "
                                     "status, created_by_user, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                                     "RETURNING id",
                                     {case_id, kind, from_org, to_org_id, reason, status, p.user_id, now}));
    referral_id = ins[0].i64(0);
    ANTOAN_TRY(tx.exec("INSERT INTO case_access (case_id, org_id, org_path, via, source_id, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6)",
                       {case_id, to_org_id, to->path, kind, referral_id, now}));
    ANTOAN_TRY(add_event(tx, case_id, p.user_id, kind == "joint" ? "joint" : "referral",
                         to->name + ": " + reason));
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {now, case_id}));
    ANTOAN_ASSIGN(cases::CaseInfo now_shared, cases::load_case_info(tx, case_id));
    ANTOAN_TRY(notify::emit(tx, notify::kCaseReferred, now_shared.scope,
                            {{"case_id", case_id}, {"referral_id", referral_id}, {"kind", kind},
                             {"category", info.scope.category}, {"status", info.status},
                             {"from_org_id", from_org}, {"to_org_id", to_org_id}}));
    return security::append_audit(tx, security::AuditEntry::by(p, "case." + kind, "case", std::to_string(case_id),
                                       {{"referral_id", referral_id}, {"from_org_id", from_org},
                                        {"to_org_id", to_org_id}}));
  }));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kReferralSelect) + " WHERE f.id = $1", {referral_id}));
  return security::project(p, security::View::referral, referral_json(rows[0]));
}

Result<Json> ReferralService::decide(const security::Principal& p, std::int64_t referral_id, bool accept,
                                     const std::optional<std::string>& note) {
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kReferralSelect) + " WHERE f.id = $1", {referral_id}));
  if (rows.empty()) return Error::not_found("yêu cầu chuyển", "Referral");
  std::int64_t case_id = rows[0].i64(1), to_org = rows[0].i64(5), from_org = rows[0].i64(3);
  ANTOAN_ASSIGN(security::ReferralScope scope, referral_scope(db_, rows[0]));
  if (!security::allows(p, Action::case_view, scope.kase)) return Error::not_found("yêu cầu chuyển", "Referral");
  if (!security::allows_referral_decision(p, scope)) return Error::forbidden();
  if (!accept && (!note || note->empty()))
    return Error::unprocessable("note", "Cần ghi lý do từ chối", "A reason is required to decline");
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto cur, tx.query("SELECT status FROM case_referrals WHERE id = $1", {referral_id}));
    if (cur[0].str(0) != "pending")
      return Error::conflict("Yêu cầu chuyển này đã được trả lời", "This referral was already answered", "referral");
    EpochMs now = now_ms();
    std::string status = accept ? "accepted" : "declined";
    ANTOAN_TRY(tx.exec("UPDATE case_referrals SET status = $1, decided_by_user = $2, decided_at = $3, "
                       "decision_note = $4 WHERE id = $5",
                       {status, p.user_id, now, store::optional_value(note), referral_id}));
    if (accept) {
      ANTOAN_TRY(tx.exec("UPDATE cases SET org_id = $1, updated_at = $2 WHERE id = $3", {to_org, now, case_id}));
      // The referring side keeps following the case it handed over.
      ANTOAN_ASSIGN(auto from, load_org(tx, from_org));
      if (from)
        ANTOAN_TRY(tx.exec("INSERT INTO case_access (case_id, org_id, org_path, via, source_id, created_at) "
                           "VALUES ($1, $2, $3, 'referral', $4, $5)",
                           {case_id, from_org, from->path, referral_id, now}));
    } else {
      ANTOAN_TRY(tx.exec("DELETE FROM case_access WHERE case_id = $1 AND source_id = $2 AND org_id = $3",
                         {case_id, referral_id, to_org}));
      ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {now, case_id}));
    }
    ANTOAN_TRY(add_event(tx, case_id, p.user_id, accept ? "referral_accepted" : "referral_declined",
                         note.value_or("")));
    ANTOAN_ASSIGN(cases::CaseInfo after, cases::load_case_info(tx, case_id));
    ANTOAN_TRY(notify::emit(tx, notify::kReferralDecided, after.scope,
                            {{"case_id", case_id}, {"referral_id", referral_id}, {"decision", status},
                             {"category", scope.kase.category}, {"from_org_id", from_org}, {"to_org_id", to_org}}));
    return security::append_audit(tx, security::AuditEntry::by(p, "referral." + status, "case", std::to_string(case_id),
                                       {{"referral_id", referral_id}}));
  }));
  ANTOAN_ASSIGN(auto out, db_.query(std::string(kReferralSelect) + " WHERE f.id = $1", {referral_id}));
  return security::project(p, security::View::referral, referral_json(out[0]));
}

Result<Json> ReferralService::for_case(const security::Principal& p, std::int64_t case_id) {
  ANTOAN_ASSIGN(cases::CaseInfo info, cases::load_case_for(db_, p, case_id, Action::case_view));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kReferralSelect) + " WHERE f.case_id = $1 ORDER BY f.id", {case_id}));
  Json items = Json::array();
  for (const auto& r : rows) {
    Json j = referral_json(r);
    security::ReferralScope scope{info.scope, {r.i64(5), r.str(12), r.str(13)}, r.i64(3), r.opt_i64(14)};
    j["can_decide"] = r.str(8) == "pending" && security::allows_referral_decision(p, scope);
    items.push_back(security::project(p, security::View::referral, std::move(j)));
  }
  return Json{{"items", items}, {"count", items.size()}};
}

Result<Json> ReferralService::incoming(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, Action::referral_decide));
  // Only cases the principal may see once shared (categories included), then only referrals it
  // may answer: addressed to an organisation it acts for, and not sent by its own.
  security::SqlFilter visible = security::case_filter(p, "c", 1, security::Shared::include);
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kReferralSelect) + " JOIN cases c ON c.id = f.case_id WHERE " +
                                         visible.sql + " AND f.status = 'pending' ORDER BY f.id DESC LIMIT 1000",
                                     visible.params));
  Json items = Json::array();
  for (const auto& r : rows) {
    ANTOAN_ASSIGN(security::ReferralScope scope, referral_scope(db_, r));
    if (security::allows_referral_decision(p, scope))
      items.push_back(security::project(p, security::View::referral, referral_json(r)));
  }
  return Json{{"items", items}, {"count", items.size()}};
}

}  // namespace antoan::coordination

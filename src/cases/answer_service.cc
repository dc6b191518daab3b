#include "cases/answer_service.h"

#include "cases/case_model.h"
#include "cases/case_scope.h"
#include "core/clock.h"
#include "security/audit.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::cases {
namespace {

using security::Action;

constexpr const char *kAnswerSelect =
    "SELECT a.id, a.case_id, a.org_id, o.name, a.action_taken, a.evidence, "
    "a.proposed_fix, a.message_to_reporter, "
    "a.status, a.created_at, a.reviewed_at, a.review_note, u.display_name FROM "
    "case_answers a "
    "JOIN organisations o ON o.id = a.org_id LEFT JOIN users u ON u.id = "
    "a.author_user_id";

Json opt_text(const store::Row &r, std::size_t i) { return r.is_null(i) ? Json(nullptr) : Json(r.str(i)); }

Json answer_json(const store::Row &r) {
  return {{"id", r.i64(0)},
          {"case_id", r.i64(1)},
          {"org_id", r.i64(2)},
          {"org_name", r.str(3)},
          {"action_taken", r.str(4)},
          {"evidence", opt_text(r, 5)},
          {"proposed_fix", opt_text(r, 6)},
          {"message_to_reporter", opt_text(r, 7)},
          {"status", r.str(8)},
          {"created_at", format_iso8601(r.i64(9))},
          {"reviewed_at", r.is_null(10) ? Json(nullptr) : Json(format_iso8601(r.i64(10)))},
          {"review_note", opt_text(r, 11)},
          {"author_name", opt_text(r, 12)}};
}

// The enterprise a case is about: the principal's own organisation (an enterprise officer's org is
// the enterprise), falling back to the case's enterprise.
Result<std::int64_t> answering_org(store::Db &db, const security::Principal &p, std::int64_t case_id) {
  if (p.org_id != 0) return p.org_id;
  ANTOAN_ASSIGN(auto rows, db.query("SELECT enterprise_id FROM cases WHERE id = $1", {case_id}));
  if (rows.empty() || rows[0].is_null(0))
    return Error::unprocessable("case", "Hồ sơ không gắn với doanh nghiệp nào", "The case names no enterprise");
  return rows[0].i64(0);
}

}  // namespace

Result<Json> AnswerService::answer(const security::Principal &p, std::int64_t case_id, const AnswerInput &in) {
  ANTOAN_ASSIGN(CaseInfo info, load_case_for(db_, p, case_id, Action::case_view));
  if (!security::may_answer_case(p, info.scope)) return Error::forbidden();
  if (!is_open_status(info.status)) return Error::conflict("Hồ sơ đã kết thúc", "The case is finished", "case");
  ANTOAN_ASSIGN(std::int64_t org_id, answering_org(db_, p, case_id));
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx &tx) -> Status {
    EpochMs now = now_ms();
    ANTOAN_ASSIGN(auto ins, tx.query("INSERT INTO case_answers (case_id, org_id, author_user_id, "
                                     "action_taken, "
                                     "evidence, proposed_fix, message_to_reporter, status, "
                                     "created_at) VALUES "
                                     "($1, $2, $3, $4, $5, $6, $7, 'pending', $8) RETURNING id",
                                     {case_id, org_id, p.user_id, in.action_taken, store::optional_value(in.evidence),
                                      store::optional_value(in.proposed_fix),
                                      store::optional_value(in.message_to_reporter), now}));
    id = ins[0].i64(0);
    ANTOAN_TRY(
        tx.exec("INSERT INTO case_events (case_id, at, actor_kind, "
                "actor_user_id, actor_org_id, kind, body, "
                "visible_to_reporter) VALUES ($1, $2, 'user', $3, $4, "
                "'enterprise_answer', $5, 0)",
                {case_id, now, p.user_id, org_id, in.action_taken}));
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {now, case_id}));
    return security::append_audit(tx, security::AuditEntry::by(p, "case.answer", "case", std::to_string(case_id),
                                                               {{"answer_id", id},
                                                                {"has_message", in.message_to_reporter.has_value()}}));
  }));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kAnswerSelect) + " WHERE a.id = $1", {id}));
  return security::project(p, security::View::answer, answer_json(rows[0]));
}

Result<Json> AnswerService::review(const security::Principal &p, std::int64_t case_id, std::int64_t answer_id,
                                   bool pass_on, const std::optional<std::string> &text,
                                   const std::optional<std::string> &note) {
  ANTOAN_ASSIGN(CaseInfo info, load_case_for(db_, p, case_id, Action::case_view));
  if (!security::may_relay_answer(p, info.scope)) return Error::forbidden();
  ANTOAN_TRY(db_.write([&](store::Tx &tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("SELECT status, message_to_reporter, org_id FROM case_answers "
                                      "WHERE id = $1 AND case_id = $2",
                                      {answer_id, case_id}));
    if (rows.empty()) return Error::not_found("câu trả lời", "Answer");
    if (rows[0].str(0) != "pending")
      return Error::conflict("Câu trả lời này đã được xem xét", "This answer was already reviewed", "answer");
    std::string message = text && !text->empty() ? *text : rows[0].is_null(1) ? std::string() : rows[0].str(1);
    if (pass_on && message.empty())
      return Error::unprocessable("text", "Không có lời nhắn nào để chuyển cho người báo tin",
                                  "There is no message to pass on to the reporter");
    EpochMs now = now_ms();
    ANTOAN_TRY(
        tx.exec("UPDATE case_answers SET status = $1, reviewed_by_user "
                "= $2, reviewed_at = $3, "
                "review_note = $4, message_to_reporter = CASE WHEN $5 = "
                "'' THEN message_to_reporter ELSE $5 END "
                "WHERE id = $6",
                {std::string(pass_on ? "passed_on" : "kept_back"), p.user_id, now, store::optional_value(note),
                 pass_on ? message : std::string(), answer_id}));
    if (pass_on) {
      ANTOAN_TRY(tx.exec(
          "INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, "
          "actor_org_id, "
          "relayed_by_org_id, kind, body, visible_to_reporter) "
          "VALUES ($1, $2, 'user', $3, $4, $5, 'message', $6, 1)",
          {case_id, now, p.user_id, rows[0].i64(2), p.org_id == 0 ? store::Value() : store::Value(p.org_id), message}));
    }
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {now, case_id}));
    return security::append_audit(tx, security::AuditEntry::by(p, pass_on ? "case.answer_passed_on" : "case.answer_kept_back",
                                                               "case", std::to_string(case_id), {{"answer_id", answer_id}}));
  }));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kAnswerSelect) + " WHERE a.id = $1", {answer_id}));
  return security::project(p, security::View::answer, answer_json(rows[0]));
}

Result<Json> AnswerService::list(const security::Principal &p, std::int64_t case_id) {
  ANTOAN_ASSIGN(CaseInfo info, load_case_for(db_, p, case_id, Action::case_view));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string(kAnswerSelect) + " WHERE a.case_id = $1 ORDER BY a.id", {case_id}));
  bool can_review = security::may_relay_answer(p, info.scope);
  Json items = Json::array();
  for (const auto &r : rows) {
    Json j = answer_json(r);
    j["can_review"] = can_review && r.str(8) == "pending";
    items.push_back(security::project(p, security::View::answer, std::move(j)));
  }
  return Json{{"items", items},
              {"count", items.size()},
              {"can_answer", security::may_answer_case(p, info.scope) && is_open_status(info.status)}};
}

}  // namespace antoan::cases

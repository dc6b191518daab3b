#include "cases/case_service.h"

#include "cases/case_model.h"
#include "cases/case_scope.h"
#include "security/audit.h"
#include "security/field_crypto.h"
#include "security/policy.h"
#include "security/projection.h"

namespace antoan::cases {

using security::Action;
using store::Params;

struct CaseService::CaseRow {
  std::int64_t id;
  std::string status;
  bool has_contact;
  security::CaseScope case_scope;
  const security::CaseScope& scope() const { return case_scope; }
};

namespace {

constexpr const char* kCaseColumns =
    "c.id, c.category, c.status, c.priority, c.org_id, o.name, c.area_code, a.name, c.enterprise_id, e.name, "
    "c.created_at, c.updated_at, r.description, c.lat, c.lon, c.incident_at, r.channel, "
    "CASE WHEN r.contact_enc IS NULL THEN 0 ELSE 1 END, c.place_path, c.created_by_user, c.team_id, "
    "c.boarding_house_id, c.ack_due_at, c.resolve_due_at, c.escalation_level";
constexpr const char* kCaseJoins =
    " FROM cases c JOIN reports r ON r.id = c.report_id"
    " LEFT JOIN organisations o ON o.id = c.org_id"
    " LEFT JOIN areas a ON a.code = c.area_code"
    " LEFT JOIN organisations e ON e.id = c.enterprise_id";

Json opt(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return nullptr;
  if (std::holds_alternative<double>(r[i])) return r.f64(i);
  if (std::holds_alternative<std::int64_t>(r[i])) return r.i64(i);
  return r.str(i);
}

std::string summary_of(const std::string& description) {
  // Cut at a code-point boundary, ~140 characters.
  std::size_t bytes = 0, chars = 0;
  while (bytes < description.size() && chars < 140) {
    unsigned char c = description[bytes];
    bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  if (bytes >= description.size()) return description;
  return description.substr(0, bytes) + "…";
}

// Due times are stored per case since coordination's deadlines (0080); older cases fall back
// to the category's default deadline counted from creation.
std::pair<EpochMs, EpochMs> due_of(const store::Row& r) {
  Deadline d = deadline_for(r.str(1));
  EpochMs created = r.i64(10);
  return {r.is_null(22) ? created + d.ack_ms : r.i64(22), r.is_null(23) ? created + d.resolve_ms : r.i64(23)};
}

bool overdue_of(const store::Row& r, EpochMs now) {
  std::string status = r.str(2);
  if (!is_open_status(status)) return false;
  auto [ack, resolve] = due_of(r);
  return (status == "new" && now > ack) || now > resolve;
}

// The deadline that matters now: acknowledging a new case, else resolving it; and by how many whole
// hours (at least 1) it is missed. Finished cases have none.
struct DueNow {
  std::optional<EpochMs> due_at;
  std::string kind;  // "acknowledge" | "resolve" | ""
  std::optional<std::int64_t> overdue_hours;
};

std::int64_t hours_late(EpochMs due, EpochMs now) { return std::max<std::int64_t>(1, (now - due) / 3'600'000); }

DueNow due_now(const store::Row& r, EpochMs now) {
  std::string status = r.str(2);
  if (!is_open_status(status)) return {};
  auto [ack, resolve] = due_of(r);
  DueNow d;
  // A new case must first be acknowledged: that is its deadline (missed or not) even while
  // resolving is weeks away.
  bool ack_matters = status == "new" && ack <= resolve;
  d.kind = ack_matters ? "acknowledge" : "resolve";
  d.due_at = ack_matters ? ack : resolve;
  if (now > *d.due_at) d.overdue_hours = hours_late(*d.due_at, now);
  return d;
}

// Both deadlines of a case for its page: when each is due, whether it is met, missed and by how
// many hours.
Json deadlines_json(const store::Row& r, EpochMs now) {
  std::string status = r.str(2);
  auto [ack, resolve] = due_of(r);
  bool open = is_open_status(status);
  auto one = [&](const char* kind, EpochMs due, bool done) {
    bool missed = !done && now > due;
    return Json{{"kind", kind},
                {"due_at", format_iso8601(due)},
                {"done", done},
                {"missed", missed},
                {"overdue_hours", missed ? Json(hours_late(due, now)) : Json(nullptr)}};
  };
  return Json::array({one("acknowledge", ack, status != "new"), one("resolve", resolve, !open)});
}

Json case_summary_json(const store::Row& r, EpochMs now) {
  std::string status = r.str(2), category = r.str(1);
  DueNow due = due_now(r, now);
  auto [ack_due, resolve_due] = due_of(r);
  return {{"id", r.i64(0)},
          {"category", category},
          {"status", status},
          {"priority", r.str(3)},
          {"org_id", r.i64(4)},
          {"org_name", opt(r, 5)},
          {"area_code", r.str(6)},
          {"area_name", opt(r, 7)},
          {"enterprise_id", opt(r, 8)},
          {"enterprise_name", opt(r, 9)},
          {"created_at", format_iso8601(r.i64(10))},
          {"updated_at", format_iso8601(r.i64(11))},
          {"overdue", overdue_of(r, now)},
          {"escalation_level", r.i64(24)},
          {"summary", summary_of(r.str(12))},
          {"ack_due_at", format_iso8601(ack_due)},
          {"resolve_due_at", format_iso8601(resolve_due)},
          {"due_at", due.due_at ? Json(format_iso8601(*due.due_at)) : Json(nullptr)},
          {"due_kind", due.kind.empty() ? Json(nullptr) : Json(due.kind)},
          {"overdue_hours", due.overdue_hours ? Json(*due.overdue_hours) : Json(nullptr)}};
}

Status append_event(store::Tx& tx, std::int64_t case_id, const security::Principal& p, const std::string& kind,
                    const std::optional<std::string>& from, const std::optional<std::string>& to,
                    const std::optional<std::string>& body, bool visible_to_reporter) {
  // The writer's organisation is kept: the reporter reads who wrote to them (issue 20).
  ANTOAN_TRY(tx.exec(
      "INSERT INTO case_events (case_id, at, actor_kind, actor_user_id, actor_org_id, kind, from_status, to_status, "
      "body, visible_to_reporter) VALUES ($1, $2, 'user', $3, $4, $5, $6, $7, $8, $9)",
      {case_id, now_ms(), p.user_id, p.org_id == 0 ? store::Value() : store::Value(p.org_id), kind,
       store::optional_value(from), store::optional_value(to), store::optional_value(body),
       std::int64_t{visible_to_reporter ? 1 : 0}}));
  return {};
}

security::AuditEntry audit_of(const security::Principal& p, std::string action, std::int64_t case_id, Json details) {
  return security::AuditEntry::by(p, std::move(action), "case", std::to_string(case_id), std::move(details));
}

// Appends " AND <filters>" for the inbox; params continue after the policy's.
void add_filters(const CaseFilter& f, std::string& where, Params& params) {
  auto next = [&] { return "$" + std::to_string(params.size() + 1); };
  if (f.status) { where += " AND c.status = " + next(); params.emplace_back(*f.status); }
  if (f.category) { where += " AND c.category = " + next(); params.emplace_back(*f.category); }
  if (f.area_code) { where += " AND c.area_code = " + next(); params.emplace_back(*f.area_code); }
  if (f.org_id) { where += " AND c.org_id = " + next(); params.emplace_back(*f.org_id); }
  if (f.from) { where += " AND c.created_at >= " + next(); params.emplace_back(*f.from); }
  if (f.to) { where += " AND c.created_at < " + next(); params.emplace_back(*f.to); }
  if (f.q) {
    std::string q = *f.q;
    if (!q.empty() && q[0] == '#') q = q.substr(1);
    bool numeric = !q.empty() && q.size() < 18 && q.find_first_not_of("0123456789") == std::string::npos;
    if (numeric) {
      where += " AND c.id = " + next();
      params.emplace_back(std::stoll(q));
    } else {
      std::string escaped;
      for (char ch : q) {
        if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
        escaped += ch;
      }
      where += " AND r.description LIKE " + next() + " ESCAPE '\\'";
      params.emplace_back("%" + escaped + "%");
    }
  }
  if (f.overdue_only) {
    where += " AND " + overdue_sql(static_cast<int>(params.size() + 1));
    params.emplace_back(now_ms());
  }
}

// SQL for a case's two due times: stored since 0080, else the category's default from creation.
struct DueTimesSql {
  std::string ack, resolve;
};
DueTimesSql due_times_sql() {
  std::string ack = "CASE c.category", resolve = "CASE c.category";
  for (const auto& cat : security::all_categories()) {
    Deadline d = deadline_for(cat);
    ack += " WHEN '" + cat + "' THEN " + std::to_string(d.ack_ms);
    resolve += " WHEN '" + cat + "' THEN " + std::to_string(d.resolve_ms);
  }
  return {"COALESCE(c.ack_due_at, c.created_at + (" + ack + " ELSE 0 END))",
          "COALESCE(c.resolve_due_at, c.created_at + (" + resolve + " ELSE 0 END))"};
}

// SQL: when the deadline that matters now is due (see due_now), for open cases.
std::string due_sql() {
  DueTimesSql due = due_times_sql();
  return "(CASE WHEN c.status = 'new' AND " + due.ack + " <= " + due.resolve + " THEN " + due.ack + " ELSE " +
         due.resolve + " END)";
}

constexpr const char* kOpenFirst = "(CASE WHEN c.status IN ('resolved','closed','rejected') THEN 1 ELSE 0 END)";
constexpr const char* kPriorityRank =
    "(CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)";

std::string order_by(const std::string& sort) {
  if (sort == "created") return "c.created_at, c.id";
  if (sort == "-created") return "c.created_at DESC, c.id DESC";
  if (sort == "updated") return "c.updated_at DESC, c.id DESC";
  if (sort == "priority") return std::string(kOpenFirst) + ", " + kPriorityRank + ", " + due_sql() + ", c.id";
  if (sort == "-due") return std::string(kOpenFirst) + ", " + due_sql() + " DESC, c.id DESC";
  if (sort == "due") return std::string(kOpenFirst) + ", " + due_sql() + ", c.id";
  // urgency: what needs the officer first. Open cases, the most overdue (or soonest due) first,
  // urgent before normal at the same time; then finished cases, latest first.
  return std::string(kOpenFirst) + ", CASE WHEN " + kOpenFirst + " = 0 THEN " + due_sql() + " END, " + kPriorityRank +
         ", c.updated_at DESC, c.id DESC";
}

}  // namespace

bool is_case_sort(std::string_view sort) {
  for (std::string_view s : {"urgency", "due", "-due", "created", "-created", "updated", "priority"})
    if (s == sort) return true;
  return false;
}

std::string overdue_sql(int now_param) {
  DueTimesSql due = due_times_sql();
  std::string now = "$" + std::to_string(now_param);
  return "(c.status NOT IN ('resolved','closed','rejected') AND ((c.status = 'new' AND " + due.ack + " < " + now +
         ") OR " + due.resolve + " < " + now + "))";
}

namespace {
// " WHERE <what the principal may see> AND <the inbox filters>".
std::string inbox_where(const security::Principal& p, const CaseFilter& f, Params& params) {
  security::SqlFilter scope = security::case_filter(p, "c", 1, security::Shared::include);
  params = scope.params;
  std::string where = " WHERE " + scope.sql;
  add_filters(f, where, params);
  return where;
}
}  // namespace

Result<Json> CaseService::list(const security::Principal& p, const CaseFilter& f) {
  ANTOAN_TRY(security::require(p, Action::case_view));
  Params params;
  std::string where = inbox_where(p, f, params);
  ANTOAN_ASSIGN(auto total, db_.query(std::string("SELECT count(*)") + kCaseJoins + where, params));
  Params page = params;
  std::string limit = " ORDER BY " + order_by(f.sort) + " LIMIT $" + std::to_string(page.size() + 1) + " OFFSET $" +
                      std::to_string(page.size() + 2);
  page.emplace_back(std::int64_t{f.limit});
  page.emplace_back(std::int64_t{f.offset});
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kCaseColumns + kCaseJoins + where + limit, page));
  Json items = Json::array();
  EpochMs now = now_ms();
  for (const auto& r : rows) items.push_back(security::project(p, security::View::case_item, case_summary_json(r, now)));
  return Json{{"items", items}, {"total", total[0].i64(0)}, {"limit", f.limit}, {"offset", f.offset}, {"sort", f.sort}};
}

Result<std::int64_t> CaseService::export_start(const security::Principal& p, const CaseFilter& f,
                                               const std::string& format, std::int64_t max_rows) {
  ANTOAN_TRY(security::require(p, Action::case_export));
  Params params;
  std::string where = inbox_where(p, f, params);
  ANTOAN_ASSIGN(auto total, db_.query(std::string("SELECT count(*)") + kCaseJoins + where, params));
  std::int64_t rows = total[0].i64(0);
  // Refused before anything is written, with the numbers, rather than cut short.
  if (rows > max_rows) {
    auto grouped = [](std::int64_t n, char sep) {  // 1048575 -> 1.048.575 (vi) / 1,048,575 (en)
      std::string digits = std::to_string(n), out;
      for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
      }
      return out;
    };
    return Error::unprocessable("format",
                                "Tệp " + format + " chứa được tối đa " + grouped(max_rows, '.') +
                                    " dòng nhưng bộ lọc chọn " + grouped(rows, '.') +
                                    " hồ sơ: hãy thu hẹp bộ lọc hoặc xuất CSV",
                                "A " + format + " file holds at most " + grouped(max_rows, ',') +
                                    " rows and the filter selects " + grouped(rows, ',') +
                                    " cases: narrow the filter or export CSV");
  }
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    return security::append_audit(tx, security::AuditEntry::by(p, "case.export", "case", "*",
                                       {{"format", format}, {"rows", rows}}));
  }));
  return rows;
}

Result<Json> CaseService::export_page(const security::Principal& p, const CaseFilter& f, std::int64_t after_id,
                                      int limit) {
  ANTOAN_TRY(security::require(p, Action::case_export));
  Params params;
  std::string where = inbox_where(p, f, params);
  where += " AND c.id > $" + std::to_string(params.size() + 1);
  params.emplace_back(after_id);
  std::string page = " ORDER BY c.id LIMIT $" + std::to_string(params.size() + 1);
  params.emplace_back(std::int64_t{limit});
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kCaseColumns + kCaseJoins + where + page, params));
  Json items = Json::array();
  EpochMs now = now_ms();
  // Export rows are inbox rows: the same projection (an employer's file has day-level dates).
  for (const auto& r : rows) items.push_back(security::project(p, security::View::case_item, case_summary_json(r, now)));
  return items;
}

Result<CaseService::CaseRow> CaseService::load_visible(const security::Principal& p, std::int64_t id) {
  ANTOAN_ASSIGN(CaseInfo info, load_case_info(db_, id));
  auto not_found = Error::not_found("hồ sơ", "Case");
  CaseRow row{info.id, info.status, info.has_contact, std::move(info.scope)};
  // A case outside the scope is reported as missing, so ids can't be probed.
  if (!security::allows(p, Action::case_view, row.scope())) return not_found;
  return row;
}

Result<Json> CaseService::get(const security::Principal& p, std::int64_t id) {
  ANTOAN_ASSIGN(CaseRow row, load_visible(p, id));
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT ") + kCaseColumns + kCaseJoins + " WHERE c.id = $1", {id}));
  if (rows.empty()) return Error::not_found("hồ sơ", "Case");
  const auto& r = rows[0];
  Json j = case_summary_json(r, now_ms());
  j["description"] = r.str(12);
  j["lat"] = opt(r, 13);
  j["lon"] = opt(r, 14);
  j["incident_at"] = r.is_null(15) ? Json(nullptr) : Json(format_iso8601(r.i64(15)));
  j["channel"] = r.str(16);
  j["boarding_house_id"] = opt(r, 21);
  j["deadlines"] = deadlines_json(r, now_ms());
  bool may_reveal = security::allows(p, Action::case_reveal_contact, row.scope());
  // Whether a contact exists is itself identifying for enterprises: only say it to those who may reveal.
  j["has_contact"] = may_reveal && row.has_contact;
  j["can_reveal_contact"] = may_reveal && row.has_contact;
  j["can_message"] = security::may_message_reporter(p, row.scope());
  j["can_answer"] = security::may_answer_case(p, row.scope()) && is_open_status(row.status);
  Json allowed = Json::array();
  for (const auto& s : next_statuses(row.status))
    if (security::may_move_case(p, row.scope(), s)) allowed.push_back(s);
  j["allowed_transitions"] = allowed;
  ANTOAN_ASSIGN(auto events, db_.query("SELECT ev.id, ev.at, ev.kind, ev.actor_kind, u.display_name, ev.from_status, "
                                       "ev.to_status, ev.body, ev.visible_to_reporter, wo.name, ro.name "
                                       "FROM case_events ev LEFT JOIN users u ON u.id = ev.actor_user_id "
                                       "LEFT JOIN organisations wo ON wo.id = COALESCE(ev.actor_org_id, u.org_id) "
                                       "LEFT JOIN organisations ro ON ro.id = ev.relayed_by_org_id "
                                       "WHERE ev.case_id = $1 ORDER BY ev.id",
                                       {id}));
  Json history = Json::array();
  for (const auto& e : events)
    history.push_back({{"id", e.i64(0)},
                       {"at", format_iso8601(e.i64(1))},
                       {"kind", e.str(2)},
                       {"actor_kind", e.str(3)},
                       {"actor_name", opt(e, 4)},
                       {"from_status", opt(e, 5)},
                       {"to_status", opt(e, 6)},
                       {"body", opt(e, 7)},
                       {"visible_to_reporter", e.i64(8) != 0},
                       {"actor_org_name", opt(e, 9)},
                       {"relayed_by_org_name", opt(e, 10)}});
  j["history"] = history;
  return security::project(p, security::View::case_item, std::move(j));
}

Result<Json> CaseService::transition(const security::Principal& p, std::int64_t id, const std::string& to,
                                     const std::optional<std::string>& note) {
  ANTOAN_ASSIGN(CaseRow row, load_visible(p, id));
  ANTOAN_TRY(security::require(p, Action::case_transition, row.scope()));
  if (!is_status(to))
    return Error::unprocessable("to", "Trạng thái không hợp lệ: " + to, "Unknown status: " + to);
  // Resolving, closing and rejecting are decisions: never by the enterprise the case is about.
  if (!security::may_move_case(p, row.scope(), to)) return Error::forbidden();
  // The reporter reads why their report was not accepted.
  if (to == "rejected" && (!note || note->empty()))
    return Error::unprocessable("note", "Cần ghi lý do không thụ lý (người báo tin sẽ đọc được)",
                                "Give the reason for not accepting the report (the reporter reads it)");
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    // Re-read inside the transaction: another officer may have moved it meanwhile.
    ANTOAN_ASSIGN(auto cur, tx.query("SELECT status FROM cases WHERE id = $1", {id}));
    std::string from = cur[0].str(0);
    if (!can_move(from, to))
      return Error::conflict("Không thể chuyển hồ sơ từ '" + from + "' sang '" + to + "'",
                             "Cannot move a case from '" + from + "' to '" + to + "'", "to");
    EpochMs now = now_ms();
    ANTOAN_TRY(tx.exec("UPDATE cases SET status = $1, updated_at = $2, assignee_user_id = CASE WHEN $1 = 'assigned' "
                       "THEN $3 ELSE assignee_user_id END WHERE id = $4",
                       {to, now, p.user_id, id}));
    ANTOAN_TRY(append_event(tx, id, p, "transition", from, to, note, /*visible_to_reporter=*/true));
    return security::append_audit(tx, audit_of(p, "case.transition", id, {{"from", from}, {"to", to}}));
  }));
  return get(p, id);
}

Result<Json> CaseService::message(const security::Principal& p, std::int64_t id, const std::string& text) {
  ANTOAN_ASSIGN(CaseRow row, load_visible(p, id));
  ANTOAN_TRY(security::require(p, Action::case_message, row.scope()));
  // An enterprise never writes to the reporter directly: it answers, the union passes it on.
  if (!security::may_message_reporter(p, row.scope())) return Error::forbidden();
  EpochMs at = now_ms();
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(append_event(tx, id, p, "message", std::nullopt, std::nullopt, text, true));
    ANTOAN_TRY(tx.exec("UPDATE cases SET updated_at = $1 WHERE id = $2", {at, id}));
    return security::append_audit(tx, audit_of(p, "case.message", id, {{"length", text.size()}}));
  }));
  return security::project(p, security::View::case_event,
                           {{"case_id", id}, {"at", format_iso8601(at)}, {"kind", "message"}, {"body", text}});
}

Result<std::string> CaseService::reveal_contact(const security::Principal& p, std::int64_t id,
                                                const std::string& reason) {
  ANTOAN_ASSIGN(CaseRow row, load_visible(p, id));
  ANTOAN_TRY(security::require(p, Action::case_reveal_contact, row.scope()));
  ANTOAN_TRY(security::require_reveal_reason(reason));
  if (!row.has_contact)
    return Error::not_found("thông tin liên hệ (người báo tin không để lại)", "Reporter contact (none was given)");
  std::string contact;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("SELECT r.contact_enc FROM cases c JOIN reports r ON r.id = c.report_id "
                                      "WHERE c.id = $1",
                                      {id}));
    ANTOAN_ASSIGN(contact, crypto_.open(rows[0].str(0)));
    // The reporter is told that their contact was viewed, and why (visible with the receipt).
    ANTOAN_TRY(append_event(tx, id, p, "contact_revealed", std::nullopt, std::nullopt, reason, true));
    return security::append_audit(tx, audit_of(p, "contact.reveal", id, {{"reason", reason}}));
  }));
  return contact;
}

Result<Json> CaseService::summary(const security::Principal& p, std::optional<EpochMs> from,
                                  std::optional<EpochMs> to) {
  ANTOAN_TRY(security::require(p, Action::case_view));
  security::SqlFilter scope = security::case_filter(p, "c", 1, security::Shared::include);
  Params params = scope.params;
  std::string where = " WHERE " + scope.sql;
  CaseFilter f;
  f.from = from;
  f.to = to;
  add_filters(f, where, params);
  auto group = [&](const std::string& select, const std::string& group_by,
                   const std::string& order) -> Result<store::Rows> {
    return db_.query("SELECT " + select + " FROM cases c LEFT JOIN areas a ON a.code = c.area_code "
                     "LEFT JOIN organisations o ON o.id = c.org_id" + where + " GROUP BY " + group_by +
                     " ORDER BY " + order, params);
  };
  ANTOAN_ASSIGN(auto by_category, group("c.category, count(*)", "c.category", "2 DESC"));
  ANTOAN_ASSIGN(auto by_status, group("c.status, count(*)", "c.status", "2 DESC"));
  ANTOAN_ASSIGN(auto by_area, group("c.area_code, a.name, count(*)", "c.area_code, a.name", "3 DESC"));
  // Month buckets in Vietnam time (UTC+7) computed in C++ from day counts: portable SQL.
  ANTOAN_ASSIGN(auto by_day, group("(c.created_at + 25200000) / 86400000, count(*)",
                                   "(c.created_at + 25200000) / 86400000", "1"));
  Params overdue_params = params;
  overdue_params.emplace_back(now_ms());
  ANTOAN_ASSIGN(auto overdue,
                db_.query("SELECT c.org_id, o.name, count(*) FROM cases c LEFT JOIN organisations o ON o.id = c.org_id" +
                              where + " AND " + overdue_sql(static_cast<int>(overdue_params.size())) +
                              " GROUP BY c.org_id, o.name ORDER BY 3 DESC",
                          overdue_params));
  Json j = {{"by_category", Json::array()}, {"by_status", Json::array()}, {"by_area", Json::array()},
            {"by_month", Json::array()},    {"overdue", Json::array()}};
  std::int64_t total = 0;
  for (const auto& r : by_category) {
    j["by_category"].push_back({{"category", r.str(0)}, {"count", r.i64(1)}});
    total += r.i64(1);
  }
  for (const auto& r : by_status) j["by_status"].push_back({{"status", r.str(0)}, {"count", r.i64(1)}});
  for (const auto& r : by_area)
    j["by_area"].push_back({{"area_code", r.str(0)}, {"name", opt(r, 1)}, {"count", r.i64(2)}});
  std::map<std::string, std::int64_t> months;
  for (const auto& r : by_day) {
    int y;
    unsigned m, d;
    civil_from_days(r.i64(0), y, m, d);
    char key[8];
    std::snprintf(key, sizeof key, "%04d-%02u", y, m);
    months[key] += r.i64(1);
  }
  for (const auto& [month, count] : months) j["by_month"].push_back({{"month", month}, {"count", count}});
  for (const auto& r : overdue)
    j["overdue"].push_back({{"org_id", r.i64(0)}, {"name", opt(r, 1)}, {"count", r.i64(2)}});
  j["total"] = total;
  return j;
}

}  // namespace antoan::cases

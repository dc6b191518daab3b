#include "scam/feedback.h"

#include <cmath>

#include "core/clock.h"
#include "core/json.h"
#include "core/utf8.h"
#include "security/audit.h"
#include "security/policy.h"
#include "text/normalize.h"

namespace antoan::scam {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kMaxTextBytes = 4096;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Error not_found() {
  return Error::make(ErrorCode::not_found, "Không tìm thấy phản hồi", "Feedback item not found", "id");
}

const char* kColumns =
    "id, verdict, score_pct, signals, text, created_day, "
    "status, reviewed_label, text_hash";

FeedbackItem item_of(const store::Row& row) {
  FeedbackItem f;
  f.id = row.i64(0);
  f.verdict = row.str(1);
  f.score_pct = static_cast<int>(row.i64(2));
  Json signals = Json::parse(row.str(3), nullptr, false);
  if (signals.is_array())
    for (const auto& s : signals)
      if (s.is_string()) f.signals.push_back(s.get<std::string>());
  f.text = row.opt_str(4);
  f.created_day_ms = row.i64(5);
  f.status = row.str(6);
  f.reviewed_label = row.opt_str(7);
  return f;
}

}  // namespace

std::string mask_long_numbers(std::string_view text) {
  std::string out(text);
  std::size_t i = 0;
  while (i < out.size()) {
    if (!is_digit(out[i])) {
      ++i;
      continue;
    }
    // A run of digits with single spaces, dots or dashes between them.
    std::size_t j = i, digits = 0, end = i;
    while (j < out.size()) {
      if (is_digit(out[j])) {
        ++digits;
        end = ++j;
      } else if ((out[j] == ' ' || out[j] == '.' || out[j] == '-') && j + 1 < out.size() && is_digit(out[j + 1])) {
        ++j;
      } else {
        break;
      }
    }
    if (digits >= 6)
      for (std::size_t k = i; k < end; ++k)
        if (is_digit(out[k])) out[k] = '0';
    i = end > i ? end : i + 1;
  }
  return out;
}

Result<std::int64_t> FeedbackService::record(const FeedbackInput& in) {
  if (!is_valid_utf8(in.text))
    return Error::invalid("text", "Nội dung không phải UTF-8 hợp lệ", "Text is not valid UTF-8");
  if (in.text.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::invalid("text", "Hãy gửi lại nội dung đã kiểm tra", "Give the text that was checked");
  if (in.text.size() > kMaxTextBytes)
    return Error::invalid("text", "Nội dung quá dài (tối đa 4096 byte)", "Text is too long (max 4096 bytes)");
  ANTOAN_ASSIGN(CheckResult result, checker_.check(in.text));
  Json signals = result.signals;
  const std::string hash = hash_(text::normalize_for_matching(in.text));
  const std::int64_t day = now_ms() / kDayMs * kDayMs;
  store::Value shared = in.share_text ? store::Value(mask_long_numbers(in.text)) : store::Value(nullptr);
  std::int64_t id = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto rows, tx.query("INSERT INTO scam_feedback (verdict, score_pct, signals, "
                                      "text_hash, text, "
                                      "created_day, status) VALUES ($1, $2, $3, $4, $5, $6, 'new') "
                                      "RETURNING id",
                                      {std::string(verdict_name(result.verdict)),
                                       static_cast<std::int64_t>(std::lround(result.score * 100)), safe_dump(signals),
                                       hash, shared, day}));
    id = rows.rows.at(0).i64(0);
    return {};
  }));
  return id;
}

void FeedbackService::add_indicators(FeedbackItem& item) const {
  if (!item.text) return;
  for (Indicator& ind : extract_indicators(*item.text)) {
    auto entry = registry_.find(ind);
    item.indicators.push_back({std::move(ind), std::move(entry)});
  }
}

Result<FeedbackItem> FeedbackService::get(store::Tx& tx, std::int64_t id) const {
  ANTOAN_ASSIGN(auto rows, tx.query(std::string("SELECT ") + kColumns + " FROM scam_feedback WHERE id = $1", {id}));
  if (rows.rows.empty()) return not_found();
  FeedbackItem item = item_of(rows.rows.front());
  ANTOAN_ASSIGN(auto same,
                tx.query("SELECT count(*) FROM scam_feedback WHERE text_hash = $1", {rows.rows.front().str(8)}));
  item.same_text_count = same.rows.at(0).i64(0);
  return item;
}

Result<FeedbackPage> FeedbackService::list(const security::Principal& p, const std::string& status, std::int64_t limit,
                                           std::int64_t offset) const {
  ANTOAN_TRY(security::require(p, security::Action::scam_feedback_review));
  if (!status.empty() && status != "new" && status != "added" && status != "dismissed")
    return Error::invalid("status", "Trạng thái phải là new, added hoặc dismissed",
                          "status must be new, added or dismissed");
  FeedbackPage page;
  std::string where = status.empty() ? "" : " WHERE f.status = $3";
  store::Params params{limit, offset};
  if (!status.empty()) params.emplace_back(status);
  ANTOAN_ASSIGN(auto rows, db_.query(std::string("SELECT f.id, f.verdict, f.score_pct, f.signals, "
                                                 "f.text, f.created_day, "
                                                 "f.status, f.reviewed_label, f.text_hash, "
                                                 "(SELECT count(*) FROM scam_feedback g WHERE "
                                                 "g.text_hash = f.text_hash) "
                                                 "FROM scam_feedback f") +
                                         where + " ORDER BY f.id DESC LIMIT $1 OFFSET $2",
                                     params));
  for (const auto& row : rows.rows) {
    FeedbackItem item = item_of(row);
    item.same_text_count = row.i64(9);
    add_indicators(item);
    page.items.push_back(std::move(item));
  }
  store::Params count_params;
  if (!status.empty()) count_params.emplace_back(status);
  ANTOAN_ASSIGN(auto total, db_.query(std::string("SELECT count(*) FROM scam_feedback f") +
                                          (status.empty() ? "" : " WHERE f.status = $1"),
                                      count_params));
  page.total = total.rows.at(0).i64(0);
  return page;
}

Result<FeedbackItem> FeedbackService::review(const security::Principal& p, std::int64_t id,
                                             const std::string& decision) {
  ANTOAN_TRY(security::require(p, security::Action::scam_feedback_review));
  if (decision != "scam" && decision != "safe" && decision != "dismiss")
    return Error::invalid("decision", "Quyết định phải là scam, safe hoặc dismiss",
                          "decision must be scam, safe or dismiss");
  FeedbackItem out;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(FeedbackItem before, get(tx, id));
    if (decision != "dismiss" && !before.text)
      return Error::unprocessable("decision", "Người dùng không chia sẻ nội dung: chỉ có thể bỏ qua phản hồi này",
                                  "The worker did not share the text: this item can only be dismissed");
    const std::string status = decision == "dismiss" ? "dismissed" : "added";
    store::Value label = decision == "dismiss" ? store::Value(nullptr) : store::Value(decision);
    store::Value reviewer = p.user_id == 0 ? store::Value(nullptr) : store::Value(p.user_id);
    ANTOAN_TRY(
        tx.exec("UPDATE scam_feedback SET status = $2, reviewed_label = "
                "$3, reviewed_by = $4, reviewed_at = $5 "
                "WHERE id = $1",
                {id, status, label, reviewer, now_ms()}));
    ANTOAN_TRY(security::append_audit(
        tx, security::AuditEntry{p.user_id == 0 ? std::nullopt : std::optional<std::int64_t>(p.user_id),
                                 p.user_id == 0 ? "system" : (p.session_id == 0 ? "api_key" : "user"),
                                 "scam_feedback.review", "scam_feedback", std::to_string(id),
                                 Json{{"decision", decision}, {"verdict", before.verdict}}}));
    ANTOAN_ASSIGN(out, get(tx, id));
    return {};
  }));
  add_indicators(out);
  return out;
}

Result<std::vector<std::pair<std::string, bool>>> load_reviewed_feedback(store::Db& db) {
  ANTOAN_ASSIGN(auto rows, db.query("SELECT text, reviewed_label FROM scam_feedback WHERE "
                                    "status = 'added' AND text IS "
                                    "NOT NULL ORDER BY id"));
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& row : rows.rows) out.emplace_back(row.str(0), row.str(1) == "scam");
  return out;
}

}  // namespace antoan::scam

#include "retention/retention_service.h"

#include <map>

#include "security/audit.h"
#include "security/policy.h"

namespace antoan::retention {
namespace {

constexpr EpochMs kDay = 86'400'000;
// A month for the schedule: 30 days, so "24 months" is never shorter than two years minus a week.
constexpr EpochMs kMonth = 30 * kDay;
constexpr int kMaxMonths = 240;

}  // namespace

int default_months(std::string_view category) {
  // Crime categories are kept longer: a police investigation or a court case can start late.
  // These are the project's defaults, set by the operator per category (docs/security.md).
  return security::is_crime_category(category) ? 36 : 24;
}

Result<std::vector<Rule>> RetentionService::schedule() {
  ANTOAN_ASSIGN(auto rows, db_.query("SELECT category, months FROM retention_rules"));
  std::map<std::string, int> stored;
  for (const auto& r : rows) stored[r.str(0)] = static_cast<int>(r.i64(1));
  std::vector<Rule> out;
  for (const std::string& c : security::all_categories()) {
    auto it = stored.find(c);
    out.push_back({c, it != stored.end() ? it->second : default_months(c)});
  }
  return out;
}

Result<Json> RetentionService::schedule_json(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::retention_manage));
  ANTOAN_ASSIGN(auto rules, schedule());
  Json items = Json::array();
  for (const Rule& r : rules)
    items.push_back({{"category", r.category}, {"months", r.months}, {"default_months", default_months(r.category)}});
  return Json{{"items", items}, {"count", items.size()}};
}

Result<Json> RetentionService::set_rule(const security::Principal& p, const std::string& category, int months) {
  ANTOAN_TRY(security::require(p, security::Action::retention_manage));
  if (!security::is_category(category))
    return Error::unprocessable("category", "Loại sự việc không hợp lệ", "Unknown category");
  if (months < 1 || months > kMaxMonths)
    return Error::unprocessable("months", "Số tháng lưu phải từ 1 đến 240", "months must be 1 to 240");
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("DELETE FROM retention_rules WHERE category = $1", {category}));
    ANTOAN_TRY(tx.exec("INSERT INTO retention_rules (category, months, updated_at, updated_by) VALUES ($1, $2, $3, $4)",
                       {category, std::int64_t{months}, now_ms(), p.user_id}));
    return security::append_audit(
        tx, security::AuditEntry::by(p, "retention.set", "retention_rule", category, {{"months", months}}));
  }));
  return Json{{"category", category}, {"months", months}, {"default_months", default_months(category)}};
}

Result<RetentionRun> RetentionService::run(const security::Principal& p) {
  ANTOAN_TRY(security::require(p, security::Action::job_run));
  return run(now_ms());
}

Result<RetentionRun> RetentionService::run(EpochMs now, int max_cases) {
  ANTOAN_ASSIGN(auto rules, schedule());
  std::vector<std::int64_t> due;
  int remaining = 0;
  for (const Rule& r : rules) {
    ANTOAN_ASSIGN(auto rows, db_.query("SELECT id FROM cases WHERE category = $1 AND erased_at IS NULL AND status IN "
                                       "('resolved', 'closed', 'rejected') AND updated_at < $2 ORDER BY id",
                                       {r.category, now - r.months * kMonth}));
    for (const auto& row : rows) {
      if (static_cast<int>(due.size()) < max_cases) due.push_back(row.i64(0));
      else ++remaining;
    }
  }
  // Small transactions: intake never waits long behind the erasure.
  constexpr std::size_t kBatch = 50;
  for (std::size_t i = 0; i < due.size(); i += kBatch) {
    std::size_t end = std::min(due.size(), i + kBatch);
    ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
      Json ids = Json::array();
      for (std::size_t k = i; k < end; ++k) {
        ANTOAN_TRY(erase_case(tx, due[k]));
        ids.push_back(due[k]);
      }
      return security::append_audit(tx, security::AuditEntry::by_job("retention", "retention.erase", "case", "*",
                                                                     {{"cases", ids}, {"count", ids.size()}}));
    }));
  }
  return RetentionRun{static_cast<int>(due.size()), remaining};
}

Status RetentionService::erase_case(store::Tx& tx, std::int64_t case_id) {
  EpochMs now = now_ms();
  ANTOAN_TRY(tx.exec("UPDATE reports SET description = '', lat = NULL, lon = NULL, contact_enc = NULL "
                     "WHERE id = (SELECT report_id FROM cases WHERE id = $1)",
                     {case_id}));
  ANTOAN_TRY(tx.exec("UPDATE cases SET lat = NULL, lon = NULL, erased_at = $1 WHERE id = $2", {now, case_id}));
  ANTOAN_TRY(tx.exec("UPDATE case_events SET body = NULL WHERE case_id = $1 AND body IS NOT NULL", {case_id}));
  ANTOAN_TRY(tx.exec("DELETE FROM attachments WHERE case_id = $1", {case_id}));
  return {};
}

}  // namespace antoan::retention

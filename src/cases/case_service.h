#pragma once
// Officers' side of cases: the scoped inbox, a case with its history, transitions, messages
// to the reporter, revealing the reporter's contact with a reason, and summary statistics.
// Every read is restricted by security/policy; every change is in the case history and the
// audit log, in the same durable transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}

namespace antoan::cases {

struct CaseFilter {
  std::optional<std::string> status;
  std::optional<std::string> category;
  std::optional<std::string> area_code;
  std::optional<std::int64_t> org_id;
  std::optional<std::string> q;  // "#123" / "123" = case id, otherwise text in the description
  std::optional<EpochMs> from, to;
  bool overdue_only = false;
  // Order of the inbox: "urgency" (default: open cases first, the most overdue / soonest due first,
  // then by priority), "due", "-due", "created", "-created", "updated", "priority".
  std::string sort = "urgency";
  int limit = 50;
  int offset = 0;
};

// Exports hold every row the filter selects (streamed); only Excel's own row limit caps them, and
// an export over it is refused with a message saying so (export.h kMaxXlsxRows).

class CaseService {
 public:
  CaseService(store::Db& db, security::FieldCrypto& crypto) : db_(db), crypto_(crypto) {}

  Result<Json> list(const security::Principal& p, const CaseFilter& f);
  Result<Json> get(const security::Principal& p, std::int64_t id);
  Result<Json> transition(const security::Principal& p, std::int64_t id, const std::string& to,
                          const std::optional<std::string>& note);
  Result<Json> message(const security::Principal& p, std::int64_t id, const std::string& text);
  Result<std::string> reveal_contact(const security::Principal& p, std::int64_t id, const std::string& reason);
  // Exports (Action::case_export): export_start counts the rows the filter selects and audits the
  // export with that count; export_page gives the next rows after a case id, in case-number order,
  // from the same scoped query as the inbox.
  // An export of more than max_rows is refused, saying how many the filter selects.
  Result<std::int64_t> export_start(const security::Principal& p, const CaseFilter& f, const std::string& format,
                                    std::int64_t max_rows);
  Result<Json> export_page(const security::Principal& p, const CaseFilter& f, std::int64_t after_id, int limit);
  Result<Json> summary(const security::Principal& p, std::optional<EpochMs> from, std::optional<EpochMs> to);

 private:
  struct CaseRow;
  Result<CaseRow> load_visible(const security::Principal& p, std::int64_t id);

  store::Db& db_;
  security::FieldCrypto& crypto_;
};

// SQL expression (over alias c) true when the case is overdue at parameter $now_param.
std::string overdue_sql(int now_param);
// The inbox orders (CaseFilter::sort) and whether a code is one of them.
bool is_case_sort(std::string_view sort);

}  // namespace antoan::cases

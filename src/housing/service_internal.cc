#include "housing/service_internal.h"

namespace antoan::housing::detail {

Json opt(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return nullptr;
  if (std::holds_alternative<double>(r[i])) return r.f64(i);
  if (std::holds_alternative<std::int64_t>(r[i])) return r.i64(i);
  return r.str(i);
}

security::AuditEntry audit_of(const security::Principal& p, std::string action, std::string entity,
                              std::int64_t id, Json details) {
  return security::AuditEntry::by(p, std::move(action), std::move(entity), std::to_string(id), std::move(details));
}

std::string next_param(const store::Params& params) {
  std::string s = "$";
  s.append(std::to_string(params.size() + 1));
  return s;
}

void add_area_filter(const std::string& column, const std::string& area_code, std::string& where,
                     store::Params& params) {
  std::string n = next_param(params);
  where += " AND " + column + " IN (SELECT code FROM areas WHERE code = " + n + " OR parent_code = " + n + ")";
  params.emplace_back(area_code);
}

}  // namespace antoan::housing::detail

#include "cases/case_scope.h"

namespace antoan::cases {

namespace {

template <class Reader>
Result<CaseInfo> load_with(Reader& db, std::int64_t id) {
  ANTOAN_ASSIGN(auto rows, db.query("SELECT c.id, c.category, c.status, c.place_path, c.created_by_user, c.team_id, "
                                    "CASE WHEN r.contact_enc IS NULL THEN 0 ELSE 1 END, c.org_id "
                                    "FROM cases c JOIN reports r ON r.id = c.report_id WHERE c.id = $1",
                                    {id}));
  if (rows.empty()) return Error::not_found("hồ sơ", "Case");
  const auto& r = rows[0];
  CaseInfo info;
  info.id = r.i64(0);
  info.status = r.str(2);
  info.org_id = r.i64(7);
  info.has_contact = r.i64(6) != 0;
  info.scope = security::CaseScope{r.str(1), r.str(3), r.opt_i64(4), r.opt_i64(5), {}};
  ANTOAN_ASSIGN(auto shared, db.query("SELECT DISTINCT org_path FROM case_access WHERE case_id = $1", {id}));
  for (const auto& s : shared) info.scope.access_paths.push_back(s.str(0));
  return info;
}

}  // namespace

Result<CaseInfo> load_case_info(store::Db& db, std::int64_t id) { return load_with(db, id); }
Result<CaseInfo> load_case_info(store::Tx& tx, std::int64_t id) { return load_with(tx, id); }

Result<CaseInfo> load_case_for(store::Db& db, const security::Principal& p, std::int64_t id,
                               security::Action action) {
  ANTOAN_ASSIGN(CaseInfo info, load_case_info(db, id));
  if (!security::allows(p, security::Action::case_view, info.scope)) return Error::not_found("hồ sơ", "Case");
  ANTOAN_TRY(security::require(p, action, info.scope));
  return info;
}

}  // namespace antoan::cases

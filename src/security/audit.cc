#include "security/audit.h"

#include <sodium.h>

#include "core/clock.h"

namespace antoan::security {
namespace {

constexpr std::int64_t kPageSize = 1000;

struct StoredRow {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_kind, action, entity, entity_id, details, prev_hash, hash;
  std::string actor_ref;  // empty in rows written before it existed (hashed as v1)
};

// BLAKE2b-256 over the previous hash and every field, each length-prefixed so that moving
// text from one field to the next changes the hash.
std::string row_hash(const StoredRow& r) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  auto add = [&st](std::string_view field) {
    std::string len = std::to_string(field.size()) + ":";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
  };
  // v2 rows name the credential or job that acted; removing it from a row breaks its hash too.
  add(r.actor_ref.empty() ? "antoan-audit-v1" : "antoan-audit-v2");
  add(r.prev_hash);
  add(std::to_string(r.id));
  add(std::to_string(r.at));
  add(r.actor_user_id ? std::to_string(*r.actor_user_id) : std::string("null"));
  add(r.actor_kind);
  if (!r.actor_ref.empty()) add(r.actor_ref);
  add(r.action);
  add(r.entity);
  add(r.entity_id);
  add(r.details);
  unsigned char out[32];
  crypto_generichash_final(&st, out, sizeof out);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

Status check_entry(const AuditEntry& e) {
  if (e.actor_kind.empty() || e.action.empty() || e.entity.empty())
    return Error::internal("audit entry needs actor_kind, action and entity");
  if (!e.details.is_object()) return Error::internal("audit details must be a JSON object");
  return {};
}

}  // namespace

AuditEntry AuditEntry::by(const Principal& p, std::string action, std::string entity, std::string entity_id,
                          Json details) {
  AuditEntry e{p.user_id, p.api_key_id ? "api_key" : "user", std::move(action), std::move(entity),
               std::move(entity_id), std::move(details)};
  if (p.api_key_id) e.actor_ref = "api_key:" + std::to_string(p.api_key_id);
  return e;
}

AuditEntry AuditEntry::by_job(std::string_view job, std::string action, std::string entity, std::string entity_id,
                              Json details) {
  AuditEntry e{std::nullopt, "job", std::move(action), std::move(entity), std::move(entity_id), std::move(details)};
  e.actor_ref = "job:" + std::string(job);
  return e;
}

Status append_audit(store::Tx& tx, const AuditEntry& entry) {
  ANTOAN_TRY(check_entry(entry));
  ANTOAN_ASSIGN(store::Rows head, tx.query("SELECT last_id, last_hash, row_count FROM audit_head WHERE id = 1"));
  if (head.empty()) return Error::internal("audit_head is missing: the audit log was tampered with");
  StoredRow r;
  r.id = head[0].i64(0) + 1;
  r.prev_hash = head[0].str(1);
  std::int64_t count = head[0].i64(2) + 1;
  r.at = now_ms();
  r.actor_user_id = entry.actor_user_id;
  r.actor_kind = entry.actor_kind;
  r.action = entry.action;
  r.entity = entry.entity;
  r.entity_id = entry.entity_id;
  r.details = safe_dump(entry.details);
  r.actor_ref = entry.actor_ref;
  r.hash = row_hash(r);
  ANTOAN_TRY(tx.exec(
      "INSERT INTO audit_log (id, at, actor_user_id, actor_kind, action, entity, entity_id, details, prev_hash, hash, "
      "actor_ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {r.id, r.at, store::optional_value(r.actor_user_id), r.actor_kind, r.action, r.entity, r.entity_id, r.details,
       r.prev_hash, r.hash, r.actor_ref.empty() ? store::null_value() : store::Value(r.actor_ref)}));
  ANTOAN_ASSIGN(std::int64_t changed,
                tx.exec("UPDATE audit_head SET last_id = $1, last_hash = $2, row_count = $3 WHERE id = 1",
                        {r.id, r.hash, count}));
  if (changed != 1) return Error::internal("audit_head update failed");
  return {};
}

Result<AuditVerification> verify_audit(store::Db& db) {
  if (sodium_init() < 0) return Error::internal("libsodium init failed");
  AuditVerification v;
  auto fail = [&v](std::optional<std::int64_t> id, std::string problem) {
    v.ok = false;
    v.first_bad_id = id;
    v.problem = std::move(problem);
  };
  Status st = db.read([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(store::Rows head, tx.query("SELECT last_id, last_hash, row_count FROM audit_head WHERE id = 1"));
    if (head.empty()) {
      fail(std::nullopt, "the audit head record is missing");
      return {};
    }
    const std::int64_t head_last_id = head[0].i64(0);
    const std::string head_last_hash = head[0].str(1);
    const std::int64_t head_count = head[0].i64(2);

    std::string prev_hash(64, '0');
    std::int64_t expected_id = 1;
    while (true) {
      ANTOAN_ASSIGN(store::Rows page,
                    tx.query("SELECT id, at, actor_user_id, actor_kind, action, entity, entity_id, details, "
                             "prev_hash, hash, actor_ref FROM audit_log WHERE id >= $1 ORDER BY id LIMIT $2",
                             {expected_id, kPageSize}));
      for (const store::Row& row : page) {
        StoredRow r{row.i64(0), row.i64(1), row.opt_i64(2), row.str(3), row.str(4), row.str(5),
                    row.str(6), row.str(7), row.str(8), row.str(9), row.opt_str(10).value_or("")};
        if (r.id != expected_id) {
          fail(expected_id, "row " + std::to_string(expected_id) + " is missing (deleted)");
          return {};
        }
        if (r.prev_hash != prev_hash) {
          fail(r.id, "row " + std::to_string(r.id) + " does not link to the previous row (a row before it was "
                     "deleted or replaced)");
          return {};
        }
        if (row_hash(r) != r.hash) {
          fail(r.id, "row " + std::to_string(r.id) + " was edited (its hash does not match its content)");
          return {};
        }
        prev_hash = r.hash;
        ++expected_id;
        ++v.rows_checked;
      }
      if (page.size() < static_cast<std::size_t>(kPageSize)) break;
    }
    // Rows with smaller ids than 1 or ids outside the chain are not reachable by the walk above.
    ANTOAN_ASSIGN(store::Rows extra, tx.query("SELECT min(id) FROM audit_log WHERE id < 1"));
    if (!extra.empty() && !extra[0].is_null(0)) {
      fail(extra[0].i64(0), "row " + std::to_string(extra[0].i64(0)) + " is outside the chain");
      return {};
    }
    const std::int64_t last_id = expected_id - 1;
    if (last_id != head_last_id || prev_hash != head_last_hash || v.rows_checked != head_count) {
      if (last_id < head_last_id)
        fail(last_id + 1, (last_id + 1 == head_last_id
                               ? "row " + std::to_string(head_last_id) + " is missing"
                               : "rows " + std::to_string(last_id + 1) + " to " + std::to_string(head_last_id) +
                                     " are missing") +
                              " (the newest rows were deleted)");
      else
        fail(last_id == 0 ? 1 : last_id,
             "the audit head record does not match the last row (head says row " + std::to_string(head_last_id) +
                 ", the log ends at row " + std::to_string(last_id) + ")");
      return {};
    }
    return {};
  });
  if (!st.ok()) return st.error();
  return v;
}

Result<std::vector<AuditRow>> read_audit(store::Db& db, int limit, const std::string& action_prefix) {
  std::string escaped;
  for (char ch : action_prefix) {
    if (ch == '%' || ch == '_' || ch == '!') escaped += '!';
    escaped += ch;
  }
  ANTOAN_ASSIGN(store::Rows rows,
                db.query("SELECT a.id, a.at, a.actor_user_id, u.username, a.actor_kind, a.actor_ref, a.action, a.entity, "
                         "a.entity_id, a.details FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id "
                         "WHERE a.action LIKE $1 ESCAPE '!' ORDER BY a.id DESC LIMIT $2",
                         {escaped + "%", std::int64_t{limit}}));
  std::vector<AuditRow> out;
  for (const store::Row& r : rows)
    out.push_back(AuditRow{r.i64(0), r.i64(1), r.opt_i64(2), r.opt_str(3).value_or(""), r.str(4),
                           r.opt_str(5).value_or(""), r.str(6), r.str(7), r.str(8), r.str(9)});
  return out;
}

}  // namespace antoan::security

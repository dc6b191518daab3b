#pragma once
// The append-only, hash-chained audit log. Every change in antoan appends an entry inside the
// same write transaction as the change itself. Each row stores the hash of the previous row
// and its own hash over (previous hash, all its fields), so editing or deleting any row
// breaks the chain, and `antoan audit verify` finds where.
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::security {

struct AuditEntry {
  std::optional<std::int64_t> actor_user_id;  // nullopt: the public, a job or the system
  std::string actor_kind;                     // "user", "api_key", "job", "reporter", "system"
  std::string action;                         // e.g. "case.transition", "contact.reveal"
  std::string entity;                         // e.g. "case", "indicator", "user"
  std::string entity_id;
  Json details = Json::object();              // never contains reporter contact in clear
  // The credential or job that acted, beyond the user: "api_key:12", "job:overdue"; empty for a
  // user's own session, the public and the system.
  std::string actor_ref = {};

  // What a principal did: a user through their session, or a system account through one of
  // its API keys (the key is recorded, so a key's actions never read as a person's).
  static AuditEntry by(const Principal& p, std::string action, std::string entity, std::string entity_id,
                       Json details = Json::object());
  // What a background job did on its own.
  static AuditEntry by_job(std::string_view job, std::string action, std::string entity, std::string entity_id,
                           Json details = Json::object());
};

Status append_audit(store::Tx& tx, const AuditEntry& entry);

struct AuditVerification {
  bool ok = true;
  std::int64_t rows_checked = 0;
  std::optional<std::int64_t> first_bad_id;  // first row whose hash or link does not hold
  std::string problem;                       // human-readable, English
};
Result<AuditVerification> verify_audit(store::Db& db);

// One stored row as `antoan audit log` shows it.
struct AuditRow {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_name;  // the user's username, when there is one
  std::string actor_kind, actor_ref, action, entity, entity_id, details;
};
// The newest rows first, optionally of one action (prefix, e.g. "contact.").
Result<std::vector<AuditRow>> read_audit(store::Db& db, int limit, const std::string& action_prefix);

}  // namespace antoan::security

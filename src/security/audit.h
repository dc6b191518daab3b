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
#include "store/db.h"

namespace antoan::security {

struct AuditEntry {
  std::optional<std::int64_t> actor_user_id;  // nullopt: the public or the system
  std::string actor_kind;                     // "user", "reporter", "system", "api_key"
  std::string action;                         // e.g. "case.transition", "contact.reveal"
  std::string entity;                         // e.g. "case", "indicator", "user"
  std::string entity_id;
  Json details = Json::object();              // never contains reporter contact in clear
};

Status append_audit(store::Tx& tx, const AuditEntry& entry);

struct AuditVerification {
  bool ok = true;
  std::int64_t rows_checked = 0;
  std::optional<std::int64_t> first_bad_id;  // first row whose hash or link does not hold
  std::string problem;                       // human-readable, English
};
Result<AuditVerification> verify_audit(store::Db& db);

}  // namespace antoan::security

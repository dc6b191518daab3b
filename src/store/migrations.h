#pragma once
// Versioned schema migrations. Each capability keeps its SQL in src/<context>/migrations/
// as NNNN_name.sql; the build embeds them all and they are applied in file-name order, each
// once, recorded with a checksum in schema_migrations (a changed applied file is an error).
// Portable placeholders: {{id}} (auto-increment primary key), {{blob}}.
#include <string>
#include <vector>

#include "store/db.h"

namespace antoan::store {

struct Migration {
  std::string name;  // file name, e.g. 0030_cases.sql
  std::string sql;
};

const std::vector<Migration>& embedded_migrations();
std::string expand_placeholders(const std::string& sql, Backend backend);
Status apply_migrations(Db& db);

}  // namespace antoan::store

#pragma once
// Links between cases: duplicates (the same event reported twice) and related cases (the same
// scam indicator, the same enterprise, the same boarding house). A link needs both cases to be
// visible to the officer; suggestions list visible cases that share an enterprise, a house or
// a registry indicator with the case.
#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::coordination {

bool is_link_kind(const std::string& kind);      // duplicate | related
bool is_link_reason(const std::string& reason);  // same_indicator | same_enterprise | same_house | other

class LinkService {
 public:
  explicit LinkService(store::Db& db) : db_(db) {}
  Result<Json> link(const security::Principal& p, std::int64_t case_id, std::int64_t other_id,
                    const std::string& kind, const std::optional<std::string>& reason);
  Status unlink(const security::Principal& p, std::int64_t case_id, std::int64_t other_id);
  Result<Json> links(const security::Principal& p, std::int64_t case_id);
  Result<Json> suggestions(const security::Principal& p, std::int64_t case_id);

 private:
  store::Db& db_;
};

}  // namespace antoan::coordination

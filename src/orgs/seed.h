#pragma once
// Reference data every antoan database needs: the 34 provinces and the demo communes in
// `areas`, the organisation skeleton (national node, Tổng LĐLĐ Việt Nam, Bộ Công an; a node,
// a labour federation and a police office per province; a node per commune) and the default
// routing rules. Idempotent: `serve` calls it at every start, `demo` before building.
#include <string>

#include "core/error.h"
#include "store/db.h"

namespace antoan::orgs {

Status seed_reference_data(store::Db& db);
// The same inside a caller's write transaction.
Status seed_reference_data(store::Tx& tx);

// Name of a province's labour federation / police office, e.g. "LĐLĐ thành phố Hà Nội",
// "Công an tỉnh Bắc Ninh".
std::string federation_name(const std::string& province_name, bool is_city);
std::string province_police_name(const std::string& province_name, bool is_city);

}  // namespace antoan::orgs

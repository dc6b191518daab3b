#pragma once
// The security and accounts tests use the store's shared test helpers.
#include "store/testing.h"

namespace antoan::security::testing {
using store::testing::fresh_db;
using store::testing::fresh_temp_dir;
}  // namespace antoan::security::testing

#pragma once
// SQLite backend of store::Db. One writer connection owned by a writer thread that batches
// queued write functions into one transaction (group commit, a savepoint per function) and
// commits with synchronous=FULL, so every acknowledged write survives power loss. Readers
// take a connection from a pool (WAL lets them run beside the writer).
#include <memory>
#include <string>

#include "store/db.h"

namespace antoan::store::sqlite {

Result<std::unique_ptr<Db>> open_sqlite(const std::string& path);

}  // namespace antoan::store::sqlite

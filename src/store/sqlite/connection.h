#pragma once
// One SQLite connection with its prepared-statement cache; used by one thread at a time.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/db.h"

namespace antoan::store::sqlite {

class Connection final : public Tx {
 public:
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool writer);
  explicit Connection(sqlite3* db) : db_(db) {}
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<Rows> query(std::string_view sql, const Params& params = {}) override;
  Result<std::int64_t> exec(std::string_view sql, const Params& params = {}) override;
  Status exec_script(std::string_view sql) override;
  Backend backend() const override { return Backend::sqlite; }

 private:
  Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params);
  Error sqlite_error(const char* what) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace antoan::store::sqlite

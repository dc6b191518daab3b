#include "store/sqlite/connection.h"

#include <sys/stat.h>

namespace antoan::store::sqlite {

namespace {

// Reports are readable by whoever can read these files: owner only, also for a database an
// older version created 0644 (new files are 0600 through the process umask, see main.cc).
// SQLite gives the WAL and shared-memory files the database file's mode.
void restrict_file_modes(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::string file = path + suffix;
    struct stat st;
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
      (void)::chmod(file.c_str(), st.st_mode & 0700);
  }
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool writer) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  auto conn = std::make_unique<Connection>(raw);
  if (rc != SQLITE_OK) return conn->sqlite_error(("open " + path).c_str());
  if (writer) restrict_file_modes(path);
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  // WAL + synchronous=FULL: a commit returns after the WAL is fsync'd (the durability
  // promise of POST /reports). Readers never block the writer. secure_delete: what retention
  // erases is overwritten, not left readable in free pages.
  const char* pragmas = writer ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                                 "PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=4000; PRAGMA secure_delete=ON;"
                               : "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA query_only=ON;";
  ANTOAN_TRY(conn->exec_script(pragmas));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Error Connection::sqlite_error(const char* what) const {
  int code = sqlite3_extended_errcode(db_);
  std::string msg = std::string(what) + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
  int primary = code & 0xFF;
  if (primary == SQLITE_CONSTRAINT)
    return Error::conflict("Dữ liệu trùng hoặc vi phạm ràng buộc", "Constraint violated: " + msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return Error::make(ErrorCode::unavailable, "Cơ sở dữ liệu đang bận, vui lòng thử lại",
                       "Database busy, retry: " + msg);
  return Error::internal(msg);
}

Result<sqlite3_stmt*> Connection::prepare(std::string_view sql, const Params& params) {
  std::string key(sql);
  sqlite3_stmt* stmt = nullptr;
  auto it = cache_.find(key);
  if (it != cache_.end()) {
    stmt = it->second;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  } else {
    std::string rewritten = rewrite_dollar_params(sql);
    if (sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr) != SQLITE_OK)
      return sqlite_error(("prepare " + key.substr(0, 120)).c_str());
    cache_.emplace(std::move(key), stmt);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) return sqlite3_bind_null(stmt, idx);
          else if constexpr (std::is_same_v<T, std::int64_t>) return sqlite3_bind_int64(stmt, idx, v);
          else if constexpr (std::is_same_v<T, double>) return sqlite3_bind_double(stmt, idx, v);
          else return sqlite3_bind_text(stmt, idx, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        },
        params[i]);
    if (rc != SQLITE_OK) return sqlite_error("bind");
  }
  return stmt;
}

Result<Rows> Connection::query(std::string_view sql, const Params& params) {
  ANTOAN_ASSIGN(sqlite3_stmt * stmt, prepare(sql, params));
  Rows out;
  int ncol = sqlite3_column_count(stmt);
  for (int c = 0; c < ncol; ++c) out.columns.emplace_back(sqlite3_column_name(stmt, c));
  for (;;) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Error e = sqlite_error("step");
      sqlite3_reset(stmt);
      return e;
    }
    std::vector<Value> values;
    values.reserve(ncol);
    for (int c = 0; c < ncol; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER: values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c))); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
        case SQLITE_NULL: values.emplace_back(nullptr); break;
        default: {
          const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    out.rows.emplace_back(std::move(values));
  }
  sqlite3_reset(stmt);
  return out;
}

Result<std::int64_t> Connection::exec(std::string_view sql, const Params& params) {
  ANTOAN_ASSIGN(sqlite3_stmt * stmt, prepare(sql, params));
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    Error e = sqlite_error("exec");
    sqlite3_reset(stmt);
    return e;
  }
  sqlite3_reset(stmt);
  return static_cast<std::int64_t>(sqlite3_changes64(db_));
}

Status Connection::exec_script(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown";
    sqlite3_free(err);
    return Error::internal("script: " + msg);
  }
  return {};
}

}  // namespace antoan::store::sqlite

#pragma once
// The one database interface of antoan. Services talk to a Db; the SQLite backend (default,
// embedded) and the PostgreSQL backend implement it. SQL uses $1..$n parameters and the
// portable subset both engines run (see docs/architecture.md, "Portable SQL").
//
// Reads go through query()/read() on a pooled connection. Writes go through write(): the
// function runs inside a transaction on the single writer, possibly batched with other
// writers' functions (group commit, each in its own savepoint), and write() returns only
// after the commit is durable. Never call write() from inside a write function.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace antoan::store {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value null_value() { return nullptr; }
template <class T>
Value optional_value(const std::optional<T>& v) {
  if (!v) return nullptr;
  if constexpr (std::is_integral_v<T>) return static_cast<std::int64_t>(*v);
  else return Value(*v);
}

// One result row; accessors convert NULL to 0 / "" unless asked with opt_*.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  std::size_t size() const { return values_.size(); }
  const Value& operator[](std::size_t i) const { return values_.at(i); }
  bool is_null(std::size_t i) const;
  std::int64_t i64(std::size_t i) const;
  double f64(std::size_t i) const;
  std::string str(std::size_t i) const;
  std::optional<std::int64_t> opt_i64(std::size_t i) const;
  std::optional<double> opt_f64(std::size_t i) const;
  std::optional<std::string> opt_str(std::size_t i) const;

 private:
  std::vector<Value> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;
  bool empty() const { return rows.empty(); }
  std::size_t size() const { return rows.size(); }
  const Row& operator[](std::size_t i) const { return rows.at(i); }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

enum class Backend { sqlite, postgres };

// A connection inside a transaction (write) or a consistent snapshot (read).
class Tx {
 public:
  virtual ~Tx() = default;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual Result<std::int64_t> exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
  virtual Backend backend() const = 0;
};

using TxFn = std::function<Status(Tx&)>;

class Db {
 public:
  virtual ~Db() = default;
  virtual Backend backend() const = 0;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  virtual Status read(const TxFn& fn) = 0;
  virtual Status write(const TxFn& fn) = 0;
  // One statement, durably committed.
  Result<std::int64_t> exec(std::string_view sql, const Params& params = {});
  // Releases connections and stops the writer; called by the owner before exit.
  virtual void close() = 0;
};

// Opens "postgres://…"/"postgresql://…" with the PostgreSQL backend (when built in), anything
// else as a SQLite file path (created if missing). Applies migrations.
Result<std::unique_ptr<Db>> open_db(const std::string& target);

// Rewrites $N parameters to ?N for SQLite, leaving quoted text and comments alone.
std::string rewrite_dollar_params(std::string_view sql);

}  // namespace antoan::store

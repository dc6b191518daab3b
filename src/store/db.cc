#include "store/db.h"

#include "store/migrations.h"
#include "store/sqlite/sqlite_db.h"

namespace antoan::store {

bool Row::is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }

std::int64_t Row::i64(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::int64_t>(&v)) return *p;
  if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtoll(p->c_str(), nullptr, 10);
  return 0;
}

double Row::f64(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<double>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v)) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Row::str(std::size_t i) const {
  const Value& v = values_.at(i);
  if (auto p = std::get_if<std::string>(&v)) return *p;
  if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
  return {};
}

std::optional<std::int64_t> Row::opt_i64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}
std::optional<double> Row::opt_f64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return f64(i);
}
std::optional<std::string> Row::opt_str(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return str(i);
}

Result<std::int64_t> Db::exec(std::string_view sql, const Params& params) {
  std::int64_t changed = 0;
  ANTOAN_TRY(write([&](Tx& tx) -> Status {
    ANTOAN_ASSIGN(changed, tx.exec(sql, params));
    return {};
  }));
  return changed;
}

Result<std::unique_ptr<Db>> open_db(const std::string& target) {
  std::unique_ptr<Db> db;
  if (target.rfind("postgres://", 0) == 0 || target.rfind("postgresql://", 0) == 0) {
    return Error::make(ErrorCode::unavailable, "Chưa hỗ trợ PostgreSQL trong bản dựng này",
                       "PostgreSQL backend is not built in this version");
  }
  ANTOAN_ASSIGN(db, sqlite::open_sqlite(target));
  ANTOAN_TRY(apply_migrations(*db));
  return db;
}

std::string rewrite_dollar_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // quoted text or identifier: copy to the closing quote
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) { j += 2; continue; }
          break;
        }
        ++j;
      }
      out.append(sql.substr(i, std::min(j + 1, sql.size()) - i));
      i = j;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // line comment
      std::size_t j = sql.find('\n', i);
      if (j == std::string_view::npos) j = sql.size();
      out.append(sql.substr(i, j - i));
      i = j - 1;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {  // block comment
      std::size_t j = sql.find("*/", i + 2);
      j = j == std::string_view::npos ? sql.size() : j + 2;
      out.append(sql.substr(i, j - i));
      i = j - 1;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '1' && sql[i + 1] <= '9') {
      out.push_back('?');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace antoan::store

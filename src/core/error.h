#pragma once
// The one error type of antoan. Every fallible function returns Result<T> (or Status);
// exceptions from libraries are caught at module boundaries and turned into an Error.
// An Error carries a stable machine code, a message in Vietnamese and in English, and
// the input field it is about (empty when none); http/ maps the code to a status.
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace antoan {

enum class ErrorCode {
  invalid_argument,        // 400: malformed request (bad JSON, bad UTF-8, wrong type)
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  method_not_allowed,      // 405
  conflict,                // 409: state conflict, duplicate, idempotency key reuse
  payload_too_large,       // 413
  unsupported_media_type,  // 415
  unprocessable,           // 422: well-formed but semantically invalid
  rate_limited,            // 429
  unavailable,             // 503
  internal,                // 500: a bug or an environment failure, never bad input
};

std::string_view error_code_name(ErrorCode code);
int error_code_http_status(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message_vi;
  std::string message_en;
  std::string field;

  static Error make(ErrorCode code, std::string vi, std::string en, std::string field = {}) {
    return Error{code, std::move(vi), std::move(en), std::move(field)};
  }
  static Error internal(std::string detail) {
    return Error{ErrorCode::internal, "Lỗi hệ thống: " + detail, "Internal error: " + detail, {}};
  }
  static Error invalid(std::string field, std::string vi, std::string en) {
    return Error{ErrorCode::invalid_argument, std::move(vi), std::move(en), std::move(field)};
  }
  static Error unprocessable(std::string field, std::string vi, std::string en) {
    return Error{ErrorCode::unprocessable, std::move(vi), std::move(en), std::move(field)};
  }
  static Error not_found(std::string what_vi, std::string what_en) {
    return Error{ErrorCode::not_found, "Không tìm thấy " + what_vi, what_en + " not found", {}};
  }
  static Error forbidden() {
    return Error{ErrorCode::forbidden, "Bạn không có quyền thực hiện thao tác này",
                 "You are not allowed to do this", {}};
  }
  static Error unauthenticated() {
    return Error{ErrorCode::unauthenticated, "Bạn cần đăng nhập", "You need to log in", {}};
  }
  static Error conflict(std::string vi, std::string en, std::string field = {}) {
    return Error{ErrorCode::conflict, std::move(vi), std::move(en), std::move(field)};
  }
};

// Result<T>: a value or an Error (std::expected is not in g++ 12's C++20).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }
  T value_or(T fallback) const { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;
inline Status ok_status() { return {}; }

}  // namespace antoan

// Propagate an error: ANTOAN_TRY(expr) returns early from a function returning Result<...>.
#define ANTOAN_CONCAT_INNER(a, b) a##b
#define ANTOAN_CONCAT(a, b) ANTOAN_CONCAT_INNER(a, b)
#define ANTOAN_TRY(expr)                                        \
  do {                                                          \
    auto&& antoan_try_result_ = (expr);                         \
    if (!antoan_try_result_.ok()) return std::move(antoan_try_result_).error(); \
  } while (0)
// ANTOAN_ASSIGN(lhs, expr): lhs = value of expr or return its error.
#define ANTOAN_ASSIGN(lhs, expr) ANTOAN_ASSIGN_IMPL(ANTOAN_CONCAT(antoan_r_, __LINE__), lhs, expr)
#define ANTOAN_ASSIGN_IMPL(tmp, lhs, expr)           \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return std::move(tmp).error();      \
  lhs = std::move(tmp).value()

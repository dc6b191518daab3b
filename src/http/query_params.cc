#include "http/query_params.h"

#include "core/utf8.h"

namespace antoan::http {
namespace {

Error not_a_number(const char* name) {
  return Error::invalid(name, std::string("Tham số '") + name + "' phải là số",
                        std::string("Parameter '") + name + "' must be a number");
}

bool all_digits(const std::string& v) {
  return !v.empty() && v.size() <= 18 && v.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

Result<std::optional<std::int64_t>> query_int(const Request& req, const char* name, std::int64_t min,
                                              std::int64_t max) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>{};
  if (!all_digits(*v)) return not_a_number(name);
  const std::int64_t n = std::stoll(*v);
  if (n < min || n > max)
    return Error::unprocessable(name, std::string("Tham số '") + name + "' nằm ngoài khoảng cho phép",
                                std::string("Parameter '") + name + "' is out of range");
  return std::optional<std::int64_t>(n);
}

Result<std::optional<std::int64_t>> query_id(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>{};
  if (!all_digits(*v) || std::stoll(*v) <= 0) return Error::invalid(name, "Mã số không hợp lệ", "Invalid id");
  return std::optional<std::int64_t>(std::stoll(*v));
}

Result<std::optional<std::string>> query_text(const Request& req, const char* name, std::size_t max_bytes) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::string>{};
  if (v->size() > max_bytes || !is_valid_utf8(*v) || has_control_chars(*v))
    return Error::invalid(name, std::string("Tham số '") + name + "' không hợp lệ",
                          std::string("Parameter '") + name + "' is invalid");
  return std::optional<std::string>(*v);
}

Result<std::optional<EpochMs>> query_time(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<EpochMs>{};
  EpochMs t;
  if (!parse_iso8601(*v, t))
    return Error::unprocessable(name, std::string("Ngày giờ '") + name + "' không hợp lệ (YYYY-MM-DD)",
                                std::string("Parameter '") + name + "' is not a date (YYYY-MM-DD)");
  return std::optional<EpochMs>(t);
}

Result<std::optional<std::string>> idempotency_key(const Request& req) {
  std::string key = req.header("idempotency-key");
  if (key.empty()) return std::optional<std::string>{};
  const bool printable =
      key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") == std::string::npos;
  if (key.size() > 128 || !printable)
    return Error::invalid("Idempotency-Key", "Idempotency-Key tối đa 128 ký tự chữ, số, - _ . :",
                          "Idempotency-Key must be at most 128 letters, digits, - _ . :");
  return std::optional<std::string>(key);
}

}  // namespace antoan::http

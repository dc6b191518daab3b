#include "core/json.h"

#include "core/utf8.h"

namespace antoan {

Result<Json> parse_json_object(std::string_view body) {
  if (!is_valid_utf8(body))
    return Error::invalid("", "Dữ liệu không phải UTF-8 hợp lệ", "Body is not valid UTF-8");
  Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return Error::invalid("", "Dữ liệu JSON không hợp lệ", "Body is not valid JSON");
  if (!j.is_object())
    return Error::invalid("", "Dữ liệu phải là một đối tượng JSON", "Body must be a JSON object");
  return j;
}

std::string safe_dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool JsonFields::has(const char* field) const {
  auto it = obj_.find(field);
  return it != obj_.end() && !it->is_null();
}

namespace {
std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
}  // namespace

Result<std::optional<std::string>> JsonFields::optional_string(const char* field, std::size_t max_chars,
                                                               bool multiline) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string())
    return Error::invalid(field, std::string("Trường '") + field + "' phải là chuỗi",
                          std::string("Field '") + field + "' must be a string");
  std::string s = trim(it->get<std::string>());
  if (s.empty()) return std::optional<std::string>{};
  if (!is_valid_utf8(s))
    return Error::invalid(field, "Văn bản không phải UTF-8 hợp lệ", "Text is not valid UTF-8");
  bool bad_control = multiline ? has_control_chars(s) : s.find_first_of("\r\n\t") != std::string::npos ||
                                                            has_control_chars(s);
  if (bad_control)
    return Error::invalid(field, std::string("Trường '") + field + "' chứa ký tự điều khiển",
                          std::string("Field '") + field + "' contains control characters");
  if (utf8_length(s) > max_chars)
    return Error::unprocessable(field,
                                std::string("Trường '") + field + "' dài quá " + std::to_string(max_chars) + " ký tự",
                                std::string("Field '") + field + "' is longer than " + std::to_string(max_chars) +
                                    " characters");
  return std::optional<std::string>(std::move(s));
}

Result<std::string> JsonFields::string(const char* field, std::size_t max_chars, bool multiline) const {
  ANTOAN_ASSIGN(auto value, optional_string(field, max_chars, multiline));
  if (!value)
    return Error::unprocessable(field, std::string("Thiếu trường bắt buộc '") + field + "'",
                                std::string("Missing required field '") + field + "'");
  return std::move(*value);
}

Result<std::optional<double>> JsonFields::optional_number(const char* field, double min, double max) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->is_null()) return std::optional<double>{};
  if (!it->is_number())
    return Error::invalid(field, std::string("Trường '") + field + "' phải là số",
                          std::string("Field '") + field + "' must be a number");
  double v = it->get<double>();
  if (!(v >= min && v <= max))
    return Error::unprocessable(field, std::string("Giá trị '") + field + "' nằm ngoài khoảng cho phép",
                                std::string("Field '") + field + "' is out of range");
  return std::optional<double>(v);
}

Result<std::optional<std::int64_t>> JsonFields::optional_int(const char* field, std::int64_t min,
                                                             std::int64_t max) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->is_null()) return std::optional<std::int64_t>{};
  if (!it->is_number_integer())
    return Error::invalid(field, std::string("Trường '") + field + "' phải là số nguyên",
                          std::string("Field '") + field + "' must be an integer");
  std::int64_t v = it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX
                       ? INT64_MAX
                       : it->get<std::int64_t>();
  if (v < min || v > max)
    return Error::unprocessable(field, std::string("Giá trị '") + field + "' nằm ngoài khoảng cho phép",
                                std::string("Field '") + field + "' is out of range");
  return std::optional<std::int64_t>(v);
}

Result<std::int64_t> JsonFields::integer(const char* field, std::int64_t min, std::int64_t max) const {
  ANTOAN_ASSIGN(auto value, optional_int(field, min, max));
  if (!value)
    return Error::unprocessable(field, std::string("Thiếu trường bắt buộc '") + field + "'",
                                std::string("Missing required field '") + field + "'");
  return *value;
}

Result<std::optional<bool>> JsonFields::optional_bool(const char* field) const {
  auto it = obj_.find(field);
  if (it == obj_.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean())
    return Error::invalid(field, std::string("Trường '") + field + "' phải là true/false",
                          std::string("Field '") + field + "' must be a boolean");
  return std::optional<bool>(it->get<bool>());
}

}  // namespace antoan

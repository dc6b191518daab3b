#pragma once
// JSON input helpers: parse a request body without exceptions and read typed fields,
// each failure an Error naming the field. Output uses safe_dump (never throws on bad UTF-8).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace antoan {

using Json = nlohmann::json;

// Parses `body` as a JSON object; invalid UTF-8, bad syntax or a non-object is an Error.
Result<Json> parse_json_object(std::string_view body);
std::string safe_dump(const Json& j);

// Reads typed fields of one JSON object; every error names the field.
class JsonFields {
 public:
  explicit JsonFields(const Json& object) : obj_(object) {}
  bool has(const char* field) const;
  // Trimmed string of 1..max_chars code points, no control characters (newlines allowed
  // when multiline).
  Result<std::string> string(const char* field, std::size_t max_chars, bool multiline = false) const;
  Result<std::optional<std::string>> optional_string(const char* field, std::size_t max_chars,
                                                     bool multiline = false) const;
  Result<std::optional<double>> optional_number(const char* field, double min, double max) const;
  Result<std::optional<std::int64_t>> optional_int(const char* field, std::int64_t min,
                                                   std::int64_t max) const;
  Result<std::int64_t> integer(const char* field, std::int64_t min, std::int64_t max) const;
  Result<std::optional<bool>> optional_bool(const char* field) const;

 private:
  const Json& obj_;
};

}  // namespace antoan

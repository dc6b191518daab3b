#pragma once
// Reading optional query parameters and the Idempotency-Key header with the same errors
// everywhere: a missing or empty parameter is nullopt; a malformed one is 400, an integer out
// of range 422. Routes of every capability use these instead of parsing by hand.
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "http/request.h"

namespace antoan::http {

// Decimal integer in [min, max].
Result<std::optional<std::int64_t>> query_int(const Request& req, const char* name, std::int64_t min,
                                              std::int64_t max);
// A positive id (400 for anything else).
Result<std::optional<std::int64_t>> query_id(const Request& req, const char* name);
// Valid UTF-8 without control characters, at most max_bytes.
Result<std::optional<std::string>> query_text(const Request& req, const char* name, std::size_t max_bytes);
// A date or date-time as parse_iso8601 reads it (422 otherwise).
Result<std::optional<EpochMs>> query_time(const Request& req, const char* name);
// The Idempotency-Key header: at most 128 of [A-Za-z0-9-_.:].
Result<std::optional<std::string>> idempotency_key(const Request& req);

}  // namespace antoan::http

#pragma once
// Pure parts of webhook delivery: the HMAC-SHA256 signature receivers verify, and the
// exponential back-off schedule between attempts.
#include <cstdint>
#include <string>
#include <string_view>

namespace antoan::notify {

// Lower-case hex of HMAC-SHA256(key, message) (libsodium crypto_auth_hmacsha256).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// Value of the X-Antoan-Signature header: "sha256=" + hex HMAC over "<timestamp>.<body>", where
// timestamp is the X-Antoan-Timestamp header (Unix seconds). Signing the timestamp lets the
// receiver refuse replays of old deliveries.
std::string signature_header(std::string_view secret, std::int64_t timestamp_s, std::string_view body);

// Delay before attempt n+1 after n failed attempts (n >= 1): base·2^(n-1), at most cap.
std::int64_t backoff_delay_ms(int failed_attempts, std::int64_t base_ms, std::int64_t cap_ms);

constexpr int kMaxDeliveryAttempts = 15;

}  // namespace antoan::notify

#include "notify/signing.h"

#include <sodium.h>

#include <algorithm>

namespace antoan::notify {

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex);
}

std::string signature_header(std::string_view secret, std::int64_t timestamp_s, std::string_view body) {
  std::string message = std::to_string(timestamp_s);
  message.push_back('.');
  message.append(body);
  return "sha256=" + hmac_sha256_hex(secret, message);
}

std::int64_t backoff_delay_ms(int failed_attempts, std::int64_t base_ms, std::int64_t cap_ms) {
  if (failed_attempts < 1) failed_attempts = 1;
  std::int64_t delay = base_ms;
  for (int i = 1; i < failed_attempts && delay < cap_ms; ++i) delay *= 2;
  return std::min(delay, cap_ms);
}

}  // namespace antoan::notify

#pragma once
// Password hashing with argon2id (libsodium crypto_pwhash_str, "interactive" limits: 64 MiB
// and ~0.1 s per hash). Each hash takes 64 MiB, so at most kMaxConcurrentHashes run at once;
// the others wait their turn. Hash strings are self-describing ($argon2id$v=19$m=...), so
// stronger limits later still verify old hashes (see password_needs_rehash).
#include <string>
#include <string_view>

#include "core/error.h"

namespace antoan::security {

inline constexpr int kMaxConcurrentHashes = 2;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// An Error for an empty or over-long password (no strength rules here: see
// check_password_strength for new passwords).
Result<std::string> hash_password(std::string_view password);
// False for a wrong password and for anything that is not a valid hash (e.g. "!" locks a
// system account that only uses API keys).
bool verify_password(std::string_view hash, std::string_view password);
bool password_needs_rehash(std::string_view hash);
// Rules for a newly chosen password: 10..1024 bytes, valid UTF-8, not only one repeated
// character. The error names the field "password".
Status check_password_strength(std::string_view password);

// Tests only: cheapest libsodium limits, so suites that create many users run fast.
void use_fast_password_hashing_for_tests();

}  // namespace antoan::security

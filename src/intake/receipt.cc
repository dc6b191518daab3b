#include "intake/receipt.h"

#include <sodium.h>

#include "security/field_crypto.h"

namespace antoan::intake {
namespace {
std::string digits_from(std::uint64_t a, std::uint64_t b) {
  // 16 digits from two 64-bit values: 8 digits each (bias < 1e-11, irrelevant here).
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08llu%08llu", static_cast<unsigned long long>(a % 100000000ULL),
                static_cast<unsigned long long>(b % 100000000ULL));
  return buf;
}
std::uint64_t hex_prefix(const std::string& hex, std::size_t offset) {
  return std::stoull(hex.substr(offset, 15), nullptr, 16);
}
}  // namespace

std::string new_receipt(security::FieldCrypto& crypto, const std::optional<std::string>& idempotency_key) {
  if (idempotency_key) {
    std::string h = crypto.keyed_hash("receipt-for-idempotency-key:" + *idempotency_key);
    return digits_from(hex_prefix(h, 0), hex_prefix(h, 16));
  }
  std::uint64_t a, b;
  randombytes_buf(&a, sizeof a);
  randombytes_buf(&b, sizeof b);
  return digits_from(a, b);
}

std::optional<std::string> normalize_receipt(std::string_view input) {
  std::string digits;
  for (char c : input) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != ' ' && c != '-' && c != '.') return std::nullopt;
    if (digits.size() > 16) return std::nullopt;
  }
  if (digits.size() != 16) return std::nullopt;
  return digits;
}

std::string receipt_hash(security::FieldCrypto& crypto, std::string_view digits) {
  return crypto.keyed_hash("receipt:" + std::string(digits));
}

}  // namespace antoan::intake

#pragma once
// Receipt codes: 16 digits given to the reporter once, the only key to follow an anonymous
// report. Stored only as a keyed hash, so a stolen DB does not reveal them.
#include <optional>
#include <string>
#include <string_view>

namespace antoan::security {
class FieldCrypto;
}

namespace antoan::intake {

// A fresh random code, or one derived from the idempotency key (so a retried request gets
// the same receipt without the receipt being stored).
std::string new_receipt(security::FieldCrypto& crypto, const std::optional<std::string>& idempotency_key);
// Accepts "1234 5678 9012 3456", "1234-5678-…", or 16 digits; nullopt otherwise.
std::optional<std::string> normalize_receipt(std::string_view input);
std::string receipt_hash(security::FieldCrypto& crypto, std::string_view digits);

}  // namespace antoan::intake

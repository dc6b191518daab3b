#pragma once
// Encryption of sensitive fields (a reporter's contact) and keyed hashing of secrets that are
// looked up but never stored (receipt codes). One 32-byte master key lives in a key file
// (mode 0600, created on first run); two subkeys are derived from it: one for libsodium's
// secretbox (XSalsa20-Poly1305, a fresh random 24-byte nonce per message), one for keyed
// BLAKE2b. Sealed text is "v1:" + base64(nonce || ciphertext); a changed byte fails to open.
// Thread-safe after construction (all methods are const).
#include <array>
#include <string>
#include <string_view>

#include "core/error.h"

namespace antoan::security {

class FieldCrypto {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // Reads the key file, or creates it (mode 0600, exclusively) when it does not exist.
  // Refuses a key file that group or others may read, that is not a regular file, or that
  // does not hold exactly one hex-encoded 32-byte key.
  static Result<FieldCrypto> open_or_create(const std::string& key_file);
  // A crypto object over a given master key (tests, tools).
  static FieldCrypto from_master_key(const std::array<unsigned char, kKeyBytes>& master);

  FieldCrypto(FieldCrypto&& other) noexcept;
  FieldCrypto& operator=(FieldCrypto&& other) noexcept;
  FieldCrypto(const FieldCrypto&) = delete;
  FieldCrypto& operator=(const FieldCrypto&) = delete;
  ~FieldCrypto();

  // Encrypts and authenticates; the output is printable ASCII.
  std::string seal(std::string_view plaintext) const;
  // Decrypts text made by seal() with the same key; an Error for anything else.
  Result<std::string> open(std::string_view sealed) const;
  // Keyed BLAKE2b-256 of `data`, as 64 lower-case hex digits. Equal inputs give equal
  // outputs (so it can be looked up), but without the key file nobody can compute it.
  std::string keyed_hash(std::string_view data) const;

 private:
  FieldCrypto() = default;
  void derive(const unsigned char* master);

  std::array<unsigned char, 32> box_key_{};
  std::array<unsigned char, 32> hash_key_{};
};

}  // namespace antoan::security

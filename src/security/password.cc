#include "security/password.h"

#include <sodium.h>

#include <atomic>
#include <semaphore>

#include "core/utf8.h"

namespace antoan::security {
namespace {

std::counting_semaphore<kMaxConcurrentHashes>& hash_slots() {
  static std::counting_semaphore<kMaxConcurrentHashes> slots(kMaxConcurrentHashes);
  return slots;
}

std::atomic<bool> g_fast{false};

unsigned long long ops_limit() { return g_fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE; }
std::size_t mem_limit() { return g_fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE; }

// Holds one of the hashing slots for its lifetime.
class HashSlot {
 public:
  HashSlot() { hash_slots().acquire(); }
  ~HashSlot() { hash_slots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return Error::internal("libsodium init failed");
  if (password.empty())
    return Error::invalid("password", "Mật khẩu không được để trống", "Password must not be empty");
  if (password.size() > kMaxPasswordBytes)
    return Error::invalid("password", "Mật khẩu quá dài", "Password is too long");
  char out[crypto_pwhash_STRBYTES];
  int rc;
  {
    HashSlot slot;
    rc = crypto_pwhash_str(out, password.data(), password.size(), ops_limit(), mem_limit());
  }
  if (rc != 0) return Error::internal("password hashing failed (out of memory?)");
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || password.size() > kMaxPasswordBytes) return false;
  std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  HashSlot slot;
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view hash) {
  std::string h(hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), ops_limit(), mem_limit()) != 0;
}

Status check_password_strength(std::string_view password) {
  if (!is_valid_utf8(password))
    return Error::invalid("password", "Mật khẩu không phải UTF-8 hợp lệ", "Password is not valid UTF-8");
  if (password.size() < 10)
    return Error::unprocessable("password", "Mật khẩu phải có ít nhất 10 ký tự",
                                "Password must have at least 10 characters");
  if (password.size() > kMaxPasswordBytes)
    return Error::unprocessable("password", "Mật khẩu quá dài", "Password is too long");
  if (password.find_first_not_of(password[0]) == std::string_view::npos)
    return Error::unprocessable("password", "Mật khẩu quá đơn giản", "Password is too simple");
  return {};
}

void use_fast_password_hashing_for_tests() { g_fast = true; }

}  // namespace antoan::security

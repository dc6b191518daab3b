#include "security/field_crypto.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace antoan::security {
namespace {

constexpr std::string_view kPrefix = "v1:";
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "antoanfk";
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

Error key_error(const std::string& vi, const std::string& en) {
  return Error::make(ErrorCode::internal, "Tệp khóa mã hóa: " + vi, "Encryption key file: " + en);
}

std::string mode_text(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

Result<std::array<unsigned char, 32>> read_key(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return key_error("không đọc được " + path, "cannot stat " + path + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return key_error(path + " không phải tệp thường", path + " is not a regular file");
  if ((st.st_mode & 077) != 0)
    return key_error(path + " cho phép nhóm hoặc người khác đọc (quyền " + mode_text(st.st_mode) +
                         "); hãy chạy: chmod 600 " + path,
                     path + " is readable by group or others (mode " + mode_text(st.st_mode) +
                         "); refusing to start. Run: chmod 600 " + path);
  char buf[256];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n < 0) return key_error("không đọc được " + path, "cannot read " + path + ": " + std::strerror(errno));
  std::string text(buf, static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  std::array<unsigned char, 32> key{};
  std::size_t bin_len = 0;
  const char* end = nullptr;
  if (text.size() != 64 ||
      sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &bin_len, &end) != 0 ||
      bin_len != key.size() || end != text.data() + text.size())
    return key_error(path + " không chứa khóa hợp lệ (64 chữ số hex)",
                     path + " does not hold a valid key (64 hex digits)");
  return key;
}

// Creates the key file exclusively with mode 0600 and syncs it (and its directory) to disk.
// Returns false in `created` when another process created it first.
Result<bool> create_key_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    return key_error("không tạo được " + path, "cannot create " + path + ": " + std::strerror(errno));
  }
  std::array<unsigned char, 32> key{};
  crypto_kdf_keygen(key.data());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  std::string line = std::string(hex, 64) + "\n";
  sodium_memzero(hex, sizeof hex);
  bool ok = fchmod(fd, 0600) == 0 && ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            fsync(fd) == 0;
  int saved = errno;
  sodium_memzero(line.data(), line.size());
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return key_error("không ghi được " + path, "cannot write " + path + ": " + std::strerror(saved));
  }
  auto dir = std::filesystem::path(path).parent_path();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace

Result<FieldCrypto> FieldCrypto::open_or_create(const std::string& key_file) {
  if (sodium_init() < 0) return Error::internal("libsodium init failed");
  if (key_file.empty()) return key_error("chưa chỉ định đường dẫn", "no path given");
  for (int attempt = 0; attempt < 2; ++attempt) {
    int fd = ::open(key_file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      auto key = read_key(fd, key_file);
      ::close(fd);
      if (!key.ok()) return key.error();
      FieldCrypto c;
      c.derive(key->data());
      sodium_memzero(key->data(), key->size());
      return c;
    }
    if (errno != ENOENT)
      return key_error("không mở được " + key_file, "cannot open " + key_file + ": " + std::strerror(errno));
    ANTOAN_TRY(create_key_file(key_file));  // created, or lost a race: read it next round
  }
  return key_error("không đọc được " + key_file, "cannot read " + key_file);
}

FieldCrypto FieldCrypto::from_master_key(const std::array<unsigned char, kKeyBytes>& master) {
  if (sodium_init() < 0) std::abort();  // libsodium cannot work at all: nothing safe to do
  FieldCrypto c;
  c.derive(master.data());
  return c;
}

void FieldCrypto::derive(const unsigned char* master) {
  crypto_kdf_derive_from_key(box_key_.data(), box_key_.size(), 1, kKdfContext, master);
  crypto_kdf_derive_from_key(hash_key_.data(), hash_key_.size(), 2, kKdfContext, master);
}

FieldCrypto::FieldCrypto(FieldCrypto&& other) noexcept : box_key_(other.box_key_), hash_key_(other.hash_key_) {
  sodium_memzero(other.box_key_.data(), other.box_key_.size());
  sodium_memzero(other.hash_key_.data(), other.hash_key_.size());
}

FieldCrypto& FieldCrypto::operator=(FieldCrypto&& other) noexcept {
  if (this != &other) {
    box_key_ = other.box_key_;
    hash_key_ = other.hash_key_;
    sodium_memzero(other.box_key_.data(), other.box_key_.size());
    sodium_memzero(other.hash_key_.data(), other.hash_key_.size());
  }
  return *this;
}

FieldCrypto::~FieldCrypto() {
  sodium_memzero(box_key_.data(), box_key_.size());
  sodium_memzero(hash_key_.data(), hash_key_.size());
}

std::string FieldCrypto::seal(std::string_view plaintext) const {
  std::string raw(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(raw.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), nonce, box_key_.data());
  std::string out(kPrefix);
  std::string b64(sodium_base64_encoded_len(raw.size(), kBase64), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), kBase64);
  b64.resize(std::strlen(b64.c_str()));
  return out + b64;
}

Result<std::string> FieldCrypto::open(std::string_view sealed) const {
  auto bad = [] {
    return Error::make(ErrorCode::internal, "Dữ liệu mã hóa bị hỏng hoặc sai khóa",
                       "Encrypted field is damaged or was sealed with another key");
  };
  if (sealed.substr(0, kPrefix.size()) != kPrefix) return bad();
  std::string_view b64 = sealed.substr(kPrefix.size());
  std::string raw(b64.size(), '\0');  // decoded is never longer than the text
  std::size_t raw_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), b64.data(), b64.size(), nullptr,
                        &raw_len, &end, kBase64) != 0 ||
      end != b64.data() + b64.size())
    return bad();
  if (raw_len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return bad();
  const auto* nonce = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t clen = raw_len - crypto_secretbox_NONCEBYTES;
  std::string plain(clen - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), nonce + crypto_secretbox_NONCEBYTES,
                                 clen, nonce, box_key_.data()) != 0)
    return bad();
  return plain;
}

std::string FieldCrypto::keyed_hash(std::string_view data) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     hash_key_.data(), hash_key_.size());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

}  // namespace antoan::security

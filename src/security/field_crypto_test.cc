// Tests of field encryption: round trips, fresh nonces, tamper detection, keyed hashes, and the
// key file's creation (mode 0600) and refusal when it is readable by others or malformed.
#include "security/field_crypto.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "security/test_util.h"

namespace antoan::security {
namespace {

FieldCrypto test_crypto(unsigned char fill) {
  std::array<unsigned char, FieldCrypto::kKeyBytes> key{};
  key.fill(fill);
  return FieldCrypto::from_master_key(key);
}

TEST(FieldCrypto, SealThenOpenGivesBackThePlaintext) {
  FieldCrypto c = test_crypto(7);
  for (std::string plain : {std::string(), std::string("0912 345 678"), std::string("Nguyễn Thị Hoà, phòng 12"),
                            std::string("\0\x01\xff binary", 10), std::string(10000, 'x')}) {
    std::string sealed = c.seal(plain);
    EXPECT_EQ(sealed.rfind("v1:", 0), 0u);
    EXPECT_EQ(sealed.find(plain.empty() ? "\x01" : plain), std::string::npos);
    auto opened = c.open(sealed);
    ASSERT_TRUE(opened.ok()) << opened.error().message_en;
    EXPECT_EQ(*opened, plain);
  }
}

TEST(FieldCrypto, EachSealUsesAFreshNonce) {
  FieldCrypto c = test_crypto(7);
  EXPECT_NE(c.seal("same"), c.seal("same"));
}

TEST(FieldCrypto, AnyChangedCharacterFailsToOpen) {
  FieldCrypto c = test_crypto(7);
  std::string sealed = c.seal("0912345678");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string bad = sealed;
    bad[i] = bad[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(c.open(bad).ok()) << "position " << i;
  }
}

TEST(FieldCrypto, MalformedInputIsAnErrorNotACrash) {
  FieldCrypto c = test_crypto(7);
  std::string sealed = c.seal("x");
  for (std::string bad : {std::string(), std::string("v1:"), std::string("v2:") + sealed.substr(3),
                          sealed.substr(3), sealed.substr(0, sealed.size() - 4), std::string("v1:!!!!"),
                          std::string("v1:AAAA"), sealed + "AAAA", std::string("plain text")}) {
    EXPECT_FALSE(c.open(bad).ok()) << bad;
  }
}

TEST(FieldCrypto, AnotherKeyCannotOpen) {
  EXPECT_FALSE(test_crypto(8).open(test_crypto(7).seal("secret")).ok());
}

TEST(FieldCrypto, KeyedHashIsStablePerKeyAndDiffersAcrossKeys) {
  FieldCrypto a = test_crypto(1), b = test_crypto(2);
  EXPECT_EQ(a.keyed_hash("1234-5678-9012-3456"), a.keyed_hash("1234-5678-9012-3456"));
  EXPECT_NE(a.keyed_hash("1234-5678-9012-3456"), a.keyed_hash("1234-5678-9012-3457"));
  EXPECT_NE(a.keyed_hash("1234"), b.keyed_hash("1234"));
  EXPECT_EQ(a.keyed_hash("").size(), 64u);
  EXPECT_EQ(a.keyed_hash("x").find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(FieldCryptoKeyFile, CreatedWithMode0600AndReusedOnReopen) {
  auto dir = testing::fresh_temp_dir("keyfile");
  std::string path = (dir / "antoan.key").string();
  auto first = FieldCrypto::open_or_create(path);
  ASSERT_TRUE(first.ok()) << first.error().message_en;
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto second = FieldCrypto::open_or_create(path);
  ASSERT_TRUE(second.ok()) << second.error().message_en;
  auto opened = second->open(first->seal("still readable after restart"));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "still readable after restart");
  EXPECT_EQ(first->keyed_hash("r"), second->keyed_hash("r"));
}

TEST(FieldCryptoKeyFile, RefusesAKeyFileOthersCanRead) {
  auto dir = testing::fresh_temp_dir("keyfile");
  std::string path = (dir / "antoan.key").string();
  ASSERT_TRUE(FieldCrypto::open_or_create(path).ok());
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    auto c = FieldCrypto::open_or_create(path);
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message_en.find("chmod 600"), std::string::npos) << c.error().message_en;
    EXPECT_NE(c.error().message_vi.find("chmod 600"), std::string::npos);
  }
  ASSERT_EQ(chmod(path.c_str(), 0400), 0);  // read-only for the owner is fine
  EXPECT_TRUE(FieldCrypto::open_or_create(path).ok());
}

TEST(FieldCryptoKeyFile, RefusesMalformedKeysDirectoriesAndSymlinks) {
  auto dir = testing::fresh_temp_dir("keyfile");
  auto write_key = [&](const std::string& name, const std::string& text) {
    std::string p = (dir / name).string();
    std::ofstream(p) << text;
    chmod(p.c_str(), 0600);
    return p;
  };
  EXPECT_FALSE(FieldCrypto::open_or_create(write_key("short.key", "abcd\n")).ok());
  EXPECT_FALSE(FieldCrypto::open_or_create(write_key("nothex.key", std::string(64, 'z') + "\n")).ok());
  EXPECT_FALSE(FieldCrypto::open_or_create(write_key("long.key", std::string(66, 'a') + "\n")).ok());
  EXPECT_FALSE(FieldCrypto::open_or_create(write_key("empty.key", "")).ok());
  EXPECT_TRUE(FieldCrypto::open_or_create(write_key("good.key", std::string(64, 'a') + "\n")).ok());
  std::filesystem::create_directories(dir / "adir");
  EXPECT_FALSE(FieldCrypto::open_or_create((dir / "adir").string()).ok());
  std::filesystem::create_symlink(dir / "good.key", dir / "link.key");
  EXPECT_FALSE(FieldCrypto::open_or_create((dir / "link.key").string()).ok());
  EXPECT_FALSE(FieldCrypto::open_or_create((dir / "missing_dir" / "antoan.key").string()).ok());
  EXPECT_FALSE(FieldCrypto::open_or_create("").ok());
}

}  // namespace
}  // namespace antoan::security

#include "scam/phone.h"

#include <gtest/gtest.h>

namespace antoan::scam {
namespace {

TEST(Phone, EveryPrefixStyleGivesE164) {
  for (const char* written : {"0912345678", "+84912345678", "84912345678", "0084912345678", "+84 0912345678",
                              "(+84) 912.345.678", "091-234-5678", "0912 345 678", "+84 (0) 912 345 678"})
    EXPECT_EQ(parse_phone(written).value_or("none"), "+84912345678") << written;
}

TEST(Phone, OldElevenDigitMobilesAreRenumbered) {
  EXPECT_EQ(parse_phone("01681234567").value_or(""), "+84381234567");
  EXPECT_EQ(parse_phone("01691234567").value_or(""), "+84391234567");
  EXPECT_EQ(parse_phone("0162 123 4567").value_or(""), "+84321234567");
  EXPECT_EQ(parse_phone("0167.123.4567").value_or(""), "+84371234567");
  EXPECT_EQ(parse_phone("01201234567").value_or(""), "+84701234567");
  EXPECT_EQ(parse_phone("01211234567").value_or(""), "+84791234567");
  EXPECT_EQ(parse_phone("01221234567").value_or(""), "+84771234567");
  EXPECT_EQ(parse_phone("01261234567").value_or(""), "+84761234567");
  EXPECT_EQ(parse_phone("01281234567").value_or(""), "+84781234567");
  EXPECT_EQ(parse_phone("01231234567").value_or(""), "+84831234567");
  EXPECT_EQ(parse_phone("01241234567").value_or(""), "+84841234567");
  EXPECT_EQ(parse_phone("01251234567").value_or(""), "+84851234567");
  EXPECT_EQ(parse_phone("01271234567").value_or(""), "+84811234567");
  EXPECT_EQ(parse_phone("01291234567").value_or(""), "+84821234567");
  EXPECT_EQ(parse_phone("01861234567").value_or(""), "+84561234567");
  EXPECT_EQ(parse_phone("01881234567").value_or(""), "+84581234567");
  EXPECT_EQ(parse_phone("01991234567").value_or(""), "+84591234567");
  EXPECT_EQ(parse_phone("+84 168 123 4567").value_or(""), "+84381234567");
  EXPECT_EQ(renumbered_mobile_prefix("0168"), "038");
  EXPECT_EQ(renumbered_mobile_prefix("0999"), "");
}

TEST(Phone, LandlinesAndHotlines) {
  EXPECT_EQ(parse_phone("024 3825 1234").value_or(""), "+842438251234");
  EXPECT_EQ(parse_phone("028.3822.1234").value_or(""), "+842838221234");
  EXPECT_EQ(parse_phone("0236 382 1234").value_or(""), "+842363821234");
  EXPECT_EQ(parse_phone("1900 1234").value_or(""), "+8419001234");
  EXPECT_EQ(parse_phone("1800 123 456").value_or(""), "+841800123456");
}

TEST(Phone, ForeignNumbersViaLibphonenumber) {
  EXPECT_EQ(parse_phone("+855 12 345 678").value_or(""), "+85512345678");
  EXPECT_FALSE(parse_phone("+999 1234 5678"));
}

TEST(Phone, RejectsNonNumbers) {
  for (const char* bad : {"", "0", "123456", "0123456789", "0951234567", "091234567", "09123456789", "5000000",
                          "0912a45678", "++84912345678", "00112345678", "1900123", "079123456789"})
    EXPECT_FALSE(parse_phone(bad)) << bad;
}

}  // namespace
}  // namespace antoan::scam

#include "text/normalize.h"

#include <gtest/gtest.h>

#include <random>

namespace antoan::text {
namespace {

TEST(ToNfc, ComposesDecomposedInput) {
  // "Việt Nam" typed with combining marks (NFD): e + dot below + circumflex.
  EXPECT_EQ(to_nfc("Vie\xCC\xA3\xCC\x82t Nam"), "Việt Nam");
  EXPECT_EQ(to_nfc("tie\xCC\x82\xCC\x80n"), "tiền");
}

TEST(ToNfc, UnifiesTonePlacementToClassicStyle) {
  EXPECT_EQ(to_nfc("hoà"), "hòa");
  EXPECT_EQ(to_nfc("hòa"), "hòa");
  EXPECT_EQ(to_nfc("khoẻ"), "khỏe");
  EXPECT_EQ(to_nfc("thuỷ"), "thủy");
  EXPECT_EQ(to_nfc("HOÀ BÌNH"), "HÒA BÌNH");
  EXPECT_EQ(to_nfc("Hoà"), "Hòa");
  // Decomposed new-style input ends up the same.
  EXPECT_EQ(to_nfc("hoa\xCC\x80"), "hòa");
}

TEST(ToNfc, LeavesSyllablesWithCodaOrQuAlone) {
  EXPECT_EQ(to_nfc("hoàng"), "hoàng");
  EXPECT_EQ(to_nfc("thuyền"), "thuyền");
  EXPECT_EQ(to_nfc("quý"), "quý");
  EXPECT_EQ(to_nfc("người"), "người");
  EXPECT_EQ(to_nfc("khuya"), "khuya");
  EXPECT_EQ(to_nfc("ngoài"), "ngoài");
}

TEST(ToNfc, RemovesInvisibleCharacters) {
  EXPECT_EQ(to_nfc("va\u200By ti\u200Dề\uFEFFn"), "vay tiền");
  EXPECT_EQ(to_nfc("l\u00ADừa"), "lừa");
  EXPECT_EQ(to_nfc("a\u202Eb\u2066c"), "abc");
}

TEST(ToNfc, DropsInvalidUtf8) {
  EXPECT_EQ(to_nfc(std::string("v\xFF" "ay\xC3")), "vay");
  EXPECT_EQ(to_nfc(std::string("\xED\xA0\x80x")), "x");  // surrogate
  EXPECT_EQ(to_nfc(std::string("\xC0\xAFy")), "y");      // overlong
  EXPECT_EQ(to_nfc(""), "");
}

TEST(Fold, StripsDiacriticsCaseAndD) {
  EXPECT_EQ(fold("Đường dây nóng"), "duong day nong");
  EXPECT_EQ(fold("ĐĂNG KÝ"), "dang ky");
  EXPECT_EQ(fold("Hoà Bình"), fold("HÒA BÌNH"));
  EXPECT_EQ(fold("Vie\xCC\xA3\xCC\x82t"), "viet");
}

TEST(Fold, CompatibilityAndLookalikes) {
  EXPECT_EQ(fold("ｖａｙ　ｔｉềｎ"), "vay tien");   // fullwidth
  EXPECT_EQ(fold("\xF0\x9D\x90\xAF\xF0\x9D\x90\x9A\xF0\x9D\x90\xB2"), "vay");  // math bold
  EXPECT_EQ(fold("v\u0430y"), "vay");  // Cyrillic а
}

TEST(Fold, LookalikeLettersFromOtherScriptsViaIcuSkeletons) {
  EXPECT_EQ(fold("CV\u0474"), "cvv");                  // Cyrillic Izhitsa Ѵ reads as V
  EXPECT_EQ(fold("\u0440\u0430y"), "pay");             // Cyrillic р, а
  EXPECT_EQ(fold("\u03BD\u03B1y"), "vay");             // Greek ν, α
  EXPECT_EQ(fold("ph\u00E1t \u1E71h\u01B0\u1EDFng"), "phat thuong");  // ṱ: marks stripped
  EXPECT_EQ(fold("Đường"), "duong");                     // Vietnamese letters are untouched
}

TEST(Matching, Teencode) {
  EXPECT_EQ(normalize_for_matching("ko dc"), "khong duoc");
  EXPECT_EQ(normalize_for_matching("k co j"), "khong co gi");
  EXPECT_EQ(normalize_for_matching("gửi stk"), "gui so tai khoan");
  EXPECT_EQ(normalize_for_matching("vay 500 k"), "vay 500 k");  // amount, not "không"
}

TEST(Matching, Leet) {
  EXPECT_EQ(normalize_for_matching("v4y t13n"), "vay tien");
  EXPECT_EQ(normalize_for_matching("h0 tr0 l0an"), "ho tro loan");
  EXPECT_EQ(normalize_for_matching("v@y"), "vay");
  EXPECT_EQ(normalize_for_matching("5tr 500k 24h"), "5tr 500k 24h");
}

TEST(Matching, JoinsSpacedAndDottedLetters) {
  EXPECT_EQ(normalize_for_matching("v a y tiền"), "vay tien");
  EXPECT_EQ(normalize_for_matching("l.ừ.a đ.ả.o"), "lua dao");
  EXPECT_EQ(normalize_for_matching("V-A-Y  nhanh"), "vay nhanh");
  EXPECT_EQ(normalize_for_matching("1 2 3"), "1 2 3");  // digits are not letters
  EXPECT_EQ(normalize_for_matching("a b"), "a b");      // two letters are not enough
}

TEST(Matching, CollapsesWhitespaceAndInvisible) {
  EXPECT_EQ(normalize_for_matching("  Vay\u200B  \n tiền   "), "vay tien");
}

TEST(Tokenize, SplitsOnPunctuation) {
  auto t = tokenize("vay tien, lai suat 0%!  goi 0912");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0], "vay");
  EXPECT_EQ(t[4], "0");
  EXPECT_EQ(t[6], "0912");
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" ,.! ").empty());
}

TEST(AsciiSkeleton, KeepsCaseDropsMarks) {
  EXPECT_EQ(ascii_skeleton("Số TK: 0123"), "So TK: 0123");
  EXPECT_EQ(ascii_skeleton("Đ ０９"), "D 09");
  EXPECT_EQ(ascii_skeleton("a中b"), "a b");
  EXPECT_EQ(ascii_skeleton("0\u200B9"), "09");
}

TEST(BadInput, BinaryNoiseAndLargeTextAreBounded) {
  std::mt19937 rng(42);
  std::string noise(64 * 1024, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
  for (auto* fn : {&to_nfc, &fold, &normalize_for_matching, &ascii_skeleton}) {
    std::string out = fn(noise);
    EXPECT_LE(out.size(), noise.size() * 4);
  }
  std::string big;
  while (big.size() < 1024 * 1024) big += "Vay tiền nhanh hoà 0912.345.678 l.ừ.a ";
  EXPECT_FALSE(normalize_for_matching(big).empty());
  EXPECT_FALSE(tokenize(fold(big)).empty());
}

}  // namespace
}  // namespace antoan::text

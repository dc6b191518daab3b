// Tests of core: UTF-8 validation, ISO 8601 parsing/formatting, JSON field reading.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/json.h"
#include "core/utf8.h"

namespace antoan {
namespace {

TEST(Utf8, AcceptsVietnameseAndRejectsMalformed) {
  EXPECT_TRUE(is_valid_utf8("Công nhân Bắc Ninh – an toàn 😀"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xE1\xBA"));       // truncated
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));  // > U+10FFFF
  EXPECT_EQ(utf8_length("Bắc"), 3u);
}

TEST(Clock, ParsesAndFormatsIso8601) {
  EpochMs t;
  ASSERT_TRUE(parse_iso8601("2026-11-23T09:04:05.123Z", t));
  EXPECT_EQ(format_iso8601(t), "2026-11-23T09:04:05.123Z");
  ASSERT_TRUE(parse_iso8601("2026-11-23T16:04:05+07:00", t));
  EXPECT_EQ(format_iso8601(t), "2026-11-23T09:04:05.000Z");
  ASSERT_TRUE(parse_iso8601("2026-02-28", t));
  EXPECT_FALSE(parse_iso8601("2026-02-30", t));
  EXPECT_FALSE(parse_iso8601("2026-13-01", t));
  EXPECT_FALSE(parse_iso8601("yesterday", t));
  EXPECT_FALSE(parse_iso8601("2026-11-23T25:00", t));
}

TEST(JsonFields, ReportsTheFieldOfEachError) {
  auto bad = parse_json_object("[1]");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_FALSE(parse_json_object("{\"a\":\"\xff\"}").ok());
  auto j = parse_json_object(R"({"s":"  hi ","n":"x","i":5,"long":"abcdef"})");
  ASSERT_TRUE(j.ok());
  JsonFields f(*j);
  EXPECT_EQ(*f.string("s", 10), "hi");
  auto n = f.optional_number("n", 0, 1);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.error().field, "n");
  EXPECT_EQ(n.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(f.integer("i", 0, 3).error().code, ErrorCode::unprocessable);
  EXPECT_EQ(f.string("long", 3).error().code, ErrorCode::unprocessable);
  EXPECT_EQ(f.string("missing", 3).error().field, "missing");
}

}  // namespace
}  // namespace antoan

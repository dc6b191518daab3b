// Tests of the reports CSV reader: column order from the header, extra columns, quoting,
// category filter, duplicate coordinates merged, and a clear error with the line number for
// each kind of malformed input. Also the day helpers and EARS C2.
#include "hotspots/reports_csv.h"

#include <gtest/gtest.h>

#include <sstream>

#include "hotspots/days.h"
#include "hotspots/ears.h"

namespace antoan::hotspots {
namespace {

Result<ReportsCsvSummary> read(const std::string& text, ScanInputBuilder& builder,
                               std::optional<std::string> category = std::nullopt) {
  std::istringstream in(text);
  return read_reports_csv(in, ReportsCsvOptions{category}, builder);
}

std::string error_en(const std::string& text) {
  ScanInputBuilder b(0);
  auto r = read(text, b);
  return r.ok() ? "" : r.error().message_en;
}

TEST(ReportsCsv, TakesColumnOrderFromHeaderAndIgnoresExtraColumns) {
  ScanInputBuilder b(*parse_day("2025-03-10"));
  auto r = read(
      "\xEF\xBB\xBF" "Date,note,LAT,lon,category,id\r\n"
      "2025-03-01,\"hello, \"\"world\"\"\",21.0,105.8,scam,1\r\n"
      "2025-03-02,x,21.0000001,105.8,scam,2\n"
      "\n"
      "2025-03-03T23:30:00Z,\"multi\nline\",21.1,105.9,theft,3\n",
      b);
  ASSERT_TRUE(r.ok()) << r.error().message_en;
  EXPECT_EQ(r->rows, 3);
  EXPECT_EQ(r->kept, 3);
  ASSERT_EQ(b.input().cases.size(), 3u);
  EXPECT_EQ(b.location_count(), 2u);  // the first two points snap to the same location
  EXPECT_EQ(b.input().cases[0].day, *parse_day("2025-03-01"));
  // 23:30 UTC is 06:30 the next day in Vietnam.
  EXPECT_EQ(b.input().cases[2].day, *parse_day("2025-03-04"));
}

TEST(ReportsCsv, FiltersByCategory) {
  ScanInputBuilder b(0);
  auto r = read("id,category,lat,lon,date\n1,scam,21,105,2025-01-01\n2,theft,21,105,2025-01-01\n", b, "scam");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kept, 1);
  EXPECT_EQ(r->other_category, 1);
}

TEST(ReportsCsv, ReportsMalformedInputWithLineNumbers) {
  const std::string header = "id,category,lat,lon,date\n";
  EXPECT_NE(error_en("").find("empty CSV"), std::string::npos);
  EXPECT_NE(error_en("id,category,lat,date\n").find("missing column \"lon\""), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,105,2025-01-01\n2,scam,91,105,2025-01-01\n").find("line 3: invalid latitude"),
            std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,abc,105,2025-01-01\n").find("line 2: invalid latitude"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,181,2025-01-01\n").find("line 2: invalid longitude"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,nan,2025-01-01\n").find("line 2: invalid longitude"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,105,2025-02-30\n").find("line 2: invalid date"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,105,01/02/2025\n").find("line 2: invalid date"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,105\n").find("line 2: has 4 fields, expected 5"), std::string::npos);
  EXPECT_NE(error_en(header + "1,scam,21,105,2025-01-01,extra\n").find("line 2: has 6 fields"), std::string::npos);
  EXPECT_NE(error_en(header + "1,sc\xC3" "am,21,105,2025-01-01\n").find("line 2: invalid UTF-8"), std::string::npos);
  EXPECT_NE(error_en(header + "1,\"scam,21,105,2025-01-01\n").find("line 2: unterminated"), std::string::npos);
  EXPECT_NE(error_en(header + "1,sc\"a\"m,21,105,2025-01-01\n").find("line 2: stray quote"), std::string::npos);
  EXPECT_NE(error_en(header + "1,,21,105,2025-01-01\n").find("line 2: empty category"), std::string::npos);
  // Errors carry a Vietnamese message too.
  ScanInputBuilder b(0);
  auto r = read(header + "1,scam,21,105,bad\n", b);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message_vi.find("Dòng 2"), std::string::npos);
}

TEST(Days, ParseFormatAndVietnamTime) {
  EXPECT_EQ(format_day(*parse_day("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parse_day("2023-02-29"));
  EXPECT_FALSE(parse_day("2023-13-01"));
  EXPECT_FALSE(parse_day("2023-1-01"));
  EXPECT_EQ(parse_day_or_datetime("2025-03-03T10:00:00"), parse_day("2025-03-03"));
  EXPECT_EQ(parse_day_or_datetime("2025-03-03T17:00:00Z"), parse_day("2025-03-04"));
  EXPECT_EQ(parse_day_or_datetime("2025-03-03T16:59:59Z"), parse_day("2025-03-03"));
  EXPECT_EQ(parse_day_or_datetime("2025-03-03T01:00:00+07:00"), parse_day("2025-03-03"));
  const std::int32_t day = *parse_day("2025-03-03");
  EXPECT_EQ(vietnam_day(vietnam_day_start_ms(day)), day);
  EXPECT_EQ(vietnam_day(vietnam_day_start_ms(day) - 1), day - 1);
}

TEST(EarsC2, AlertsOnASpikeAboveTheBaselineOnly) {
  // Needs 7 baseline + 2 guard + today.
  EXPECT_FALSE(ears_c2({1, 2, 3}).enough_history);
  auto quiet = ears_c2({1, 0, 1, 2, 1, 0, 1, 5, 5, 1});
  EXPECT_TRUE(quiet.enough_history);
  EXPECT_FALSE(quiet.alert);
  auto spike = ears_c2({1, 0, 1, 2, 1, 0, 1, 1, 1, 8});
  EXPECT_TRUE(spike.alert);
  EXPECT_NEAR(spike.mean, 6.0 / 7, 1e-12);
  // A silent baseline: the sd floor avoids dividing by zero; one case is not an alert.
  EXPECT_FALSE(ears_c2({0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).alert);
  EXPECT_TRUE(ears_c2({0, 0, 0, 0, 0, 0, 0, 0, 0, 2}).alert);
}

}  // namespace
}  // namespace antoan::hotspots

#include <gtest/gtest.h>

#include "cases/export.h"

namespace antoan::cases {
namespace {

TEST(Export, FormulasAreNeutralised) {
  EXPECT_EQ(safe_cell("=1+1"), "'=1+1");
  EXPECT_EQ(safe_cell("+84912"), "'+84912");
  EXPECT_EQ(safe_cell("-2"), "'-2");
  EXPECT_EQ(safe_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(safe_cell("Nợ lương"), "Nợ lương");
  EXPECT_EQ(safe_cell(""), "");
}

TEST(Export, CsvQuotesAndKeepsUtf8) {
  Json items = Json::array({{{"id", 7}, {"category", "wages"}, {"summary", "Nợ \"lương\", tháng 9"}, {"overdue", true}},
                            {{"id", 8}, {"summary", "=HYPERLINK(\"x\")"}}});
  std::string csv = cases_to_csv(items);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFid,category,status", 0), 0u);
  EXPECT_NE(csv.find("\r\n7,wages,"), std::string::npos);
  EXPECT_NE(csv.find("\"Nợ \"\"lương\"\", tháng 9\""), std::string::npos);
  EXPECT_NE(csv.find(",1,"), std::string::npos);  // overdue as 1
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
}

TEST(Export, XlsxIsAZip) {
  Json items = Json::array({{{"id", 1}, {"category", "scam"}, {"summary", "Tin nhắn lừa đảo"}}});
  auto xlsx = cases_to_xlsx(items);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message_en;
  ASSERT_GT(xlsx->size(), 100u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

}  // namespace
}  // namespace antoan::cases

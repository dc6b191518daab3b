#include "cases/export.h"

#include <gtest/gtest.h>

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

TEST(Export, CsvHasPeoplesHeadersLabelsAndVietnamTime) {
  Json items = Json::array({{{"id", 7},
                             {"category", "wages"},
                             {"status", "in_progress"},
                             {"priority", "urgent"},
                             {"created_at", "2025-11-30T18:30:00.000Z"},  // 01:30 on 1 Dec in Vietnam
                             {"summary", "Nợ \"lương\", tháng 9"},
                             {"overdue_hours", 36}},
                            {{"id", 8}, {"summary", "=HYPERLINK(\"x\")"}}});
  std::string vi = cases_to_csv(items);
  EXPECT_EQ(vi.rfind("\xEF\xBB\xBFSố hồ sơ,Loại sự việc,Trạng thái,Mức ưu tiên", 0), 0u);
  EXPECT_NE(vi.find("\r\n7,\"Tiền lương, chế độ\",Đang xử lý,Khẩn cấp,"), std::string::npos) << vi;
  EXPECT_NE(vi.find(",01/12/2025 01:30,"), std::string::npos);
  EXPECT_NE(vi.find("\"Nợ \"\"lương\"\", tháng 9\""), std::string::npos);
  EXPECT_NE(vi.find(",36,"), std::string::npos);
  EXPECT_NE(vi.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
  for (const char *code : {"wages", "in_progress", "urgent", "category", "org_id", "T18:30"})
    EXPECT_EQ(vi.find(code), std::string::npos) << code;
  std::string en = cases_to_csv(items, true);
  EXPECT_NE(en.find("Case no.,Category,Status,Priority"), std::string::npos);
  EXPECT_NE(en.find("\r\n7,Wages & benefits,In progress,Urgent,"), std::string::npos) << en;
  EXPECT_NE(en.find(",2025-12-01 01:30,"), std::string::npos);
}

TEST(Export, CsvStreamPullsEveryPage) {
  // 2,500 cases over pages of 1,000: every row arrives, none twice.
  int calls = 0;
  ExportPages pages = [&calls](std::int64_t after, int limit) -> Result<Json> {
    ++calls;
    Json items = Json::array();
    for (std::int64_t id = after + 1; id <= std::min<std::int64_t>(after + limit, 2500); ++id)
      items.push_back({{"id", id}, {"category", "scam"}});
    return items;
  };
  ExportStream stream = csv_export(pages, false);
  std::string all, chunk;
  while (true) {
    chunk.clear();
    bool more = stream(chunk);
    all += chunk;
    if (!more) break;
  }
  std::size_t lines = 0;
  for (std::size_t at = all.find("\r\n"); at != std::string::npos; at = all.find("\r\n", at + 2)) ++lines;
  EXPECT_EQ(lines, 2501u);  // header + 2,500
  EXPECT_EQ(calls, 4);      // three pages and the empty one that ends it
  EXPECT_NE(all.find("\r\n2500,Lừa đảo"), std::string::npos);
}

TEST(Export, XlsxIsAZipWithDateCells) {
  Json items = Json::array(
      {{{"id", 1}, {"category", "scam"}, {"summary", "Tin nhắn lừa đảo"}, {"created_at", "2025-11-12T01:00:00Z"}}});
  auto xlsx = cases_to_xlsx(items);
  ASSERT_TRUE(xlsx.ok()) << xlsx.error().message_en;
  ASSERT_GT(xlsx->size(), 100u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

TEST(Export, HeadersForEveryColumnInBothLanguages) {
  for (const std::string &c : export_columns()) {
    EXPECT_NE(export_header(c, false), c);
    EXPECT_NE(export_header(c, true), c);
  }
}

}  // namespace
}  // namespace antoan::cases

#include "scam/registry.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "scam/registry_routes.h"
#include "security/audit.h"

namespace antoan::scam {
namespace {

std::unique_ptr<store::Db> fresh_db() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("antoan_registry_" + std::to_string(getpid()) + "_" + std::to_string(++counter));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = store::open_db((dir / "test.db").string());
  EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message_en);
  return db.ok() ? std::move(db).value() : nullptr;
}

security::Principal officer(security::Role role = security::Role::police_officer) {
  security::Principal p;
  p.user_id = 7;
  p.username = "officer";
  p.role = role;
  p.org_id = 1;
  p.org_path = "/1/";
  p.session_id = 1;
  return p;
}

Indicator phone(std::string v) { return Indicator{IndicatorKind::phone, std::move(v), "", "", false}; }

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = fresh_db();
    ASSERT_TRUE(db_);
    auto reg = Registry::load(*db_);
    ASSERT_TRUE(reg.ok());
    registry_ = std::move(reg).value();
  }
  void TearDown() override {
    registry_.reset();
    if (db_) db_->close();
  }

  Status report(const std::vector<Indicator>& inds, std::int64_t case_id) {
    Status st = db_->write([&](store::Tx& tx) { return record_reported(tx, inds, case_id); });
    if (st.ok()) return registry_->apply_committed(inds);
    return st;
  }

  std::int64_t audit_rows(const std::string& action) {
    auto rows = db_->query("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action});
    return rows.ok() ? (*rows)[0].i64(0) : -1;
  }

  std::unique_ptr<store::Db> db_;
  std::unique_ptr<Registry> registry_;
};

TEST_F(RegistryTest, UnknownIndicatorIsNotFound) {
  EXPECT_FALSE(registry_->find(IndicatorKind::phone, "+84912345678"));
  EXPECT_EQ(registry_->size(), 0u);
}

TEST_F(RegistryTest, ReportsCountOncePerCaseAndLink) {
  ASSERT_TRUE(report({phone("+84912345678"), Indicator{IndicatorKind::domain, "vay-nhanh.vn", "", "", false}}, 11).ok());
  auto e = registry_->find(IndicatorKind::phone, "+84912345678");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, IndicatorStatus::reported);
  EXPECT_EQ(e->report_count, 1);
  EXPECT_GT(e->first_seen_ms, 0);
  EXPECT_EQ(e->value, "+84912345678");

  ASSERT_TRUE(report({phone("+84912345678")}, 11).ok());  // same case again: not counted twice
  ASSERT_TRUE(report({phone("+84912345678"), phone("+84912345678")}, 12).ok());  // duplicates in one report
  e = registry_->find(IndicatorKind::phone, "+84912345678");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->report_count, 2);
  EXPECT_GE(e->last_seen_ms, e->first_seen_ms);

  auto links = db_->query("SELECT case_id FROM indicator_cases ORDER BY case_id");
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(links->size(), 3u);  // phone×11, domain×11, phone×12

  auto rec = registry_->get(officer(), e->id);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->case_ids, (std::vector<std::int64_t>{12, 11}));
  EXPECT_EQ(rec->case_count, 2);
}

TEST_F(RegistryTest, RolledBackReportLeavesIndexUnchanged) {
  Status st = db_->write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(record_reported(tx, {phone("+84987654321")}, 5));
    return Error::internal("intake failed later");
  });
  EXPECT_FALSE(st.ok());
  ASSERT_TRUE(registry_->apply_committed({phone("+84987654321")}).ok());
  EXPECT_FALSE(registry_->find(IndicatorKind::phone, "+84987654321"));
}

TEST_F(RegistryTest, LoadAndSyncSeeChangesMadeElsewhere) {
  // Written without going through this registry (another process, or a forgotten apply).
  ASSERT_TRUE(db_->write([&](store::Tx& tx) { return record_reported(tx, {phone("+84911111111")}, 0); }).ok());
  EXPECT_FALSE(registry_->find(IndicatorKind::phone, "+84911111111"));
  ASSERT_TRUE(registry_->sync().ok());
  EXPECT_TRUE(registry_->find(IndicatorKind::phone, "+84911111111"));

  auto reloaded = Registry::load(*db_);
  ASSERT_TRUE(reloaded.ok());
  auto e = (*reloaded)->find(IndicatorKind::phone, "+84911111111");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->report_count, 1);
}

TEST_F(RegistryTest, ConfirmAndClearAreAudited) {
  ASSERT_TRUE(report({phone("+84912345678")}, 1).ok());
  const std::int64_t id = registry_->find(IndicatorKind::phone, "+84912345678")->id;

  auto confirmed = registry_->confirm(officer(), id, "xác minh qua 3 vụ");
  ASSERT_TRUE(confirmed.ok()) << confirmed.error().message_en;
  EXPECT_EQ(confirmed->entry.status, IndicatorStatus::confirmed);
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84912345678")->status, IndicatorStatus::confirmed);
  EXPECT_EQ(audit_rows("indicator.confirm"), 1);

  auto no_reason = registry_->clear(officer(), id, "  ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");

  auto cleared = registry_->clear(officer(), id, "Số tổng đài thật của ngân hàng");
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->entry.status, IndicatorStatus::cleared);
  EXPECT_EQ(cleared->note, "Số tổng đài thật của ngân hàng");
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84912345678")->status, IndicatorStatus::cleared);
  EXPECT_EQ(audit_rows("indicator.clear"), 1);

  // A new report of a cleared indicator counts but does not undo the officer's decision.
  ASSERT_TRUE(report({phone("+84912345678")}, 2).ok());
  auto e = registry_->find(IndicatorKind::phone, "+84912345678");
  EXPECT_EQ(e->status, IndicatorStatus::cleared);
  EXPECT_EQ(e->report_count, 2);

  auto verified = security::verify_audit(*db_);
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok);
}

TEST_F(RegistryTest, OfficerActionsNeedPermission) {
  ASSERT_TRUE(report({phone("+84912345678")}, 1).ok());
  const std::int64_t id = registry_->find(IndicatorKind::phone, "+84912345678")->id;
  auto enterprise = officer(security::Role::enterprise_officer);
  EXPECT_EQ(registry_->confirm(enterprise, id, "").error().code, ErrorCode::forbidden);
  EXPECT_EQ(registry_->clear(enterprise, id, "x").error().code, ErrorCode::forbidden);
  EXPECT_EQ(registry_->add(enterprise, IndicatorKind::phone, "0912345678", "", IndicatorStatus::confirmed).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(registry_->list(enterprise, {}).error().code, ErrorCode::forbidden);
  EXPECT_EQ(registry_->import(enterprise, "0912345678\n", {}).error().code, ErrorCode::forbidden);
  EXPECT_EQ(registry_->confirm(officer(), 999999, "").error().code, ErrorCode::not_found);
  EXPECT_EQ(audit_rows("indicator.confirm"), 0);
}

TEST_F(RegistryTest, AddNormalisesAndRejectsBadValues) {
  auto added = registry_->add(officer(), IndicatorKind::phone, "0168 123 4567", "từ tin báo", IndicatorStatus::confirmed);
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(added->created);
  EXPECT_EQ(added->record.entry.value, "+84381234567");
  EXPECT_EQ(added->record.source, "officer");
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84381234567")->status, IndicatorStatus::confirmed);

  auto again = registry_->add(officer(), IndicatorKind::phone, "+84381234567", "", IndicatorStatus::confirmed);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->record.note, "từ tin báo");  // an empty note keeps the old one

  auto bad = registry_->add(officer(), IndicatorKind::phone, "12345", "", IndicatorStatus::confirmed);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "value");
  EXPECT_FALSE(registry_->add(officer(), IndicatorKind::domain, "vay.vn", std::string("\xFF"), IndicatorStatus::reported).ok());
  EXPECT_EQ(audit_rows("indicator.add"), 2);
}

TEST_F(RegistryTest, LookupAcceptsAnyWrittenForm) {
  ASSERT_TRUE(registry_->add(officer(), IndicatorKind::domain, "vay-nhanh.vn", "", IndicatorStatus::confirmed).ok());
  ASSERT_TRUE(registry_->add(officer(), IndicatorKind::bank_account, "0912345678", "", IndicatorStatus::reported).ok());
  auto l = registry_->lookup("vay-nhanh[.]vn");
  ASSERT_TRUE(l.entry);
  EXPECT_EQ(l.entry->status, IndicatorStatus::confirmed);
  l = registry_->lookup("https://WWW.Vay-Nhanh.vn");
  ASSERT_TRUE(l.entry);
  l = registry_->lookup("0912 345 678");  // unknown as a phone, known as an account
  ASSERT_TRUE(l.entry);
  EXPECT_EQ(l.parsed->kind, IndicatorKind::bank_account);
  l = registry_->lookup("0987 654 321");
  ASSERT_TRUE(l.parsed);
  EXPECT_FALSE(l.entry);
  EXPECT_FALSE(registry_->lookup("xin chào").parsed);
}

TEST_F(RegistryTest, ListFiltersAndSearches) {
  ASSERT_TRUE(report({phone("+84912345678"), Indicator{IndicatorKind::domain, "vay-nhanh.vn", "", "", false}}, 1).ok());
  ASSERT_TRUE(registry_->add(officer(), IndicatorKind::domain, "lua-dao.xyz", "", IndicatorStatus::confirmed).ok());
  auto all = registry_->list(officer(), {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 3);
  IndicatorQuery q;
  q.kind = IndicatorKind::domain;
  EXPECT_EQ(registry_->list(officer(), q)->total, 2);
  q.status = IndicatorStatus::confirmed;
  auto confirmed = registry_->list(officer(), q);
  ASSERT_EQ(confirmed->items.size(), 1u);
  EXPECT_EQ(confirmed->items[0].entry.value, "lua-dao.xyz");
  IndicatorQuery search;
  search.q = "0912 345 678";
  EXPECT_EQ(registry_->list(officer(), search)->total, 1);
  search.q = "NHANH";
  EXPECT_EQ(registry_->list(officer(), search)->total, 1);
  search.q = "100%_";
  EXPECT_EQ(registry_->list(officer(), search)->total, 0);
  IndicatorQuery bad;
  bad.limit = 0;
  EXPECT_EQ(registry_->list(officer(), bad).error().field, "limit");
  IndicatorQuery page;
  page.limit = 1;
  page.offset = 1;
  EXPECT_EQ(registry_->list(officer(), page)->items.size(), 1u);
}

TEST_F(RegistryTest, ImportPlainList) {
  auto rep = registry_->import(officer(),
                               "# blocklist\n0912 345 678\nvay-nhanh[.]vn\n\nhttps://bit.ly/AbC\n+84912345678\n", {});
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->committed);
  EXPECT_EQ(rep->rows, 4);
  EXPECT_EQ(rep->inserted, 3);
  EXPECT_EQ(rep->duplicates, 1);
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84912345678")->status, IndicatorStatus::confirmed);
  EXPECT_TRUE(registry_->find(IndicatorKind::url, "bit.ly/AbC"));
  EXPECT_EQ(audit_rows("indicator.import"), 1);
}

TEST_F(RegistryTest, ImportWithBadRowsImportsNothingAndReportsEachRow) {
  const std::string csv =
      "kind,value,status,note\n"
      "phone,0912345678,confirmed,\"từ công an, phường 1\"\n"
      "phone,12345,,\n"
      "email,a@b.c\n"
      "domain,vay-nhanh.vn,blocked\n"
      "domain,\"unbalanced\n"
      "bank_account,1903 4567 8901 23,reported,VCB\n";
  ImportOptions opts;
  opts.format = ImportFormat::csv;
  auto rep = registry_->import(officer(), csv, opts);
  ASSERT_TRUE(rep.ok());
  EXPECT_FALSE(rep->committed);
  EXPECT_EQ(rep->invalid, 4);
  ASSERT_EQ(rep->errors.size(), 4u);
  EXPECT_EQ(rep->errors[0].line, 3);
  EXPECT_EQ(rep->errors[1].line, 4);
  EXPECT_EQ(rep->errors[2].line, 5);
  EXPECT_EQ(rep->errors[3].line, 6);
  EXPECT_FALSE(rep->errors[0].message_vi.empty());
  EXPECT_FALSE(registry_->find(IndicatorKind::phone, "+84912345678"));
  auto count = db_->query("SELECT COUNT(*) FROM indicators");
  EXPECT_EQ((*count)[0].i64(0), 0);
  EXPECT_EQ(audit_rows("indicator.import"), 0);

  opts.skip_invalid = true;
  rep = registry_->import(officer(), csv, opts);
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->committed);
  EXPECT_EQ(rep->inserted, 2);
  EXPECT_EQ(rep->invalid, 4);
  auto e = registry_->find(IndicatorKind::bank_account, "19034567890123");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, IndicatorStatus::reported);
  auto rec = registry_->get(officer(), registry_->find(IndicatorKind::phone, "+84912345678")->id);
  EXPECT_EQ(rec->note, "từ công an, phường 1");
}

TEST_F(RegistryTest, ImportDefaultStatusNeverOverridesClear) {
  auto added = registry_->add(officer(), IndicatorKind::phone, "0912345678", "", IndicatorStatus::reported);
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(registry_->clear(officer(), added->record.entry.id, "số thật").ok());
  ASSERT_TRUE(report({phone("+84987654321")}, 3).ok());
  auto rep = registry_->import(officer(), "0912345678\n0987654321\n", {});
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->updated, 2);
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84912345678")->status, IndicatorStatus::cleared);
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84987654321")->status, IndicatorStatus::confirmed);
  EXPECT_EQ(registry_->find(IndicatorKind::phone, "+84987654321")->report_count, 1);
}

TEST_F(RegistryTest, ImportBadInput) {
  EXPECT_EQ(registry_->import(officer(), std::string("\xFF\xFE"), {}).error().code, ErrorCode::invalid_argument);
  auto empty = registry_->import(officer(), "", {});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->rows, 0);
  EXPECT_FALSE(empty->committed);
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk += "not an indicator " + std::to_string(i) + "\n";
  auto rep = registry_->import(officer(), junk, {});
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->invalid, 3000);
  EXPECT_EQ(rep->errors.size(), kMaxImportErrors);
}

TEST_F(RegistryTest, ConcurrentReadersWhileWriting) {
  std::atomic<bool> stop{false};
  std::atomic<long> lookups{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t)
    readers.emplace_back([&] {
      while (!stop) {
        (void)registry_->find(IndicatorKind::phone, "+84912345678");
        ++lookups;
      }
    });
  for (int i = 0; i < 50; ++i) {
    std::string v = "+8491234" + std::to_string(1000 + i);
    ASSERT_TRUE(report({phone(v)}, i + 1).ok());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(registry_->size(), 50u);
  EXPECT_GT(lookups.load(), 0);
}

class RegistryRoutesTest : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    register_registry_routes(router_, *registry_);
  }
  http::Response call(const std::string& method, const std::string& path, const std::string& body = "",
                      bool logged_in = true, const std::string& content_type = "application/json",
                      std::map<std::string, std::string> query = {}) {
    http::Request req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.query = std::move(query);
    if (!body.empty()) req.headers["content-type"] = content_type;
    if (logged_in) req.principal = officer();
    return router_.dispatch(req);
  }
  static Json json(const http::Response& r) { return Json::parse(r.body, nullptr, false); }

  http::Router router_;
};

TEST_F(RegistryRoutesTest, PublicLookup) {
  auto r = call("GET", "/api/v1/indicators/lookup", "", false, "", {{"value", "0912.345.678"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)["status"], "unknown");
  EXPECT_EQ(json(r)["value"], "+84912345678");

  ASSERT_TRUE(report({phone("+84912345678")}, 1).ok());
  r = call("GET", "/api/v1/indicators/lookup", "", false, "", {{"value", "+84 912 345 678"}});
  ASSERT_EQ(r.status, 200);
  Json j = json(r);
  EXPECT_EQ(j["kind"], "phone");
  EXPECT_EQ(j["status"], "reported");
  EXPECT_EQ(j["report_count"], 1);
  EXPECT_TRUE(j["first_seen"].is_string());
  EXPECT_FALSE(j.contains("id"));

  EXPECT_EQ(call("GET", "/api/v1/indicators/lookup", "", false).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/indicators/lookup", "", false, "", {{"value", "xin chao"}}).status, 422);
}

TEST_F(RegistryRoutesTest, OfficerFlow) {
  EXPECT_EQ(call("POST", "/api/v1/indicators", R"({"kind":"domain","value":"vay-nhanh[.]vn"})", false).status, 401);
  auto r = call("POST", "/api/v1/indicators", R"({"kind":"domain","value":"vay-nhanh[.]vn","note":"x"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const std::int64_t id = json(r)["id"];
  EXPECT_EQ(json(r)["value"], "vay-nhanh.vn");
  EXPECT_EQ(call("POST", "/api/v1/indicators", R"({"kind":"email","value":"a"})").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/indicators", R"({"kind":"phone","value":"123"})").status, 422);

  r = call("POST", "/api/v1/indicators/" + std::to_string(id) + "/confirm");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)["status"], "confirmed");
  EXPECT_EQ(call("POST", "/api/v1/indicators/" + std::to_string(id) + "/clear", "{}").status, 400);
  r = call("POST", "/api/v1/indicators/" + std::to_string(id) + "/clear", R"({"reason":"trang thật"})");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json(r)["status"], "cleared");
  EXPECT_EQ(call("POST", "/api/v1/indicators/999/confirm").status, 404);
  EXPECT_EQ(call("POST", "/api/v1/indicators/abc/confirm").status, 404);

  r = call("GET", "/api/v1/indicators", "", true, "", {{"status", "cleared"}, {"kind", "domain"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json(r)["total"], 1);
  EXPECT_EQ(call("GET", "/api/v1/indicators", "", true, "", {{"limit", "x"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/indicators", "", true, "", {{"status", "bad"}}).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/indicators/" + std::to_string(id)).status, 200);
}

TEST_F(RegistryRoutesTest, Import) {
  auto r = call("POST", "/api/v1/indicators/import", "kind,value\nphone,0912345678\nphone,bad\n", true, "text/csv");
  ASSERT_EQ(r.status, 422) << r.body;
  Json j = json(r);
  EXPECT_EQ(j["error"]["code"], "unprocessable");
  EXPECT_EQ(j["report"]["errors"][0]["line"], 3);
  EXPECT_FALSE(registry_->find(IndicatorKind::phone, "+84912345678"));

  r = call("POST", "/api/v1/indicators/import", "0912345678\nvay.vn\n", true, "text/plain");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json(r)["inserted"], 2);
  EXPECT_EQ(call("POST", "/api/v1/indicators/import", "x", true, "application/pdf").status, 415);
}

TEST(RegistryIndexTest, GrowsAndKeepsNewestVersion) {
  RegistryIndex index;
  for (int i = 0; i < 5000; ++i) {
    RegistryIndex::Record r;
    r.key = RegistryIndex::key_of(IndicatorKind::phone, std::to_string(i));
    r.id = i + 1;
    r.version = 2;
    index.apply(r);
  }
  EXPECT_EQ(index.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    auto* r = index.find(RegistryIndex::key_of(IndicatorKind::phone, std::to_string(i)));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->id, i + 1);
  }
  EXPECT_EQ(index.find(RegistryIndex::key_of(IndicatorKind::domain, "0")), nullptr);
  RegistryIndex::Record old;
  old.key = RegistryIndex::key_of(IndicatorKind::phone, "1");
  old.id = 99;
  old.version = 1;
  EXPECT_FALSE(index.apply(old));
  EXPECT_EQ(index.find(old.key)->id, 2);
}

}  // namespace
}  // namespace antoan::scam

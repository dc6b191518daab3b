// Tests of the hash-chained audit log: appends inside write transactions verify; editing a
// row, deleting a middle row, deleting the newest rows, or touching the head is detected.
#include "security/audit.h"

#include <gtest/gtest.h>

#include "security/test_util.h"

namespace antoan::security {
namespace {

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::fresh_db("audit");
    ASSERT_NE(db_, nullptr);
  }
  void append_n(int n) {
    for (int i = 0; i < n; ++i) {
      AuditEntry e{std::int64_t{42}, "user", "case.transition", "case", std::to_string(i),
                   Json{{"from", "new"}, {"to", "triaged"}, {"n", i}}};
      ASSERT_TRUE(db_->write([&](store::Tx& tx) { return append_audit(tx, e); }).ok());
    }
  }
  AuditVerification verify() {
    auto v = verify_audit(*db_);
    EXPECT_TRUE(v.ok()) << v.error().message_en;
    return v.ok() ? *v : AuditVerification{false, 0, std::nullopt, "error"};
  }
  void sql(const std::string& s) { ASSERT_TRUE(db_->exec(s).ok()) << s; }

  std::unique_ptr<store::Db> db_;
};

TEST_F(AuditTest, EmptyLogVerifies) {
  auto v = verify();
  EXPECT_TRUE(v.ok);
  EXPECT_EQ(v.rows_checked, 0);
}

TEST_F(AuditTest, AppendedRowsVerifyAndChain) {
  append_n(5);
  auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, 5);
  auto rows = db_->query("SELECT id, prev_hash, hash, actor_user_id, details FROM audit_log ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 5u);
  EXPECT_EQ((*rows)[0].str(1), std::string(64, '0'));
  for (std::size_t i = 1; i < 5; ++i) EXPECT_EQ((*rows)[i].str(1), (*rows)[i - 1].str(2));
  EXPECT_EQ((*rows)[0].i64(3), 42);
  EXPECT_NE((*rows)[2].str(4).find("\"n\":2"), std::string::npos);
}

TEST_F(AuditTest, SystemEntriesWithoutActorVerify) {
  AuditEntry e{std::nullopt, "system", "retention.purge", "report", "", Json::object()};
  ASSERT_TRUE(db_->write([&](store::Tx& tx) { return append_audit(tx, e); }).ok());
  append_n(1);
  EXPECT_TRUE(verify().ok);
}

TEST_F(AuditTest, ManyRowsAcrossPagesVerify) {
  ASSERT_TRUE(db_->write([&](store::Tx& tx) -> Status {
                   for (int i = 0; i < 2500; ++i)
                     ANTOAN_TRY(append_audit(tx, AuditEntry{std::nullopt, "system", "x", "y", std::to_string(i)}));
                   return {};
                 }).ok());
  auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, 2500);
}

TEST_F(AuditTest, RolledBackChangeLeavesNoAuditRow) {
  append_n(2);
  Status st = db_->write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(append_audit(tx, AuditEntry{std::nullopt, "system", "x", "y", "1"}));
    return Error::conflict("x", "x");
  });
  EXPECT_FALSE(st.ok());
  append_n(1);
  auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, 3);
}

TEST_F(AuditTest, DetectsAnEditedField) {
  append_n(5);
  for (const char* edit : {"UPDATE audit_log SET details = '{\"n\":99}' WHERE id = 3",
                           "UPDATE audit_log SET actor_user_id = 1 WHERE id = 3",
                           "UPDATE audit_log SET actor_user_id = NULL WHERE id = 3",
                           "UPDATE audit_log SET at = at + 1 WHERE id = 3",
                           "UPDATE audit_log SET action = 'case.view' WHERE id = 3",
                           "UPDATE audit_log SET entity_id = '7' WHERE id = 3"}) {
    auto fresh = testing::fresh_db("audit");
    db_ = std::move(fresh);
    append_n(5);
    sql(edit);
    auto v = verify();
    EXPECT_FALSE(v.ok) << edit;
    EXPECT_EQ(v.first_bad_id, 3) << edit;
    EXPECT_NE(v.problem.find("edited"), std::string::npos) << v.problem;
  }
}

TEST_F(AuditTest, DetectsAnEditWhoseHashWasRecomputedByTheNextLink) {
  append_n(5);
  sql("UPDATE audit_log SET hash = '" + std::string(64, 'a') + "' WHERE id = 3");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);  // its own content no longer matches
  // Even a consistent forgery of row 3 breaks row 4's link.
  auto fresh = testing::fresh_db("audit");
  db_ = std::move(fresh);
  append_n(5);
  sql("UPDATE audit_log SET prev_hash = '" + std::string(64, 'b') + "' WHERE id = 4");
  v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 4);
}

TEST_F(AuditTest, DetectsADeletedMiddleRow) {
  append_n(5);
  sql("DELETE FROM audit_log WHERE id = 3");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_NE(v.problem.find("missing"), std::string::npos) << v.problem;
}

TEST_F(AuditTest, DetectsADeletedFirstRow) {
  append_n(3);
  sql("DELETE FROM audit_log WHERE id = 1");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 1);
}

TEST_F(AuditTest, DetectsDeletedNewestRows) {
  append_n(5);
  sql("DELETE FROM audit_log WHERE id >= 4");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 4);
  EXPECT_NE(v.problem.find("newest"), std::string::npos) << v.problem;
}

TEST_F(AuditTest, DetectsTheWholeLogDeleted) {
  append_n(2);
  sql("DELETE FROM audit_log");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 1);
}

TEST_F(AuditTest, DetectsATamperedOrMissingHead) {
  append_n(2);
  sql("UPDATE audit_head SET last_id = 1, last_hash = (SELECT hash FROM audit_log WHERE id = 1), row_count = 1");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  sql("DELETE FROM audit_head");
  v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.problem.find("head"), std::string::npos);
  // Appending without a head refuses rather than starting a new chain.
  Status st = db_->write([&](store::Tx& tx) { return append_audit(tx, AuditEntry{std::nullopt, "system", "x", "y", ""}); });
  EXPECT_FALSE(st.ok());
}

TEST_F(AuditTest, DetectsAnAppendedForgedRow) {
  append_n(2);
  sql("INSERT INTO audit_log (id, at, actor_kind, action, entity, entity_id, details, prev_hash, hash) "
      "SELECT 3, at, actor_kind, action, entity, entity_id, details, hash, hash FROM audit_log WHERE id = 2");
  auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
}

TEST_F(AuditTest, RejectsIncompleteEntries) {
  auto try_append = [&](AuditEntry e) { return db_->write([&](store::Tx& tx) { return append_audit(tx, e); }).ok(); };
  EXPECT_FALSE(try_append(AuditEntry{std::nullopt, "", "x", "y", ""}));
  EXPECT_FALSE(try_append(AuditEntry{std::nullopt, "system", "", "y", ""}));
  EXPECT_FALSE(try_append(AuditEntry{std::nullopt, "system", "x", "", ""}));
  EXPECT_FALSE(try_append(AuditEntry{std::nullopt, "system", "x", "y", "", Json::array()}));
  AuditEntry bad_utf8{std::nullopt, "system", "x", "y", "", Json{{"name", std::string("\xff\xfe")}}};
  EXPECT_TRUE(try_append(bad_utf8));  // stored with replacement characters, never a crash
  EXPECT_TRUE(verify().ok);
}

}  // namespace
}  // namespace antoan::security

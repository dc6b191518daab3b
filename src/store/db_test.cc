// Tests of the store: $N rewriting, the SQLite backend's reads, writes, group commit,
// savepoint isolation of a failing write, and migrations.
#include "store/db.h"

#include <gtest/gtest.h>

#include "store/testing.h"
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "store/migrations.h"

namespace antoan::store {
namespace {

std::string temp_db_path() { return (store::testing::fresh_temp_dir("store") / "test.db").string(); }

TEST(RewriteDollarParams, ReplacesParametersButNotQuotedText) {
  EXPECT_EQ(rewrite_dollar_params("SELECT $2, $1"), "SELECT ?2, ?1");
  EXPECT_EQ(rewrite_dollar_params("SELECT '$1', \"$2\", $3 -- $4\n"), "SELECT '$1', \"$2\", ?3 -- $4\n");
  EXPECT_EQ(rewrite_dollar_params("SELECT 'it''s $1' /* $2 */ , $10"), "SELECT 'it''s $1' /* $2 */ , ?10");
  EXPECT_EQ(rewrite_dollar_params("SELECT $ , $a"), "SELECT $ , $a");
}

TEST(SqliteDb, FilesAreTheOwnersAndErasedRowsAreOverwritten) {
  std::string path = temp_db_path();
  {
    // A database an older version left readable by everyone is closed to others on open.
    auto db = open_db(path);
    ASSERT_TRUE(db.ok());
    (*db)->close();
  }
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  auto db = open_db(path);
  ASSERT_TRUE(db.ok());
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 077, 0u);
  // What retention deletes is overwritten, not left in free pages.
  Result<std::int64_t> on = 0;
  ASSERT_TRUE((*db)->write([&](Tx& tx) -> Status {
                      ANTOAN_ASSIGN(auto rows, tx.query("PRAGMA secure_delete"));
                      on = rows[0].i64(0);
                      return {};
                    }).ok());
  EXPECT_EQ(*on, 1);
}

TEST(SqliteDb, BindsParametersByNumberNotByAppearance) {
  auto db = open_db(temp_db_path());
  ASSERT_TRUE(db.ok()) << db.error().message_en;
  auto rows = (*db)->query("SELECT $2, $1", {std::int64_t{1}, std::string("two")});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0].str(0), "two");
  EXPECT_EQ(rows->rows[0].i64(1), 1);
}

TEST(SqliteDb, WritesAreVisibleToReadersAndSurviveReopen) {
  std::string path = temp_db_path();
  {
    auto db = open_db(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").ok());
    ASSERT_TRUE((*db)->exec("INSERT INTO t (v) VALUES ($1)", {std::string("x")}).ok());
    auto rows = (*db)->query("SELECT v FROM t");
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->size(), 1u);
  }
  auto db = open_db(path);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ((*db)->query("SELECT count(*) FROM t")->rows[0].i64(0), 1);
}

TEST(SqliteDb, FailingWriteRollsBackOnlyItself) {
  auto db = open_db(temp_db_path());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)").ok());
  Status bad = (*db)->write([](Tx& tx) -> Status {
    ANTOAN_TRY(tx.exec("INSERT INTO t (v) VALUES ('a')"));
    return Error::conflict("x", "x");
  });
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ((*db)->query("SELECT count(*) FROM t")->rows[0].i64(0), 0);
  auto dup = (*db)->exec("INSERT INTO t (v) VALUES ('b')");
  ASSERT_TRUE(dup.ok());
  auto again = (*db)->exec("INSERT INTO t (v) VALUES ('b')");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST(SqliteDb, ConcurrentWritersAreAllCommitted) {
  auto db = open_db(temp_db_path());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v BIGINT)").ok());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) ASSERT_TRUE((*db)->exec("INSERT INTO t (v) VALUES ($1)", {std::int64_t{t * 100 + i}}).ok());
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ((*db)->query("SELECT count(*) FROM t")->rows[0].i64(0), 400);
}

TEST(SqliteDb, BadSqlIsAnErrorNotACrash) {
  auto db = open_db(temp_db_path());
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE((*db)->query("SELEC nonsense").ok());
  EXPECT_FALSE((*db)->exec("INSERT INTO missing VALUES (1)").ok());
}

TEST(Migrations, AreRecordedOnceAndPlaceholdersExpand) {
  std::string path = temp_db_path();
  { ASSERT_TRUE(open_db(path).ok()); }
  auto db = open_db(path);  // second open applies nothing new
  ASSERT_TRUE(db.ok());
  auto rows = (*db)->query("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0].i64(0), static_cast<std::int64_t>(embedded_migrations().size()));
  EXPECT_EQ(expand_placeholders("id {{id}}", Backend::sqlite), "id INTEGER PRIMARY KEY");
  EXPECT_NE(expand_placeholders("id {{id}}", Backend::postgres).find("IDENTITY"), std::string::npos);
}

}  // namespace
}  // namespace antoan::store

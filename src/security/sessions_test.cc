// Tests of server-side sessions: create/lookup, only the token's hash stored, idle and
// absolute timeouts, revocation, purge, and malformed tokens.
#include "security/sessions.h"

#include <gtest/gtest.h>

#include "security/test_util.h"

namespace antoan::security {
namespace {

class SessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    set_clock_offset_ms(0);
    db_ = testing::fresh_db("sessions");
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->exec("INSERT INTO organisations (id, path, scope_path, kind, name, created_at) "
                          "VALUES (1, '/1/', '/1/', 'national', 'Root', 0)")
                    .ok());
    ASSERT_TRUE(db_->exec("INSERT INTO users (id, username, display_name, password_hash, role, org_id, created_at) "
                          "VALUES (9, 'lan', 'Lan', '!', 'admin', 1, 0)")
                    .ok());
    store_ = std::make_unique<SessionStore>(*db_, SessionOptions{60'000, 300'000, 10'000});
  }
  void TearDown() override { set_clock_offset_ms(0); }

  NewSession create() {
    NewSession s;
    EXPECT_TRUE(db_->write([&](store::Tx& tx) -> Status {
                     ANTOAN_ASSIGN(s, store_->create(tx, 9, "127.0.0.1", "test"));
                     return {};
                   }).ok());
    return s;
  }
  std::optional<SessionRecord> lookup(const std::string& token) {
    auto r = store_->lookup(token);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::nullopt;
  }

  std::unique_ptr<store::Db> db_;
  std::unique_ptr<SessionStore> store_;
};

TEST_F(SessionsTest, CreatedSessionIsFoundByItsTokenOnly) {
  NewSession s = create();
  EXPECT_TRUE(looks_like_token(s.token));
  EXPECT_TRUE(looks_like_token(s.csrf_token));
  EXPECT_NE(s.token, s.csrf_token);
  auto rec = lookup(s.token);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->user_id, 9);
  EXPECT_EQ(rec->id, s.id);
  EXPECT_EQ(rec->csrf_token, s.csrf_token);
  // The raw token is nowhere in the table.
  auto rows = db_->query("SELECT token_hash FROM sessions");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].str(0), token_hash(s.token));
  EXPECT_EQ(db_->query("SELECT count(*) FROM sessions WHERE token_hash = $1 OR csrf_token = $1", {s.token})
                ->rows[0].i64(0), 0);
  EXPECT_FALSE(lookup(s.csrf_token));  // the CSRF token is not a session token
}

TEST_F(SessionsTest, MalformedAndUnknownTokensAreAnonymous) {
  create();
  for (std::string bad : {std::string(), std::string("x"), std::string(43, '!'), std::string(44, 'a'),
                          random_token().substr(1), std::string("' OR 1=1 --"), random_token()})
    EXPECT_FALSE(lookup(bad)) << bad;
}

TEST_F(SessionsTest, IdleTimeoutEndsASessionAndActivityExtendsIt) {
  NewSession s = create();
  set_clock_offset_ms(50'000);
  ASSERT_TRUE(lookup(s.token));  // touches last_seen (older than the 10 s interval)
  set_clock_offset_ms(100'000);  // 50 s after the touch: still alive
  ASSERT_TRUE(lookup(s.token));
  set_clock_offset_ms(161'000);  // 61 s idle
  EXPECT_FALSE(lookup(s.token));
}

TEST_F(SessionsTest, AbsoluteTimeoutEndsEvenAnActiveSession) {
  NewSession s = create();
  for (EpochMs t = 50'000; t < 300'000; t += 50'000) {
    set_clock_offset_ms(t);
    ASSERT_TRUE(lookup(s.token)) << t;
  }
  set_clock_offset_ms(300'001);
  EXPECT_FALSE(lookup(s.token));
}

TEST_F(SessionsTest, RevokeAndPurge) {
  NewSession a = create(), b = create(), c = create();
  ASSERT_TRUE(db_->write([&](store::Tx& tx) { return store_->revoke(tx, a.id); }).ok());
  EXPECT_FALSE(lookup(a.token));
  EXPECT_TRUE(lookup(b.token));
  ASSERT_TRUE(db_->write([&](store::Tx& tx) { return store_->revoke_all_of_user(tx, 9); }).ok());
  EXPECT_FALSE(lookup(b.token));
  EXPECT_FALSE(lookup(c.token));
  create();
  set_clock_offset_ms(0);
  EXPECT_EQ(store_->purge_expired().value_or(-1), 0);
  set_clock_offset_ms(70'000);
  EXPECT_EQ(store_->purge_expired().value_or(-1), 1);
}

TEST_F(SessionsTest, SessionForAMissingUserIsRefusedByTheDatabase) {
  Status st = db_->write([&](store::Tx& tx) -> Status {
    ANTOAN_TRY(store_->create(tx, 12345, "", ""));
    return {};
  });
  EXPECT_FALSE(st.ok());
}

}  // namespace
}  // namespace antoan::security

#pragma once
// Server-side login sessions. The browser holds a random 256-bit token in an HttpOnly cookie;
// the table holds only its BLAKE2b hash (a stolen DB copy cannot be replayed as a cookie),
// the user, a CSRF token, and the times that enforce an idle timeout (last_seen_at) and an
// absolute one (expires_at). last_seen_at is refreshed at most once per touch interval so a
// busy officer does not cost one DB write per request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "store/db.h"

namespace antoan::security {

struct SessionOptions {
  EpochMs idle_timeout_ms = 2LL * 3600 * 1000;       // 2 h without a request
  EpochMs absolute_timeout_ms = 12LL * 3600 * 1000;  // one working day, then log in again
  EpochMs touch_interval_ms = 60 * 1000;
};

struct NewSession {
  std::int64_t id = 0;
  std::string token;       // goes to the cookie; never stored
  std::string csrf_token;  // goes to the readable cookie and the login response
  EpochMs expires_at = 0;
};

struct SessionRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  EpochMs created_at = 0;
  EpochMs last_seen_at = 0;
  EpochMs expires_at = 0;
};

// A random 32-byte secret as URL-safe base64 without padding (43 characters).
std::string random_token();
// BLAKE2b-256 of a token, hex: what the DB stores instead of a token.
std::string token_hash(std::string_view token);
bool looks_like_token(std::string_view token);

class SessionStore {
 public:
  explicit SessionStore(store::Db& db, SessionOptions options = {});

  // Inside the caller's write transaction (so the login's audit row commits with it).
  Result<NewSession> create(store::Tx& tx, std::int64_t user_id, std::string_view remote_addr,
                            std::string_view user_agent);
  // The live session of a token, or nullopt (unknown, malformed, idle too long, expired).
  Result<std::optional<SessionRecord>> lookup(std::string_view token);
  Status revoke(store::Tx& tx, std::int64_t session_id);
  Status revoke_all_of_user(store::Tx& tx, std::int64_t user_id);
  // Deletes sessions past either timeout; returns how many.
  Result<std::int64_t> purge_expired();

  const SessionOptions& options() const { return options_; }

 private:
  store::Db& db_;
  SessionOptions options_;
};

}  // namespace antoan::security

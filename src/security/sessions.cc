#include "security/sessions.h"

#include <sodium.h>

#include <algorithm>

namespace antoan::security {

std::string random_token() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, variant);
  sodium_memzero(raw, sizeof raw);
  return out;
}

std::string token_hash(std::string_view token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool looks_like_token(std::string_view token) {
  return token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

SessionStore::SessionStore(store::Db& db, SessionOptions options) : db_(db), options_(options) {}

Result<NewSession> SessionStore::create(store::Tx& tx, std::int64_t user_id, std::string_view remote_addr,
                                        std::string_view user_agent) {
  if (sodium_init() < 0) return Error::internal("libsodium init failed");
  NewSession s;
  s.token = random_token();
  s.csrf_token = random_token();
  EpochMs now = now_ms();
  s.expires_at = now + options_.absolute_timeout_ms;
  ANTOAN_ASSIGN(store::Rows rows,
                tx.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, "
                         "remote_addr, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7) RETURNING id",
                         {token_hash(s.token), user_id, s.csrf_token, now, s.expires_at,
                          std::string(remote_addr.substr(0, 64)), std::string(user_agent.substr(0, 256))}));
  if (rows.empty()) return Error::internal("session insert returned no id");
  s.id = rows[0].i64(0);
  return s;
}

Result<std::optional<SessionRecord>> SessionStore::lookup(std::string_view token) {
  if (!looks_like_token(token)) return std::optional<SessionRecord>{};
  ANTOAN_ASSIGN(store::Rows rows, db_.query("SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at "
                                            "FROM sessions WHERE token_hash = $1",
                                            {token_hash(token)}));
  if (rows.empty()) return std::optional<SessionRecord>{};
  SessionRecord r{rows[0].i64(0), rows[0].i64(1), rows[0].str(2), rows[0].i64(3), rows[0].i64(4), rows[0].i64(5)};
  EpochMs now = now_ms();
  if (now >= r.expires_at || now >= r.last_seen_at + options_.idle_timeout_ms) return std::optional<SessionRecord>{};
  if (now - r.last_seen_at >= options_.touch_interval_ms) {
    ANTOAN_TRY(db_.exec("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1", {now, r.id}));
    r.last_seen_at = now;
  }
  return std::optional<SessionRecord>{r};
}

Status SessionStore::revoke(store::Tx& tx, std::int64_t session_id) {
  ANTOAN_TRY(tx.exec("DELETE FROM sessions WHERE id = $1", {session_id}));
  return {};
}

Status SessionStore::revoke_all_of_user(store::Tx& tx, std::int64_t user_id) {
  ANTOAN_TRY(tx.exec("DELETE FROM sessions WHERE user_id = $1", {user_id}));
  return {};
}

Result<std::int64_t> SessionStore::purge_expired() {
  EpochMs now = now_ms();
  return db_.exec("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
                  {now, now - options_.idle_timeout_ms});
}

}  // namespace antoan::security

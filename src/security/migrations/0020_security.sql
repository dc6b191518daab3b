-- Security: the hash-chained audit log with its head record, server-side sessions (only a
-- hash of each session token is stored) and API keys for systems (only a hash of each key).
CREATE TABLE audit_log (
  id {{id}},                        -- contiguous: 1, 2, 3, … (set explicitly from audit_head)
  at BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_kind TEXT NOT NULL,         -- user | reporter | system | api_key
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  details TEXT NOT NULL,            -- JSON object text, never reporter contact in clear
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- One row (id = 1): the last appended row, updated in the same transaction as every append,
-- so that deleting the newest rows (truncation) is detected too.
CREATE TABLE audit_head (
  id BIGINT PRIMARY KEY,
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  row_count BIGINT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash, row_count)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

CREATE TABLE sessions (
  id {{id}},
  token_hash TEXT NOT NULL UNIQUE,  -- BLAKE2b of the cookie token; the token itself is never stored
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,       -- absolute limit; the idle limit is checked against last_seen_at
  remote_addr TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_keys (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id),  -- the (system) user whose role and scope apply
  name TEXT NOT NULL,
  key_prefix TEXT NOT NULL,         -- first characters, to recognise a key in lists and logs
  key_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);

-- Notifications leave antoan through an outbox written in the same transaction as the change
-- that caused them; a delivery worker POSTs them to signed webhooks, retrying with back-off.
-- Pending deliveries survive restarts (they are rows, not memory).
CREATE TABLE outbox (
  id {{id}},
  event TEXT NOT NULL,              -- case.created | case.referred | case.referral_decided | case.escalated | case.reporter_reply
  body TEXT NOT NULL,               -- the exact JSON POSTed (ids, categories, status; no reporter text or contact)
  created_at BIGINT NOT NULL
);

CREATE TABLE webhooks (
  id {{id}},
  url TEXT NOT NULL,
  secret_enc TEXT NOT NULL,         -- HMAC key, sealed with the field key
  events TEXT NOT NULL,             -- comma-separated event names, or '*'
  active INTEGER NOT NULL DEFAULT 1,
  created_by_user BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE webhook_deliveries (
  id {{id}},
  outbox_id BIGINT NOT NULL REFERENCES outbox(id),
  webhook_id BIGINT NOT NULL REFERENCES webhooks(id),
  status TEXT NOT NULL,             -- pending | delivered | failed (gave up)
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  last_status INTEGER,
  delivered_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);

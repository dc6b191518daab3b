-- "This verdict was wrong": one tap by a worker on the checker's answer. Kept as little as
-- possible: no user, no address, no device, no time finer than the day. The message text is
-- stored only when the worker ticked "share the message" (long digit runs masked); otherwise
-- only a keyed hash of it (FieldCrypto::keyed_hash), which groups repeats and cannot be
-- reversed without the server's key. Officers review items into the retraining set.
CREATE TABLE scam_feedback (
  id {{id}},
  verdict TEXT NOT NULL,            -- what the checker answered: scam | suspicious | safe
  score_pct BIGINT NOT NULL,        -- its score, 0..100
  signals TEXT NOT NULL,            -- JSON array of the signal codes it named
  text_hash TEXT NOT NULL,          -- keyed hash of the normalised text
  text TEXT,                        -- only with the worker's consent
  created_day BIGINT NOT NULL,      -- epoch ms of the UTC day
  status TEXT NOT NULL,             -- new | added | dismissed
  reviewed_label TEXT,              -- scam | safe once added to the retraining set
  reviewed_by BIGINT,
  reviewed_at BIGINT
);
CREATE INDEX scam_feedback_status ON scam_feedback(status, id);
CREATE INDEX scam_feedback_hash ON scam_feedback(text_hash);

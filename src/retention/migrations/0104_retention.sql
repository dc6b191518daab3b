-- Retention: how long the contents of a finished case are kept. After the months of its
-- category since it was last touched in a finished state (resolved, closed, rejected), the
-- report's words, place, sealed contact, photos and the messages of its history are erased;
-- the case row (category, status, area, organisation, dates) stays for counts and reports, and
-- the audit log stays whole (its hashes never change).
CREATE TABLE retention_rules (
  category TEXT PRIMARY KEY,
  months INTEGER NOT NULL,          -- after the case finished
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
ALTER TABLE cases ADD COLUMN erased_at BIGINT;
CREATE INDEX cases_finished ON cases(status, updated_at);

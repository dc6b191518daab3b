-- Who decides (issue 20): an enterprise answers a case about itself (what it did, evidence, the
-- fix it proposes, and optionally a message for the reporter); the union or federation reviews
-- the answer and passes the message on, or keeps it back. The organisation that wrote each
-- event is kept, so the reporter always reads who wrote to them.
CREATE TABLE case_answers (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  org_id BIGINT NOT NULL REFERENCES organisations(id),  -- the answering enterprise
  author_user_id BIGINT,
  action_taken TEXT NOT NULL,
  evidence TEXT,
  proposed_fix TEXT,
  message_to_reporter TEXT,         -- reaches the reporter only once passed on
  status TEXT NOT NULL,             -- pending | passed_on | kept_back
  reviewed_by_user BIGINT,
  reviewed_at BIGINT,
  review_note TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX case_answers_case ON case_answers(case_id, id);

ALTER TABLE case_events ADD COLUMN actor_org_id BIGINT;       -- the organisation that wrote it
ALTER TABLE case_events ADD COLUMN relayed_by_org_id BIGINT;  -- the union that passed it on

-- Coordination between organisations: who else may see a case (referral, joint case,
-- escalation), referrals with their decision, links between cases, deadlines per category and
-- priority, and the due times / escalation state of each case.

-- Organisations (other than the place's) whose officers see a case. org_path is copied from
-- organisations.path so policy's case_filter can match it against a scope root with LIKE.
CREATE TABLE case_access (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  org_path TEXT NOT NULL,
  via TEXT NOT NULL,                -- referral | joint | escalation | routing
  source_id BIGINT,                 -- the referral id, when via a referral
  created_at BIGINT NOT NULL
);
CREATE INDEX case_access_case ON case_access(case_id);
CREATE INDEX case_access_org ON case_access(org_id);

-- A referral asks another organisation to take the case over (kind = referral) or informs it
-- and lets it work alongside (kind = joint). Both sides keep the history.
CREATE TABLE case_referrals (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,               -- referral | joint
  from_org_id BIGINT NOT NULL REFERENCES organisations(id),
  to_org_id BIGINT NOT NULL REFERENCES organisations(id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL,             -- pending | accepted | declined (joint: accepted at once)
  created_by_user BIGINT,
  created_at BIGINT NOT NULL,
  decided_by_user BIGINT,
  decided_at BIGINT,
  decision_note TEXT
);
CREATE INDEX case_referrals_case ON case_referrals(case_id);
CREATE INDEX case_referrals_to ON case_referrals(to_org_id, status);

-- Undirected link stored once with case_a < case_b.
CREATE TABLE case_links (
  id {{id}},
  case_a BIGINT NOT NULL REFERENCES cases(id),
  case_b BIGINT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,               -- duplicate | related
  reason TEXT,                      -- same_indicator | same_enterprise | same_house | other
  created_by_user BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (case_a, case_b)
);

-- Deadlines an admin can edit; minutes to acknowledge (leave "new") and to resolve.
CREATE TABLE case_deadlines (
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  ack_minutes BIGINT NOT NULL,
  resolve_minutes BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (category, priority)
);

ALTER TABLE cases ADD COLUMN ack_due_at BIGINT;
ALTER TABLE cases ADD COLUMN resolve_due_at BIGINT;
ALTER TABLE cases ADD COLUMN overdue_at BIGINT;       -- first seen overdue by the job
ALTER TABLE cases ADD COLUMN escalated_at BIGINT;
ALTER TABLE cases ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_resolve_due ON cases(resolve_due_at);

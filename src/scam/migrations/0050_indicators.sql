-- The scam-indicator registry: phones, domains, links, bank accounts and chat handles in
-- their normalised form (see src/scam/indicators.h), with a status set by reports and officers.
CREATE TABLE indicators (
  id {{id}},
  kind TEXT NOT NULL,               -- phone | domain | url | bank_account | handle
  value TEXT NOT NULL,              -- normalised (E.164, lower-case domain, digits, platform:name)
  status TEXT NOT NULL,             -- reported | confirmed | cleared
  report_count BIGINT NOT NULL DEFAULT 0,
  first_seen BIGINT NOT NULL,       -- epoch ms
  last_seen BIGINT NOT NULL,
  bank TEXT,                        -- bank_account: bank name when known
  platform TEXT,                    -- handle: telegram | zalo | facebook | …
  note TEXT,                        -- officer's note or the reason of the last clear
  source TEXT NOT NULL,             -- report | officer | import
  version BIGINT NOT NULL DEFAULT 1,-- +1 on every change: the in-memory index never applies an older row
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,                -- user id of the last officer change
  UNIQUE (kind, value)
);
CREATE INDEX indicators_status_kind ON indicators(status, kind);
CREATE INDEX indicators_updated ON indicators(updated_at);

-- Which cases reported which indicators (case ids come from the cases table; no foreign key
-- so that the registry can be loaded and tested on its own).
CREATE TABLE indicator_cases (
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  case_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (indicator_id, case_id)
);
CREATE INDEX indicator_cases_case ON indicator_cases(case_id);

-- Intake (reports, receipts, idempotency) and cases with their history.
CREATE TABLE reports (
  id {{id}},
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas(code),
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  enterprise_id BIGINT REFERENCES organisations(id),
  boarding_house_id BIGINT,
  incident_at BIGINT,
  channel TEXT NOT NULL,            -- web | api | hotline | chat | camera | import | meeting
  contact_enc TEXT,                 -- reporter contact, sealed with the field key (never clear)
  receipt_hash TEXT NOT NULL UNIQUE,-- keyed hash of the 16-digit receipt; the code is not stored
  idempotency_key TEXT UNIQUE,
  request_hash TEXT,                -- hash of the request body, to detect key reuse with other data
  created_by_user BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE cases (
  id {{id}},
  report_id BIGINT NOT NULL UNIQUE REFERENCES reports(id),
  category TEXT NOT NULL,
  status TEXT NOT NULL,             -- new triaged assigned in_progress resolved closed rejected reopened
  priority TEXT NOT NULL DEFAULT 'normal',  -- low | normal | high | urgent
  org_id BIGINT NOT NULL REFERENCES organisations(id),  -- responsible organisation
  place_path TEXT NOT NULL,         -- org path of the place: commune node or the enterprise under it
  area_code TEXT NOT NULL,
  enterprise_id BIGINT,
  boarding_house_id BIGINT,
  assignee_user_id BIGINT,
  created_by_user BIGINT,
  team_id BIGINT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  incident_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  last_reporter_activity_at BIGINT
);
CREATE INDEX cases_scope ON cases(place_path, category);
CREATE INDEX cases_org_status ON cases(org_id, status);
CREATE INDEX cases_created ON cases(created_at);
CREATE INDEX cases_category_created ON cases(category, created_at);

CREATE TABLE case_events (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  at BIGINT NOT NULL,
  actor_kind TEXT NOT NULL,         -- reporter | user | system
  actor_user_id BIGINT,
  kind TEXT NOT NULL,               -- created | transition | message | reporter_message | contact_revealed | note
  from_status TEXT,
  to_status TEXT,
  body TEXT,
  visible_to_reporter INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_events_case ON case_events(case_id, id);

-- Default routing table: category x area (province or commune code, '*' = anywhere) -> the
-- kind of organisation responsible; resolved to the nearest such office above the place.
CREATE TABLE routing_rules (
  id {{id}},
  category TEXT NOT NULL,           -- a category or '*'
  area_code TEXT NOT NULL,          -- a province/commune code or '*'
  org_kind TEXT,                    -- police | federation | union | authority: nearest office
  org_id BIGINT REFERENCES organisations(id),  -- or an explicit organisation
  position INTEGER NOT NULL         -- lower first
);

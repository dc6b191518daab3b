-- Boarding houses of workers and the self-management teams (tổ tự quản) that cover them,
-- with their members, monthly meetings, safety checks and the cases raised at meetings.
-- place_path is the org path of the area node the house/team belongs to (policy scoping).
CREATE TABLE housing_teams (
  id {{id}},
  name TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas(code),
  place_path TEXT NOT NULL,
  leader_user_id BIGINT REFERENCES users(id),
  leader_name TEXT NOT NULL,
  leader_phone TEXT,                -- printed on the posters of the team's houses: the leader's choice
  founded_on TEXT NOT NULL,         -- YYYY-MM-DD
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX housing_teams_place ON housing_teams(place_path);

CREATE TABLE boarding_houses (
  id {{id}},
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES areas(code),
  place_path TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  landlord_name TEXT,
  landlord_contact_enc TEXT,        -- sealed with the field key, like reporter contact
  rooms INTEGER NOT NULL DEFAULT 0,
  residents INTEGER NOT NULL DEFAULT 0,  -- workers living there
  team_id BIGINT REFERENCES housing_teams(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX boarding_houses_place ON boarding_houses(place_path);
CREATE INDEX boarding_houses_team ON boarding_houses(team_id);

CREATE TABLE house_safety_checks (
  id {{id}},
  house_id BIGINT NOT NULL REFERENCES boarding_houses(id),
  checked_on TEXT NOT NULL,         -- YYYY-MM-DD
  fire_extinguisher INTEGER NOT NULL,
  escape_route INTEGER NOT NULL,
  smoke_alarm INTEGER NOT NULL,
  electrical_safe INTEGER NOT NULL,
  notes TEXT,
  checked_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX house_safety_checks_house ON house_safety_checks(house_id, checked_on);

-- Only what the team needs to work together: a name, a role, a phone (sealed), a house.
CREATE TABLE team_members (
  id {{id}},
  team_id BIGINT NOT NULL REFERENCES housing_teams(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,               -- deputy | member
  phone_enc TEXT,
  house_id BIGINT REFERENCES boarding_houses(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX team_members_team ON team_members(team_id);

CREATE TABLE team_meetings (
  id {{id}},
  team_id BIGINT NOT NULL REFERENCES housing_teams(id),
  held_on TEXT NOT NULL,            -- YYYY-MM-DD
  attendance INTEGER NOT NULL,
  topics TEXT NOT NULL,
  notes TEXT,
  created_by BIGINT,
  idempotency_key TEXT UNIQUE,      -- a retried POST (patchy network) logs the meeting once
  created_at BIGINT NOT NULL
);
CREATE INDEX team_meetings_team ON team_meetings(team_id, held_on);

CREATE TABLE meeting_issues (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES team_meetings(id),
  case_id BIGINT NOT NULL REFERENCES cases(id),
  boarding_house_id BIGINT
);
CREATE INDEX meeting_issues_meeting ON meeting_issues(meeting_id);

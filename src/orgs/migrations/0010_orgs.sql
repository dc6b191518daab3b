-- Administrative areas (34 provinces of the 2025 structure, communes/wards) and the
-- organisation tree: national -> province -> commune nodes, with federations, police units,
-- authorities, enterprises and their grassroots unions attached.
CREATE TABLE areas (
  code TEXT PRIMARY KEY,            -- official code: province "01", commune "00004"
  name TEXT NOT NULL,               -- Vietnamese name, NFC
  name_folded TEXT NOT NULL,        -- lower case, no diacritics, for search
  level TEXT NOT NULL,              -- 'province' | 'commune'
  parent_code TEXT,                 -- province of a commune
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION
);
CREATE INDEX areas_parent ON areas(parent_code);

CREATE TABLE organisations (
  id {{id}},
  parent_id BIGINT REFERENCES organisations(id),
  path TEXT NOT NULL,               -- materialised path "/1/12/40/" (ids of ancestors and self)
  scope_path TEXT NOT NULL,         -- root of what its officers see: the area node an office
                                    -- (federation, police, authority) is attached to, or itself
  kind TEXT NOT NULL,               -- national | province | commune | federation | police |
                                    -- authority | enterprise | union
  name TEXT NOT NULL,
  area_code TEXT REFERENCES areas(code),
  enterprise_id BIGINT REFERENCES organisations(id),  -- a grassroots union's enterprise
  industrial_park TEXT,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION,
  created_at BIGINT NOT NULL
);
CREATE INDEX organisations_path ON organisations(path);
CREATE INDEX organisations_area ON organisations(area_code, kind);

CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,      -- argon2id (libsodium crypto_pwhash_str)
  role TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES organisations(id),
  categories TEXT NOT NULL DEFAULT '',  -- comma-separated explicit category scope; '' = role default
  team_id BIGINT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

-- Hotspot early warning: alerts of the daily run (space-time permutation scan and EARS C2)
-- and one row per daily run (to know whether today's run happened).
CREATE TABLE hotspot_alerts (
  id {{id}},
  category TEXT NOT NULL,
  as_of TEXT NOT NULL,              -- YYYY-MM-DD (Vietnam day): the last day the run scanned
  method TEXT NOT NULL,             -- spacetime_permutation | ears_c2
  center_lat DOUBLE PRECISION,
  center_lon DOUBLE PRECISION,
  radius_km DOUBLE PRECISION,
  area_code TEXT,                   -- ears_c2: the area; scan: NULL
  start_date TEXT NOT NULL,         -- YYYY-MM-DD, first day of the window
  end_date TEXT NOT NULL,           -- YYYY-MM-DD, = as_of
  observed BIGINT NOT NULL,
  expected DOUBLE PRECISION NOT NULL,
  llr DOUBLE PRECISION,             -- scan only
  p_value DOUBLE PRECISION,         -- scan only (Monte Carlo)
  statistic DOUBLE PRECISION,       -- ears_c2 only: (x - mean) / sd
  locations TEXT NOT NULL,          -- JSON array of {"lat","lon"} (scan) or [] (ears_c2)
  -- Scope for security::case_filter, as if the alert were a case: the common org path of
  -- the cases it counts; created_by_user/team_id stay NULL (no team sees area-wide alerts).
  place_path TEXT NOT NULL,
  created_by_user BIGINT,
  team_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX hotspot_alerts_as_of ON hotspot_alerts(as_of, category);

CREATE TABLE hotspot_runs (
  id {{id}},
  as_of TEXT NOT NULL UNIQUE,       -- YYYY-MM-DD
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  categories BIGINT NOT NULL,       -- categories scanned
  alerts BIGINT NOT NULL            -- alerts stored
);

-- Privacy at intake (issue: an employer never learns who reported or where they live).
-- 1. The exact spot is kept only when the reporter asked for help there; everything else is
--    rounded to ~100 m (three decimals of a degree), including what was stored before.
ALTER TABLE reports ADD COLUMN exact_location INTEGER NOT NULL DEFAULT 0;
UPDATE reports SET lat = ROUND(lat * 1000) / 1000.0, lon = ROUND(lon * 1000) / 1000.0 WHERE lat IS NOT NULL;
UPDATE cases SET lat = ROUND(lat * 1000) / 1000.0, lon = ROUND(lon * 1000) / 1000.0 WHERE lat IS NOT NULL;
-- 2. Clients' Idempotency-Keys and antoan's own keys (a meeting's issues) in separate namespaces,
--    so that no client can take a key an internal writer will use.
UPDATE reports SET idempotency_key = CASE WHEN channel = 'meeting' THEN 'internal/' ELSE 'client:' END
  || idempotency_key WHERE idempotency_key IS NOT NULL;

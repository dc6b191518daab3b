-- Folded organisation names (lower case, no diacritics) so /orgs?q= matches with or
-- without diacritics, and the lookups routing does on every report.
ALTER TABLE organisations ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
CREATE INDEX organisations_parent_kind ON organisations(parent_id, kind);
CREATE INDEX organisations_enterprise ON organisations(enterprise_id);

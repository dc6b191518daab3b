-- Webhooks belong to an organisation and receive only events of cases that organisation may see,
-- each delivery with its own body projected for that organisation (security/projection).
-- Webhooks made before this belonged to nobody and received everything: they become the root
-- organisation's, which sees everything, so nothing they receive changes.
ALTER TABLE webhooks ADD COLUMN org_id BIGINT REFERENCES organisations(id);
UPDATE webhooks SET org_id = (SELECT min(id) FROM organisations WHERE parent_id IS NULL) WHERE org_id IS NULL;
ALTER TABLE webhook_deliveries ADD COLUMN body TEXT;

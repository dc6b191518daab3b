-- Every audit row names the real actor: besides the user, the API key or the background job
-- that acted ("api_key:12", "job:overdue"). Rows with it are hashed with it (audit v2).
ALTER TABLE audit_log ADD COLUMN actor_ref TEXT;

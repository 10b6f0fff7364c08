-- An Idempotency-Key is bound to the request it first answered (a digest of its body): the same
-- key with a different body is refused. Keys expire (24 h) and are purged as new ones arrive.
ALTER TABLE idempotency_keys ADD COLUMN request_digest text;
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys(created_at);

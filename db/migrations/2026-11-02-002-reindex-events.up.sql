-- Replace the single-column index with a composite one, without blocking writes.
-- CONCURRENTLY cannot run in a transaction: the gate runs this file statement by statement.
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_user_id_created_at_idx ON events (user_id, created_at);
DROP INDEX CONCURRENTLY IF EXISTS events_user_id_idx;

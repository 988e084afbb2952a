CREATE INDEX CONCURRENTLY IF NOT EXISTS events_user_id_idx ON events (user_id);
DROP INDEX CONCURRENTLY IF EXISTS events_user_id_created_at_idx;

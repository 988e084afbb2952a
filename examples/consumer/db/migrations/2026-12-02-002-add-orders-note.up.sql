-- A nullable column without a default: metadata-only, but ALTER TABLE takes a brief ACCESS
-- EXCLUSIVE lock; lock_timeout keeps it from queueing behind a long transaction (and blocking
-- every query queued behind it).
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;

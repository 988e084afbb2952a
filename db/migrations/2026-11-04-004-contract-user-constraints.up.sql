-- Contract: validate in a separate migration (SHARE UPDATE EXCLUSIVE: reads and writes go on),
-- then SET NOT NULL, which skips its scan because a validated CHECK proves it.
SET lock_timeout = '5s';
ALTER TABLE events VALIDATE CONSTRAINT events_user_id_fkey;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;

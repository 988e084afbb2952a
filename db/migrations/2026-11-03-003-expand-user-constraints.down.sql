SET lock_timeout = '5s';
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_not_null;
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_user_id_fkey;

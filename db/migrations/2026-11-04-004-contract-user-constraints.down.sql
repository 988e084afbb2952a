-- A validated constraint cannot be un-validated: drop it and add it back NOT VALID, as before.
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE events DROP CONSTRAINT events_user_id_fkey;
ALTER TABLE events ADD CONSTRAINT events_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

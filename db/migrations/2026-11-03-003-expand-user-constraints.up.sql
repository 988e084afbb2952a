-- Expand: constraints that only check new rows. Each ADD takes its lock briefly (no scan).
SET lock_timeout = '5s';
ALTER TABLE events ADD CONSTRAINT events_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;

-- Nullable column without a default: metadata-only, a brief ACCESS EXCLUSIVE.
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN phone text;
COMMENT ON COLUMN users.phone IS 'PII: contact number, kept 365 days after account closure';

-- Vault storage. Values are only ever stored envelope-encrypted (AES-256-GCM under a per-value
-- data key, the data key wrapped by a KEK); the token is the additional data of both.
CREATE TABLE tokens (token TEXT PRIMARY KEY, field TEXT NOT NULL, key_version INTEGER NOT NULL, kek_version INTEGER NOT NULL, iv TEXT NOT NULL, ciphertext TEXT NOT NULL, wrap_iv TEXT NOT NULL, wrapped_key TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX tokens_expiry ON tokens (expires_at);
-- Who asked for what, allowed or not. Append-only.
CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, action TEXT NOT NULL, subject TEXT, outcome TEXT NOT NULL, reason TEXT, token_count INTEGER NOT NULL, tokens TEXT NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
-- Hash-chained attestation of every stored token: hash = sha256(prev_hash + canonical record).
CREATE TABLE attestations (seq INTEGER PRIMARY KEY, token TEXT NOT NULL, field TEXT NOT NULL, key_version INTEGER NOT NULL, created_at INTEGER NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TRIGGER attestations_no_update BEFORE UPDATE ON attestations BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;
CREATE TRIGGER attestations_no_delete BEFORE DELETE ON attestations BEGIN SELECT RAISE(ABORT, 'attestations are append-only'); END;

-- Corium accounts, SQLite. Mirrors migrations/postgres/0002_accounts.sql table for table.
-- Conventions as in 0001: instants are INTEGER seconds since the epoch (UTC); booleans INTEGER 0/1;
-- every row carries clinic_id (the tenant), except the two that exist before or without one
-- (login failures are keyed by what a stranger typed; setup tokens precede the first clinic).
-- No secret is stored in the clear: passwords as argon2id hashes, session, API and setup tokens
-- as BLAKE2b-256 hex digests.

-- A staff member's sign-in. The email is the sign-in name: lower case, unique across the whole
-- database (clinics share one sign-in page), copied from the staff record when the account is made.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  staff_id INTEGER NOT NULL UNIQUE REFERENCES staff(id),
  email TEXT NOT NULL UNIQUE CHECK (length(email) > 0),
  password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
  admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX accounts_by_clinic ON accounts (clinic_id);

-- Browser sessions: the cookie's token is known only by its digest; the CSRF token is not a
-- credential on its own (it is sent back to the page that holds the session).
CREATE TABLE auth_sessions (
  token_digest TEXT PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX auth_sessions_by_account ON auth_sessions (account_id);
CREATE INDEX auth_sessions_by_expiry ON auth_sessions (expires_at);

-- Bearer tokens for integrations. scopes: permission names separated by single spaces.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  token_digest TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  last_used_at INTEGER
) STRICT;
CREATE INDEX api_tokens_by_clinic ON api_tokens (clinic_id, account_id);

-- Failed sign-ins by key ("email:<address>" or "peer:<address>"), counted over a sliding window
-- so that every `corium serve` process sharing the database shares the limit.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_by_key ON login_failures (key, at);
CREATE INDEX login_failures_by_time ON login_failures (at);

-- First-run setup: one token, printed once by `corium serve` while no account exists. At most
-- one is unused at a time, so two servers starting together cannot both open a setup.
CREATE TABLE setup_tokens (
  token_digest TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;
CREATE UNIQUE INDEX setup_tokens_one_unused ON setup_tokens ((used_at IS NULL)) WHERE used_at IS NULL;

-- Corium clinical records, SQLite. Mirrors migrations/postgres/0001_records.sql table for table.
-- Conventions: instants are INTEGER seconds since the epoch (UTC); civil dates are TEXT YYYY-MM-DD;
-- depths are INTEGER micrometres; booleans are INTEGER 0/1. Every clinical row carries clinic_id
-- (the tenant). Signed and consent records are immutable: triggers refuse changes.

CREATE TABLE clinics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  UNIQUE (clinic_id, name)
) STRICT;

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  full_name TEXT NOT NULL CHECK (length(full_name) > 0),
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  jurisdiction TEXT NOT NULL DEFAULT '',
  licence_number TEXT NOT NULL DEFAULT '',
  licence_expires_on TEXT,
  supervising_physician_id INTEGER REFERENCES staff(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  UNIQUE (clinic_id, email)
) STRICT;

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  given_name TEXT NOT NULL CHECK (length(given_name) > 0),
  family_name TEXT NOT NULL CHECK (length(family_name) > 0),
  birth_date TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  fitzpatrick INTEGER CHECK (fitzpatrick BETWEEN 1 AND 6),
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX clients_by_name ON clients (clinic_id, family_name, given_name);
CREATE INDEX clients_by_birth_date ON clients (clinic_id, birth_date);

-- Each new intake is a new revision; earlier revisions are kept.
CREATE TABLE intakes (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  intake_json TEXT NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES staff(id),
  recorded_at INTEGER NOT NULL,
  UNIQUE (client_id, revision)
) STRICT;

-- The intake as judged, the decision, and the knowledge base that made it: re-derivable for years.
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  intake_id INTEGER NOT NULL REFERENCES intakes(id),
  as_of TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('proceed', 'proceed_with_caution', 'defer', 'refer', 'decline')),
  earliest_date TEXT,
  intake_json TEXT NOT NULL,
  decision_json TEXT NOT NULL,
  kb_version TEXT NOT NULL,
  kb_digest TEXT NOT NULL,
  screened_by INTEGER NOT NULL REFERENCES staff(id),
  screened_at INTEGER NOT NULL
) STRICT;
CREATE INDEX screenings_by_client ON screenings (clinic_id, client_id, as_of);

CREATE TABLE screening_overrides (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  prescriber_id INTEGER NOT NULL REFERENCES staff(id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  decided_at INTEGER NOT NULL
) STRICT;

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  indication TEXT NOT NULL,
  sessions INTEGER NOT NULL CHECK (sessions BETWEEN 1 AND 24),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 7 AND 365),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
  created_by INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE plan_zones (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  zone TEXT NOT NULL,
  planned_min_um INTEGER NOT NULL CHECK (planned_min_um >= 0),
  planned_max_um INTEGER NOT NULL CHECK (planned_max_um >= planned_min_um),
  cap_max_um INTEGER NOT NULL CHECK (planned_max_um <= cap_max_um),
  UNIQUE (plan_id, zone)
) STRICT;

-- What the client read and signed, exactly; never changed afterwards.
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  text_version TEXT NOT NULL,
  text_digest TEXT NOT NULL,
  items_json TEXT NOT NULL,
  signature TEXT NOT NULL CHECK (length(signature) > 0),
  signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
  photo_consent INTEGER NOT NULL DEFAULT 0 CHECK (photo_consent IN (0, 1)),
  witnessed_by INTEGER NOT NULL REFERENCES staff(id),
  signed_at INTEGER NOT NULL
) STRICT;

CREATE TABLE devices (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  model TEXT NOT NULL,
  kind TEXT NOT NULL,
  clearance TEXT NOT NULL DEFAULT '',
  cleared INTEGER NOT NULL CHECK (cleared IN (0, 1)),
  max_depth_um INTEGER NOT NULL CHECK (max_depth_um >= 0),
  serial TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (clinic_id, serial)
) STRICT;

CREATE TABLE cartridge_lots (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  lot_number TEXT NOT NULL CHECK (length(lot_number) > 0),
  model TEXT NOT NULL,
  needle_count INTEGER NOT NULL CHECK (needle_count > 0),
  needle_material TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  UNIQUE (clinic_id, lot_number)
) STRICT;

-- One sealed single-use cartridge; sessions.cartridge_id is UNIQUE, so a cartridge serves one
-- session only (brief EX-12), whatever the application code does.
CREATE TABLE cartridges (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  lot_id INTEGER NOT NULL REFERENCES cartridge_lots(id),
  unit_code TEXT NOT NULL,
  UNIQUE (lot_id, unit_code)
) STRICT;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('glide', 'anaesthetic', 'serum', 'calming', 'sunscreen', 'other')),
  lot_number TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  sterile INTEGER NOT NULL CHECK (sterile IN (0, 1)),
  labelled_for_broken_skin INTEGER NOT NULL CHECK (labelled_for_broken_skin IN (0, 1)),
  UNIQUE (clinic_id, name, lot_number)
) STRICT;
CREATE INDEX products_by_lot ON products (clinic_id, lot_number);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  consent_id INTEGER NOT NULL REFERENCES consents(id),
  screening_id INTEGER NOT NULL REFERENCES screenings(id),
  practitioner_id INTEGER NOT NULL REFERENCES staff(id),
  device_id INTEGER NOT NULL REFERENCES devices(id),
  cartridge_id INTEGER NOT NULL UNIQUE REFERENCES cartridges(id),
  performed_on TEXT NOT NULL,
  checklist_json TEXT NOT NULL,
  anaesthetic_json TEXT NOT NULL DEFAULT '{}',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  signed_by INTEGER REFERENCES staff(id),
  signed_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
) STRICT;
CREATE INDEX sessions_by_client ON sessions (clinic_id, client_id, performed_on);

CREATE TABLE session_zones (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  zone TEXT NOT NULL,
  depth_um INTEGER NOT NULL CHECK (depth_um >= 0),
  passes INTEGER NOT NULL CHECK (passes BETWEEN 1 AND 20),
  endpoint TEXT NOT NULL,
  speed TEXT NOT NULL DEFAULT '',
  override_by INTEGER REFERENCES staff(id),
  override_reason TEXT,
  UNIQUE (session_id, zone),
  CHECK ((override_by IS NULL) = (override_reason IS NULL))
) STRICT;

CREATE TABLE session_products (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  step TEXT NOT NULL
) STRICT;
CREATE INDEX session_products_by_product ON session_products (product_id);

CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  session_id INTEGER REFERENCES sessions(id),
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  byte_count INTEGER NOT NULL CHECK (byte_count > 0),
  kind TEXT NOT NULL CHECK (kind IN ('baseline', 'before', 'after', 'follow_up')),
  taken_at INTEGER NOT NULL,
  uploaded_by INTEGER NOT NULL REFERENCES staff(id)
) STRICT;

-- A correction sits beside the record it corrects; the original is never changed.
CREATE TABLE amendments (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  record_type TEXT NOT NULL CHECK (record_type IN ('session', 'consent', 'screening', 'adverse_event')),
  record_id INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  body_json TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX amendments_by_record ON amendments (clinic_id, record_type, record_id);

CREATE TABLE adverse_events (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  session_id INTEGER REFERENCES sessions(id),
  onset_on TEXT NOT NULL,
  description TEXT NOT NULL CHECK (length(description) > 0),
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
  causality TEXT NOT NULL CHECK (causality IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
  suspected_device_id INTEGER REFERENCES devices(id),
  suspected_lot_id INTEGER REFERENCES cartridge_lots(id),
  suspected_product_id INTEGER REFERENCES products(id),
  outcome TEXT NOT NULL DEFAULT 'ongoing' CHECK (outcome IN ('ongoing', 'resolved', 'resolved_with_sequelae', 'unknown')),
  escalation TEXT NOT NULL DEFAULT '',
  reported_by INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE outcome_assessments (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  client_id INTEGER NOT NULL REFERENCES clients(id),
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  scale TEXT NOT NULL,
  score REAL NOT NULL,
  time_point TEXT NOT NULL CHECK (time_point IN ('baseline', 'month_1', 'month_3', 'month_6', 'month_12', 'other')),
  assessed_on TEXT NOT NULL,
  assessed_by INTEGER NOT NULL REFERENCES staff(id),
  photo_ids_json TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- Who looked at or changed which record, when. Append-only: triggers refuse UPDATE and DELETE.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  clinic_id INTEGER NOT NULL REFERENCES clinics(id),
  actor_id INTEGER REFERENCES staff(id),
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id INTEGER,
  client_id INTEGER,
  at INTEGER NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_by_client ON audit_log (clinic_id, client_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER screenings_no_update BEFORE UPDATE ON screenings
BEGIN SELECT RAISE(ABORT, 'screenings are immutable'); END;
CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
BEGIN SELECT RAISE(ABORT, 'screenings are immutable'); END;

CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'signed consents are immutable'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'signed consents are immutable'); END;

CREATE TRIGGER signed_sessions_no_update BEFORE UPDATE ON sessions WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions are never deleted'); END;

CREATE TRIGGER signed_session_zones_no_change BEFORE UPDATE ON session_zones
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER signed_session_zones_no_insert BEFORE INSERT ON session_zones
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER session_zones_no_delete BEFORE DELETE ON session_zones
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;

CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are immutable'); END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are immutable'); END;

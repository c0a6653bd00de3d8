-- Corium clinical records, PostgreSQL. Mirrors migrations/sqlite/0001_records.sql table for table.
-- Conventions: instants are BIGINT seconds since the epoch (UTC); civil dates are TEXT YYYY-MM-DD;
-- depths are BIGINT micrometres; booleans are BIGINT 0/1. Every clinical row carries clinic_id
-- (the tenant). Signed and consent records are immutable: triggers refuse changes. Integers are
-- BIGINT and booleans 0/1 so that both engines hand the same values to the same queries.

CREATE TABLE clinics (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  time_zone TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE locations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  UNIQUE (clinic_id, name)
);

CREATE TABLE staff (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  full_name TEXT NOT NULL CHECK (length(full_name) > 0),
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  jurisdiction TEXT NOT NULL DEFAULT '',
  licence_number TEXT NOT NULL DEFAULT '',
  licence_expires_on TEXT,
  supervising_physician_id BIGINT REFERENCES staff(id),
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  UNIQUE (clinic_id, email)
);

CREATE TABLE clients (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  given_name TEXT NOT NULL CHECK (length(given_name) > 0),
  family_name TEXT NOT NULL CHECK (length(family_name) > 0),
  birth_date TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  fitzpatrick BIGINT CHECK (fitzpatrick BETWEEN 1 AND 6),
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX clients_by_name ON clients (clinic_id, family_name, given_name);
CREATE INDEX clients_by_birth_date ON clients (clinic_id, birth_date);

-- Each new intake is a new revision; earlier revisions are kept.
CREATE TABLE intakes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  revision BIGINT NOT NULL CHECK (revision >= 1),
  intake_json TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES staff(id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (client_id, revision)
);

-- The intake as judged, the decision, and the knowledge base that made it: re-derivable for years.
CREATE TABLE screenings (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  intake_id BIGINT NOT NULL REFERENCES intakes(id),
  as_of TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('proceed', 'proceed_with_caution', 'defer', 'refer', 'decline')),
  earliest_date TEXT,
  intake_json TEXT NOT NULL,
  decision_json TEXT NOT NULL,
  kb_version TEXT NOT NULL,
  kb_digest TEXT NOT NULL,
  screened_by BIGINT NOT NULL REFERENCES staff(id),
  screened_at BIGINT NOT NULL
);
CREATE INDEX screenings_by_client ON screenings (clinic_id, client_id, as_of);

CREATE TABLE screening_overrides (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  screening_id BIGINT NOT NULL REFERENCES screenings(id),
  prescriber_id BIGINT NOT NULL REFERENCES staff(id),
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  decided_at BIGINT NOT NULL
);

CREATE TABLE plans (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  screening_id BIGINT NOT NULL REFERENCES screenings(id),
  indication TEXT NOT NULL,
  sessions BIGINT NOT NULL CHECK (sessions BETWEEN 1 AND 24),
  interval_days BIGINT NOT NULL CHECK (interval_days BETWEEN 7 AND 365),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
  created_by BIGINT NOT NULL REFERENCES staff(id),
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE plan_zones (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES plans(id),
  zone TEXT NOT NULL,
  planned_min_um BIGINT NOT NULL CHECK (planned_min_um >= 0),
  planned_max_um BIGINT NOT NULL CHECK (planned_max_um >= planned_min_um),
  cap_max_um BIGINT NOT NULL CHECK (planned_max_um <= cap_max_um),
  UNIQUE (plan_id, zone)
);

-- What the client read and signed, exactly; never changed afterwards.
CREATE TABLE consents (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  plan_id BIGINT NOT NULL REFERENCES plans(id),
  text_version TEXT NOT NULL,
  text_digest TEXT NOT NULL,
  items_json TEXT NOT NULL,
  signature TEXT NOT NULL CHECK (length(signature) > 0),
  signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
  photo_consent BIGINT NOT NULL DEFAULT 0 CHECK (photo_consent IN (0, 1)),
  witnessed_by BIGINT NOT NULL REFERENCES staff(id),
  signed_at BIGINT NOT NULL
);

CREATE TABLE devices (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  model TEXT NOT NULL,
  kind TEXT NOT NULL,
  clearance TEXT NOT NULL DEFAULT '',
  cleared BIGINT NOT NULL CHECK (cleared IN (0, 1)),
  max_depth_um BIGINT NOT NULL CHECK (max_depth_um >= 0),
  serial TEXT NOT NULL,
  active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (clinic_id, serial)
);

CREATE TABLE cartridge_lots (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  lot_number TEXT NOT NULL CHECK (length(lot_number) > 0),
  model TEXT NOT NULL,
  needle_count BIGINT NOT NULL CHECK (needle_count > 0),
  needle_material TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  UNIQUE (clinic_id, lot_number)
);

-- One sealed single-use cartridge; sessions.cartridge_id is UNIQUE, so a cartridge serves one
-- session only (brief EX-12), whatever the application code does.
CREATE TABLE cartridges (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  lot_id BIGINT NOT NULL REFERENCES cartridge_lots(id),
  unit_code TEXT NOT NULL,
  UNIQUE (lot_id, unit_code)
);

CREATE TABLE products (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('glide', 'anaesthetic', 'serum', 'calming', 'sunscreen', 'other')),
  lot_number TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  sterile BIGINT NOT NULL CHECK (sterile IN (0, 1)),
  labelled_for_broken_skin BIGINT NOT NULL CHECK (labelled_for_broken_skin IN (0, 1)),
  UNIQUE (clinic_id, name, lot_number)
);
CREATE INDEX products_by_lot ON products (clinic_id, lot_number);

CREATE TABLE sessions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  plan_id BIGINT NOT NULL REFERENCES plans(id),
  consent_id BIGINT NOT NULL REFERENCES consents(id),
  screening_id BIGINT NOT NULL REFERENCES screenings(id),
  practitioner_id BIGINT NOT NULL REFERENCES staff(id),
  device_id BIGINT NOT NULL REFERENCES devices(id),
  cartridge_id BIGINT NOT NULL UNIQUE REFERENCES cartridges(id),
  performed_on TEXT NOT NULL,
  checklist_json TEXT NOT NULL,
  anaesthetic_json TEXT NOT NULL DEFAULT '{}',
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
  signed_by BIGINT REFERENCES staff(id),
  signed_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
);
CREATE INDEX sessions_by_client ON sessions (clinic_id, client_id, performed_on);

CREATE TABLE session_zones (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id BIGINT NOT NULL REFERENCES sessions(id),
  zone TEXT NOT NULL,
  depth_um BIGINT NOT NULL CHECK (depth_um >= 0),
  passes BIGINT NOT NULL CHECK (passes BETWEEN 1 AND 20),
  endpoint TEXT NOT NULL,
  speed TEXT NOT NULL DEFAULT '',
  override_by BIGINT REFERENCES staff(id),
  override_reason TEXT,
  UNIQUE (session_id, zone),
  CHECK ((override_by IS NULL) = (override_reason IS NULL))
);

CREATE TABLE session_products (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id BIGINT NOT NULL REFERENCES sessions(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  step TEXT NOT NULL
);
CREATE INDEX session_products_by_product ON session_products (product_id);

CREATE TABLE photos (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  session_id BIGINT REFERENCES sessions(id),
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
  byte_count BIGINT NOT NULL CHECK (byte_count > 0),
  kind TEXT NOT NULL CHECK (kind IN ('baseline', 'before', 'after', 'follow_up')),
  taken_at BIGINT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES staff(id)
);

-- A correction sits beside the record it corrects; the original is never changed.
CREATE TABLE amendments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  record_type TEXT NOT NULL CHECK (record_type IN ('session', 'consent', 'screening', 'adverse_event')),
  record_id BIGINT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  body_json TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES staff(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX amendments_by_record ON amendments (clinic_id, record_type, record_id);

CREATE TABLE adverse_events (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  session_id BIGINT REFERENCES sessions(id),
  onset_on TEXT NOT NULL,
  description TEXT NOT NULL CHECK (length(description) > 0),
  grade BIGINT NOT NULL CHECK (grade BETWEEN 1 AND 4),
  causality TEXT NOT NULL CHECK (causality IN ('unrelated', 'unlikely', 'possible', 'probable', 'definite')),
  suspected_device_id BIGINT REFERENCES devices(id),
  suspected_lot_id BIGINT REFERENCES cartridge_lots(id),
  suspected_product_id BIGINT REFERENCES products(id),
  outcome TEXT NOT NULL DEFAULT 'ongoing' CHECK (outcome IN ('ongoing', 'resolved', 'resolved_with_sequelae', 'unknown')),
  escalation TEXT NOT NULL DEFAULT '',
  reported_by BIGINT NOT NULL REFERENCES staff(id),
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE outcome_assessments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  client_id BIGINT NOT NULL REFERENCES clients(id),
  plan_id BIGINT NOT NULL REFERENCES plans(id),
  scale TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  time_point TEXT NOT NULL CHECK (time_point IN ('baseline', 'month_1', 'month_3', 'month_6', 'month_12', 'other')),
  assessed_on TEXT NOT NULL,
  assessed_by BIGINT NOT NULL REFERENCES staff(id),
  photo_ids_json TEXT NOT NULL DEFAULT '[]'
);

-- Who looked at or changed which record, when. Append-only: triggers refuse UPDATE and DELETE.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clinic_id BIGINT NOT NULL REFERENCES clinics(id),
  actor_id BIGINT REFERENCES staff(id),
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id BIGINT,
  client_id BIGINT,
  at BIGINT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_client ON audit_log (clinic_id, client_id, at);

-- Refusals raise check_violation (SQLSTATE 23514), as SQLite's RAISE(ABORT) is a constraint error.
CREATE FUNCTION corium_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are never changed or deleted (%)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'check_violation';
END $$;

CREATE FUNCTION corium_refuse_signed_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'signed' THEN
    RAISE EXCEPTION 'signed sessions are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION corium_refuse_signed_zone_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN parent := NEW.session_id; ELSE parent := OLD.session_id; END IF;
  IF (SELECT status FROM sessions WHERE id = parent) = 'signed' THEN
    RAISE EXCEPTION 'signed sessions are immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER screenings_immutable BEFORE UPDATE OR DELETE ON screenings
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER consents_immutable BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER amendments_immutable BEFORE UPDATE OR DELETE ON amendments
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER signed_sessions_immutable BEFORE UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_signed_session_change();
CREATE TRIGGER signed_session_zones_immutable BEFORE INSERT OR UPDATE OR DELETE ON session_zones
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_signed_zone_change();

-- TRUNCATE bypasses row triggers; refuse it too on every append-only or immutable table.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER screenings_no_truncate BEFORE TRUNCATE ON screenings
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER amendments_no_truncate BEFORE TRUNCATE ON amendments
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER sessions_no_truncate BEFORE TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();

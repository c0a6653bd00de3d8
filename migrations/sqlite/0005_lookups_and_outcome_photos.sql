-- Indexes for lookups the code does, and the photos of an outcome assessment, SQLite. Mirrors
-- migrations/postgres/0005_lookups_and_outcome_photos.sql.
--
-- Each index below serves a query of src/corium/store/records that scanned its whole table
-- before (EXPLAIN QUERY PLAN showed SCAN): a plan's consents and sessions when charting and on the
-- Today screen, a screening's overrides, a client's plans, photos and adverse events, a
-- session's products, a plan's assessments, and the clinic's audit trail newest first.
CREATE INDEX consents_by_plan ON consents (plan_id, signed_at);
CREATE INDEX consents_by_client ON consents (clinic_id, client_id, signed_at);
CREATE INDEX screening_overrides_by_screening ON screening_overrides (screening_id);
CREATE INDEX plans_by_client ON plans (clinic_id, client_id, created_at);
CREATE INDEX sessions_by_plan ON sessions (plan_id, status);
CREATE INDEX session_products_by_session ON session_products (session_id);
CREATE INDEX photos_by_client ON photos (clinic_id, client_id, taken_at);
CREATE INDEX outcome_assessments_by_plan ON outcome_assessments (plan_id, assessed_on);
CREATE INDEX adverse_events_by_client ON adverse_events (clinic_id, client_id, onset_on);
CREATE INDEX adverse_events_by_onset ON adverse_events (clinic_id, onset_on);
CREATE INDEX audit_by_time ON audit_log (clinic_id, at);

-- The photographs an outcome assessment was scored on (FU-02: the scale is recorded with photos),
-- in the order given. Each is a photo of the assessment's client in its clinic; the use case
-- checks that, as the tables cannot. Written with the assessment in one transaction and never
-- changed afterwards, like the assessment itself.
CREATE TABLE outcome_assessment_photos (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES outcome_assessments(id),
  photo_id INTEGER NOT NULL REFERENCES photos(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (assessment_id, position),
  UNIQUE (assessment_id, photo_id)
) STRICT;
CREATE INDEX outcome_assessment_photos_by_photo ON outcome_assessment_photos (photo_id);

-- The JSON column this table replaces was never written by the application; any ids it holds that
-- name a photo of the same client and clinic move over, the rest are dropped with it.
INSERT INTO outcome_assessment_photos (assessment_id, photo_id, position)
  SELECT a.id, p.id, j.key FROM outcome_assessments a, json_each(a.photo_ids_json) j
    JOIN photos p ON p.id = j.value AND p.clinic_id = a.clinic_id AND p.client_id = a.client_id
    WHERE json_valid(a.photo_ids_json) AND json_type(a.photo_ids_json) = 'array';
ALTER TABLE outcome_assessments DROP COLUMN photo_ids_json;

CREATE TRIGGER outcome_assessments_no_update BEFORE UPDATE ON outcome_assessments
BEGIN SELECT RAISE(ABORT, 'outcome assessments are immutable'); END;
CREATE TRIGGER outcome_assessments_no_delete BEFORE DELETE ON outcome_assessments
BEGIN SELECT RAISE(ABORT, 'outcome assessments are immutable'); END;
CREATE TRIGGER outcome_assessment_photos_no_update BEFORE UPDATE ON outcome_assessment_photos
BEGIN SELECT RAISE(ABORT, 'outcome assessments are immutable'); END;
CREATE TRIGGER outcome_assessment_photos_no_delete BEFORE DELETE ON outcome_assessment_photos
BEGIN SELECT RAISE(ABORT, 'outcome assessments are immutable'); END;

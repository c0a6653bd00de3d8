-- Indexes for lookups the code does, and the photos of an outcome assessment, PostgreSQL. Mirrors
-- migrations/sqlite/0005_lookups_and_outcome_photos.sql (where the queries each index serves are
-- named).
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

-- The photographs an outcome assessment was scored on (FU-02), in the order given; written with
-- the assessment in one transaction and never changed afterwards.
CREATE TABLE outcome_assessment_photos (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assessment_id BIGINT NOT NULL REFERENCES outcome_assessments(id),
  photo_id BIGINT NOT NULL REFERENCES photos(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  UNIQUE (assessment_id, position),
  UNIQUE (assessment_id, photo_id)
);
CREATE INDEX outcome_assessment_photos_by_photo ON outcome_assessment_photos (photo_id);

-- The JSON column this table replaces was never written by the application; ids in it that name
-- a photo of the same client and clinic move over, the rest are dropped with it.
INSERT INTO outcome_assessment_photos (assessment_id, photo_id, position)
  SELECT a.id, p.id, (j.ordinality - 1)::INTEGER
    FROM outcome_assessments a
    CROSS JOIN LATERAL jsonb_array_elements_text(
      CASE WHEN a.photo_ids_json ~ '^\s*\[[0-9,\s]*\]\s*$' THEN a.photo_ids_json::jsonb
           ELSE '[]'::jsonb END) WITH ORDINALITY AS j(value, ordinality)
    JOIN photos p ON p.id = j.value::BIGINT AND p.clinic_id = a.clinic_id
                 AND p.client_id = a.client_id;
ALTER TABLE outcome_assessments DROP COLUMN photo_ids_json;

CREATE TRIGGER outcome_assessments_immutable BEFORE UPDATE OR DELETE ON outcome_assessments
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER outcome_assessment_photos_immutable BEFORE UPDATE OR DELETE
  ON outcome_assessment_photos FOR EACH ROW EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER outcome_assessments_no_truncate BEFORE TRUNCATE ON outcome_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();
CREATE TRIGGER outcome_assessment_photos_no_truncate BEFORE TRUNCATE ON outcome_assessment_photos
  FOR EACH STATEMENT EXECUTE FUNCTION corium_refuse_change();

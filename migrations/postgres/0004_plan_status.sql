-- A plan's outcome beside its status, PostgreSQL. Mirrors migrations/sqlite/0004_plan_status.sql.
-- "No response" (FU-03) closes a plan as completed and records why; it is refused before 3 months
-- after the last session by the use case (app/plan_status.h).
ALTER TABLE plans ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN ('no_response'));

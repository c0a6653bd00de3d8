-- A plan's outcome beside its status, SQLite. Mirrors migrations/postgres/0004_plan_status.sql.
-- "No response" (FU-03) closes a plan as completed and records why; it is refused before 3 months
-- after the last session by the use case (app/plan_status.h). A column rather than a new status
-- value: SQLite cannot change the status CHECK without rebuilding a table four others reference.
ALTER TABLE plans ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN ('no_response'));

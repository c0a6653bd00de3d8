-- A chart's zones and products keyed by what identifies them, and one index fewer on the audit
-- log, PostgreSQL. Mirrors migrations/sqlite/0006_chart_detail_keys.sql (where the reasons are
-- given): session_zones keyed by (session_id, zone), session_products by (session_id, position),
-- both with the charted order as `position` (existing rows numbered in id order); audit_by_time
-- dropped; a signed session's products guarded like its zones. PostgreSQL changes the tables in
-- place; numbering the existing rows is an UPDATE, which the zones' trigger would refuse for
-- signed sessions, so it is off for that statement only, inside this migration's transaction.
ALTER TABLE session_zones DISABLE TRIGGER signed_session_zones_immutable;
ALTER TABLE session_zones ADD COLUMN position BIGINT;
UPDATE session_zones z SET position = n.position
  FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY id) - 1 AS position
          FROM session_zones) n
  WHERE n.id = z.id;
ALTER TABLE session_zones ENABLE TRIGGER signed_session_zones_immutable;
ALTER TABLE session_zones ALTER COLUMN position SET NOT NULL,
  ADD CONSTRAINT session_zones_position_check CHECK (position >= 0),
  DROP COLUMN id,
  DROP CONSTRAINT session_zones_session_id_zone_key,
  ADD PRIMARY KEY (session_id, zone);

ALTER TABLE session_products ADD COLUMN position BIGINT;
UPDATE session_products p SET position = n.position
  FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY id) - 1 AS position
          FROM session_products) n
  WHERE n.id = p.id;
ALTER TABLE session_products ALTER COLUMN position SET NOT NULL,
  ADD CONSTRAINT session_products_position_check CHECK (position >= 0),
  DROP COLUMN id,
  ADD PRIMARY KEY (session_id, position);
DROP INDEX session_products_by_session;

DROP INDEX audit_by_time;

-- The function reads only session_id, which both tables have.
CREATE TRIGGER signed_session_products_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON session_products
  FOR EACH ROW EXECUTE FUNCTION corium_refuse_signed_zone_change();

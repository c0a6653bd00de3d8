-- A chart's zones and products keyed by what identifies them, and one index fewer on the audit
-- log, SQLite. Mirrors migrations/postgres/0006_chart_detail_keys.sql.
--
-- Every chart commit writes its zones and products, and every request appends to the audit log;
-- with synchronous=FULL each b-tree a commit touches is one more WAL frame to write and flush
-- (bench/RESULTS.md). Nothing refers to a zone's or a product line's own id, so:
-- - session_zones becomes a WITHOUT ROWID table keyed by (session_id, zone), which was already
--   UNIQUE: one b-tree instead of the table and its unique index;
-- - session_products becomes a WITHOUT ROWID table keyed by (session_id, position), which folds
--   session_products_by_session into the table; the recall index by product stays;
-- - both keep the order they were charted in as `position` (0, 1, …), which reads sort by where
--   they sorted by id; existing rows are numbered in their id order;
-- - audit_by_time goes: the audit trail is listed newest first by id (the order entries were
--   written), which the table's own key serves, and audit_by_client still serves a clinic's count.
CREATE TABLE session_zones_keyed (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  zone TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  depth_um INTEGER NOT NULL CHECK (depth_um >= 0),
  passes INTEGER NOT NULL CHECK (passes BETWEEN 1 AND 20),
  endpoint TEXT NOT NULL,
  speed TEXT NOT NULL DEFAULT '',
  override_by INTEGER REFERENCES staff(id),
  override_reason TEXT,
  PRIMARY KEY (session_id, zone),
  CHECK ((override_by IS NULL) = (override_reason IS NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO session_zones_keyed (session_id, zone, position, depth_um, passes, endpoint, speed,
                                 override_by, override_reason)
  SELECT session_id, zone, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY id) - 1, depth_um,
         passes, endpoint, speed, override_by, override_reason
    FROM session_zones;
-- DROP TABLE fires no triggers; the zones' triggers go with the table and are made again below.
DROP TABLE session_zones;
ALTER TABLE session_zones_keyed RENAME TO session_zones;

CREATE TABLE session_products_keyed (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  product_id INTEGER NOT NULL REFERENCES products(id),
  step TEXT NOT NULL,
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;
INSERT INTO session_products_keyed (session_id, position, product_id, step)
  SELECT session_id, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY id) - 1, product_id, step
    FROM session_products;
DROP TABLE session_products;
ALTER TABLE session_products_keyed RENAME TO session_products;
CREATE INDEX session_products_by_product ON session_products (product_id);

DROP INDEX audit_by_time;

CREATE TRIGGER signed_session_zones_no_change BEFORE UPDATE ON session_zones
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER signed_session_zones_no_insert BEFORE INSERT ON session_zones
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER session_zones_no_delete BEFORE DELETE ON session_zones
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;

-- A signed session's products were not guarded as its zones are; they are now (a recall reads
-- them, so they must stay as signed).
CREATE TRIGGER signed_session_products_no_change BEFORE UPDATE ON session_products
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER signed_session_products_no_insert BEFORE INSERT ON session_products
WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;
CREATE TRIGGER session_products_no_delete BEFORE DELETE ON session_products
WHEN (SELECT status FROM sessions WHERE id = OLD.session_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'signed sessions are immutable'); END;

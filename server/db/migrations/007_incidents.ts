/**
 * Declared incidents and their decision log. The log is append-only in the database itself: a
 * trigger refuses every UPDATE, DELETE and TRUNCATE of its entries, whoever asks, so that only
 * someone who disables the trigger can change one, and the hash chain then shows it. An incident's
 * declaration (who, when, why, the picture then) is as fixed as its log; only its level, its
 * status and its running totals change, and nothing once it is stood down.
 *
 * Text search over titles, reasons and entries uses GIN indexes on tsvectors, so a search over
 * years of logs reads the index rather than every entry.
 */
export const sql = /* sql */ `
CREATE TABLE incidents (
  id                uuid PRIMARY KEY,
  trust             text NOT NULL,
  region            text NOT NULL,
  level             text NOT NULL CHECK (level IN ('business_continuity', 'critical', 'major')),
  title             text NOT NULL,
  reason            text NOT NULL,
  status            text NOT NULL CHECK (status IN ('active', 'stood_down')),
  declared_at       timestamptz NOT NULL,
  declared_by       jsonb NOT NULL,
  snapshot          jsonb NOT NULL,
  stood_down_at     timestamptz,
  stood_down_by     jsonb,
  stand_down_reason text,
  entry_count       int NOT NULL DEFAULT 0,
  last_entry_at     timestamptz NOT NULL,
  head_hash         text NOT NULL,
  search            tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || reason)) STORED
);
-- One active incident per trust, enforced where two instances cannot both slip past it.
CREATE UNIQUE INDEX incidents_one_active ON incidents (trust) WHERE status = 'active';
CREATE INDEX incidents_declared ON incidents (declared_at DESC, id DESC);
CREATE INDEX incidents_trust_declared ON incidents (trust, declared_at DESC);
CREATE INDEX incidents_region_declared ON incidents (region, declared_at DESC);
CREATE INDEX incidents_search ON incidents USING gin (search);

CREATE TABLE incident_entries (
  incident_id uuid NOT NULL REFERENCES incidents (id),
  seq         int NOT NULL CHECK (seq >= 1),
  at          timestamptz NOT NULL,
  author_id   uuid REFERENCES users (id),
  author      jsonb NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('decision', 'action', 'information', 'communication', 'correction', 'system')),
  text        text NOT NULL,
  rationale   text,
  corrects    int,
  hash        text NOT NULL,
  search      tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || coalesce(rationale, ''))) STORED,
  PRIMARY KEY (incident_id, seq),
  CHECK (kind <> 'decision' OR rationale IS NOT NULL),
  CHECK ((kind = 'correction') = (corrects IS NOT NULL)),
  CHECK (corrects IS NULL OR corrects < seq)
);
CREATE INDEX incident_entries_search ON incident_entries USING gin (search);

CREATE FUNCTION incident_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'incident log entries are never changed or removed (% refused); write a correction instead', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER incident_entries_no_update BEFORE UPDATE OR DELETE ON incident_entries
  FOR EACH ROW EXECUTE FUNCTION incident_entries_append_only();
CREATE TRIGGER incident_entries_no_truncate BEFORE TRUNCATE ON incident_entries
  FOR EACH STATEMENT EXECUTE FUNCTION incident_entries_append_only();

CREATE FUNCTION incidents_declaration_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'incidents are never removed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'stood_down' THEN
    RAISE EXCEPTION 'a stood-down incident is never changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.trust <> OLD.trust OR NEW.region <> OLD.region OR NEW.title <> OLD.title
     OR NEW.reason <> OLD.reason OR NEW.declared_at <> OLD.declared_at OR NEW.declared_by <> OLD.declared_by
     OR NEW.snapshot <> OLD.snapshot THEN
    RAISE EXCEPTION 'an incident''s declaration is never changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER incidents_fixed BEFORE UPDATE OR DELETE ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_declaration_fixed();
`;

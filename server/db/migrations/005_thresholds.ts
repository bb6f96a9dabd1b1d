/**
 * Thresholds, flags and the REAP level. A trust's rules are stored whole (a PUT replaces the
 * list); what the engine remembers is stored as it changes, so a restart raises nothing twice;
 * every flag raised and cleared, and every REAP level set, is kept for the incident logs.
 */
export const sql = /* sql */ `
CREATE TABLE trust_thresholds (
  trust      text PRIMARY KEY,
  rules      jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES users (id)
);

CREATE TABLE flag_books (
  trust      text PRIMARY KEY,
  book       jsonb NOT NULL,
  flags      jsonb NOT NULL,
  forecasts  jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);

CREATE TABLE flag_events (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trust     text NOT NULL,
  flag_id   text NOT NULL,
  rule      text NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('raised', 'cleared')),
  severity  text NOT NULL,
  message   text NOT NULL,
  value     double precision NOT NULL,
  threshold double precision NOT NULL,
  at        timestamptz NOT NULL
);
CREATE INDEX flag_events_trust_at ON flag_events (trust, at);

CREATE TABLE reap_levels (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trust   text NOT NULL,
  level   int NOT NULL CHECK (level BETWEEN 1 AND 4),
  reason  text NOT NULL,
  set_at  timestamptz NOT NULL,
  set_by  uuid REFERENCES users (id)
);
CREATE INDEX reap_levels_trust_at ON reap_levels (trust, set_at);

-- Which instance does a job only one may do at a time (the simulator, evaluating flags), and until when.
CREATE TABLE leases (
  name       text PRIMARY KEY,
  holder     text NOT NULL,
  expires_at timestamptz NOT NULL
);
`;

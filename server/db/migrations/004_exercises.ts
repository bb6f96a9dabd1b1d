/**
 * Training exercises, in a data space of their own: their events never enter feed_events, so
 * nothing rebuilt, charted or logged from the real feeds can hold them. A feed key may belong to
 * an exercise; the feed API stores what it sends here instead.
 */
export const sql = /* sql */ `
CREATE TABLE exercises (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trust      text NOT NULL,
  scenario   text NOT NULL,
  title      text NOT NULL,
  speed      double precision NOT NULL,
  -- The scenario as run: moved to start when the exercise started.
  definition jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  started_by uuid REFERENCES users (id),
  ended_at   timestamptz,
  ended_by   uuid REFERENCES users (id),
  -- Where the simulation stands, so a restart carries the exercise on.
  state      jsonb,
  saved_at   timestamptz
);
-- One running exercise per trust.
CREATE UNIQUE INDEX exercises_one_running ON exercises (trust) WHERE ended_at IS NULL;

CREATE TABLE exercise_events (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  exercise_id uuid NOT NULL REFERENCES exercises (id),
  id          text NOT NULL,
  type        text NOT NULL,
  at          timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  body        jsonb NOT NULL,
  UNIQUE (exercise_id, id)
);

ALTER TABLE feed_keys ADD COLUMN exercise_id uuid REFERENCES exercises (id);
`;

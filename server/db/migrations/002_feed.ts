/**
 * The append-only store of every event the feeds have sent, and each trust's key figures by the
 * minute. Rows of feed_events are never changed: the picture is rebuilt from them at start.
 */
export const sql = /* sql */ `
CREATE TABLE feed_events (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trust       text NOT NULL,
  id          text NOT NULL,
  type        text NOT NULL,
  at          timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  body        jsonb NOT NULL,
  UNIQUE (trust, id)
);
CREATE INDEX feed_events_at ON feed_events (at);
CREATE INDEX feed_events_trust_seq ON feed_events (trust, seq);

-- When each trust's feed was last heard from, events or not: an empty batch is a heartbeat.
CREATE TABLE feed_status (
  trust            text PRIMARY KEY,
  last_received_at timestamptz NOT NULL
);

CREATE TABLE trust_history (
  trust   text NOT NULL,
  at      timestamptz NOT NULL,
  figures jsonb NOT NULL,
  PRIMARY KEY (trust, at)
);
`;

/**
 * Who acknowledged a flag, and when. Acknowledging says someone has seen it; it does not clear
 * it. A flag raised again later is a new flag to acknowledge (its raise time is part of the key).
 */
export const sql = /* sql */ `
CREATE TABLE flag_acks (
  trust     text NOT NULL,
  flag_id   text NOT NULL,
  raised_at timestamptz NOT NULL,
  by_user   uuid REFERENCES users (id),
  at        timestamptz NOT NULL,
  PRIMARY KEY (trust, flag_id, raised_at)
);
`;

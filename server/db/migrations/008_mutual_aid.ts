/**
 * Mutual-aid requests between trusts. A request and its offers are one small aggregate, stored
 * as one row (offers as JSON) and changed only under a row lock, one step at a time; every step
 * is also kept in mutual_aid_steps, who took it and when, which is only ever added to.
 */
export const sql = /* sql */ `
CREATE TABLE mutual_aid_requests (
  id           uuid PRIMARY KEY,
  trust        text NOT NULL,
  region       text NOT NULL,
  incident_id  uuid REFERENCES incidents (id),
  resources    jsonb NOT NULL,
  needed_from  timestamptz NOT NULL,
  needed_until timestamptz,
  reason       text NOT NULL,
  asked_trusts text[] NOT NULL,
  regions      text[] NOT NULL,
  status       text NOT NULL CHECK (status IN ('open', 'fulfilled', 'withdrawn')),
  requested_at timestamptz NOT NULL,
  requested_by jsonb NOT NULL,
  closed_at    timestamptz,
  closed_by    jsonb,
  close_note   text,
  offers       jsonb NOT NULL DEFAULT '[]',
  updated_at   timestamptz NOT NULL
);
CREATE INDEX mutual_aid_open ON mutual_aid_requests (requested_at DESC) WHERE status = 'open';
CREATE INDEX mutual_aid_trust ON mutual_aid_requests (trust, requested_at DESC);
CREATE INDEX mutual_aid_regions ON mutual_aid_requests USING gin (regions);
CREATE INDEX mutual_aid_asked ON mutual_aid_requests USING gin (asked_trusts);

CREATE TABLE mutual_aid_steps (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES mutual_aid_requests (id),
  at         timestamptz NOT NULL,
  by_user    uuid REFERENCES users (id),
  step       text NOT NULL,
  detail     jsonb NOT NULL
);
CREATE INDEX mutual_aid_steps_request ON mutual_aid_steps (request_id, at);
`;

/** Accounts, sessions, feed keys, display links and the audit trail of who changed what. */
export const sql = /* sql */ `
CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username        text NOT NULL UNIQUE,
  display_name    text NOT NULL,
  role            text NOT NULL CHECK (role IN ('duty_manager', 'executive', 'coordinator', 'admin')),
  trust           text,
  region          text,
  password_hash   text NOT NULL,
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL,
  created_by      uuid REFERENCES users (id),
  last_sign_in_at timestamptz,
  CHECK (
    (role = 'duty_manager' AND trust IS NOT NULL AND region IS NULL) OR
    (role = 'executive' AND region IS NULL) OR
    (role = 'coordinator' AND region IS NOT NULL AND trust IS NULL) OR
    (role = 'admin' AND trust IS NULL AND region IS NULL)
  )
);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of the database
-- cannot be used to sign in.
CREATE TABLE sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   text NOT NULL UNIQUE,
  user_id      uuid NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at   timestamptz,
  address      text,
  user_agent   text
);
CREATE INDEX sessions_user_id ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE feed_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trust        text NOT NULL,
  label        text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   uuid REFERENCES users (id),
  revoked_at   timestamptz,
  last_used_at timestamptz
);

CREATE TABLE display_links (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label        text NOT NULL,
  trust        text,
  region       text,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL,
  created_by   uuid REFERENCES users (id),
  revoked_at   timestamptz,
  last_used_at timestamptz,
  CHECK ((trust IS NULL) <> (region IS NULL))
);

CREATE TABLE audit_log (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       timestamptz NOT NULL,
  actor_id uuid REFERENCES users (id),
  action   text NOT NULL,
  target   text,
  detail   jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at ON audit_log (at);
`;

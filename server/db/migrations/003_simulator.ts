/**
 * The built-in simulator's own bookkeeping, apart from everything a feed sends: where each
 * trust's run stands, so that a restart carries on the same service rather than starting another
 * beside it. Which instance runs it (only one may, or two runs would feed one trust) is a lease.
 */
export const sql = /* sql */ `
CREATE TABLE simulator_runs (
  trust     text PRIMARY KEY,
  scenario  jsonb NOT NULL,
  state     jsonb NOT NULL,
  saved_at  timestamptz NOT NULL
);
`;

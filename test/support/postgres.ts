import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

/**
 * PostgreSQL for the integration tests: the machine's server (TEST_POSTGRES_URL, by default
 * postgres://<this OS user>@127.0.0.1:5432/test), with a fresh database per test server, dropped afterwards.
 * Where no PostgreSQL answers the tests say so and skip, unless REQUIRE_POSTGRES=1 (CI), where
 * a missing PostgreSQL fails the run.
 */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? `postgres://${encodeURIComponent(userInfo().username)}@127.0.0.1:5432/test`;

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let availability: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  availability ??= probe().then((problem) => {
    if (!problem) return true;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but ${ADMIN_URL} did not answer: ${problem}`);
    console.warn(`\n  SKIPPED: PostgreSQL tests, because ${ADMIN_URL} did not answer (${problem}). Set TEST_POSTGRES_URL or REQUIRE_POSTGRES=1.\n`);
    return false;
  });
  return availability;
}

export async function createFreshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ops_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

import { createClient } from 'redis';

/**
 * Redis for the scale-out tests: the machine's server (TEST_REDIS_URL, by default
 * redis://127.0.0.1:6379). Where none answers the tests say so and skip, unless REQUIRE_REDIS=1.
 */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let availability: Promise<boolean> | undefined;

export function redisAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const client = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.quit();
      return true;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (process.env.REQUIRE_REDIS === '1') throw new Error(`Redis is required (REQUIRE_REDIS=1) but ${REDIS_URL} did not answer: ${problem}`, { cause: error });
      console.warn(`\n  SKIPPED: Redis tests, because ${REDIS_URL} did not answer (${problem}). Set TEST_REDIS_URL or REQUIRE_REDIS=1.\n`);
      return false;
    }
  })();
  return availability;
}

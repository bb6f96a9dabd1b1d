import pg from 'pg';
import type { Database, Queryable, Row } from './database.ts';

// int8 (counts, sums) as numbers, as PGlite gives them: the values this server stores in int8
// stay far below 2^53. timestamptz stays a Date in both drivers.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // Fail at start, with the driver's own reason, rather than on the first request.
  const client = await pool.connect();
  client.release();
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const asQueryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters pg sends a simple query, which may hold several statements.
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(work) {
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        const result = await work(asQueryable(tx));
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        tx.release();
      }
    },
    close: () => pool.end(),
  };
}

import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.ts';

/**
 * A job only one instance may do at a time, decided in the database: whoever holds the lease
 * renews it; when its holder stops renewing (stopped, or lost), another takes it over once it
 * expires. With one instance it is simply always held.
 */
export class Lease {
  private readonly holder = randomUUID();
  private readonly name: string;
  private readonly ttlMs: number;

  constructor(name: string, ttlMs = 30_000) {
    this.name = name;
    this.ttlMs = ttlMs;
  }

  /** Takes or renews the lease; answers whether this instance holds it now. */
  async hold(db: Queryable, now: Date): Promise<boolean> {
    const rows = await db.query<{ holder: string }>(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE leases.holder = EXCLUDED.holder OR leases.expires_at < $4
       RETURNING holder`,
      [this.name, this.holder, new Date(now.getTime() + this.ttlMs), now],
    );
    return rows[0]?.holder === this.holder;
  }

  async release(db: Queryable): Promise<void> {
    await db.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [this.name, this.holder]);
  }
}

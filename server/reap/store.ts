import type { Picture } from '../../shared/picture/picture.ts';
import type { ReapChange } from '../../shared/reap/schemas.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';

export const STEADY: Picture['reap'] = { level: 1, since: null, setBy: null };

/** Every trust's current REAP level (the last one set); a trust never set is at level 1. */
export async function currentReapLevels(db: Queryable): Promise<Map<TrustCode, Picture['reap']>> {
  const rows = await db.query<{ trust: TrustCode; level: number; set_at: Date; set_by: string | null }>(
    `SELECT DISTINCT ON (r.trust) r.trust, r.level, r.set_at, u.display_name AS set_by
       FROM reap_levels r LEFT JOIN users u ON u.id = r.set_by
      ORDER BY r.trust, r.set_at DESC, r.id DESC`,
  );
  return new Map(rows.map((r) => [r.trust, { level: r.level, since: r.set_at.toISOString(), setBy: r.set_by }]));
}

export async function setReapLevel(db: Queryable, trust: TrustCode, change: { level: number; reason: string }, meta: { at: Date; by: string | null }): Promise<void> {
  await db.query('INSERT INTO reap_levels (trust, level, reason, set_at, set_by) VALUES ($1, $2, $3, $4, $5)', [trust, change.level, change.reason, meta.at, meta.by]);
}

export async function reapHistory(db: Queryable, trust: TrustCode, limit = 100): Promise<ReapChange[]> {
  const rows = await db.query<{ level: number; reason: string; set_at: Date; set_by: string | null }>(
    `SELECT r.level, r.reason, r.set_at, u.display_name AS set_by FROM reap_levels r LEFT JOIN users u ON u.id = r.set_by
      WHERE r.trust = $1 ORDER BY r.set_at DESC, r.id DESC LIMIT $2`,
    [trust, limit],
  );
  return rows.map((r) => ({ level: r.level, reason: r.reason, setAt: r.set_at.toISOString(), setBy: r.set_by }));
}

import type { FeedKey } from '../../shared/auth/schemas.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';
import { hashToken, newToken, tokenPrefix } from '../auth/tokens.ts';

interface FeedKeyRow {
  [key: string]: unknown;
  id: string;
  trust: TrustCode;
  label: string;
  prefix: string;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'k.id, k.trust, k.label, k.prefix, k.created_at, u.username AS created_by, k.revoked_at, k.last_used_at';

function present(row: FeedKeyRow): FeedKey {
  return {
    id: row.id,
    trust: row.trust,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** Creates a key for one trust's dispatch feed; the key itself is returned here and never again. */
/** A key with `exerciseId` feeds that exercise, never the trust's real picture. */
export async function createFeedKey(db: Queryable, input: { trust: TrustCode; label: string; exerciseId?: string }, meta: { at: Date; createdBy: string | null }): Promise<{ id: string; key: string }> {
  const key = newToken('feedKey');
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO feed_keys (trust, label, key_hash, prefix, created_at, created_by, exercise_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [input.trust, input.label, hashToken(key), tokenPrefix(key), meta.at, meta.createdBy, input.exerciseId ?? null],
  );
  if (!row) throw new Error('feed key insert returned no row');
  return { id: row.id, key };
}

export async function listFeedKeys(db: Queryable): Promise<FeedKey[]> {
  const rows = await db.query<FeedKeyRow>(`SELECT ${COLUMNS} FROM feed_keys k LEFT JOIN users u ON u.id = k.created_by ORDER BY k.revoked_at IS NOT NULL, k.trust, k.created_at`);
  return rows.map(present);
}

/** Revokes a key; answers the key as it now stands, or undefined when there is no such key. */
export async function revokeFeedKey(db: Queryable, id: string, at: Date): Promise<FeedKey | undefined> {
  await db.query('UPDATE feed_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
  const [row] = await db.query<FeedKeyRow>(`SELECT ${COLUMNS} FROM feed_keys k LEFT JOIN users u ON u.id = k.created_by WHERE k.id = $1`, [id]);
  return row && present(row);
}

// last_used_at is written at most once a minute per key, so a busy feed does not turn every
// batch into an extra write.
export async function findFeedKey(db: Queryable, key: string, now: Date): Promise<{ id: string; trust: TrustCode; exerciseId?: string } | undefined> {
  const [row] = await db.query<{ id: string; trust: TrustCode; last_used_at: Date | null; exercise_id: string | null }>('SELECT id, trust, last_used_at, exercise_id FROM feed_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashToken(key)]);
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.query('UPDATE feed_keys SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  }
  return { id: row.id, trust: row.trust, ...(row.exercise_id ? { exerciseId: row.exercise_id } : {}) };
}

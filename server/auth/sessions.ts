import type { User } from '../../shared/auth/schemas.ts';
import type { RegionCode, TrustCode } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';
import { presentUser } from '../accounts/users.ts';
import { hashToken, newToken } from './tokens.ts';

/** A session ends after this long without a request (CONTRACT.md: 12 idle hours). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** last_seen_at is written at most this often per session, so reads do not become writes. */
const TOUCH_EVERY_SECONDS = 60;

export async function createSession(db: Queryable, userId: string, meta: { at: Date; address?: string | undefined; userAgent?: string | undefined }): Promise<{ id: string; token: string }> {
  const token = newToken('session');
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, address, user_agent) VALUES ($1, $2, $3, $3, $4, $5) RETURNING id',
    [hashToken(token), userId, meta.at, meta.address ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  if (!row) throw new Error('session insert returned no row');
  return { id: row.id, token };
}

/**
 * The live session a cookie token names, or undefined when there is none: unknown, revoked,
 * idle for more than 12 hours (then revoked on the spot), or its account disabled.
 */
export async function findSession(db: Queryable, token: string, now: Date): Promise<{ id: string; user: User } | undefined> {
  const [row] = await db.query<{ session_id: string; last_seen_at: Date; id: string; username: string; display_name: string; role: User['role']; trust: TrustCode | null; region: RegionCode | null }>(
    `SELECT s.id AS session_id, s.last_seen_at, u.id, u.username, u.display_name, u.role, u.trust, u.region
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND NOT u.disabled`,
    [hashToken(token)],
  );
  if (!row) return undefined;
  const idleSeconds = (now.getTime() - row.last_seen_at.getTime()) / 1000;
  if (idleSeconds > SESSION_IDLE_SECONDS) {
    await revokeSession(db, row.session_id, now);
    return undefined;
  }
  if (idleSeconds > TOUCH_EVERY_SECONDS) {
    await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [row.session_id, now]);
  }
  return { id: row.session_id, user: presentUser(row) };
}

export async function revokeSession(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
}

/** Ends every session of an account (disabled, or its password changed). Returns their ids. */
export async function revokeUserSessions(db: Queryable, userId: string, at: Date): Promise<string[]> {
  const rows = await db.query<{ id: string }>('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [userId, at]);
  return rows.map((r) => r.id);
}

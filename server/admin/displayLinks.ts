import type { DisplayLink } from '../../shared/auth/schemas.ts';
import type { RegionCode, TrustCode } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';
import { hashToken, newToken, tokenPrefix } from '../auth/tokens.ts';

interface DisplayLinkRow {
  [key: string]: unknown;
  id: string;
  label: string;
  trust: TrustCode | null;
  region: RegionCode | null;
  prefix: string;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'd.id, d.label, d.trust, d.region, d.prefix, d.created_at, u.username AS created_by, d.revoked_at, d.last_used_at';

function present(row: DisplayLinkRow): DisplayLink {
  return {
    id: row.id,
    label: row.label,
    ...(row.trust ? { trust: row.trust } : {}),
    ...(row.region ? { region: row.region } : {}),
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/**
 * A display link lets one wall screen show one trust or one region with no sign-in. It is
 * read-only and never expires by time (a wall screen runs for weeks); only revoking ends it.
 */
export async function createDisplayLink(
  db: Queryable,
  input: { label: string; trust?: TrustCode | undefined; region?: RegionCode | undefined },
  meta: { at: Date; createdBy: string | null },
): Promise<{ id: string; token: string }> {
  const token = newToken('display');
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO display_links (label, trust, region, token_hash, prefix, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [input.label, input.trust ?? null, input.region ?? null, hashToken(token), tokenPrefix(token), meta.at, meta.createdBy],
  );
  if (!row) throw new Error('display link insert returned no row');
  return { id: row.id, token };
}

export async function listDisplayLinks(db: Queryable): Promise<DisplayLink[]> {
  const rows = await db.query<DisplayLinkRow>(`SELECT ${COLUMNS} FROM display_links d LEFT JOIN users u ON u.id = d.created_by ORDER BY d.revoked_at IS NOT NULL, d.created_at`);
  return rows.map(present);
}

export async function revokeDisplayLink(db: Queryable, id: string, at: Date): Promise<DisplayLink | undefined> {
  await db.query('UPDATE display_links SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
  const [row] = await db.query<DisplayLinkRow>(`SELECT ${COLUMNS} FROM display_links d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`, [id]);
  return row && present(row);
}

// last_used_at is written at most once a minute per link: a wall screen polls and reconnects
// for weeks, and its reads should not each become a write.
export async function findDisplayLink(db: Queryable, token: string, now: Date): Promise<{ id: string; label: string; trust?: TrustCode; region?: RegionCode } | undefined> {
  const [row] = await db.query<{ id: string; label: string; trust: TrustCode | null; region: RegionCode | null; last_used_at: Date | null }>(
    'SELECT id, label, trust, region, last_used_at FROM display_links WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.query('UPDATE display_links SET last_used_at = $2 WHERE id = $1', [row.id, now]);
  }
  return { id: row.id, label: row.label, ...(row.trust ? { trust: row.trust } : {}), ...(row.region ? { region: row.region } : {}) };
}

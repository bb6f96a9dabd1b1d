import type { Queryable } from '../db/database.ts';

/**
 * Who changed what, and when: every change to accounts, keys and links is recorded here with its
 * actor. Rows are only ever added.
 */
export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor_id, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    entry.at,
    entry.actorId,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}

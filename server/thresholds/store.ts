import type { Flag, Forecast } from '../../shared/picture/picture.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import type { Database, Queryable } from '../db/database.ts';
import { defaultRules } from './defaults.ts';
import type { FlagBook, FlagChange } from './engine.ts';

/** The trust's rules: those stored, or its defaults until someone has changed them. */
export async function readRules(db: Queryable, trust: TrustCode): Promise<ThresholdRule[]> {
  const [row] = await db.query<{ rules: ThresholdRule[] }>('SELECT rules FROM trust_thresholds WHERE trust = $1', [trust]);
  return row?.rules ?? defaultRules(trust);
}

/** Every trust's stored rules; trusts missing from it use their defaults. */
export async function storedRules(db: Queryable): Promise<Map<TrustCode, ThresholdRule[]>> {
  const rows = await db.query<{ trust: TrustCode; rules: ThresholdRule[] }>('SELECT trust, rules FROM trust_thresholds');
  return new Map(rows.map((r) => [r.trust, r.rules]));
}

export async function saveRules(db: Queryable, trust: TrustCode, rules: readonly ThresholdRule[], meta: { at: Date; by: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO trust_thresholds (trust, rules, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (trust) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [trust, JSON.stringify(rules), meta.at, meta.by],
  );
}

export async function loadBooks(db: Queryable): Promise<Map<TrustCode, { book: FlagBook; flags: Flag[]; forecasts: Forecast[] }>> {
  const rows = await db.query<{ trust: TrustCode; book: FlagBook; flags: Flag[]; forecasts: Forecast[] }>('SELECT trust, book, flags, forecasts FROM flag_books');
  return new Map(rows.map((r) => [r.trust, { book: r.book, flags: r.flags, forecasts: r.forecasts }]));
}

/** Stores what the engine remembers and what changed, together: a restart finds both or neither. */
export async function saveEvaluation(db: Database, trust: TrustCode, evaluation: { book: FlagBook; flags: Flag[]; forecasts: Forecast[]; changes: FlagChange[] }, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO flag_books (trust, book, flags, forecasts, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (trust) DO UPDATE SET book = EXCLUDED.book, flags = EXCLUDED.flags, forecasts = EXCLUDED.forecasts, updated_at = EXCLUDED.updated_at`,
      [trust, JSON.stringify(evaluation.book), JSON.stringify(evaluation.flags), JSON.stringify(evaluation.forecasts), at],
    );
    for (const change of evaluation.changes) {
      await tx.query('INSERT INTO flag_events (trust, flag_id, rule, kind, severity, message, value, threshold, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        trust,
        change.flag.id,
        change.flag.rule,
        change.kind,
        change.flag.severity,
        change.flag.message,
        change.flag.value,
        change.flag.threshold,
        new Date(change.at),
      ]);
    }
  });
}

export interface FlagEventRow {
  flagId: string;
  rule: string;
  kind: 'raised' | 'cleared';
  severity: string;
  message: string;
  value: number;
  threshold: number;
  at: string;
}

export async function flagHistory(db: Queryable, trust: TrustCode, from: Date, to: Date): Promise<FlagEventRow[]> {
  const rows = await db.query<{ flag_id: string; rule: string; kind: 'raised' | 'cleared'; severity: string; message: string; value: number; threshold: number; at: Date }>(
    'SELECT flag_id, rule, kind, severity, message, value, threshold, at FROM flag_events WHERE trust = $1 AND at >= $2 AND at <= $3 ORDER BY at, id',
    [trust, from, to],
  );
  return rows.map((r) => ({ flagId: r.flag_id, rule: r.rule, kind: r.kind, severity: r.severity, message: r.message, value: Number(r.value), threshold: Number(r.threshold), at: r.at.toISOString() }));
}

export type Acknowledgements = Map<string, { by: string; at: string }>;

/** The key of one raising of a flag: a flag raised again later is acknowledged afresh. */
export const ackKey = (flagId: string, since: string) => `${flagId}|${new Date(since).toISOString()}`;

export async function loadAcknowledgements(db: Queryable): Promise<Map<TrustCode, Acknowledgements>> {
  const rows = await db.query<{ trust: TrustCode; flag_id: string; raised_at: Date; by: string | null; at: Date }>(
    `SELECT a.trust, a.flag_id, a.raised_at, u.display_name AS by, a.at FROM flag_acks a LEFT JOIN users u ON u.id = a.by_user
      WHERE a.raised_at > now() - interval '14 days'`,
  );
  const out = new Map<TrustCode, Acknowledgements>();
  for (const r of rows) {
    const acks: Acknowledgements = out.get(r.trust) ?? new Map<string, { by: string; at: string }>();
    acks.set(ackKey(r.flag_id, r.raised_at.toISOString()), { by: r.by ?? 'unknown', at: r.at.toISOString() });
    out.set(r.trust, acks);
  }
  return out;
}

/** Records an acknowledgement; the first one of a raising stands. */
export async function acknowledgeFlag(db: Queryable, trust: TrustCode, flag: { id: string; since: string }, meta: { at: Date; by: string | null }): Promise<void> {
  await db.query('INSERT INTO flag_acks (trust, flag_id, raised_at, by_user, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [trust, flag.id, new Date(flag.since), meta.by, meta.at]);
}

import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, type Author, type EntryKind, type Incident, type IncidentLevel, type IncidentListItem, type IncidentQuery, type LogEntry } from '../../shared/incidents/schemas.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import { findTrust, type RegionCode, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Database, Queryable } from '../db/database.ts';
import { conflict, invalidInput, notFound } from '../http/errors.ts';
import { entryHash } from './chain.ts';

/**
 * Incidents and their log in the database. Every write that adds to a log runs in one
 * transaction that first locks the incident's row, so two writers (two requests, two instances)
 * take their turns: each entry's seq and hash follow from the one before, and none is lost.
 */

interface IncidentRow {
  id: string;
  trust: TrustCode;
  region: RegionCode;
  level: IncidentLevel;
  title: string;
  reason: string;
  status: 'active' | 'stood_down';
  declared_at: Date;
  declared_by: Author;
  snapshot?: Picture;
  stood_down_at: Date | null;
  stood_down_by: Author | null;
  stand_down_reason: string | null;
  entry_count: number;
  last_entry_at: Date;
  head_hash: string;
}

interface EntryRow {
  seq: number;
  at: Date;
  author: Author;
  kind: EntryKind;
  text: string;
  rationale: string | null;
  corrects: number | null;
  hash: string;
}

const LIST_COLUMNS = 'i.id, i.trust, i.region, i.level, i.title, i.reason, i.status, i.declared_at, i.declared_by, i.stood_down_at, i.stood_down_by, i.stand_down_reason, i.entry_count, i.last_entry_at, i.head_hash';

function toListItem(row: IncidentRow): IncidentListItem {
  return {
    id: row.id,
    trust: row.trust,
    region: row.region,
    level: row.level,
    title: row.title,
    reason: row.reason,
    status: row.status,
    declaredAt: row.declared_at.toISOString(),
    declaredBy: row.declared_by,
    standDown: row.stood_down_at && row.stood_down_by ? { at: row.stood_down_at.toISOString(), by: row.stood_down_by, reason: row.stand_down_reason ?? '' } : null,
    entries: row.entry_count,
    lastEntryAt: row.last_entry_at.toISOString(),
  };
}

function toEntry(row: EntryRow): LogEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    author: row.author,
    kind: row.kind,
    text: row.text,
    ...(row.rationale !== null ? { rationale: row.rationale } : {}),
    ...(row.corrects !== null ? { corrects: row.corrects } : {}),
    hash: row.hash,
  };
}

export interface NewLogEntry {
  at: Date;
  author: Author;
  kind: EntryKind;
  text: string;
  rationale?: string | undefined;
  corrects?: number | undefined;
}

/** Appends one entry to a locked incident row; the caller holds the transaction. */
async function appendLocked(tx: Queryable, incident: Pick<IncidentRow, 'id' | 'entry_count' | 'head_hash' | 'last_entry_at'>, entry: NewLogEntry): Promise<LogEntry> {
  const seq = incident.entry_count + 1;
  // Entries are in time order as well as seq order, even if a clock steps back a little.
  const at = new Date(Math.max(entry.at.getTime(), incident.last_entry_at.getTime()));
  const content: Omit<LogEntry, 'hash'> = {
    seq,
    at: at.toISOString(),
    author: entry.author,
    kind: entry.kind,
    text: entry.text,
    ...(entry.rationale !== undefined ? { rationale: entry.rationale } : {}),
    ...(entry.corrects !== undefined ? { corrects: entry.corrects } : {}),
  };
  const hash = entryHash(incident.id, incident.head_hash, content);
  await tx.query(
    `INSERT INTO incident_entries (incident_id, seq, at, author_id, author, kind, text, rationale, corrects, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [incident.id, seq, at, entry.author.id, JSON.stringify(entry.author), entry.kind, entry.text, entry.rationale ?? null, entry.corrects ?? null, hash],
  );
  await tx.query('UPDATE incidents SET entry_count = $2, last_entry_at = $3, head_hash = $4 WHERE id = $1', [incident.id, seq, at, hash]);
  return { ...content, hash };
}

async function lockIncident(tx: Queryable, id: string): Promise<IncidentRow> {
  const [row] = await tx.query<IncidentRow & Record<string, unknown>>(`SELECT ${LIST_COLUMNS} FROM incidents i WHERE i.id = $1 FOR UPDATE`, [id]);
  if (!row) throw notFound(`No incident ${id}.`);
  return row;
}

function stoodDown(row: IncidentRow) {
  return conflict('incident_stood_down', `This incident was stood down at ${row.stood_down_at?.toISOString() ?? 'an earlier time'}: nothing more is logged or changed.`);
}

export async function declareIncident(
  db: Database,
  input: { trust: TrustCode; level: IncidentLevel; title: string; reason: string; snapshot: Picture; at: Date; by: Author; firstEntry: string },
): Promise<{ incident: IncidentListItem; entry: LogEntry }> {
  const region = findTrust(input.trust)!.region;
  const id = randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const [active] = await tx.query<{ id: string }>("SELECT id FROM incidents WHERE trust = $1 AND status = 'active'", [input.trust]);
      if (active) throw activeConflict(input.trust, active.id);
      await tx.query(
        `INSERT INTO incidents (id, trust, region, level, title, reason, status, declared_at, declared_by, snapshot, entry_count, last_entry_at, head_hash)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9, 0, $7, $10)`,
        [id, input.trust, region, input.level, input.title, input.reason, input.at, JSON.stringify(input.by), JSON.stringify(input.snapshot), GENESIS_HASH],
      );
      const row = await lockIncident(tx, id);
      const entry = await appendLocked(tx, row, { at: input.at, author: input.by, kind: 'system', text: input.firstEntry });
      return { incident: toListItem({ ...row, entry_count: 1, last_entry_at: new Date(entry.at), head_hash: entry.hash }), entry };
    });
  } catch (error) {
    // Two declarations at once: the unique index lets one through.
    if (isUniqueViolation(error)) {
      const [active] = await db.query<{ id: string }>("SELECT id FROM incidents WHERE trust = $1 AND status = 'active'", [input.trust]);
      throw activeConflict(input.trust, active?.id ?? 'unknown');
    }
    throw error;
  }
}

function activeConflict(trust: TrustCode, id: string) {
  return conflict('incident_active', `${trust} already has an active incident (${id}); escalate or de-escalate it, or stand it down first.`);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error).code === '23505';
}

/** Appends a person's or the server's entry; refused once the incident is stood down. */
export async function appendEntry(db: Database, id: string, entry: NewLogEntry): Promise<{ incident: IncidentListItem; entry: LogEntry }> {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, id);
    if (row.status !== 'active') throw stoodDown(row);
    if (entry.corrects !== undefined && entry.corrects > row.entry_count) {
      throw invalidInput([{ path: 'corrects', message: `there is no entry ${entry.corrects}: this log has ${row.entry_count}` }]);
    }
    const written = await appendLocked(tx, row, entry);
    return { incident: toListItem({ ...row, entry_count: written.seq, last_entry_at: new Date(written.at), head_hash: written.hash }), entry: written };
  });
}

export async function changeLevel(db: Database, id: string, change: { level: IncidentLevel; at: Date; by: Author; text: (from: IncidentLevel) => string; reason: string }): Promise<{ incident: IncidentListItem; entry: LogEntry }> {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, id);
    if (row.status !== 'active') throw stoodDown(row);
    if (row.level === change.level) throw conflict('same_level', `The incident is already at this level.`);
    await tx.query('UPDATE incidents SET level = $2 WHERE id = $1', [id, change.level]);
    const written = await appendLocked(tx, row, { at: change.at, author: change.by, kind: 'system', text: change.text(row.level), rationale: change.reason });
    return { incident: toListItem({ ...row, level: change.level, entry_count: written.seq, last_entry_at: new Date(written.at), head_hash: written.hash }), entry: written };
  });
}

export async function standDown(db: Database, id: string, input: { at: Date; by: Author; reason: string; text: string }): Promise<{ incident: IncidentListItem; entry: LogEntry }> {
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, id);
    if (row.status !== 'active') throw stoodDown(row);
    // The last entry first: once the row says stood down, the database takes nothing more.
    const written = await appendLocked(tx, row, { at: input.at, author: input.by, kind: 'system', text: input.text, rationale: input.reason });
    await tx.query("UPDATE incidents SET status = 'stood_down', stood_down_at = $2, stood_down_by = $3, stand_down_reason = $4 WHERE id = $1", [id, new Date(written.at), JSON.stringify(input.by), input.reason]);
    return {
      incident: toListItem({ ...row, status: 'stood_down', stood_down_at: new Date(written.at), stood_down_by: input.by, stand_down_reason: input.reason, entry_count: written.seq, last_entry_at: new Date(written.at), head_hash: written.hash }),
      entry: written,
    };
  });
}

/** An incident as stored, with where its chain ended when its last entry was written. */
export type StoredIncident = Incident & { headHash: string; entryCount: number };

/** The incident as readers see it: without the chain's recorded end, which only verify uses. */
export function shownIncident({ headHash: _head, entryCount: _count, ...incident }: StoredIncident): Incident {
  return incident;
}

export async function readIncident(db: Queryable, id: string): Promise<StoredIncident | undefined> {
  const [row] = await db.query<IncidentRow & Record<string, unknown>>(`SELECT ${LIST_COLUMNS}, i.snapshot FROM incidents i WHERE i.id = $1`, [id]);
  if (!row) return undefined;
  const log = await readLog(db, id);
  const { entries: _entries, lastEntryAt: _last, ...item } = toListItem(row);
  return { ...item, snapshot: row.snapshot!, log, headHash: row.head_hash, entryCount: row.entry_count };
}

export async function incidentTrust(db: Queryable, id: string): Promise<TrustCode | undefined> {
  const [row] = await db.query<{ trust: TrustCode }>('SELECT trust FROM incidents WHERE id = $1', [id]);
  return row?.trust;
}

export async function readLog(db: Queryable, id: string): Promise<LogEntry[]> {
  const rows = await db.query<EntryRow & Record<string, unknown>>('SELECT seq, at, author, kind, text, rationale, corrects, hash FROM incident_entries WHERE incident_id = $1 ORDER BY seq', [id]);
  return rows.map(toEntry);
}

export async function readEntry(db: Queryable, id: string, seq: number): Promise<LogEntry | undefined> {
  const [row] = await db.query<EntryRow & Record<string, unknown>>('SELECT seq, at, author, kind, text, rationale, corrects, hash FROM incident_entries WHERE incident_id = $1 AND seq = $2', [id, seq]);
  return row ? toEntry(row) : undefined;
}

/** The active incident of every trust that has one, for the pictures. */
export async function activeIncidents(db: Queryable): Promise<Map<TrustCode, IncidentListItem>> {
  const rows = await db.query<IncidentRow & Record<string, unknown>>(`SELECT ${LIST_COLUMNS} FROM incidents i WHERE i.status = 'active'`);
  return new Map(rows.map((row) => [row.trust, toListItem(row)]));
}

/** Which incidents a reader may see: everything, one region, or one trust. */
export type IncidentScope = { kind: 'all' } | { kind: 'region'; region: RegionCode } | { kind: 'trust'; trust: TrustCode };

function encodeCursor(row: { declared_at: Date; id: string }): string {
  return Buffer.from(`${row.declared_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) throw invalidInput([{ path: 'cursor', message: 'is not a cursor this server gave' }]);
  return { at: date, id };
}

/**
 * A page of incidents, newest declared first, within the reader's scope and the filters. `q`
 * searches titles, reasons and every log entry's text and rationale (English stemming: "delay"
 * finds "delays"), through the GIN indexes; each match comes with a few words around it.
 */
export async function listIncidents(db: Queryable, scope: IncidentScope, query: IncidentQuery): Promise<{ incidents: IncidentListItem[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (scope.kind === 'region') where.push(`i.region = ${param(scope.region)}`);
  if (scope.kind === 'trust') where.push(`i.trust = ${param(scope.trust)}`);
  if (query.trust) where.push(`i.trust = ${param(query.trust)}`);
  if (query.region) where.push(`i.region = ${param(query.region)}`);
  if (query.status) where.push(`i.status = ${param(query.status)}`);
  if (query.level) where.push(`i.level = ${param(query.level)}`);
  // Incidents running at any time in the period.
  if (query.to) where.push(`i.declared_at <= ${param(new Date(query.to))}`);
  if (query.from) where.push(`(i.stood_down_at IS NULL OR i.stood_down_at >= ${param(new Date(query.from))})`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    where.push(`(i.declared_at, i.id) < (${param(cursor.at)}, ${param(cursor.id)}::uuid)`);
  }
  const q = query.q?.trim() ? param(query.q.trim()) : undefined;
  const matched = q
    ? `JOIN (SELECT id FROM incidents WHERE search @@ websearch_to_tsquery('english', ${q})
             UNION SELECT incident_id FROM incident_entries WHERE search @@ websearch_to_tsquery('english', ${q})) m ON m.id = i.id`
    : '';
  const rows = await db.query<IncidentRow & { match: string | null } & Record<string, unknown>>(
    `SELECT ${LIST_COLUMNS}${q ? ', h.match' : ''}
       FROM (SELECT ${LIST_COLUMNS} FROM incidents i ${matched}
              ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
              ORDER BY i.declared_at DESC, i.id DESC LIMIT ${param(limit + 1)}) i
       ${q ? `LEFT JOIN LATERAL (
           SELECT ts_headline('english', s.body, websearch_to_tsquery('english', ${q}), 'MaxWords=18, MinWords=6, StartSel=«, StopSel=»') AS match
             FROM (SELECT i.title || ' — ' || i.reason AS body, 0 AS seq
                    WHERE to_tsvector('english', i.title || ' ' || i.reason) @@ websearch_to_tsquery('english', ${q})
                   UNION ALL
                   SELECT e.text || coalesce(' — ' || e.rationale, ''), e.seq FROM incident_entries e
                    WHERE e.incident_id = i.id AND e.search @@ websearch_to_tsquery('english', ${q})) s
            ORDER BY s.seq LIMIT 1) h ON true` : ''}
      ORDER BY i.declared_at DESC, i.id DESC`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    incidents: page.map((row) => ({ ...toListItem(row), ...(row.match ? { match: row.match } : {}) })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
  };
}

import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';
import { Picture } from '../picture/picture.ts';

/**
 * Declared incidents and their decision log (CONTRACT.md "Incidents").
 *
 * NHS EPRR incident levels, from least to most severe. A trust has at most one active incident;
 * it is escalated or de-escalated rather than declared again, and stood down once over.
 *
 * The log is append-only: entries are never changed or removed (the database refuses it), a
 * correction is a new entry that names the `seq` it corrects. Each entry's `hash` is SHA-256 over
 * the previous entry's hash and the entry's canonical JSON (see `canonicalEntry`), so changing a
 * stored entry breaks the chain from that entry on, and `verify` names it.
 */
export const INCIDENT_LEVELS = ['business_continuity', 'critical', 'major'] as const;
export const IncidentLevel = z.enum(INCIDENT_LEVELS, { error: `must be one of ${INCIDENT_LEVELS.join(', ')}` });
export type IncidentLevel = z.infer<typeof IncidentLevel>;

export const INCIDENT_LEVEL_NAMES: Record<IncidentLevel, string> = {
  business_continuity: 'Business continuity incident',
  critical: 'Critical incident',
  major: 'Major incident',
};

export const INCIDENT_STATUSES = ['active', 'stood_down'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` });
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** What people write; `system` entries are the server's own (declaration, levels, flags, REAP, mutual aid, stand-down). */
export const WRITTEN_KINDS = ['decision', 'action', 'information', 'communication', 'correction'] as const;
export const ENTRY_KINDS = [...WRITTEN_KINDS, 'system'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

export const ENTRY_KIND_NAMES: Record<EntryKind, string> = {
  decision: 'Decision',
  action: 'Action',
  information: 'Information',
  communication: 'Communication',
  correction: 'Correction',
  system: 'System',
};

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max.toLocaleString('en-GB')} characters`);

export const DeclareIncident = z
  .object({
    trust: TrustCodeSchema,
    level: IncidentLevel,
    title: text('a title', 200),
    reason: text('a reason', 4000),
  })
  .strict();
export type DeclareIncident = z.infer<typeof DeclareIncident>;

export const ChangeLevel = z.object({ level: IncidentLevel, reason: text('a reason', 4000) }).strict();
export type ChangeLevel = z.infer<typeof ChangeLevel>;

export const StandDown = z.object({ reason: text('a reason', 4000) }).strict();
export type StandDown = z.infer<typeof StandDown>;

export const NewEntry = z
  .object({
    kind: z.enum(WRITTEN_KINDS, { error: `must be one of ${WRITTEN_KINDS.join(', ')} (system entries are the server's own)` }),
    text: text('the text', 8000),
    rationale: text('a rationale', 8000).optional(),
    corrects: z.number({ error: 'must be the seq of the entry corrected' }).int('must be a whole number').min(1, 'must be the seq of an entry').optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.kind === 'decision' && entry.rationale === undefined) ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'a decision needs its rationale: why it was made' });
    if (entry.kind === 'correction' && entry.corrects === undefined) ctx.addIssue({ code: 'custom', path: ['corrects'], message: 'a correction names the seq of the entry it corrects' });
    if (entry.kind !== 'correction' && entry.corrects !== undefined) ctx.addIssue({ code: 'custom', path: ['corrects'], message: 'only a correction names an entry it corrects' });
  });
export type NewEntry = z.infer<typeof NewEntry>;

/** Who wrote an entry: a person (their account id, name and role then) or the server itself. */
export const Author = z.object({
  id: z.string().nullable(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
});
export type Author = z.infer<typeof Author>;

export const SYSTEM_AUTHOR: Author = { id: null, username: 'system', displayName: 'System', role: 'system' };

export const LogEntry = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  author: Author,
  kind: EntryKind,
  text: z.string(),
  rationale: z.string().optional(),
  corrects: z.number().int().optional(),
  hash: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const Incident = z.object({
  id: z.string(),
  trust: TrustCodeSchema,
  region: RegionCodeSchema,
  level: IncidentLevel,
  title: z.string(),
  reason: z.string(),
  status: IncidentStatus,
  declaredAt: z.string(),
  declaredBy: Author,
  standDown: z.object({ at: z.string(), by: Author, reason: z.string() }).nullable(),
  /** The trust's picture at the moment of declaration. */
  snapshot: Picture,
  /** The whole log in seq order (on a single incident; the first entry on declaration). */
  log: z.array(LogEntry),
});
export type Incident = z.infer<typeof Incident>;

/** An incident as a list shows it: no snapshot, no log. */
export const IncidentListItem = Incident.omit({ snapshot: true, log: true }).extend({
  entries: z.number().int(),
  lastEntryAt: z.string(),
  /** Where the search matched, when there was a search: a few words around it. */
  match: z.string().optional(),
});
export type IncidentListItem = z.infer<typeof IncidentListItem>;

export const IncidentPage = z.object({
  incidents: z.array(IncidentListItem),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type IncidentPage = z.infer<typeof IncidentPage>;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' });

export const IncidentQuery = z
  .object({
    trust: TrustCodeSchema.optional(),
    region: RegionCodeSchema.optional(),
    status: IncidentStatus.optional(),
    level: IncidentLevel.optional(),
    /** Incidents running at any time from `from` to `to`. */
    from: instant.optional(),
    to: instant.optional(),
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { path: ['to'], message: 'must not be before from' });
export type IncidentQuery = z.infer<typeof IncidentQuery>;

export const Verification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose stored hash no longer matches its content and the chain before it. */
  firstBadSeq: z.number().int().optional(),
});
export type Verification = z.infer<typeof Verification>;

export const ExportQuery = z.object({ format: z.enum(['csv', 'pdf'], { error: 'must be csv or pdf' }) }).strict();

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level and no spaces: the same bytes on every machine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an entry's hash covers: everything about it but the hash, and the incident it belongs to. */
export function canonicalEntry(incidentId: string, entry: Omit<LogEntry, 'hash'>): string {
  const { seq, at, author, kind, text: body, rationale, corrects } = entry;
  return canonicalJson({ incident: incidentId, seq, at, author, kind, text: body, rationale, corrects });
}

import type { Logger } from 'pino';
import { INCIDENT_LEVEL_NAMES, SYSTEM_AUTHOR, type Author, type IncidentLevel, type IncidentListItem, type LogEntry } from '../../shared/incidents/schemas.ts';
import type { Flag, Picture } from '../../shared/picture/picture.ts';
import { REAP_NAMES } from '../../shared/reap/schemas.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { FlagChange } from '../thresholds/engine.ts';
import { activeIncidents, appendEntry, changeLevel, declareIncident, standDown, type NewLogEntry } from './store.ts';

/** Where the incident service says what changed: the screens of the trust and of the incident. */
export interface IncidentAnnouncer {
  declared(trust: TrustCode, incident: IncidentListItem): void;
  updated(trust: TrustCode, incident: IncidentListItem): void;
  logged(trust: TrustCode, incident: string, entry: LogEntry): void;
}

export function authorOf(principal: Principal | null): Author {
  if (principal?.kind !== 'user') return SYSTEM_AUTHOR;
  const { user } = principal;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/**
 * Declared incidents as the rest of the server sees them: the active one of each trust (for the
 * pictures), and every change to a log made through here, so that each is announced once it is
 * stored. The server's own `system` entries (flags, REAP changes, mutual aid) go to the trust's
 * active incident, if it has one.
 */
export class IncidentService {
  private active = new Map<TrustCode, IncidentListItem>();
  private readonly db: Database;
  private readonly log: Logger;
  private readonly now: () => Date;
  private announcer: IncidentAnnouncer | undefined;
  private readonly changeListeners = new Set<(trust: TrustCode) => void>();

  constructor(options: { db: Database; log: Logger; now: () => Date }) {
    this.db = options.db;
    this.log = options.log;
    this.now = options.now;
  }

  announceThrough(announcer: IncidentAnnouncer): void {
    this.announcer = announcer;
  }

  /** Called when a trust's active incident changes (its picture shows it). */
  onChange(listener: (trust: TrustCode) => void): void {
    this.changeListeners.add(listener);
  }

  async load(): Promise<void> {
    const before = this.active;
    this.active = await activeIncidents(this.db);
    for (const trust of new Set([...before.keys(), ...this.active.keys()])) {
      if (JSON.stringify(before.get(trust)) !== JSON.stringify(this.active.get(trust))) this.changed(trust);
    }
  }

  /** The trust's active incident as its picture shows it. */
  summaryOf(trust: TrustCode): Picture['incident'] {
    const incident = this.active.get(trust);
    return incident ? { id: incident.id, level: incident.level, title: incident.title, declaredAt: incident.declaredAt } : null;
  }

  activeOf(trust: TrustCode): IncidentListItem | undefined {
    return this.active.get(trust);
  }

  private changed(trust: TrustCode): void {
    for (const listener of this.changeListeners) listener(trust);
  }

  private setActive(incident: IncidentListItem): void {
    if (incident.status === 'active') this.active.set(incident.trust, incident);
    else if (this.active.get(incident.trust)?.id === incident.id) this.active.delete(incident.trust);
    this.changed(incident.trust);
  }

  async declare(input: { trust: TrustCode; level: IncidentLevel; title: string; reason: string; snapshot: Picture; by: Author }) {
    const at = this.now();
    const result = await declareIncident(this.db, {
      ...input,
      at,
      firstEntry: `${INCIDENT_LEVEL_NAMES[input.level]} declared by ${input.by.displayName}: ${input.title}. Reason: ${input.reason}`,
    });
    this.setActive(result.incident);
    this.announcer?.declared(input.trust, result.incident);
    this.announcer?.logged(input.trust, result.incident.id, result.entry);
    return result;
  }

  async changeLevel(id: string, input: { level: IncidentLevel; reason: string; by: Author }) {
    const result = await changeLevel(this.db, id, {
      ...input,
      at: this.now(),
      text: (from) => `${levelChange(from, input.level)} from ${INCIDENT_LEVEL_NAMES[from].toLowerCase()} to ${INCIDENT_LEVEL_NAMES[input.level].toLowerCase()} by ${input.by.displayName}.`,
    });
    this.setActive(result.incident);
    this.announcer?.updated(result.incident.trust, result.incident);
    this.announcer?.logged(result.incident.trust, id, result.entry);
    return result;
  }

  async standDown(id: string, input: { reason: string; by: Author }) {
    const result = await standDown(this.db, id, { ...input, at: this.now(), text: `Stood down by ${input.by.displayName}. Nothing more is logged.` });
    this.setActive(result.incident);
    this.announcer?.updated(result.incident.trust, result.incident);
    this.announcer?.logged(result.incident.trust, id, result.entry);
    return result;
  }

  async append(id: string, entry: NewLogEntry) {
    const result = await appendEntry(this.db, id, { ...entry, at: this.now() });
    this.active.set(result.incident.trust, result.incident);
    this.announcer?.logged(result.incident.trust, id, result.entry);
    return result;
  }

  /**
   * The server's own entry in the trust's active incident, if there is one. Never throws: the
   * change it records has happened whatever becomes of the entry, and a failure is logged.
   */
  async logSystem(trust: TrustCode, text: string, detail?: string): Promise<LogEntry | undefined> {
    const incident = this.active.get(trust);
    if (!incident) return undefined;
    try {
      const { entry } = await this.append(incident.id, { at: this.now(), author: SYSTEM_AUTHOR, kind: 'system', text, ...(detail ? { rationale: detail } : {}) });
      return entry;
    } catch (error) {
      this.log.warn({ err: error, trust, incident: incident.id }, 'a system entry could not be written to the incident log');
      return undefined;
    }
  }

  /** The same, to one incident of the trust (a mutual-aid request's linked one), while it is active. */
  async logSystemTo(incidentId: string, trust: TrustCode, text: string, detail?: string): Promise<LogEntry | undefined> {
    if (this.active.get(trust)?.id !== incidentId) return undefined;
    return this.logSystem(trust, text, detail);
  }

  logFlag(trust: TrustCode, change: FlagChange): Promise<LogEntry | undefined> {
    return this.logSystem(trust, flagText(change.kind, change.flag));
  }

  logReap(trust: TrustCode, change: { level: number; reason: string; by: Author }): Promise<LogEntry | undefined> {
    const name = REAP_NAMES[change.level as keyof typeof REAP_NAMES] ?? '';
    return this.logSystem(trust, `REAP level set to ${change.level} (${name.toLowerCase()}) by ${change.by.displayName}.`, change.reason);
  }
}

function levelChange(from: IncidentLevel, to: IncidentLevel): string {
  const order = ['business_continuity', 'critical', 'major'];
  return order.indexOf(to) > order.indexOf(from) ? 'Escalated' : 'De-escalated';
}

export function flagText(kind: 'raised' | 'cleared', flag: Flag): string {
  return kind === 'raised'
    ? `Flag raised (${flag.severity}): ${flag.message}.${flag.advice ? ` Advice: ${flag.advice}` : ''}`
    : `Flag cleared (${flag.severity}): ${flag.message}.`;
}

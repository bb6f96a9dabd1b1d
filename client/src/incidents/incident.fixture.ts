import type { Author, Incident, IncidentListItem, LogEntry } from '../../../shared/incidents/schemas.ts';
import { samplePicture } from '../picture/picture.fixture.ts';

export const dutyManager: Author = { id: 'u1', username: 'dm-neas', displayName: 'Alex Duty', role: 'duty_manager' };

/** An entry at `minute` minutes past 09:00Z on 15 January 2025, overriding only what a test needs. */
export function buildEntry(seq: number, overrides: Partial<LogEntry> = {}): LogEntry {
  return { seq, at: new Date(Date.UTC(2025, 0, 15, 9, seq)).toISOString(), author: dutyManager, kind: 'information', text: `entry ${seq}`, hash: `h${seq}`, ...overrides };
}

export function buildIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    trust: 'RX6',
    region: 'Y63',
    level: 'critical',
    title: 'Handover delays across the trust',
    reason: '150 waiting, 40 crews held at hospitals',
    status: 'active',
    declaredAt: '2025-01-15T09:00:00.000Z',
    declaredBy: dutyManager,
    standDown: null,
    snapshot: samplePicture(),
    log: [buildEntry(1, { kind: 'system', text: 'Critical incident declared' })],
    ...overrides,
  };
}

export function buildSummary(incident: Incident, overrides: Partial<IncidentListItem> = {}): IncidentListItem {
  const { snapshot: _snapshot, log, ...rest } = incident;
  return { ...rest, entries: log.length, lastEntryAt: log.at(-1)?.at ?? incident.declaredAt, ...overrides };
}

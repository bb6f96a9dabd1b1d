import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import { buildIncidentRows, entryMarks, incidentSpan, lastKnownAt, ukHourTicks, withSpanEnds } from './incidentSeries.ts';
import { buildEntry } from './incident.fixture.ts';

const point = (at: string, overrides: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at,
  queueTotal: 10,
  C1Waiting: 0,
  C1LongestWaitSeconds: 0,
  C2Waiting: 5,
  C2LongestWaitSeconds: 1800,
  C3Waiting: 3,
  C4Waiting: 2,
  callsWaiting: 0,
  planned: 90,
  onShift: 80,
  available: 4,
  atHospital: 30,
  handoverWaiting: 12,
  handoverOver60: 3,
  hoursLostOver30Today: 6.5,
  hoursLostOver15Today: 9,
  stale: false,
  ...overrides,
});

describe('the incident’s charts', () => {
  it('span from an hour before the declaration to five minutes after the stand-down, or to now while it runs', () => {
    const declaredAt = '2025-01-15T09:00:00.000Z';
    const now = new Date('2025-01-15T10:30:00Z');
    expect(incidentSpan({ declaredAt, standDown: null }, now)).toEqual({ from: Date.parse('2025-01-15T08:00:00Z'), to: now.getTime() });
    const standDown = { at: '2025-01-15T10:00:00.000Z', by: { id: null, username: 'x', displayName: 'X', role: 'duty_manager' }, reason: 'r' };
    expect(incidentSpan({ declaredAt, standDown }, now).to).toBe(Date.parse('2025-01-15T10:05:00Z'));
  });

  it('leave a gap where the feed was stale and where minutes are missing', () => {
    const rows = buildIncidentRows([point('2025-01-15T10:00:00Z'), point('2025-01-15T10:01:00Z', { stale: true }), point('2025-01-15T10:02:00Z', { queueTotal: 11 }), point('2025-01-15T10:06:00Z', { queueTotal: 12 })]);
    expect(rows.map((r) => [new Date(r.t).toISOString().slice(11, 16), r.queueTotal])).toEqual([
      ['10:00', 10],
      ['10:01', null],
      ['10:02', 11],
      ['10:03', null],
      ['10:06', 12],
    ]);
    expect(rows[0]!.onShift).toBe(80);
    expect(lastKnownAt(rows)).toBe(Date.parse('2025-01-15T10:06:00Z'));
  });

  it('draw a thinned long incident as one line, its points further apart than a minute', () => {
    const every10 = [0, 10, 20, 30].map((m) => point(new Date(Date.UTC(2025, 0, 15, 10, m)).toISOString()));
    expect(buildIncidentRows(every10).map((r) => r.queueTotal)).toEqual([10, 10, 10, 10]);
  });

  it('mark every entry in the span, decisions told apart', () => {
    const log = [buildEntry(1), buildEntry(2, { kind: 'decision', rationale: 'r' })];
    expect(entryMarks(log, Date.parse('2025-01-15T08:00:00Z'), Date.parse('2025-01-15T12:00:00Z'))).toEqual([
      { t: Date.parse('2025-01-15T09:01:00Z'), seq: 1, decision: false, row: 0 },
      { t: Date.parse('2025-01-15T09:02:00Z'), seq: 2, decision: true, row: 1 },
    ]);
  });

  it('put the numbers of close entries in different rows, and of distant ones in the first', () => {
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 15, 9, minute)).toISOString();
    const log = [0, 1, 2, 3, 50].map((m, i) => buildEntry(i + 1, { at: at(m) }));
    expect(entryMarks(log, Date.parse(at(0)), Date.parse(at(100))).map((m) => m.row)).toEqual([0, 1, 2, 0, 0]);
  });

  it('tick on round UK times, further apart as the incident grows', () => {
    const iso = (t: number) => new Date(t).toISOString().slice(11, 16);
    expect(ukHourTicks(Date.parse('2025-01-15T09:10:00Z'), Date.parse('2025-01-15T13:40:00Z')).map(iso)).toEqual(['10:00', '11:00', '12:00', '13:00']);
    // In summer, 06:00 and 12:00 UK time are 05:00Z and 11:00Z.
    expect(ukHourTicks(Date.parse('2025-07-01T00:00:00Z'), Date.parse('2025-07-02T00:00:00Z')).map(iso)).toEqual(['05:00', '11:00', '17:00', '23:00']);
    // A new incident: an hour before it, a few minutes since.
    expect(ukHourTicks(Date.parse('2025-01-15T08:05:00Z'), Date.parse('2025-01-15T09:10:00Z')).map(iso)).toEqual(['08:15', '08:30', '08:45', '09:00']);
  });

  it('keep their time axis before any minute is recorded', () => {
    const rows = withSpanEnds([], 0, 60_000);
    expect(rows.map((r) => [r.t, r.queueTotal])).toEqual([
      [0, null],
      [60_000, null],
    ]);
  });
});

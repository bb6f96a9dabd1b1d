import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import { buildHistorySeries, isIsolated, latestValue, niceCeiling } from './historySeries.ts';

function point(at: string, queueTotal: number, stale = false): HistoryPoint {
  return {
    at,
    queueTotal,
    C1Waiting: 0,
    C1LongestWaitSeconds: 0,
    C2Waiting: 0,
    C2LongestWaitSeconds: 600,
    C3Waiting: 0,
    C4Waiting: 0,
    callsWaiting: 0,
    planned: 90,
    onShift: 80,
    available: 5,
    atHospital: 10,
    handoverWaiting: 10,
    handoverOver60: 1,
    hoursLostOver30Today: 1,
    hoursLostOver15Today: 2,
    stale,
  };
}

const at = (iso: string) => Date.parse(iso);

describe('history series', () => {
  it('puts every minute on the grid, with gaps where nothing was recorded', () => {
    const rows = buildHistorySeries([point('2025-01-15T10:00:00.000Z', 40), point('2025-01-15T10:03:00.000Z', 44)], at('2025-01-15T10:00:00Z'), at('2025-01-15T10:03:30Z'));
    expect(rows.map((r) => r.queueTotal)).toEqual([40, null, null, 44]);
    expect(rows[0]!.t).toBe(at('2025-01-15T10:00:00Z'));
  });

  it('leaves stale minutes out of the lines and marks them', () => {
    const rows = buildHistorySeries([point('2025-01-15T10:00:00Z', 40, true), point('2025-01-15T10:01:00Z', 41)], at('2025-01-15T10:00:00Z'), at('2025-01-15T10:01:00Z'));
    expect(rows.map((r) => [r.queueTotal, r.stale])).toEqual([
      [null, true],
      [41, false],
    ]);
  });

  it('finds lone values, and the latest value', () => {
    const rows = buildHistorySeries([point('2025-01-15T10:00:00Z', 40), point('2025-01-15T10:02:00Z', 42), point('2025-01-15T10:03:00Z', 43)], at('2025-01-15T10:00:00Z'), at('2025-01-15T10:04:00Z'));
    expect(rows.map((_, i) => isIsolated(rows, i, 'queueTotal'))).toEqual([true, false, false, false, false]);
    expect(latestValue(rows, 'queueTotal')).toBe(43);
    expect(latestValue([], 'queueTotal')).toBeNull();
  });

  it('leaves headroom above the highest value, on a round number', () => {
    expect(niceCeiling(58)).toBe(80);
    expect(niceCeiling(151)).toBe(200);
    expect(niceCeiling(4)).toBe(6);
    expect(niceCeiling(0)).toBe(4);
    expect(niceCeiling(1000)).toBe(1500);
  });
});

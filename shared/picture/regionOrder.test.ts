import { describe, expect, it } from 'vitest';
import type { TrustSummaryFigures } from './region.ts';
import { compareWorstFirst, queuePerCrew, whyFirst, worstFirst } from './regionOrder.ts';

const MIN = 60;

function buildSummary(shortName: string, over: Partial<TrustSummaryFigures> = {}): TrustSummaryFigures {
  return {
    trust: { code: 'RX6', name: `${shortName} Ambulance Service`, shortName },
    reapLevel: 1,
    incident: null,
    queueTotal: 10,
    C1LongestWaitSeconds: 5 * MIN,
    C2LongestWaitSeconds: 10 * MIN,
    available: 10,
    onShift: 100,
    planned: 100,
    hospitalsOver60: 0,
    hoursLostOver30Today: 0,
    stale: false,
    lastEventAt: '2025-01-10T12:00:00Z',
    ...over,
  };
}

const incident = (level: 'business_continuity' | 'critical' | 'major') => ({ id: `i-${level}`, level, title: level, declaredAt: '2025-01-10T10:00:00Z' });
const names = (trusts: readonly TrustSummaryFigures[]) => worstFirst(trusts).map((t) => t.trust.shortName);

describe('the region’s trusts, worst first', () => {
  it('puts a stale trust first, even before a declared major incident at REAP 4', () => {
    expect(names([buildSummary('YAS', { incident: incident('major'), reapLevel: 4 }), buildSummary('NEAS', { stale: true })])).toEqual(['NEAS', 'YAS']);
  });

  it('orders stale trusts among themselves by their last known figures', () => {
    expect(names([buildSummary('A', { stale: true }), buildSummary('B', { stale: true, reapLevel: 3 })])).toEqual(['B', 'A']);
  });

  it('orders by declared incident level: major, critical, business continuity, none', () => {
    const trusts = [buildSummary('none'), buildSummary('bc', { incident: incident('business_continuity') }), buildSummary('major', { incident: incident('major') }), buildSummary('critical', { incident: incident('critical') })];
    expect(names(trusts)).toEqual(['major', 'critical', 'bc', 'none']);
  });

  it('puts a declared incident before a higher REAP level', () => {
    expect(names([buildSummary('EMAS', { reapLevel: 4 }), buildSummary('YAS', { incident: incident('business_continuity'), reapLevel: 2 })])).toEqual(['YAS', 'EMAS']);
  });

  it('orders by REAP level when incidents tie', () => {
    expect(names([buildSummary('two', { reapLevel: 2 }), buildSummary('four', { reapLevel: 4 }), buildSummary('three', { reapLevel: 3 })])).toEqual(['four', 'three', 'two']);
  });

  it('orders by C2 wait against the standard in bands before the queue per crew', () => {
    const beyond = buildSummary('beyond', { C2LongestWaitSeconds: 41 * MIN, queueTotal: 5 });
    const near = buildSummary('near', { C2LongestWaitSeconds: 19 * MIN, queueTotal: 90 });
    const within = buildSummary('within', { C2LongestWaitSeconds: 17 * MIN, queueTotal: 99 });
    expect(names([within, near, beyond])).toEqual(['beyond', 'near', 'within']);
  });

  it('within one C2 band, orders by patients waiting per crew on shift, not by the queue alone', () => {
    const london = buildSummary('LAS', { C2LongestWaitSeconds: 45 * MIN, queueTotal: 100, onShift: 400 });
    const island = buildSummary('IOW', { C2LongestWaitSeconds: 42 * MIN, queueTotal: 20, onShift: 10 });
    expect(names([london, island])).toEqual(['IOW', 'LAS']);
  });

  it('counts patients waiting with no crew on shift as the furthest behind, and nobody waiting as not behind', () => {
    expect(queuePerCrew({ queueTotal: 3, onShift: 0 })).toBe(Number.POSITIVE_INFINITY);
    expect(queuePerCrew({ queueTotal: 0, onShift: 0 })).toBe(0);
    expect(names([buildSummary('some', { queueTotal: 50, onShift: 10 }), buildSummary('none', { queueTotal: 3, onShift: 0 })])).toEqual(['none', 'some']);
    expect(compareWorstFirst(buildSummary('A', { queueTotal: 3, onShift: 0 }), buildSummary('B', { queueTotal: 9, onShift: 0 }))).toBeLessThan(0);
  });

  it('breaks a tie on queue per crew by the longer C2 wait, then by name', () => {
    expect(names([buildSummary('A', { C2LongestWaitSeconds: 20 * MIN }), buildSummary('B', { C2LongestWaitSeconds: 30 * MIN })])).toEqual(['B', 'A']);
    expect(names([buildSummary('YAS'), buildSummary('NEAS')])).toEqual(['NEAS', 'YAS']);
  });

  it('leaves the list it was given as it was', () => {
    const trusts = [buildSummary('YAS'), buildSummary('NEAS', { reapLevel: 3 })];
    worstFirst(trusts);
    expect(trusts.map((t) => t.trust.shortName)).toEqual(['YAS', 'NEAS']);
  });

  it('says in words what put a trust where it is', () => {
    expect(whyFirst(buildSummary('A', { stale: true, reapLevel: 4 }))).toBe('NO DATA');
    expect(whyFirst(buildSummary('A', { incident: incident('business_continuity') }))).toBe('BUSINESS CONTINUITY INCIDENT');
    expect(whyFirst(buildSummary('A', { reapLevel: 3 }))).toBe('REAP 3');
    expect(whyFirst(buildSummary('A', { C2LongestWaitSeconds: 41 * MIN }))).toBe('C2 OVER 40 MIN');
    expect(whyFirst(buildSummary('A'))).toBeUndefined();
  });
});

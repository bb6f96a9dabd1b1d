import { describe, expect, it } from 'vitest';
import { ukClock, ukDateTimeIso, ukDateTimeLong, ukLocal, ukOffset } from '../../../shared/time/ukFormat.ts';
import { timeTicks, unbrokenRuns } from './pdfCharts.ts';

/** The exports' UK times, and the charts' time axis, on ordinary days and the days the clocks change. */
describe('UK local time in exports', () => {
  it('runs under TZ=UTC, so nothing here leans on the machine being in London', () => {
    expect(new Date('2023-07-01T12:00:00Z').getHours()).toBe(12);
  });

  it.each([
    ['2023-10-29T00:30:00Z', '2023-10-29 01:30:00', '+01:00', '29 Oct 2023 01:30:00 BST (UTC+01:00)'],
    ['2023-10-29T01:30:00Z', '2023-10-29 01:30:00', '+00:00', '29 Oct 2023 01:30:00 GMT (UTC+00:00)'],
    ['2023-03-26T00:59:59Z', '2023-03-26 00:59:59', '+00:00', '26 Mar 2023 00:59:59 GMT (UTC+00:00)'],
    ['2023-03-26T01:00:00Z', '2023-03-26 02:00:00', '+01:00', '26 Mar 2023 02:00:00 BST (UTC+01:00)'],
    ['2023-06-30T23:30:00Z', '2023-07-01 00:30:00', '+01:00', '1 Jul 2023 00:30:00 BST (UTC+01:00)'],
    ['2023-12-31T23:59:59Z', '2023-12-31 23:59:59', '+00:00', '31 Dec 2023 23:59:59 GMT (UTC+00:00)'],
  ])('%s is %s %s in London (%s)', (instant, local, offset, long) => {
    const date = new Date(instant);
    expect(ukDateTimeIso(date)).toBe(local);
    expect(ukOffset(date)).toBe(offset);
    expect(ukDateTimeLong(date)).toBe(long);
  });

  it('names the zone BST in summer and GMT in winter', () => {
    expect(ukLocal(new Date('2023-08-01T12:00:00Z')).zone).toBe('BST');
    expect(ukLocal(new Date('2023-11-01T12:00:00Z')).zone).toBe('GMT');
  });
});

describe('chart time axis', () => {
  const ticks = (from: string, to: string, max: number) => timeTicks({ from: Date.parse(from), to: Date.parse(to) }, max).map((t) => `${ukClock(new Date(t))} ${ukLocal(new Date(t)).zone}`);

  it('shows 01:00 twice the night the clocks go back, once BST and once GMT', () => {
    expect(ticks('2023-10-28T22:40:00Z', '2023-10-29T03:10:00Z', 8)).toEqual(['00:00 BST', '01:00 BST', '01:00 GMT', '02:00 GMT', '03:00 GMT']);
  });

  it('has no 01:00 the night the clocks go forward', () => {
    expect(ticks('2023-03-25T23:30:00Z', '2023-03-26T03:30:00Z', 4)).toEqual(['00:00 GMT', '02:00 BST', '03:00 BST', '04:00 BST']);
  });

  it('puts long steps on round London hours in summer and winter alike', () => {
    // Three days across the October change at 6-hourly ticks: 00, 06, 12, 18 local throughout.
    const labels = ticks('2023-10-27T22:00:00Z', '2023-10-30T12:00:00Z', 12);
    expect(new Set(labels.map((l) => l.slice(0, 5)))).toEqual(new Set(['00:00', '06:00', '12:00', '18:00']));
    expect(labels).toContain('00:00 BST');
    expect(labels).toContain('00:00 GMT');
  });

  it('steps in minutes for a short span', () => {
    expect(ticks('2023-10-29T00:02:00Z', '2023-10-29T00:31:00Z', 8)).toEqual(['01:05 BST', '01:10 BST', '01:15 BST', '01:20 BST', '01:25 BST', '01:30 BST']);
  });
});

describe('chart lines', () => {
  const every = (minutes: number, from: string, to: string) => {
    const points: { at: string }[] = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += minutes * 60_000) points.push({ at: new Date(t).toISOString() });
    return points;
  };
  const lengths = (points: { at: string }[]) => unbrokenRuns(points).map((r) => r.length);

  it('break where minutes were not recorded', () => {
    const points = [...every(1, '2023-10-29T00:00:00Z', '2023-10-29T00:10:00Z'), ...every(1, '2023-10-29T00:30:00Z', '2023-10-29T00:40:00Z')];
    expect(lengths(points)).toEqual([11, 11]);
  });

  it('run on through a thinned history, one point every few minutes, unless an hour is missing', () => {
    expect(lengths(every(5, '2023-10-25T00:00:00Z', '2023-10-30T00:00:00Z'))).toEqual([1441]);
    const holed = [...every(5, '2023-10-29T00:00:00Z', '2023-10-29T02:00:00Z'), ...every(5, '2023-10-29T03:00:00Z', '2023-10-29T05:00:00Z')];
    expect(lengths(holed)).toEqual([25, 25]);
  });

  it('make a single point a run of its own, and nothing of no points', () => {
    expect(lengths([{ at: '2023-10-29T00:00:00Z' }])).toEqual([1]);
    expect(lengths([])).toEqual([]);
  });
});

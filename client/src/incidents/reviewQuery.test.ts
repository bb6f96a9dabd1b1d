import { describe, expect, it } from 'vitest';
import { apiSearch, filtersToSearch, periodProblem, readFilters, ukDayEnd, ukDayStart } from './reviewQuery.ts';

describe('the executive review’s filters in the URL', () => {
  it('reads the filters a shared link names, dropping values that are not valid', () => {
    const params = new URLSearchParams('trust=RX6&region=nowhere&level=critical&status=stood_down&from=2025-10-20&to=2025-02-30&q=%20handover%20');
    expect(readFilters(params)).toEqual({ trust: 'RX6', level: 'critical', status: 'stood_down', from: '2025-10-20', q: 'handover' });
  });

  it('writes them back in a fixed order, leaving out what is not set', () => {
    expect(filtersToSearch({ q: 'fire', trust: 'RX8' }).toString()).toBe('trust=RX8&q=fire');
  });

  it('turns UK days into instants across the clocks going back', () => {
    // 26 October 2025: BST until 02:00, then GMT; the day lasts 25 hours.
    expect(ukDayStart('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z');
    expect(ukDayEnd('2025-10-26').toISOString()).toBe('2025-10-27T00:00:00.000Z');
    expect(ukDayStart('2025-01-15').toISOString()).toBe('2025-01-15T00:00:00.000Z');
    expect(ukDayStart('2025-07-01').toISOString()).toBe('2025-06-30T23:00:00.000Z');
  });

  it('asks the API for incidents running in the period, both days included, with the page’s cursor', () => {
    const search = new URLSearchParams(apiSearch({ region: 'Y63', from: '2025-07-01', to: '2025-07-01', q: 'HALO' }, 'c2', 10));
    expect(Object.fromEntries(search)).toEqual({ region: 'Y63', from: '2025-06-30T23:00:00.000Z', to: '2025-07-01T23:00:00.000Z', q: 'HALO', cursor: 'c2', limit: '10' });
  });

  it('says when a period ends before it starts', () => {
    expect(periodProblem({ from: '2025-07-02', to: '2025-07-01' })).toBeDefined();
    expect(periodProblem({ from: '2025-07-01', to: '2025-07-01' })).toBeUndefined();
  });
});

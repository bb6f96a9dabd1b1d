import { describe, expect, it } from 'vitest';
import { handoverStanding, standingAgainstStandard } from './standards.ts';

describe('standing against the ARP standards', () => {
  it.each([
    ['C1', 6 * 60, 'within'],
    ['C1', 7 * 60 + 1, 'near'],
    ['C1', 15 * 60 + 1, 'beyond'],
    ['C2', 18 * 60, 'within'],
    ['C2', 25 * 60, 'near'],
    ['C2', 41 * 60, 'beyond'],
    ['C3', 59 * 60, 'within'],
    ['C3', 61 * 60, 'near'],
    ['C3', 121 * 60, 'beyond'],
    ['C4', 181 * 60, 'beyond'],
  ] as const)('%s after %i s is %s', (category, seconds, standing) => {
    expect(standingAgainstStandard(category, seconds)).toBe(standing);
  });

  it('marks handovers past 30 and 60 minutes', () => {
    expect(handoverStanding(30 * 60)).toBe('within');
    expect(handoverStanding(30 * 60 + 1)).toBe('near');
    expect(handoverStanding(60 * 60 + 1)).toBe('beyond');
  });
});

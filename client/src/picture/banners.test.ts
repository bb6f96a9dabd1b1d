import { describe, expect, it } from 'vitest';
import type { Flag } from '../../../shared/picture/picture.ts';
import { groupFlags } from './Banners.tsx';

const flag = (id: string, rule: string, value: number, since: string, message: string): Flag => ({ id, rule, severity: 'critical', message, value, threshold: 3600, since, advice: 'Escalate.' });

describe('grouping flags for the wall', () => {
  it('shows one rule raised at several hospitals as one flag naming how many and the worst', () => {
    const grouped = groupFlags([
      flag('h60@A', 'h60', 3700, '2025-01-15T10:05:00Z', 'Longest handover wait at Alpha: 62 min, over 60 min'),
      flag('h60@B', 'h60', 7800, '2025-01-15T10:09:00Z', 'Longest handover wait at Beta: 130 min, over 60 min'),
      flag('queue', 'queue', 250, '2025-01-15T10:00:00Z', 'Patients waiting (C1-C4): 250, over 200'),
    ]);
    expect(grouped.map((f) => [f.id, f.message, f.since])).toEqual([
      ['h60', 'Longest handover wait at 2 hospitals, worst Beta: 130 min, over 60 min', '2025-01-15T10:05:00Z'],
      ['queue', 'Patients waiting (C1-C4): 250, over 200', '2025-01-15T10:00:00Z'],
    ]);
  });

  it('names as the worst the hospital furthest past the line, not one already back under it', () => {
    const grouped = groupFlags([
      flag('h60@A', 'h60', 540, '2025-01-15T10:05:00Z', 'Longest handover wait at Alpha: 9 min, over 60 min'),
      flag('h60@B', 'h60', 4000, '2025-01-15T10:09:00Z', 'Longest handover wait at Beta: 67 min, over 60 min'),
    ]);
    expect(grouped[0]!.message).toBe('Longest handover wait at 2 hospitals, worst Beta: 67 min, over 60 min');
  });

  it('leaves a rule raised at one hospital as it is', () => {
    const only = flag('h60@A', 'h60', 3700, '2025-01-15T10:05:00Z', 'Longest handover wait at Alpha: 62 min, over 60 min');
    expect(groupFlags([only])).toEqual([only]);
  });
});

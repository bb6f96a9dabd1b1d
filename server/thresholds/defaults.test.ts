import { describe, expect, it } from 'vitest';
import { TRUSTS } from '../../shared/reference/trusts.ts';
import { ThresholdRules } from '../../shared/thresholds/schemas.ts';
import { defaultRules } from './defaults.ts';

describe('the default rules', () => {
  it('are valid rules for every trust, each with advice', () => {
    for (const trust of TRUSTS) {
      const rules = defaultRules(trust.code);
      expect(ThresholdRules.safeParse(rules).success, trust.code).toBe(true);
      expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['queue-critical', 'c1-wait', 'c2-wait', 'handover-45', 'handover-60', 'crews-free', 'calls-waiting', 'hours-lost']));
    }
  });

  it('put North East’s critical line at the 200 waiting it declared a critical incident with, and scale it with the size of the trust', () => {
    const line = (code: 'RX6' | 'RRU' | 'R1F') => defaultRules(code).find((r) => r.id === 'queue-critical')!.above!;
    expect(line('RX6')).toBe(200);
    expect(line('RRU')).toBeGreaterThan(300);
    expect(line('RRU')).toBeLessThan(400);
    expect(line('R1F')).toBeLessThan(60);
  });

  it('set the hours-lost line from the trust’s own published days', () => {
    const line = (code: 'RX6' | 'RYA') => defaultRules(code).find((r) => r.id === 'hours-lost')!.above!;
    // West Midlands loses far more crew hours at hospitals on a usual day than North East.
    expect(line('RYA')).toBeGreaterThan(line('RX6') * 5);
  });
});

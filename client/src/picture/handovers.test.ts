import { describe, expect, it } from 'vitest';
import type { HospitalPicture } from '../../../shared/picture/picture.ts';
import { barPercent, byLongestWait, handoverTotals, shortHospitalName } from './handovers.ts';

function hospital(code: string, waiting: number, longestWaitSeconds: number, lost = 0): HospitalPicture {
  return { code, name: code, waiting, longestWaitSeconds, over30: 0, over60: 0, handedOverToday: 0, over15Today: 0, over30Today: 0, over60Today: 0, hoursLostOver15Today: lost * 2, hoursLostOver30Today: lost };
}

describe('handovers', () => {
  it('orders hospitals by longest wait, then by ambulances waiting, then by name', () => {
    const sorted = byLongestWait([hospital('C', 2, 600), hospital('B', 5, 3000), hospital('A', 3, 3000), hospital('D', 0, 0), hospital('E', 1, 4000)]);
    expect(sorted.map((h) => h.code)).toEqual(['E', 'B', 'A', 'C', 'D']);
  });

  it('adds up the trust', () => {
    expect(handoverTotals([hospital('A', 2, 10, 1.25), hospital('B', 3, 10, 2)])).toEqual({ waiting: 5, over30: 0, over60: 0, hoursLostOver30Today: 3.25, hoursLostOver15Today: 6.5 });
  });

  it('places waits on a 90-minute bar, filling it past the end', () => {
    expect(barPercent(45 * 60)).toBe(50);
    expect(barPercent(90 * 60)).toBe(100);
    expect(barPercent(5 * 3600)).toBe(100);
    expect(barPercent(-1)).toBe(0);
  });

  it('shortens long hospital names', () => {
    expect(shortHospitalName('University Hospital of North Durham')).toBe('North Durham');
    expect(shortHospitalName('Darlington Memorial Hospital')).toBe('Darlington Memorial');
    expect(shortHospitalName('James Cook University Hospital')).toBe('James Cook');
    expect(shortHospitalName('Royal Victoria Infirmary')).toBe('Royal Victoria Infirmary');
    expect(shortHospitalName('South Tyneside District Hospital')).toBe('South Tyneside');
  });
});

import { describe, expect, it } from 'vitest';
import type { HospitalPicture } from '../../../shared/picture/picture.ts';
import { DEFAULT_SORT, nextSort, sortHospitals } from './hospitalSort.ts';

function hospital(code: string, name: string, waiting: number, longestWaitSeconds: number, hoursLostOver30Today = 0): HospitalPicture {
  return { code, name, waiting, longestWaitSeconds, over30: 0, over60: 0, handedOverToday: 0, over15Today: 0, over30Today: 0, over60Today: 0, hoursLostOver15Today: 0, hoursLostOver30Today };
}

const list = [hospital('A', 'Sunderland', 2, 600, 1), hospital('B', 'Cramlington', 5, 4000, 0.5), hospital('C', 'Durham', 0, 0, 3)];

describe('hospital table sorting', () => {
  it('starts with the longest wait first', () => {
    expect(sortHospitals(list, DEFAULT_SORT).map((h) => h.code)).toEqual(['B', 'A', 'C']);
  });

  it('sorts by name and by figures, either way', () => {
    expect(sortHospitals(list, { key: 'name', descending: false }).map((h) => h.name)).toEqual(['Cramlington', 'Durham', 'Sunderland']);
    expect(sortHospitals(list, { key: 'hoursLostOver30Today', descending: true }).map((h) => h.code)).toEqual(['C', 'A', 'B']);
    expect(sortHospitals(list, { key: 'waiting', descending: false }).map((h) => h.code)).toEqual(['C', 'A', 'B']);
  });

  it('flips a column clicked again; a new column starts at its most telling end', () => {
    expect(nextSort(DEFAULT_SORT, 'longestWaitSeconds')).toEqual({ key: 'longestWaitSeconds', descending: false });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', descending: false });
    expect(nextSort(DEFAULT_SORT, 'waiting')).toEqual({ key: 'waiting', descending: true });
  });
});

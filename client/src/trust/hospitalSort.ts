import type { HospitalPicture } from '../../../shared/picture/picture.ts';
import { byLongestWait } from '../picture/handovers.ts';

/** The columns the hospital table sorts by. */
export type HospitalSortKey = 'name' | 'waiting' | 'longestWaitSeconds' | 'over30' | 'over60' | 'handedOverToday' | 'over30Today' | 'hoursLostOver30Today' | 'hoursLostOver15Today';
export interface HospitalSort {
  key: HospitalSortKey;
  descending: boolean;
}

/** Until someone picks a column: the longest wait first, as on the wall. */
export const DEFAULT_SORT: HospitalSort = { key: 'longestWaitSeconds', descending: true };

/**
 * Sorts by one column, ties in the wall's order (longest wait, then most waiting, then name), so
 * that rows do not jump about between updates when their figures are equal.
 */
export function sortHospitals(hospitals: readonly HospitalPicture[], sort: HospitalSort): HospitalPicture[] {
  const base = byLongestWait(hospitals);
  const rank = new Map(base.map((h, i) => [h.code, i]));
  const direction = sort.descending ? -1 : 1;
  return base.sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return order * direction || rank.get(a.code)! - rank.get(b.code)!;
  });
}

/** A click on a column: the same column flips; a new one starts with its most telling end (names A-Z, figures highest). */
export function nextSort(current: HospitalSort, key: HospitalSortKey): HospitalSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'name' };
}

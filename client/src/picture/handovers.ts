import type { HospitalPicture } from '../../../shared/picture/picture.ts';

/**
 * Hospitals in the order a duty manager acts on them: the longest current wait first, then the
 * most ambulances waiting, then by name so that the order holds still between updates.
 */
export function byLongestWait(hospitals: readonly HospitalPicture[]): HospitalPicture[] {
  return [...hospitals].sort((a, b) => b.longestWaitSeconds - a.longestWaitSeconds || b.waiting - a.waiting || a.name.localeCompare(b.name));
}

export interface HandoverTotals {
  waiting: number;
  over30: number;
  over60: number;
  hoursLostOver30Today: number;
  hoursLostOver15Today: number;
}

/** The trust's totals across its hospitals. */
export function handoverTotals(hospitals: readonly HospitalPicture[]): HandoverTotals {
  const totals: HandoverTotals = { waiting: 0, over30: 0, over60: 0, hoursLostOver30Today: 0, hoursLostOver15Today: 0 };
  for (const h of hospitals) {
    totals.waiting += h.waiting;
    totals.over30 += h.over30;
    totals.over60 += h.over60;
    totals.hoursLostOver30Today += h.hoursLostOver30Today;
    totals.hoursLostOver15Today += h.hoursLostOver15Today;
  }
  return totals;
}

/**
 * The handover bar's scale: 90 minutes, so that the 30, 45 and 60-minute marks stand well apart
 * even on a narrow bar. A longer wait fills the bar; its figure beside says how long.
 */
export const HANDOVER_SCALE_SECONDS = 90 * 60;

/** Where a wait sits on the bar, 0..100 (%); a wait past the scale fills it. Example: 45 min is 50. */
export function barPercent(seconds: number, scale = HANDOVER_SCALE_SECONDS): number {
  return Math.max(0, Math.min(100, (seconds / scale) * 100));
}

/** A shorter name for a crowded row: "Royal Victoria Infirmary" stays, "University Hospital of North Durham" becomes "North Durham". */
export function shortHospitalName(name: string): string {
  return name
    .replace(/^University Hospital of (the )?/i, '')
    .replace(/ University Hospital$/i, '')
    .replace(/ (District )?Hospital$/i, '')
    .replace(/ Teaching$/i, '');
}

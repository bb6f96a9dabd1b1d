import type { ResponseCategory } from '../feed/events.ts';

/**
 * The Ambulance Response Programme standards (NHS England): response time from the job's
 * creation to the first resource on scene. C3 and C4 have only a 90th-centile standard.
 * C2's 30-minute mean is the interim ambition of the 2023 recovery plan.
 */
export const ARP_STANDARDS: Record<ResponseCategory, { meanSeconds?: number; p90Seconds: number; label: string }> = {
  C1: { meanSeconds: 7 * 60, p90Seconds: 15 * 60, label: 'Life-threatening' },
  C2: { meanSeconds: 18 * 60, p90Seconds: 40 * 60, label: 'Emergency' },
  C3: { p90Seconds: 120 * 60, label: 'Urgent' },
  C4: { p90Seconds: 180 * 60, label: 'Less urgent' },
};

export const C2_INTERIM_MEAN_SECONDS = 30 * 60;

/** Handover marks: 15 minutes is the standard, 30 a delay, 45 release to respond, 60 severe. */
export const HANDOVER_MARKS_SECONDS = { standard: 15 * 60, delay: 30 * 60, release: 45 * 60, severe: 60 * 60 } as const;

export type Standing = 'within' | 'near' | 'beyond';

/**
 * How a wait or a response time stands against its category's standard: `beyond` past the 90th
 * centile standard, `near` past the mean standard (or, for C3 and C4, past half the 90th),
 * `within` otherwise. Example: a C2 wait of 25 min is `near` (past 18), of 41 min `beyond`.
 */
export function standingAgainstStandard(category: ResponseCategory, seconds: number): Standing {
  const standard = ARP_STANDARDS[category];
  if (seconds > standard.p90Seconds) return 'beyond';
  if (seconds > (standard.meanSeconds ?? standard.p90Seconds / 2)) return 'near';
  return 'within';
}

/** How a handover wait stands: past 60 min `beyond`, past 30 `near`, else `within`. */
export function handoverStanding(seconds: number): Standing {
  if (seconds > HANDOVER_MARKS_SECONDS.severe) return 'beyond';
  if (seconds > HANDOVER_MARKS_SECONDS.delay) return 'near';
  return 'within';
}

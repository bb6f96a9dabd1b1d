import { ARP_STANDARDS } from '../../shared/picture/standards.ts';
import type { Random } from './random.ts';

/** Fixed rules of the model (judgement, see docs/SIMULATOR.md), kept out of `model.ts`. */

export const MIN = 60_000;
/** The longest a handover takes in the model. */
export const MAX_HANDOVER_MINUTES = 6 * 60;
/**
 * C2 to C4 are sent by their wait over their category's 90th-centile standard (40, 120 and 180
 * minutes), the most overdue first: a C3 that has waited 90 minutes (0.75 of its standard) goes
 * before a C2 of 20 (0.5). Strict priority instead leaves C3 and C4 only the crews nobody more
 * urgent wants, and under pressure they are never reached at all.
 */
export const STANDARD_MS = { C2: ARP_STANDARDS.C2.p90Seconds * 1000, C3: ARP_STANDARDS.C3.p90Seconds * 1000, C4: ARP_STANDARDS.C4.p90Seconds * 1000 } as const;
/**
 * How long a C3 or C4 caller waits, on average (exponential, from the job's creation), before the
 * job is closed without a vehicle: a clinician rings back and closes it with advice or a
 * referral, or the patient has made their own way. It is closed as hear and treat, where the
 * published outcomes count an incident closed by telephone; they have no share for cancelled.
 */
export const PATIENCE_MS = 4 * 60 * MIN;
/** A stood-down extra books clear and is free again after this (mean). */
export const STAND_DOWN_MINUTES = 3;

/**
 * The extra resources a C1 job draws besides its first: 0, 1, 2 or 3 (mean 1.1), and of those,
 * how many are still needed once the first resource is on scene (each one by a half; the rest
 * are stood down). Published: about 2.1 resources allocated and 1.55 arriving per C1 incident.
 */
export function drawC1Support(random: Random): { extras: number; needed: number } {
  const u = random();
  const extras = u < 0.15 ? 0 : u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
  let needed = 0;
  for (let i = 0; i < extras; i++) if (random() < 0.5) needed++;
  return { extras, needed };
}

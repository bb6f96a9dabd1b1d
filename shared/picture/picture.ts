import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';
import { ExerciseTag } from '../exercises/schemas.ts';

/**
 * A trust's operational picture now (CONTRACT.md "The picture"). Durations are whole seconds;
 * "today" is since midnight Europe/London.
 */

const Count = z.number().int().min(0);
const Seconds = z.number().int().min(0);

export const QueueCategory = z.object({
  /** Jobs of this category created and not yet reached by a resource, nor closed. */
  waiting: Count,
  /** How long the longest-waiting of them has waited; 0 when none waits. */
  longestWaitSeconds: Seconds,
});

export const ResponseFigures = z.object({
  /** Jobs whose first resource arrived today. */
  count: Count,
  /** Mean time from the job's creation to the first arrival; 0 when count is 0. */
  meanSeconds: Seconds,
  /** Nearest-rank 90th centile of the same; 0 when count is 0. */
  p90Seconds: Seconds,
});

export const HospitalPicture = z.object({
  code: z.string(),
  name: z.string(),
  /** Ambulances arrived and not yet handed over. */
  waiting: Count,
  longestWaitSeconds: Seconds,
  /** Of those waiting, how many have waited longer than 30 and 60 minutes now. */
  over30: Count,
  over60: Count,
  /** Handovers completed today, and of them how many took longer than 15, 30, 60 minutes. */
  handedOverToday: Count,
  over15Today: Count,
  over30Today: Count,
  over60Today: Count,
  /** Crew hours lost today beyond 15 (AACE) and 30 minutes (NHS England sitreps) after arrival, including waits still going on. */
  hoursLostOver15Today: z.number().min(0),
  hoursLostOver30Today: z.number().min(0),
});
export type HospitalPicture = z.infer<typeof HospitalPicture>;

export const REAP_LEVELS = [1, 2, 3, 4] as const;

export const Flag = z.object({
  id: z.string(),
  rule: z.string(),
  severity: z.enum(['advisory', 'warning', 'critical']),
  message: z.string(),
  value: z.number(),
  threshold: z.number(),
  since: z.string(),
  /** What the rule advises people to consider; people decide. */
  advice: z.string().optional(),
  /** Who acknowledged it and when: seen, not cleared. */
  acknowledged: z.object({ by: z.string(), at: z.string() }).optional(),
});
export type Flag = z.infer<typeof Flag>;

/** A rising figure's time to its rule's line at the current rate (no flag yet). */
export const Forecast = z.object({
  rule: z.string(),
  severity: z.enum(['advisory', 'warning', 'critical']),
  /** "At this rate: patients waiting (C1-C4) over 200 in about 40 min". */
  message: z.string(),
  minutes: z.number().min(0),
});
export type Forecast = z.infer<typeof Forecast>;

export const IncidentSummary = z.object({
  id: z.string(),
  level: z.enum(['business_continuity', 'critical', 'major']),
  title: z.string(),
  declaredAt: z.string(),
});

export const Picture = z.object({
  trust: z.object({ code: TrustCodeSchema, name: z.string(), shortName: z.string(), region: RegionCodeSchema }),
  /** When this picture was derived. */
  asOf: z.string(),
  /** When the trust's feed last sent an event (as received by the server), or null if never. */
  lastEventAt: z.string().nullable(),
  /** True when the feed has sent nothing for STALE_AFTER_SECONDS: the figures may be out of date. */
  stale: z.boolean(),
  calls: z.object({
    /** Calls received and neither answered nor abandoned. */
    waiting: Count,
    longestWaitSeconds: Seconds,
    answeredToday: Count,
    meanAnswerSecondsToday: Seconds,
  }),
  queue: z.object({ C1: QueueCategory, C2: QueueCategory, C3: QueueCategory, C4: QueueCategory, C5: QueueCategory, total: z.object({ waiting: Count }) }),
  responseToday: z.object({ C1: ResponseFigures, C2: ResponseFigures, C3: ResponseFigures, C4: ResponseFigures }),
  resources: z.object({
    /** Staffed vehicles the rota plans for now (from rota.planned). */
    planned: Count,
    /** Resources in any state but off_shift. */
    onShift: Count,
    available: Count,
    mobile: Count,
    onScene: Count,
    conveying: Count,
    atHospital: Count,
    clearing: Count,
    unavailable: Count,
  }),
  hospitals: z.array(HospitalPicture),
  reap: z.object({ level: z.number().int().min(1).max(4), since: z.string().nullable(), setBy: z.string().nullable() }),
  flags: z.array(Flag),
  incident: IncidentSummary.nullable(),
  /** Rising figures' times to their lines, soonest first; absent when none is heading for one. */
  forecasts: z.array(Forecast).optional(),
  /** Present only on an exercise's picture: none of it is real. */
  exercise: ExerciseTag.optional(),
});
export type Picture = z.infer<typeof Picture>;

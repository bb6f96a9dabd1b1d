import { z } from 'zod';
import { TrustCodeSchema } from '../auth/schemas.ts';
import { CategorySchema } from '../feed/events.ts';
import { hospitalsOfTrust } from '../reference/hospitals.ts';

/**
 * A simulator scenario (CONTRACT.md "Simulator summary"). Whatever is left out takes the trust's
 * calibrated defaults.
 */
const Share = z.number().min(0, 'must be a share from 0 to 1').max(1, 'must be a share from 0 to 1');
const Instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' });

function sumsToOne(value: Record<string, number>): boolean {
  return Math.abs(Object.values(value).reduce((s, v) => s + v, 0) - 1) < 0.01;
}

export const Scenario = z
  .object({
    trust: TrustCodeSchema,
    start: Instant,
    days: z.number().positive('must be more than 0').max(366, 'must be at most 366'),
    seed: z.number().int('must be a whole number'),
    /** The demand the trust planned for (a month, a season): its rota follows the face-to-face part. */
    demand: z
      .object({
        incidentsPerDay: z.number().positive().max(100_000),
        mix: z.object({ C1: Share, C2: Share, C3: Share, C4: Share, C5: Share }).refine(sumsToOne, 'the shares must add up to 1'),
        outcomes: z.object({ hearAndTreat: Share, seeAndTreat: Share, conveyedEd: Share, conveyedOther: Share }).refine(sumsToOne, 'the shares must add up to 1'),
      })
      .partial()
      .optional(),
    handover: z
      .object({ meanSeconds: z.number().positive().max(6 * 3600), over30: Share, over60: Share })
      .refine((h) => h.over60 <= h.over30, { path: ['over60'], message: 'cannot be more than over30' })
      .optional(),
    capacity: z.object({ staffingFactor: z.number().positive().max(5) }).optional(),
    /**
     * Extra: the trust's incidents a day (its own or `demand.incidentsPerDay`) times this: a surge
     * the rota was not planned for. The rota follows `demand` (the demand the trust planned for)
     * but not this factor.
     */
    demandFactor: z.number().positive().max(10).optional(),
    strike: z
      .array(
        z
          .object({
            from: Instant,
            to: Instant,
            staffingFactor: z.number().min(0).max(5),
            covered: z.array(CategorySchema),
            /** Extra: for a category not wholly covered, the share of its jobs still sent ("some C2 agreed locally"). */
            partlyCovered: z.partialRecord(CategorySchema, Share).optional(),
          })
          .refine((s) => Date.parse(s.from) < Date.parse(s.to), { path: ['to'], message: 'must be after from' }),
      )
      .optional(),
    /** Extra: crews leave hospital after 45 minutes whether or not the patient was handed over. */
    releaseAt45: z.boolean().optional(),
    /** Extra: emergency departments that close their doors to ambulances for a while (a divert). */
    edClosures: z
      .array(
        z
          .object({ hospital: z.string().min(1), from: Instant, to: Instant })
          .strict()
          .refine((c) => Date.parse(c.from) < Date.parse(c.to), { path: ['to'], message: 'must be after from' }),
      )
      .optional(),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const known = new Set(hospitalsOfTrust(scenario.trust).map((h) => h.code));
    scenario.edClosures?.forEach((c, i) => {
      if (!known.has(c.hospital)) ctx.addIssue({ code: 'custom', path: ['edClosures', i, 'hospital'], message: `is not an emergency department of ${scenario.trust} (see GET /api/v1/trusts/${scenario.trust}/hospitals)` });
    });
  });
export type Scenario = z.infer<typeof Scenario>;

const Response = z.object({ meanSeconds: z.number(), p90Seconds: z.number() });

/** The summary of a run, in the units of the published Ambulance Quality Indicators. */
export const SimulationSummary = z.object({
  trust: TrustCodeSchema,
  days: z.number(),
  incidentsPerDay: z.number(),
  callsAnsweredPerDay: z.number(),
  meanCallAnswerSeconds: z.number(),
  mix: z.object({ C1: z.number(), C2: z.number(), C3: z.number(), C4: z.number(), C5: z.number() }),
  outcomes: z.object({ hearAndTreat: z.number(), seeAndTreat: z.number(), conveyedEd: z.number(), conveyedOther: z.number() }),
  response: z.object({ C1: Response, C2: Response, C3: Response, C4: Response }),
  handover: z.object({ meanSeconds: z.number(), p90Seconds: z.number(), over15: z.number(), over30: z.number(), over60: z.number(), hoursLostOver30: z.number() }),
});
export type SimulationSummary = z.infer<typeof SimulationSummary>;

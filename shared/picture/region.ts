import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';
import { AidRequest } from '../mutualAid/schemas.ts';
import { IncidentSummary, type Picture } from './picture.ts';

/** One trust as the region view shows it, beside its neighbours. */
export const TrustSummaryFigures = z.object({
  trust: z.object({ code: TrustCodeSchema, name: z.string(), shortName: z.string() }),
  reapLevel: z.number().int().min(1).max(4),
  incident: IncidentSummary.nullable(),
  queueTotal: z.number().int().min(0),
  C1LongestWaitSeconds: z.number().int().min(0),
  C2LongestWaitSeconds: z.number().int().min(0),
  available: z.number().int().min(0),
  onShift: z.number().int().min(0),
  planned: z.number().int().min(0),
  /** Hospitals with an ambulance waiting past 60 minutes now. */
  hospitalsOver60: z.number().int().min(0),
  hoursLostOver30Today: z.number().min(0),
  stale: z.boolean(),
  lastEventAt: z.string().nullable(),
});
export type TrustSummaryFigures = z.infer<typeof TrustSummaryFigures>;

export const RegionPicture = z.object({
  region: z.object({ code: RegionCodeSchema, name: z.string() }),
  asOf: z.string(),
  trusts: z.array(TrustSummaryFigures),
  /** Open mutual-aid requests a trust of the region asks or is asked in, oldest first. */
  mutualAid: z.array(AidRequest),
});
export type RegionPicture = z.infer<typeof RegionPicture>;

/** The summary of a trust's picture that the region view shows. */
export function summariseTrust(picture: Picture): TrustSummaryFigures {
  return {
    trust: { code: picture.trust.code, name: picture.trust.name, shortName: picture.trust.shortName },
    reapLevel: picture.reap.level,
    incident: picture.incident,
    queueTotal: picture.queue.total.waiting,
    C1LongestWaitSeconds: picture.queue.C1.longestWaitSeconds,
    C2LongestWaitSeconds: picture.queue.C2.longestWaitSeconds,
    available: picture.resources.available,
    onShift: picture.resources.onShift,
    planned: picture.resources.planned,
    hospitalsOver60: picture.hospitals.filter((h) => h.over60 > 0).length,
    hoursLostOver30Today: Math.round(picture.hospitals.reduce((sum, h) => sum + h.hoursLostOver30Today, 0) * 100) / 100,
    stale: picture.stale,
    lastEventAt: picture.lastEventAt,
  };
}

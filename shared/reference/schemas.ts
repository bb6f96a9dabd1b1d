import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';

export const TrustSummary = z.object({
  code: TrustCodeSchema,
  name: z.string(),
  shortName: z.string(),
  region: RegionCodeSchema,
});
export type TrustSummary = z.infer<typeof TrustSummary>;

export const RegionSummary = z.object({ code: RegionCodeSchema, name: z.string() });
export type RegionSummary = z.infer<typeof RegionSummary>;

export const HospitalSummary = z.object({ code: z.string(), name: z.string() });
export type HospitalSummary = z.infer<typeof HospitalSummary>;

export const TrustCodeParam = z.object({ code: TrustCodeSchema });
export const RegionCodeParam = z.object({ code: RegionCodeSchema });

import { z } from 'zod';

/**
 * REAP, the Resource Escalation Action Plan: 1 steady state, 2 moderate, 3 severe, 4 extreme
 * pressure. The strategic commander decides the level; the product shows it on every screen of
 * the trust and its region, and keeps who set it, when and why.
 */
export const REAP_NAMES = { 1: 'Steady state', 2: 'Moderate pressure', 3: 'Severe pressure', 4: 'Extreme pressure' } as const;

export const ReapSet = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: 'must be 1, 2, 3 or 4' }),
    reason: z.string().trim().min(1, 'is required: say why').max(1000, 'must be at most 1,000 characters'),
  })
  .strict();
export type ReapSet = z.infer<typeof ReapSet>;

export const ReapChange = z.object({ level: z.number().int(), reason: z.string(), setAt: z.string(), setBy: z.string().nullable() });
export type ReapChange = z.infer<typeof ReapChange>;

export const ReapStatus = z.object({
  level: z.number().int().min(1).max(4),
  since: z.string().nullable(),
  setBy: z.string().nullable(),
  /** Newest first. */
  history: z.array(ReapChange),
});
export type ReapStatus = z.infer<typeof ReapStatus>;

import { z } from 'zod';
import { METRICS } from './metrics.ts';

export const SEVERITIES = ['advisory', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const Seconds = z.number().int('must be a whole number of seconds').min(0, 'cannot be negative').max(7 * 86_400, 'must be at most a week');

/**
 * A threshold rule (CONTRACT.md "Thresholds"): a flag is raised once `metric` has been beyond
 * `above` (or `below`) for `sustainSeconds`, and cleared only once it has been at or below
 * `clearAt` (at or above, for a `below` rule) for `clearSeconds`. A clear level short of the
 * raise level keeps a figure hovering at the line from raising and clearing over and over.
 */
export const ThresholdRule = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes'),
    metric: z.string().refine((m) => METRICS.includes(m), { message: 'is not a figure of the picture (see the metrics list)' }),
    above: z.number().finite().optional(),
    below: z.number().finite().optional(),
    sustainSeconds: Seconds,
    clearAt: z.number().finite(),
    clearSeconds: Seconds,
    severity: z.enum(SEVERITIES, { error: 'must be advisory, warning or critical' }),
    advice: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.above === undefined) === (rule.below === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['above'], message: 'give exactly one of above or below' });
      return;
    }
    if (rule.above !== undefined && rule.clearAt > rule.above) ctx.addIssue({ code: 'custom', path: ['clearAt'], message: 'must be at or below above, or the flag could never clear' });
    if (rule.below !== undefined && rule.clearAt < rule.below) ctx.addIssue({ code: 'custom', path: ['clearAt'], message: 'must be at or above below, or the flag could never clear' });
  });
export type ThresholdRule = z.infer<typeof ThresholdRule>;

/** A trust's whole list of rules, as PUT replaces it. */
export const ThresholdRules = z
  .array(ThresholdRule)
  .max(100, 'at most 100 rules')
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `repeats the id ${rule.id}` });
      seen.add(rule.id);
    });
  });
export type ThresholdRules = z.infer<typeof ThresholdRules>;

import { z } from 'zod';
import type { Picture } from './picture.ts';

/** A trust's key figures at one minute, for charts and incident timelines. */
export const HistoryFigures = z.object({
  queueTotal: z.number(),
  C1Waiting: z.number(),
  C1LongestWaitSeconds: z.number(),
  C2Waiting: z.number(),
  C2LongestWaitSeconds: z.number(),
  C3Waiting: z.number(),
  C4Waiting: z.number(),
  callsWaiting: z.number(),
  planned: z.number(),
  onShift: z.number(),
  available: z.number(),
  atHospital: z.number(),
  handoverWaiting: z.number(),
  handoverOver60: z.number(),
  hoursLostOver30Today: z.number(),
  hoursLostOver15Today: z.number(),
  stale: z.boolean(),
});
export type HistoryFigures = z.infer<typeof HistoryFigures>;

export const HistoryPoint = HistoryFigures.extend({ at: z.string() });
export type HistoryPoint = z.infer<typeof HistoryPoint>;

const MAX_SPAN_MS = 31 * 24 * 3600_000;

export const HistoryQuery = z
  .object({
    from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' }).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { path: ['to'], message: 'must be after from' })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_SPAN_MS, { path: ['to'], message: 'at most 31 days after from' });

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The figures of a picture worth keeping by the minute. */
export function historyFigures(picture: Picture): HistoryFigures {
  return {
    queueTotal: picture.queue.total.waiting,
    C1Waiting: picture.queue.C1.waiting,
    C1LongestWaitSeconds: picture.queue.C1.longestWaitSeconds,
    C2Waiting: picture.queue.C2.waiting,
    C2LongestWaitSeconds: picture.queue.C2.longestWaitSeconds,
    C3Waiting: picture.queue.C3.waiting,
    C4Waiting: picture.queue.C4.waiting,
    callsWaiting: picture.calls.waiting,
    planned: picture.resources.planned,
    onShift: picture.resources.onShift,
    available: picture.resources.available,
    atHospital: picture.resources.atHospital,
    handoverWaiting: picture.hospitals.reduce((sum, h) => sum + h.waiting, 0),
    handoverOver60: picture.hospitals.reduce((sum, h) => sum + h.over60, 0),
    hoursLostOver30Today: round2(picture.hospitals.reduce((sum, h) => sum + h.hoursLostOver30Today, 0)),
    hoursLostOver15Today: round2(picture.hospitals.reduce((sum, h) => sum + h.hoursLostOver15Today, 0)),
    stale: picture.stale,
  };
}

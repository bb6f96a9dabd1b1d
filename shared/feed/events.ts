import { z } from 'zod';
import { TrustCodeSchema } from '../auth/schemas.ts';
import { toErrorIssues, type ErrorIssue } from '../http/errors.ts';
import { hospitalsOfTrust } from '../reference/hospitals.ts';

/**
 * The dispatch feed (CONTRACT.md "The feed"): what a CAD system posts, one schema per event type.
 * `id` is unique per trust; `at` is when it happened, with an offset, and decides what it means
 * whatever order it arrives in.
 */

export const CATEGORIES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export const CategorySchema = z.enum(CATEGORIES, { error: 'must be one of C1, C2, C3, C4, C5' });
export type Category = z.infer<typeof CategorySchema>;

/** C1-C4 have national response standards; C5 (hear and treat call-back) does not. */
export const RESPONSE_CATEGORIES = ['C1', 'C2', 'C3', 'C4'] as const;
export type ResponseCategory = (typeof RESPONSE_CATEGORIES)[number];

export const OUTCOMES = ['hear_and_treat', 'see_and_treat', 'conveyed_ed', 'conveyed_other', 'cancelled'] as const;
export const RESOURCE_KINDS = ['DSA', 'RRV', 'HART', 'other'] as const;
/**
 * A resource's state: `available` (free for the next job), `mobile` (travelling to a job),
 * `on_scene`, `conveying` (a patient to hospital), `at_hospital` (waiting to hand over),
 * `clearing` (after a job), `unavailable` (on shift but out of service), `off_shift`.
 */
export const RESOURCE_STATUSES = ['available', 'mobile', 'on_scene', 'conveying', 'at_hospital', 'clearing', 'unavailable', 'off_shift'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

const Id = z.string().min(1, 'is required').max(200, 'must be at most 200 characters');
const Instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2025-01-15T10:00:00Z' });

const base = { id: Id, trust: TrustCodeSchema, at: Instant };

export const CallReceived = z.object({ ...base, type: z.literal('call.received'), callId: Id, line: z.enum(['999', '111'], { error: 'must be "999" or "111"' }) });
export const CallAnswered = z.object({ ...base, type: z.literal('call.answered'), callId: Id });
export const CallAbandoned = z.object({ ...base, type: z.literal('call.abandoned'), callId: Id });
export const JobCreated = z.object({ ...base, type: z.literal('job.created'), jobId: Id, category: CategorySchema, callId: Id.optional() });
export const JobRecategorised = z.object({ ...base, type: z.literal('job.recategorised'), jobId: Id, category: CategorySchema });
export const JobResourceArrived = z.object({ ...base, type: z.literal('job.resourceArrived'), jobId: Id, resourceId: Id });
export const JobClosed = z.object({ ...base, type: z.literal('job.closed'), jobId: Id, outcome: z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(', ')}` }) });
export const ResourceStatusChanged = z.object({
  ...base,
  type: z.literal('resource.status'),
  resourceId: Id,
  kind: z.enum(RESOURCE_KINDS, { error: `must be one of ${RESOURCE_KINDS.join(', ')}` }),
  status: z.enum(RESOURCE_STATUSES, { error: `must be one of ${RESOURCE_STATUSES.join(', ')}` }),
  jobId: Id.optional(),
});
export const HandoverArrived = z.object({ ...base, type: z.literal('handover.arrived'), resourceId: Id, hospital: Id, jobId: Id.optional() });
export const HandoverCompleted = z.object({ ...base, type: z.literal('handover.completed'), resourceId: Id, hospital: Id });
export const RotaPlanned = z
  .object({ ...base, type: z.literal('rota.planned'), from: Instant, to: Instant, resources: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000) })
  .refine((e) => Date.parse(e.from) < Date.parse(e.to), { path: ['to'], message: 'must be after from' });

export const FeedEvent = z.discriminatedUnion(
  'type',
  [CallReceived, CallAnswered, CallAbandoned, JobCreated, JobRecategorised, JobResourceArrived, JobClosed, ResourceStatusChanged, HandoverArrived, HandoverCompleted, RotaPlanned],
  { error: 'type must be one of call.received, call.answered, call.abandoned, job.created, job.recategorised, job.resourceArrived, job.closed, resource.status, handover.arrived, handover.completed, rota.planned' },
);
export type FeedEvent = z.infer<typeof FeedEvent>;
export type FeedEventType = FeedEvent['type'];

export const FEED_LIMITS = { maxEvents: 5_000, maxBytes: 5 * 1024 * 1024 } as const;

export const FeedAccepted = z.object({ accepted: z.number().int(), duplicates: z.number().int() });
export type FeedAccepted = z.infer<typeof FeedAccepted>;

/**
 * Validates a whole batch: every event against its type's schema, and each hospital against the
 * trust's own list. Answers the events, or an issue per bad field whose path starts with the
 * event's index (`3.category`), so a CAD integrator can find each one.
 */
export function validateFeedBatch(raw: readonly unknown[]): { ok: true; events: FeedEvent[] } | { ok: false; issues: ErrorIssue[] } {
  const events: FeedEvent[] = [];
  const issues: ErrorIssue[] = [];
  raw.forEach((item, index) => {
    const parsed = FeedEvent.safeParse(item);
    if (!parsed.success) {
      issues.push(...toErrorIssues(parsed.error, [index]));
      return;
    }
    const event = parsed.data;
    if ((event.type === 'handover.arrived' || event.type === 'handover.completed') && !hospitalsOfTrust(event.trust).some((h) => h.code === event.hospital)) {
      issues.push({ path: `${index}.hospital`, message: `is not a hospital of ${event.trust}; see GET /api/v1/trusts/${event.trust}/hospitals` });
      return;
    }
    events.push(event);
  });
  return issues.length ? { ok: false, issues } : { ok: true, events };
}

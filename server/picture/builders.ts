import type { FeedEvent } from '../../shared/feed/events.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';

/**
 * Builders for feed events in tests: each takes only what matters to the test and fills the rest
 * (an id unique within the run, the trust RX6). Times are ISO strings.
 */
let counter = 0;
const nextId = () => `e${++counter}`;

type Without<T> = T extends unknown ? Omit<T, 'id' | 'trust'> & { id?: string; trust?: TrustCode } : never;

export function event<E extends Without<FeedEvent>>(fields: E): FeedEvent {
  return { id: nextId(), trust: 'RX6', ...fields } as unknown as FeedEvent;
}

export const build = {
  callReceived: (callId: string, at: string, line: '999' | '111' = '999') => event({ type: 'call.received', callId, line, at }),
  callAnswered: (callId: string, at: string) => event({ type: 'call.answered', callId, at }),
  callAbandoned: (callId: string, at: string) => event({ type: 'call.abandoned', callId, at }),
  jobCreated: (jobId: string, category: 'C1' | 'C2' | 'C3' | 'C4' | 'C5', at: string) => event({ type: 'job.created', jobId, category, at }),
  jobRecategorised: (jobId: string, category: 'C1' | 'C2' | 'C3' | 'C4' | 'C5', at: string) => event({ type: 'job.recategorised', jobId, category, at }),
  arrived: (jobId: string, resourceId: string, at: string) => event({ type: 'job.resourceArrived', jobId, resourceId, at }),
  closed: (jobId: string, at: string, outcome: 'hear_and_treat' | 'see_and_treat' | 'conveyed_ed' | 'conveyed_other' | 'cancelled' = 'see_and_treat') => event({ type: 'job.closed', jobId, outcome, at }),
  status: (resourceId: string, status: 'available' | 'mobile' | 'on_scene' | 'conveying' | 'at_hospital' | 'clearing' | 'unavailable' | 'off_shift', at: string, kind: 'DSA' | 'RRV' | 'HART' | 'other' = 'DSA') =>
    event({ type: 'resource.status', resourceId, kind, status, at }),
  atHospital: (resourceId: string, hospital: string, at: string) => event({ type: 'handover.arrived', resourceId, hospital, at }),
  handedOver: (resourceId: string, hospital: string, at: string) => event({ type: 'handover.completed', resourceId, hospital, at }),
  rota: (from: string, to: string, resources: number, at = from) => event({ type: 'rota.planned', from, to, resources, at }),
};

import type { RESPONSE_CATEGORIES} from '../../shared/feed/events.ts';
import { type Category, type ResourceStatus } from '../../shared/feed/events.ts';
import type { Flag, Forecast, HospitalPicture, Picture } from '../../shared/picture/picture.ts';
import { hospitalsOfTrust } from '../../shared/reference/hospitals.ts';
import { londonMidnight } from '../../shared/time/london.ts';
import type { Trust } from '../../shared/reference/trusts.ts';
import type { TrustState } from './state.ts';

const MINUTE = 60_000;

/** What the picture shows beside the feed's figures, owned by other parts of the server. */
export interface PictureContext {
  reap: Picture['reap'];
  flags: Flag[];
  incident: Picture['incident'];
  staleAfterSeconds: number;
  forecasts?: Forecast[];
}

export const QUIET_CONTEXT: PictureContext = { reap: { level: 1, since: null, setBy: null }, flags: [], incident: null, staleAfterSeconds: 120 };

const seconds = (ms: number) => Math.max(0, Math.floor(ms / 1000));
const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;

/**
 * The nearest-rank percentile of sorted values: the smallest value with at least p% of values
 * at or below it. Example: the 90th of [1..10] is 9; of [5] is 5; of [] is 0.
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Length of the overlap of [a, b] with [c, d]; 0 when they do not overlap. */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}

/**
 * The trust's picture at `now`, from what its feed has said (CONTRACT.md "The picture").
 *
 * - A job waits from its creation until its first resource arrives or it is closed; it waits in
 *   its latest category. A job created before midnight still waits after it.
 * - Response times count jobs whose first resource arrived today (since midnight in London).
 * - A call waits from being received until answered or abandoned.
 * - A resource is in its latest status by `at`; on shift unless off_shift.
 * - At a hospital, an ambulance waits from arrival until handover. Hours lost today are the parts
 *   of each stay past 15 (or 30) minutes that fall between midnight and now, whether the handover
 *   has happened or the crew is still waiting.
 * - Events about unknown jobs, calls or resources are kept; what cannot be known (a response
 *   time without a creation) is left out rather than guessed.
 */
export function derivePicture(trust: Trust, state: TrustState, now: Date, context: PictureContext = QUIET_CONTEXT): Picture {
  const t = now.getTime();
  const midnight = londonMidnight(now).getTime();

  // Calls
  let callsWaiting = 0;
  let oldestCall = Infinity;
  let answeredToday = 0;
  let answerTotal = 0;
  let answerTimed = 0;
  for (const call of state.calls.values()) {
    if (call.receivedAt !== undefined && call.answeredAt === undefined && call.abandonedAt === undefined) {
      callsWaiting++;
      oldestCall = Math.min(oldestCall, call.receivedAt);
    }
    if (call.answeredAt !== undefined && call.answeredAt >= midnight) {
      answeredToday++;
      if (call.receivedAt !== undefined) {
        answerTotal += Math.max(0, call.answeredAt - call.receivedAt);
        answerTimed++;
      }
    }
  }

  // Queue and responses
  const queue = { C1: { waiting: 0, oldest: Infinity }, C2: { waiting: 0, oldest: Infinity }, C3: { waiting: 0, oldest: Infinity }, C4: { waiting: 0, oldest: Infinity }, C5: { waiting: 0, oldest: Infinity } } satisfies Record<Category, unknown>;
  const responses: Record<(typeof RESPONSE_CATEGORIES)[number], number[]> = { C1: [], C2: [], C3: [], C4: [] };
  for (const job of state.jobs.values()) {
    if (job.createdAt === undefined || !job.category) continue;
    const category = job.category.value;
    if (job.firstArrivalAt === undefined && job.closedAt === undefined) {
      queue[category].waiting++;
      queue[category].oldest = Math.min(queue[category].oldest, job.createdAt);
    }
    if (category !== 'C5' && job.firstArrivalAt !== undefined && job.firstArrivalAt >= midnight) {
      responses[category].push(Math.max(0, job.firstArrivalAt - job.createdAt));
    }
  }
  const queueFigures = (c: Category) => ({ waiting: queue[c].waiting, longestWaitSeconds: queue[c].waiting ? seconds(t - queue[c].oldest) : 0 });
  const responseFigures = (c: (typeof RESPONSE_CATEGORIES)[number]) => {
    const times = responses[c].sort((a, b) => a - b);
    const mean = times.length ? times.reduce((sum, v) => sum + v, 0) / times.length : 0;
    return { count: times.length, meanSeconds: Math.round(mean / 1000), p90Seconds: seconds(nearestRank(times, 90)) };
  };

  // Resources
  const byStatus: Record<ResourceStatus, number> = { available: 0, mobile: 0, on_scene: 0, conveying: 0, at_hospital: 0, clearing: 0, unavailable: 0, off_shift: 0 };
  for (const resource of state.resources.values()) byStatus[resource.status.value]++;
  let planned: { resources: number; at: number; id: string } | undefined;
  for (const entry of state.rota.values()) {
    if (entry.from <= t && t < entry.to && (!planned || entry.at > planned.at || (entry.at === planned.at && entry.id > planned.id))) planned = entry;
  }

  // Hospitals
  const hospitals = new Map<string, HospitalPicture & { oldest: number }>();
  for (const h of hospitalsOfTrust(trust.code)) {
    hospitals.set(h.code, { code: h.code, name: h.name, waiting: 0, longestWaitSeconds: 0, over30: 0, over60: 0, handedOverToday: 0, over15Today: 0, over30Today: 0, over60Today: 0, hoursLostOver15Today: 0, hoursLostOver30Today: 0, oldest: Infinity });
  }
  const lost15 = new Map<string, number>();
  const lost30 = new Map<string, number>();
  for (const episode of state.episodes()) {
    const h = hospitals.get(episode.hospital);
    if (!h) continue;
    const end = episode.completedAt ?? episode.abandonedAt ?? Math.max(t, episode.arrivedAt);
    if (episode.completedAt === undefined && episode.abandonedAt === undefined) {
      h.waiting++;
      h.oldest = Math.min(h.oldest, episode.arrivedAt);
      const waited = t - episode.arrivedAt;
      if (waited > 30 * MINUTE) h.over30++;
      if (waited > 60 * MINUTE) h.over60++;
    }
    if (episode.completedAt !== undefined && episode.completedAt >= midnight) {
      const took = episode.completedAt - episode.arrivedAt;
      h.handedOverToday++;
      if (took > 15 * MINUTE) h.over15Today++;
      if (took > 30 * MINUTE) h.over30Today++;
      if (took > 60 * MINUTE) h.over60Today++;
    }
    lost15.set(h.code, (lost15.get(h.code) ?? 0) + overlap(episode.arrivedAt + 15 * MINUTE, end, midnight, t));
    lost30.set(h.code, (lost30.get(h.code) ?? 0) + overlap(episode.arrivedAt + 30 * MINUTE, end, midnight, t));
  }

  const lastEventAt = state.lastReceivedAt;
  return {
    trust: { code: trust.code, name: trust.name, shortName: trust.shortName, region: trust.region },
    asOf: now.toISOString(),
    lastEventAt: lastEventAt === undefined ? null : new Date(lastEventAt).toISOString(),
    stale: lastEventAt === undefined || t - lastEventAt > context.staleAfterSeconds * 1000,
    calls: { waiting: callsWaiting, longestWaitSeconds: callsWaiting ? seconds(t - oldestCall) : 0, answeredToday, meanAnswerSecondsToday: answerTimed ? Math.round(answerTotal / answerTimed / 1000) : 0 },
    queue: {
      C1: queueFigures('C1'),
      C2: queueFigures('C2'),
      C3: queueFigures('C3'),
      C4: queueFigures('C4'),
      C5: queueFigures('C5'),
      total: { waiting: queue.C1.waiting + queue.C2.waiting + queue.C3.waiting + queue.C4.waiting },
    },
    responseToday: { C1: responseFigures('C1'), C2: responseFigures('C2'), C3: responseFigures('C3'), C4: responseFigures('C4') },
    resources: {
      planned: planned?.resources ?? 0,
      onShift: state.resources.size - byStatus.off_shift,
      available: byStatus.available,
      mobile: byStatus.mobile,
      onScene: byStatus.on_scene,
      conveying: byStatus.conveying,
      atHospital: byStatus.at_hospital,
      clearing: byStatus.clearing,
      unavailable: byStatus.unavailable,
    },
    hospitals: [...hospitals.values()].map(({ oldest, ...h }) => ({
      ...h,
      longestWaitSeconds: h.waiting ? seconds(t - oldest) : 0,
      hoursLostOver15Today: hours(lost15.get(h.code) ?? 0),
      hoursLostOver30Today: hours(lost30.get(h.code) ?? 0),
    })),
    reap: context.reap,
    flags: context.flags,
    incident: context.incident,
    ...(context.forecasts?.length ? { forecasts: context.forecasts } : {}),
  };
}

import type { Category, FeedEvent, ResourceStatus } from '../../shared/feed/events.ts';

/**
 * What the feed has said about one trust, kept as facts that do not depend on the order events
 * arrive in: the earliest creation, the first arrival, the latest status by `at`. Applying the
 * same events in any order, or applying one twice, leaves the same state. No I/O, no clock: the
 * picture is derived from this state and a time (derive.ts).
 */

/** A value with the event that set it; the latest by `at` wins, ties broken by event id. */
interface Stamped<T> {
  value: T;
  at: number;
  id: string;
}

function later<T>(current: Stamped<T> | undefined, candidate: Stamped<T>): Stamped<T> {
  if (!current) return candidate;
  if (candidate.at !== current.at) return candidate.at > current.at ? candidate : current;
  return candidate.id > current.id ? candidate : current;
}

const min = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b));

export interface CallFacts {
  receivedAt?: number;
  answeredAt?: number;
  abandonedAt?: number;
  lastAt: number;
}

export interface JobFacts {
  createdAt?: number;
  category?: Stamped<Category>;
  firstArrivalAt?: number;
  closedAt?: number;
  lastAt: number;
}

export interface ResourceFacts {
  status: Stamped<ResourceStatus>;
}

export interface HandoverEvent {
  kind: 'arrived' | 'completed';
  hospital: string;
  at: number;
}

/** One ambulance's stay at a hospital: from arrival to handover, or still waiting (`end` undefined). */
export interface HandoverEpisode {
  hospital: string;
  arrivedAt: number;
  /** When the patient was handed over; undefined while still waiting. */
  completedAt?: number;
  /** When the stay ended without a handover event (the ambulance arrived somewhere else). */
  abandonedAt?: number;
}

export interface RotaEntry {
  from: number;
  to: number;
  resources: number;
  at: number;
  id: string;
}

export class TrustState {
  readonly calls = new Map<string, CallFacts>();
  readonly jobs = new Map<string, JobFacts>();
  readonly resources = new Map<string, ResourceFacts>();
  /** Handover events by resource, then by event id (so a repeated event is one entry). */
  readonly handovers = new Map<string, Map<string, HandoverEvent>>();
  readonly rota = new Map<string, RotaEntry>();
  /** When the server last received an event for the trust (epoch ms). */
  lastReceivedAt: number | undefined;
  private episodeCache = new Map<string, HandoverEpisode[]>();

  /** Notes that the feed was heard from at `receivedAt` (epoch ms), with or without events. */
  heard(receivedAt: number): void {
    this.lastReceivedAt = Math.max(this.lastReceivedAt ?? receivedAt, receivedAt);
  }

  /** Applies one event received at `receivedAt` (epoch ms; left out when replaying the store). */
  apply(event: FeedEvent, receivedAt?: number): void {
    if (receivedAt !== undefined) this.heard(receivedAt);
    const at = Date.parse(event.at);
    switch (event.type) {
      case 'call.received':
      case 'call.answered':
      case 'call.abandoned': {
        const call = this.calls.get(event.callId) ?? { lastAt: at };
        call.lastAt = Math.max(call.lastAt, at);
        if (event.type === 'call.received') call.receivedAt = min(call.receivedAt, at);
        else if (event.type === 'call.answered') call.answeredAt = min(call.answeredAt, at);
        else call.abandonedAt = min(call.abandonedAt, at);
        this.calls.set(event.callId, call);
        return;
      }
      case 'job.created':
      case 'job.recategorised':
      case 'job.resourceArrived':
      case 'job.closed': {
        const job = this.jobs.get(event.jobId) ?? { lastAt: at };
        job.lastAt = Math.max(job.lastAt, at);
        if (event.type === 'job.created') {
          job.createdAt = min(job.createdAt, at);
          job.category = later(job.category, { value: event.category, at, id: event.id });
        } else if (event.type === 'job.recategorised') {
          job.category = later(job.category, { value: event.category, at, id: event.id });
        } else if (event.type === 'job.resourceArrived') {
          job.firstArrivalAt = min(job.firstArrivalAt, at);
        } else {
          job.closedAt = min(job.closedAt, at);
        }
        this.jobs.set(event.jobId, job);
        return;
      }
      case 'resource.status': {
        const current = this.resources.get(event.resourceId);
        this.resources.set(event.resourceId, { status: later(current?.status, { value: event.status, at, id: event.id }) });
        return;
      }
      case 'handover.arrived':
      case 'handover.completed': {
        const events = this.handovers.get(event.resourceId) ?? new Map<string, HandoverEvent>();
        events.set(event.id, { kind: event.type === 'handover.arrived' ? 'arrived' : 'completed', hospital: event.hospital, at });
        this.handovers.set(event.resourceId, events);
        this.episodeCache.delete(event.resourceId);
        return;
      }
      case 'rota.planned':
        this.rota.set(event.id, { from: Date.parse(event.from), to: Date.parse(event.to), resources: event.resources, at, id: event.id });
        return;
    }
  }

  /**
   * Each resource's hospital stays, paired by time: an arrival opens a stay, a completion at the
   * same hospital closes it. A completion with no open stay there is ignored (its arrival is
   * unknown); a new arrival while a stay is open ends the open one without a handover.
   *
   * Example: arrived A 10:00, completed A 10:40, arrived B 11:30 → A 10:00-10:40 handed over,
   * B from 11:30 still waiting.
   */
  episodes(): HandoverEpisode[] {
    const all: HandoverEpisode[] = [];
    for (const [resourceId, events] of this.handovers) {
      let episodes = this.episodeCache.get(resourceId);
      if (!episodes) {
        episodes = pairHandovers([...events.values()]);
        this.episodeCache.set(resourceId, episodes);
      }
      all.push(...episodes);
    }
    return all;
  }

  /**
   * Forgets what ended before `cutoff` (epoch ms): calls and jobs whose last event is older,
   * resources unchanged since, handover events and rota periods before it. Keeps memory bounded
   * on a server that runs for months; the window is far longer than "today".
   */
  prune(cutoff: number): void {
    for (const [id, call] of this.calls) if (call.lastAt < cutoff) this.calls.delete(id);
    for (const [id, job] of this.jobs) if (job.lastAt < cutoff) this.jobs.delete(id);
    for (const [id, resource] of this.resources) if (resource.status.at < cutoff) this.resources.delete(id);
    for (const [resourceId, events] of this.handovers) {
      for (const [id, event] of events) if (event.at < cutoff) events.delete(id);
      if (events.size === 0) this.handovers.delete(resourceId);
      this.episodeCache.delete(resourceId);
    }
    for (const [id, entry] of this.rota) if (entry.to < cutoff) this.rota.delete(id);
  }
}

export function pairHandovers(events: HandoverEvent[]): HandoverEpisode[] {
  // By time; at the same instant an arrival comes before a completion.
  const sorted = [...events].sort((a, b) => a.at - b.at || (a.kind === b.kind ? a.hospital.localeCompare(b.hospital) : a.kind === 'arrived' ? -1 : 1));
  const episodes: HandoverEpisode[] = [];
  let open: HandoverEpisode | undefined;
  for (const event of sorted) {
    if (event.kind === 'arrived') {
      if (open) open.abandonedAt = event.at;
      open = { hospital: event.hospital, arrivedAt: event.at };
      episodes.push(open);
    } else if (open && open.hospital === event.hospital) {
      open.completedAt = event.at;
      open = undefined;
    }
  }
  return episodes;
}

import type { Category, FeedEvent, ResourceStatus } from '../../shared/feed/events.ts';
import type { CalendarSnapshot } from './heap.ts';

/** The simulator's state and records, as plain data: what a run stores and a summary reads. */

export type Outcome = 'hear_and_treat' | 'see_and_treat' | 'conveyed_ed' | 'conveyed_other';

export interface JobRecord {
  id: string;
  category: Category;
  createdAt: number;
  firstArrivalAt?: number;
  closedAt?: number;
  outcome: Outcome;
  /** Whether the job was created within the measured period (not in the warm-up). */
  measured: boolean;
}

export interface RunRecords {
  jobs: JobRecord[];
  calls: { answeredAt: number; answerSeconds: number; measured: boolean }[];
  handovers: { arrivedAt: number; seconds: number; measured: boolean }[];
}

export interface Resource {
  id: string;
  kind: 'DSA' | 'RRV';
  status: ResourceStatus;
  job?: string;
  /** To go off shift as soon as it is free. */
  leaving: boolean;
  /**
   * How many times the crew has been sent to a job: an arrival due from a journey it was diverted
   * from carries an older count and is ignored. Absent in states stored before diversions (0).
   */
  trips?: number;
  /** On a C1 job as its extra number n (0 first), not its first resource. */
  extra?: number;
}

export interface Job extends JobRecord {
  callId: string;
  waiting: boolean;
  /** Resources it draws: a C2 may draw a second. */
  wanted: number;
  /** A C1's extra resources still to send, how many it has sent, and how many of them it needs once one is on scene. */
  extras?: number;
  extrasSent?: number;
  extrasNeeded?: number;
}

/** What is due to happen; resources by their index, jobs by their id, so the calendar is plain data. */
export type Happening =
  | { kind: 'call' }
  | { kind: 'answered'; callId: string; receivedAt: number; makesJob: boolean }
  | { kind: 'created'; callId: string }
  | { kind: 'arrived'; resource: number; job: string; lead: boolean; trip?: number }
  | { kind: 'sceneDone'; resource: number; job: string; lead: boolean }
  | { kind: 'atHospital'; resource: number; job: string; hospital: string }
  | { kind: 'handedOver'; resource: number; job: string; hospital: string; arrivedAt: number }
  | { kind: 'cleared'; resource: number }
  | { kind: 'callback'; job: string }
  | { kind: 'upgrade'; job: string }
  | { kind: 'patience'; job: string }
  | { kind: 'rota' };

/**
 * Everything a run needs to carry on later exactly as if it had never stopped: plain data, safe
 * to store as JSON. The parameters are not in it: they come again from the scenario.
 */
export interface ModelState {
  /** Put before every id the run makes (jobs, calls, events), so that two runs never share one. */
  prefix: string;
  now: number;
  random: { a: number };
  serial: number;
  resources: Resource[];
  /** Jobs still open, or closed with a crew still on them. */
  jobs: Record<string, Job>;
  /** The jobs waiting for a crew, by category, oldest first. */
  queues: Record<Category, string[]>;
  /** C1 jobs with a crew sent and extras still to send, oldest first (absent in older states). */
  support?: string[];
  calendar: CalendarSnapshot<Happening>;
}

export interface ModelOptions {
  /** Hours simulated before `start` so the service is warm: busy crews, a queue, people at hospitals. */
  warmUpHours?: number;
  /** Receives every event, warm-up included, in time order. */
  emit?: (event: FeedEvent) => void;
  /** Keeps the records a summary is made of (a long live run does without). */
  collect?: boolean;
  /** Put before every job, call and event id (none by default). */
  idPrefix?: string;
}

export interface TrustModel {
  /** Runs every happening due before `until` (ms since the epoch). */
  advance(until: number): void;
  /** The state as it stands, to store and resume from. */
  snapshot(): ModelState;
  /** Present when the model was made with `collect`. */
  readonly records: RunRecords | undefined;
}

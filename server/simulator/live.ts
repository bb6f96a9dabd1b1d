import type { Logger } from 'pino';
import type { FeedEvent } from '../../shared/feed/events.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import { Scenario } from '../../shared/simulator/scenario.ts';
import { londonMidnight } from '../../shared/time/london.ts';
import { createFeedKey } from '../admin/feedKeys.ts';
import type { Database } from '../db/database.ts';
import { Lease } from '../db/lease.ts';
import { aqiRows, calibration } from './data.ts';
import { FeedRefused, postEvents } from './feedClient.ts';
import { createModel, resumeModel, type ModelState, type TrustModel } from './model.ts';
import { resolveParams } from './params.ts';
import { restamp, wallClock } from './realtime.ts';
import { exerciseRun, saveExerciseState } from '../exercises/store.ts';

/** The label of the feed keys the built-in simulator makes for itself (shown on the admin page). */
export const SIMULATOR_KEY_LABEL = 'Built-in simulator';

const HOUR = 3600_000;
/** A run stopped for longer than this is not caught up: it is closed out and a new one starts. */
const MAX_CATCH_UP_MS = 24 * HOUR;
/** How much of the night before a new run simulates, so that midnight already has a queue and crews out. */
const WARM_BEFORE_MIDNIGHT_MS = 4 * HOUR;
const SNAPSHOT_EVERY_MS = 60_000;
/** Well inside STALE_AFTER_SECONDS' smallest sensible value: a quiet trust still says it is alive. */
const HEARTBEAT_EVERY_MS = 30_000;
const LEASE_MS = 30_000;
const LEASE_RENEW_MS = 10_000;
/** An exercise opens on a service that has been working for a while, not on empty roads. */
export const EXERCISE_WARM_UP_HOURS = 6;

export interface LiveSimulatorOptions {
  db: Database;
  log: Logger;
  now: () => Date;
  /** The server the events go to, e.g. http://127.0.0.1:3000: this server's own feed API. */
  feedUrl: string;
  /** The trusts fed live (SIMULATOR=on: all of them); none runs only exercises. */
  trusts: readonly TrustCode[];
  tickMs?: number;
}

/** How often the running exercises are looked up, to start and stop their runs. */
const EXERCISE_SYNC_MS = 2_000;

interface Run {
  trust: TrustCode;
  /** Set for an exercise's run: its id, and how its scenario's time maps to the clock. */
  exercise?: { id: string; toModel: (wall: number) => number };
  key: string;
  model: TrustModel;
  scenario: Scenario;
  pending: FeedEvent[];
  lastPostAt: number;
  lastSnapshotAt: number;
  /** Set when the feed refused this run's key (an admin revoked it): the run stops for good. */
  stopped: boolean;
}

interface StoredRun {
  trust: TrustCode;
  scenario: Scenario;
  state: ModelState;
}

/**
 * The built-in simulator, fed to the product in real time. It talks to the server only through
 * the feed API, with feed keys of its own, as a real dispatch system would, so the screens a new
 * install shows run the real path from feed to screen.
 *
 * Each trust's run is stored every minute; a restart carries the same run on (catching up on the
 * time it was down), so the picture never holds jobs of a run nobody is running any more. Only
 * one instance simulates: it holds a lease in the database.
 */
export class LiveSimulator {
  private readonly options: LiveSimulatorOptions;
  private readonly lease = new Lease('simulator', LEASE_MS);
  private readonly trusts: readonly TrustCode[];
  private runs: Run[] = [];
  private begun = false;
  private holding = false;
  private leaseTriedAt = Number.NEGATIVE_INFINITY;
  private exercisesSyncedAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticking: Promise<void> | undefined;
  private stopping = false;
  private lastWarning = 0;

  constructor(options: LiveSimulatorOptions) {
    this.options = options;
    this.trusts = options.trusts;
  }

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    if (this.holding) {
      await this.saveAll().catch((error: unknown) => this.options.log.warn({ err: error }, 'simulator: saving the runs at stop failed'));
      await this.lease.release(this.options.db).catch(() => undefined);
    }
  }

  private schedule(delay: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.warn(error, 'simulator: a step failed; trying again'))
        .finally(() => this.schedule(this.options.tickMs ?? 1000));
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const now = this.options.now().getTime();
    if (!(await this.keepLease(now))) {
      if (this.begun) this.options.log.warn('simulator: another instance holds the lease; this one stops simulating');
      this.runs = [];
      this.begun = false;
      return;
    }
    if (!this.begun) {
      await this.begin(now);
      this.begun = true;
    }
    if (now - this.exercisesSyncedAt >= EXERCISE_SYNC_MS) {
      await this.syncExercises(now);
      this.exercisesSyncedAt = now;
    }
    for (const run of this.runs) {
      if (this.stopping) return;
      if (run.stopped) continue;
      run.model.advance(run.exercise ? run.exercise.toModel(now) : now);
      await this.flush(run, now);
      if (!run.stopped && run.pending.length === 0 && now - run.lastSnapshotAt >= SNAPSHOT_EVERY_MS) {
        await this.save(run);
        run.lastSnapshotAt = now;
      }
    }
  }

  private async keepLease(now: number): Promise<boolean> {
    if (now - this.leaseTriedAt < LEASE_RENEW_MS) return this.holding;
    this.leaseTriedAt = now;
    this.holding = await this.lease.hold(this.options.db, new Date(now));
    return this.holding;
  }

  /** Takes over every trust: fresh feed keys, and each run carried on, or closed out and begun anew. */
  private async begin(now: number): Promise<void> {
    const { db, log } = this.options;
    const at = new Date(now);
    this.runs = [];
    if (this.trusts.length === 0) return;
    await db.query('UPDATE feed_keys SET revoked_at = $1 WHERE label = $2 AND revoked_at IS NULL', [at, SIMULATOR_KEY_LABEL]);
    await db.query('DELETE FROM feed_keys WHERE label = $1 AND revoked_at < $2', [SIMULATOR_KEY_LABEL, new Date(now - 7 * 24 * HOUR)]);
    const stored = new Map((await db.query<{ trust: TrustCode; scenario: unknown; state: ModelState }>('SELECT trust, scenario, state FROM simulator_runs')).map((r) => [r.trust, r]));
    const runs: Run[] = [];
    for (const trust of this.trusts) {
      const { key } = await createFeedKey(db, { trust, label: SIMULATOR_KEY_LABEL }, { at, createdBy: null });
      const previous = stored.get(trust);
      const parsed = previous && Scenario.safeParse(previous.scenario);
      const carryOn = previous && parsed?.success && now - previous.state.now <= MAX_CATCH_UP_MS ? { trust, scenario: parsed.data, state: previous.state } : undefined;
      const pending: FeedEvent[] = [];
      const emit = (event: FeedEvent) => pending.push(event);
      let model: TrustModel;
      let scenario: Scenario;
      if (carryOn) {
        scenario = carryOn.scenario;
        model = resumeModel(liveParams(scenario), carryOn.state, { emit });
        log.info({ trust, since: new Date(carryOn.state.now).toISOString() }, 'simulator: carrying on the stored run');
      } else {
        if (previous) pending.push(...closeOut(trust, previous.state));
        scenario = newScenario(trust, now);
        const start = Date.parse(scenario.start);
        model = createModel(liveParams(scenario), { emit, idPrefix: `${start.toString(36)}-`, warmUpHours: (start - (londonMidnight(at).getTime() - WARM_BEFORE_MIDNIGHT_MS)) / HOUR });
        log.info({ trust, warmFrom: new Date(model.snapshot().now).toISOString() }, 'simulator: starting a new run');
      }
      runs.push({ trust, key, model, scenario, pending, lastPostAt: 0, lastSnapshotAt: 0, stopped: false });
    }
    this.runs = runs;
  }

  /**
   * Starts a run for each exercise that has none, carrying on from its stored state, and drops
   * the runs of exercises that ended. An exercise's events are stamped with the clock: its
   * scenario's day runs from the moment it was started, `speed` times faster.
   */
  private async syncExercises(now: number): Promise<void> {
    const { db, log } = this.options;
    const running = new Set((await db.query<{ id: string }>('SELECT id FROM exercises WHERE ended_at IS NULL')).map((r) => r.id));
    this.runs = this.runs.filter((run) => !run.exercise || running.has(run.exercise.id));
    for (const id of running) {
      if (this.runs.some((run) => run.exercise?.id === id)) continue;
      const stored = await exerciseRun(db, id);
      const parsed = stored && Scenario.safeParse(stored.definition);
      if (!stored || !parsed?.success) continue;
      const scenario = parsed.data;
      const at = new Date(now);
      await db.query('UPDATE feed_keys SET revoked_at = $2 WHERE exercise_id = $1 AND revoked_at IS NULL', [id, at]);
      const { key } = await createFeedKey(db, { trust: scenario.trust, label: `Exercise ${id.slice(0, 8)}`, exerciseId: id }, { at, createdBy: null });
      const clock = wallClock(Date.parse(scenario.start), stored.startedAt.getTime(), stored.speed);
      const pending: FeedEvent[] = [];
      const emit = (event: FeedEvent) => pending.push(restamp(event, clock.toWall));
      // The scenario's calls stop at its end; the crews then finish what they have in hand.
      const params = resolveParams(scenario, aqiRows(), calibration());
      const model = stored.state ? resumeModel(params, stored.state as ModelState, { emit }) : createModel(params, { emit, idPrefix: 'x-', warmUpHours: EXERCISE_WARM_UP_HOURS });
      log.info({ exercise: id, trust: scenario.trust }, stored.state ? 'simulator: carrying on an exercise' : 'simulator: starting an exercise');
      this.runs.push({ trust: scenario.trust, exercise: { id, toModel: clock.toModel }, key, model, scenario, pending, lastPostAt: 0, lastSnapshotAt: stored.state ? now : 0, stopped: false });
    }
  }

  private async flush(run: Run, now: number): Promise<void> {
    if (run.pending.length === 0 && now - run.lastPostAt < HEARTBEAT_EVERY_MS) return;
    const progress = { sent: 0 };
    try {
      await postEvents(this.options.feedUrl, run.key, run.pending, progress);
      run.lastPostAt = now;
    } catch (error) {
      if (run.exercise && error instanceof FeedRefused && (error.status === 401 || error.status === 409)) {
        // The exercise was stopped meanwhile: its key is revoked and the next look-up drops the run.
        run.stopped = true;
      } else if (error instanceof FeedRefused && error.status === 401) {
        run.stopped = true;
        this.options.log.warn({ trust: run.trust }, 'simulator: its feed key was revoked; it stops feeding this trust until the server restarts');
      } else this.warn(error, `simulator: posting ${run.trust}'s events failed; they are kept and sent again`);
    } finally {
      // What was stored is not sent again; what was not stays, in order.
      run.pending.splice(0, progress.sent);
    }
  }

  private async saveAll(): Promise<void> {
    for (const run of this.runs) if (!run.stopped) await this.save(run);
  }

  /**
   * Stores where a run stands. Events still unsent are part of what happened; a run saved with
   * some pending would, carried on, never send them, so it is saved only when they are all out.
   */
  private async save(run: Run): Promise<void> {
    if (run.pending.length) return;
    if (run.exercise) {
      await saveExerciseState(this.options.db, run.exercise.id, run.model.snapshot(), this.options.now());
      return;
    }
    const stored: StoredRun = { trust: run.trust, scenario: run.scenario, state: run.model.snapshot() };
    await this.options.db.query(
      `INSERT INTO simulator_runs (trust, scenario, state, saved_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (trust) DO UPDATE SET scenario = EXCLUDED.scenario, state = EXCLUDED.state, saved_at = EXCLUDED.saved_at`,
      [stored.trust, JSON.stringify(stored.scenario), JSON.stringify(stored.state), this.options.now()],
    );
  }

  private warn(error: unknown, message: string): void {
    // A server that stays down must not fill the log with the same line every second.
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.options.log.warn({ err: error }, message);
  }
}

/** A live run's scenario: the trust's calibrated ordinary service from now on. */
function newScenario(trust: TrustCode, now: number): Scenario {
  const start = Math.floor(now / 1000) * 1000;
  return { trust, start: new Date(start).toISOString(), days: 366, seed: (start / 1000 + trust.charCodeAt(2) * 7919) % 2_147_483_647 };
}

/** Live runs have no end: the scenario's days only bound what a headless run measures. */
function liveParams(scenario: Scenario) {
  return { ...resolveParams(scenario, aqiRows(), calibration()), end: Number.POSITIVE_INFINITY };
}

/**
 * The events that end a run nobody will carry on: its open jobs cancelled, its crews handed over
 * and stood down, as at the moment it was last stored. Without them the picture would hold its
 * jobs and crews for ever.
 */
export function closeOut(trust: TrustCode, state: ModelState): FeedEvent[] {
  const at = new Date(state.now).toISOString();
  let n = 0;
  const id = () => `${state.prefix}close-${(++n).toString(36)}`;
  const events: FeedEvent[] = [];
  const hospitalOf = new Map<number, string>();
  for (const item of state.calendar.items) if (item.value.kind === 'handedOver' && item.value.hospital) hospitalOf.set(item.value.resource, item.value.hospital);
  state.resources.forEach((r, index) => {
    const hospital = hospitalOf.get(index);
    if (r.status === 'at_hospital' && hospital) events.push({ id: id(), type: 'handover.completed', trust, at, resourceId: r.id, hospital });
    if (r.status !== 'off_shift') events.push({ id: id(), type: 'resource.status', trust, at, resourceId: r.id, kind: r.kind, status: 'off_shift' });
  });
  for (const job of Object.values(state.jobs)) if (job.closedAt === undefined) events.push({ id: id(), type: 'job.closed', trust, at, jobId: job.id, outcome: 'cancelled' });
  return events;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Category, FeedEvent } from '../../shared/feed/events.ts';
import { validateFeedBatch } from '../../shared/feed/events.ts';
import { ARP_STANDARDS } from '../../shared/picture/standards.ts';
import { Scenario } from '../../shared/simulator/scenario.ts';
import { londonMidnight } from '../../shared/time/london.ts';
import { derivePicture } from '../picture/derive.ts';
import { TrustState } from '../picture/state.ts';
import { createModel, resumeModel, runModel } from './model.ts';
import { fitHandover, parseAqi, resolveParams } from './params.ts';
import { normalCdf } from './random.ts';
import { summarise } from './summary.ts';

const rows = parseAqi(readFileSync(path.join(import.meta.dirname, 'aqi-calibration.csv'), 'utf8'));
const scenario = (fields: Partial<Scenario> = {}) => Scenario.parse({ trust: 'RX6', start: '2024-07-01T00:00:00+01:00', days: 1, seed: 7, ...fields });

function run(fields: Partial<Scenario> = {}) {
  const params = resolveParams(scenario(fields), rows);
  const events: FeedEvent[] = [];
  const records = runModel(params, { emit: (e) => events.push(e) });
  return { params, events, records };
}

describe('the simulator model', () => {
  const first = run();
  /** A day with a third of the usual crews: a queue all day. */
  const pressed = run({ capacity: { staffingFactor: 0.33 } });

  it('gives the same events for the same seed, and others for another', () => {
    expect(run().events).toEqual(first.events);
    expect(run({ seed: 8 }).events).not.toEqual(first.events);
  });

  it('emits only events the feed accepts, in time order', () => {
    const checked = validateFeedBatch(first.events);
    expect(checked.ok).toBe(true);
    for (let i = 1; i < first.events.length; i++) expect(Date.parse(first.events[i]!.at)).toBeGreaterThanOrEqual(Date.parse(first.events[i - 1]!.at));
    expect(new Set(first.events.map((e) => e.id)).size).toBe(first.events.length);
  });

  it('ends every job or leaves it open at the end, and never puts a resource on two jobs at once', () => {
    // An ordinary day, and one with a third of the crews, where crews are diverted and jobs close unreached.
    for (const { events, records } of [first, pressed]) {
      const categoryOf = new Map(records.jobs.map((j) => [j.id, j.category]));
      const busy = new Map<string, { job: string | undefined; status: string }>();
      for (const event of events) {
        if (event.type !== 'resource.status') continue;
        const was = busy.get(event.resourceId);
        // Sent while on a job: only a diversion, from the way to a less urgent job to a C1.
        if (event.status === 'mobile' && was?.job !== undefined) {
          expect(was.status, `${event.resourceId} at ${event.at}`).toBe('mobile');
          expect(categoryOf.get(event.jobId!)).toBe('C1');
          expect(categoryOf.get(was.job)).not.toBe('C1');
        }
        busy.set(event.resourceId, { job: event.status === 'available' || event.status === 'off_shift' ? undefined : event.jobId, status: event.status });
      }
      const closed = new Set(events.filter((e) => e.type === 'job.closed').map((e) => (e as { jobId: string }).jobId));
      for (const job of records.jobs) {
        if (job.closedAt !== undefined) expect(closed.has(job.id)).toBe(true);
        if (job.closedAt !== undefined && job.firstArrivalAt !== undefined) expect(job.closedAt).toBeGreaterThanOrEqual(job.firstArrivalAt);
      }
    }
  });

  it('sends C1 first, then of C2 to C4 the job longest waiting against its category’s standard', () => {
    const standard = { C2: ARP_STANDARDS.C2.p90Seconds, C3: ARP_STANDARDS.C3.p90Seconds, C4: ARP_STANDARDS.C4.p90Seconds } as Record<Category, number>;
    const job = new Map<string, { category: Category; createdAt: number }>();
    // The jobs waiting for a crew, rebuilt from the events alone.
    const waiting = new Set<string>();
    const onTheWay = new Map<string, string>();
    let checked = 0;
    for (const event of pressed.events) {
      const t = Date.parse(event.at);
      if (event.type === 'job.created') {
        job.set(event.jobId, { category: event.category, createdAt: t });
        if (event.category !== 'C5') waiting.add(event.jobId);
      } else if (event.type === 'job.recategorised') job.get(event.jobId)!.category = event.category;
      else if (event.type === 'job.closed') waiting.delete(event.jobId);
      else if (event.type === 'job.resourceArrived') onTheWay.delete(event.resourceId);
      else if (event.type === 'resource.status' && event.status === 'mobile') {
        const left = onTheWay.get(event.resourceId);
        if (left !== undefined) waiting.add(left);
        onTheWay.set(event.resourceId, event.jobId!);
        if (!waiting.has(event.jobId!)) continue; // a second resource
        waiting.delete(event.jobId!);
        const sent = job.get(event.jobId!)!;
        if (sent.category === 'C1') continue;
        const overdue = (j: { category: Category; createdAt: number }) => (j.category === 'C1' ? Infinity : (t - j.createdAt) / 1000 / standard[j.category]);
        let mostOverdue = 0;
        for (const id of waiting) mostOverdue = Math.max(mostOverdue, overdue(job.get(id)!));
        if (mostOverdue > overdue(sent) + 1e-5) expect.fail(`${event.jobId} (${sent.category}) sent at ${event.at} while a job more overdue waited`);
        checked++;
      } else if (event.type === 'resource.status') onTheWay.delete(event.resourceId);
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('diverts a crew on its way to a less urgent job to a C1 when none is free, and the job it left waits again', () => {
    const categoryOf = new Map(pressed.records.jobs.map((j) => [j.id, j.category]));
    const onTheWay = new Map<string, string>();
    const left: string[] = [];
    for (const event of pressed.events) {
      if (event.type !== 'resource.status') continue;
      const was = onTheWay.get(event.resourceId);
      if (event.status === 'mobile' && was !== undefined) left.push(was);
      if (event.status === 'mobile') onTheWay.set(event.resourceId, event.jobId!);
      else onTheWay.delete(event.resourceId);
    }
    expect(left.length).toBeGreaterThan(10);
    expect(left.every((id) => categoryOf.get(id) !== 'C1')).toBe(true);
    // Each job left is reached by a crew later, closed unreached, or still waiting at the end.
    const arrivals = pressed.events.filter((e) => e.type === 'job.resourceArrived');
    const reachedLater = left.filter((id) => arrivals.some((e) => e.jobId === id)).length;
    expect(reachedLater).toBeGreaterThan(left.length / 2);
  });

  it('closes by telephone, as hear and treat, C3 and C4 jobs that have waited long, and no others unreached', () => {
    const unreached = pressed.records.jobs.filter((j) => j.category !== 'C5' && j.closedAt !== undefined && j.firstArrivalAt === undefined);
    expect(unreached.length).toBeGreaterThan(20);
    for (const j of unreached) {
      expect(['C3', 'C4']).toContain(j.category);
      expect(j.outcome).toBe('hear_and_treat');
    }
    // Patience is about four hours: most close after the first hour.
    const waitedHours = unreached.map((j) => (j.closedAt! - j.createdAt) / 3600_000);
    expect(waitedHours.filter((h) => h > 1).length).toBeGreaterThan(waitedHours.length / 2);
    // An ordinary day, with crews enough, leaves almost nobody to close that way.
    const ordinary = first.records.jobs.filter((j) => j.category !== 'C5' && j.closedAt !== undefined && j.firstArrivalAt === undefined);
    expect(ordinary.length).toBeLessThan(unreached.length / 5);
  });

  it('draws the published mix of categories and outcomes, near enough', () => {
    const summary = summarise(first.params, first.records);
    expect(summary.mix.C2).toBeCloseTo(first.params.mix.C2, 1);
    expect(summary.outcomes.conveyedEd).toBeCloseTo(first.params.outcomes.conveyedEd, 1);
    expect(summary.incidentsPerDay / first.params.incidentsPerDay).toBeGreaterThan(0.85);
    expect(summary.incidentsPerDay / first.params.incidentsPerDay).toBeLessThan(1.15);
  });

  it('agrees with the picture derived from its own events on today’s response times', () => {
    const state = new TrustState();
    for (const event of first.events) state.apply(event, Date.parse(event.at));
    const end = new Date(first.params.end - 1);
    const picture = derivePicture(first.params.trust, state, end);
    const midnight = londonMidnight(end).getTime();
    for (const category of ['C1', 'C2', 'C3', 'C4'] as const) {
      const reached = first.records.jobs.filter((j) => j.category === category && j.firstArrivalAt !== undefined && j.firstArrivalAt >= midnight);
      expect(picture.responseToday[category].count, category).toBe(reached.length);
      const mean = reached.reduce((s, j) => s + (j.firstArrivalAt! - j.createdAt), 0) / Math.max(1, reached.length) / 1000;
      expect(Math.abs(picture.responseToday[category].meanSeconds - mean), category).toBeLessThanOrEqual(1);
    }
  });

  it('runs fewer crews on a strike day and reaches only the covered categories during it', () => {
    const strike = run({ strike: [{ from: '2024-07-01T07:00:00+01:00', to: '2024-07-01T19:00:00+01:00', staffingFactor: 0.5, covered: ['C1'] }] });
    const during = (e: FeedEvent) => Date.parse(e.at) >= Date.parse('2024-07-01T07:30:00+01:00') && Date.parse(e.at) < Date.parse('2024-07-01T19:00:00+01:00');
    const planned = (events: FeedEvent[]) => events.filter((e) => e.type === 'rota.planned' && during(e)).map((e) => (e as { resources: number }).resources);
    expect(Math.max(...planned(strike.events))).toBeLessThan(Math.min(...planned(first.events)));
    const categoryOf = new Map(strike.records.jobs.map((j) => [j.id, j.category]));
    const dispatched = strike.events.filter((e) => e.type === 'resource.status' && e.status === 'mobile' && during(e)).map((e) => categoryOf.get((e as { jobId: string }).jobId));
    expect(dispatched.length).toBeGreaterThan(0);
    expect(dispatched.every((c) => c === 'C1')).toBe(true);
  });
});

describe('a run that stops and carries on', () => {
  it('gives, resumed from a stored snapshot, exactly the events an unbroken run gives', () => {
    const params = resolveParams(scenario({ days: 1 }), rows);
    const unbroken: FeedEvent[] = [];
    createModel(params, { emit: (e) => unbroken.push(e) }).advance(params.end);
    const resumed: FeedEvent[] = [];
    const first = createModel(params, { emit: (e) => resumed.push(e) });
    const middle = params.start + 7.5 * 3600_000;
    first.advance(middle);
    const stored = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<typeof first.snapshot>;
    resumeModel(params, stored, { emit: (e) => resumed.push(e) }).advance(params.end);
    expect(resumed.length).toBe(unbroken.length);
    expect(resumed).toEqual(unbroken);
  });

  it('forgets closed jobs once their crews are free, so a long live run does not grow', () => {
    const params = { ...resolveParams(scenario({ days: 3 }), rows) };
    const model = createModel(params);
    const open: number[] = [];
    for (let day = 0; day < 3; day++) {
      model.advance(params.start + (day + 1) * 86_400_000);
      open.push(Object.keys(model.snapshot().jobs).length);
    }
    // A day of North East is about 1,300 jobs: what stays is the work in hand, not the history.
    expect(Math.max(...open)).toBeLessThan(300);
  });
});

describe('an emergency department closing its doors', () => {
  it('sends no ambulance to it while it is closed, and its share to the others', () => {
    const hospital = 'RTD02';
    const closure = { hospital, from: '2024-07-01T10:00:00+01:00', to: '2024-07-01T16:00:00+01:00' };
    const open = run();
    const closed = run({ edClosures: [closure] });
    const during = (e: FeedEvent) => Date.parse(e.at) >= Date.parse(closure.from) && Date.parse(e.at) < Date.parse(closure.to);
    const arrivals = (events: FeedEvent[], code: string) => events.filter((e) => e.type === 'handover.arrived' && e.hospital === code && during(e)).length;
    expect(arrivals(open.events, hospital)).toBeGreaterThan(5);
    expect(arrivals(closed.events, hospital)).toBe(0);
    const others = closed.params.hospitals.filter((h) => h.code !== hospital);
    const elsewhere = (events: FeedEvent[]) => others.reduce((n, h) => n + arrivals(events, h.code), 0);
    expect(elsewhere(closed.events)).toBeGreaterThan(elsewhere(open.events));
  });

  it('refuses a closure of a department the trust does not have', () => {
    const parsed = Scenario.safeParse({ trust: 'RX6', start: '2024-07-01T00:00:00Z', days: 1, seed: 1, edClosures: [{ hospital: 'RRU-NOPE', from: '2024-07-01T10:00:00Z', to: '2024-07-01T12:00:00Z' }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['edClosures', 0, 'hospital']);
  });
});

describe('fitting handover times', () => {
  it('finds a lognormal whose shares over 30 and 60 minutes come near the targets', () => {
    const fit = fitHandover(25, 0.2, 0.05);
    const share = (m: number) => 1 - normalCdf((Math.log(m - fit.shiftMinutes) - fit.mu) / fit.sigma);
    expect(fit.shiftMinutes + Math.exp(fit.mu + fit.sigma ** 2 / 2)).toBeCloseTo(25, 5);
    expect(share(30)).toBeCloseTo(0.2, 1);
    expect(share(60)).toBeCloseTo(0.05, 1);
  });
});

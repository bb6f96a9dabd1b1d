import type { Category, FeedEvent, ResourceStatus } from '../../shared/feed/events.ts';
import { londonOffsetMinutes } from '../../shared/time/london.ts';
import { Calendar } from './heap.ts';
import type { ModelParams } from './params.ts';
import { exponential, lognormal, lognormalByMean, pickWeighted, seeded, type Random } from './random.ts';

/**
 * A discrete-event model of one ambulance trust (pure: parameters and a seed in, events and
 * records out). Calls arrive by a Poisson process shaped by hour of day and day of week, are
 * answered and triaged into jobs; hear-and-treat jobs close by telephone; the rest queue and are
 * dispatched by priority to the rota's free crews, who travel, treat on scene, and either leave
 * the patient or convey them, to an emergency department (where they wait to hand over) or
 * elsewhere, then clear.
 */

const MIN = 60_000;

/** Demand by hour of day (UK local time), mean 1: a night trough and a late-morning peak. */
const HOUR_PROFILE = normalise([0.72, 0.64, 0.58, 0.53, 0.5, 0.52, 0.62, 0.8, 0.98, 1.12, 1.2, 1.23, 1.22, 1.2, 1.17, 1.15, 1.14, 1.16, 1.18, 1.17, 1.12, 1.05, 0.95, 0.84]);
/** Demand by day of week (Sunday first), mean 1: Mondays are busiest. */
const DAY_PROFILE = normalise([0.98, 1.06, 1.0, 0.98, 0.98, 1.0, 1.0]);
/** Crews planned by hour follow demand, but less steeply: shifts overlap. */
const ROTA_PROFILE = HOUR_PROFILE.map((f) => 0.55 + 0.45 * f);

function normalise(values: number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v / mean);
}

function localHour(at: number): { hour: number; day: number } {
  const local = new Date(at + londonOffsetMinutes(new Date(at)) * MIN);
  return { hour: local.getUTCHours(), day: local.getUTCDay() };
}

type Outcome = 'hear_and_treat' | 'see_and_treat' | 'conveyed_ed' | 'conveyed_other';

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

interface Resource {
  id: string;
  kind: 'DSA' | 'RRV';
  status: ResourceStatus;
  job?: string;
  /** To go off shift as soon as it is free. */
  leaving: boolean;
}

interface Job {
  record: JobRecord;
  callId: string;
  waiting: boolean;
  /** Resources it draws: a C1 may draw a second. */
  wanted: number;
}

type Happening =
  | { kind: 'call' }
  | { kind: 'answered'; callId: string; receivedAt: number; makesJob: boolean }
  | { kind: 'created'; callId: string }
  | { kind: 'arrived'; resource: Resource; job: Job; lead: boolean }
  | { kind: 'sceneDone'; resource: Resource; job: Job; lead: boolean }
  | { kind: 'atHospital'; resource: Resource; job: Job; hospital: string }
  | { kind: 'handedOver'; resource: Resource; job: Job; hospital: string; arrivedAt: number }
  | { kind: 'cleared'; resource: Resource }
  | { kind: 'callback'; job: Job }
  | { kind: 'upgrade'; job: Job }
  | { kind: 'rota' };

export interface RunOptions {
  /** Hours simulated before `start` so the service is warm: busy crews, a queue, people at hospitals. */
  warmUpHours?: number;
  /** Receives every event, warm-up included, in time order. */
  emit?: (event: FeedEvent) => void;
}

export function runModel(params: ModelParams, options: RunOptions = {}): RunRecords {
  const random: Random = seeded(params.seed);
  const calendar = new Calendar<Happening>();
  const records: RunRecords = { jobs: [], calls: [], handovers: [] };
  const emit = options.emit ?? (() => undefined);
  const begin = params.start - (options.warmUpHours ?? 24) * 3600_000;
  const resources: Resource[] = [];
  const queues: Record<Category, Job[]> = { C1: [], C2: [], C3: [], C4: [], C5: [] };
  let serial = 0;
  let now = begin;
  const id = (prefix: string) => `${prefix}${(++serial).toString(36)}`;
  const at = (t: number) => new Date(Math.round(t)).toISOString();
  const send = (fields: Record<string, unknown> & { type: FeedEvent['type'] }) => emit({ id: id('e'), trust: params.trust.code, at: at(now), ...fields } as FeedEvent);
  const setStatus = (r: Resource, status: ResourceStatus, job?: string) => {
    r.status = status;
    r.job = job;
    send({ type: 'resource.status', resourceId: r.id, kind: r.kind, status, ...(job ? { jobId: job } : {}) });
  };

  const strikeAt = (t: number) => params.strikes.find((s) => s.from <= t && t < s.to);
  const plannedAt = (t: number) => {
    const strike = strikeAt(t);
    const factor = strike ? strike.staffingFactor : params.staffingFactor;
    return Math.max(1, Math.round(params.baseCrews * ROTA_PROFILE[localHour(t).hour]! * factor));
  };
  const demandRate = (t: number) => {
    const { hour, day } = localHour(t);
    return (params.incidentsPerDay * params.callsPerIncident * HOUR_PROFILE[hour]! * DAY_PROFILE[day]!) / 86_400_000;
  };
  const maxRate = (params.incidentsPerDay * params.callsPerIncident * Math.max(...HOUR_PROFILE) * Math.max(...DAY_PROFILE)) / 86_400_000;

  const onShift = () => resources.filter((r) => r.status !== 'off_shift' && !r.leaving).length;

  const rota = () => {
    const hourStart = Math.floor(now / 3600_000) * 3600_000;
    const target = plannedAt(now);
    send({ type: 'rota.planned', from: at(hourStart), to: at(hourStart + 3600_000), resources: target });
    let current = onShift();
    for (const r of resources) {
      if (current >= target) break;
      if (r.leaving) {
        r.leaving = false;
        current++;
      } else if (r.status === 'off_shift') {
        setStatus(r, 'available');
        current++;
      }
    }
    while (current < target) {
      const r: Resource = { id: `${params.trust.shortName}-${resources.length + 1}`, kind: resources.length % 6 === 5 ? 'RRV' : 'DSA', status: 'off_shift', leaving: false };
      resources.push(r);
      setStatus(r, 'available');
      current++;
    }
    // Crews beyond the rota go off shift: free ones now, busy ones when they clear.
    for (let i = resources.length - 1; i >= 0 && current > target; i--) {
      const r = resources[i]!;
      if (r.status === 'off_shift' || r.leaving) continue;
      if (r.status === 'available') setStatus(r, 'off_shift');
      else r.leaving = true;
      current--;
    }
    calendar.push(hourStart + 3600_000, { kind: 'rota' });
    dispatch();
  };

  const free = (r: Resource) => {
    if (r.leaving) {
      r.leaving = false;
      setStatus(r, 'off_shift');
    } else {
      setStatus(r, 'available');
      dispatch();
    }
  };

  /** Sends free crews to waiting jobs, most urgent first, oldest first within a category. */
  const dispatch = () => {
    const strike = strikeAt(now);
    for (const category of ['C1', 'C2', 'C3', 'C4'] as const) {
      if (strike && !strike.covered.has(category)) continue;
      const queue = queues[category];
      while (queue.length > 0) {
        const crew = resources.find((x) => x.status === 'available' && !x.leaving);
        if (!crew) return;
        const job = queue.shift()!;
        job.waiting = false;
        sendCrew(crew, job, true);
        // A C1 (and a few C2) may draw a second resource, if one is free now.
        const second = job.wanted > 1 ? resources.find((x) => x.status === 'available' && !x.leaving) : undefined;
        if (second) sendCrew(second, job, false);
      }
    }
  };

  const sendCrew = (crew: Resource, job: Job, lead: boolean) => {
    setStatus(crew, 'mobile', job.record.id);
    calendar.push(now + lognormalByMean(random, params.travelMinutes * MIN, 0.6), { kind: 'arrived', resource: crew, job, lead });
  };

  const measured = (t: number) => t >= params.start && t < params.end;

  const handle = (h: Happening) => {
    switch (h.kind) {
      case 'call': {
        const callId = id('c');
        send({ type: 'call.received', callId, line: '999' });
        const answerAfter = exponential(random, params.meanCallAnswerSeconds * 1000);
        calendar.push(now + answerAfter, { kind: 'answered', callId, receivedAt: now, makesJob: random() < 1 / params.callsPerIncident });
        scheduleNextCall();
        return;
      }
      case 'answered':
        send({ type: 'call.answered', callId: h.callId });
        records.calls.push({ answeredAt: now, answerSeconds: (now - h.receivedAt) / 1000, measured: measured(now) });
        // Triage takes about 30 s to a category and a job (the response clock starts then).
        if (h.makesJob) calendar.push(now + 30_000, { kind: 'created', callId: h.callId });
        return;
      case 'created': {
        const category = pickWeighted(random, params.mix);
        const nonTelephone = 1 - params.outcomes.hearAndTreat;
        const outcome: Outcome =
          category === 'C5' ? 'hear_and_treat' : pickWeighted(random, { see_and_treat: params.outcomes.seeAndTreat / nonTelephone, conveyed_ed: params.outcomes.conveyedEd / nonTelephone, conveyed_other: params.outcomes.conveyedOther / nonTelephone });
        const record: JobRecord = { id: id('j'), category, createdAt: now, outcome, measured: measured(now) };
        records.jobs.push(record);
        const job: Job = { record, callId: h.callId, waiting: true, wanted: category === 'C1' ? (random() < 0.55 ? 2 : 1) : category === 'C2' && random() < 0.07 ? 2 : 1 };
        send({ type: 'job.created', jobId: record.id, category, callId: h.callId });
        if (category === 'C5') {
          calendar.push(now + lognormalByMean(random, 45 * MIN, 0.8), { kind: 'callback', job });
          return;
        }
        queues[category].push(job);
        if (category === 'C3' && random() < 0.04) calendar.push(now + exponential(random, 30 * MIN), { kind: 'upgrade', job });
        dispatch();
        return;
      }
      case 'upgrade': {
        const index = queues.C3.indexOf(h.job);
        if (index < 0 || !h.job.waiting) return;
        queues.C3.splice(index, 1);
        h.job.record.category = 'C2';
        queues.C2.push(h.job);
        send({ type: 'job.recategorised', jobId: h.job.record.id, category: 'C2' });
        dispatch();
        return;
      }
      case 'callback':
        h.job.record.closedAt = now;
        send({ type: 'job.closed', jobId: h.job.record.id, outcome: 'hear_and_treat' });
        return;
      case 'arrived': {
        h.job.record.firstArrivalAt ??= now;
        send({ type: 'job.resourceArrived', jobId: h.job.record.id, resourceId: h.resource.id });
        setStatus(h.resource, 'on_scene', h.job.record.id);
        const sceneMinutes = h.lead ? 35 : 20;
        calendar.push(now + lognormalByMean(random, sceneMinutes * MIN, 0.5), { kind: 'sceneDone', resource: h.resource, job: h.job, lead: h.lead });
        return;
      }
      case 'sceneDone': {
        const { resource, job } = h;
        if (!h.lead || job.record.outcome === 'see_and_treat') {
          if (h.lead) {
            job.record.closedAt = now;
            send({ type: 'job.closed', jobId: job.record.id, outcome: 'see_and_treat' });
          }
          setStatus(resource, 'clearing', job.record.id);
          calendar.push(now + lognormalByMean(random, 8 * MIN, 0.5), { kind: 'cleared', resource });
          return;
        }
        setStatus(resource, 'conveying', job.record.id);
        const travel = lognormalByMean(random, (params.travelMinutes + 10) * MIN, 0.5);
        if (job.record.outcome === 'conveyed_ed' && params.hospitals.length > 0) {
          const hospital = params.hospitals[Math.floor(random() * params.hospitals.length)]!.code;
          calendar.push(now + travel, { kind: 'atHospital', resource, job, hospital });
        } else {
          calendar.push(now + travel, { kind: 'handedOver', resource, job, hospital: '', arrivedAt: now + travel });
        }
        return;
      }
      case 'atHospital': {
        send({ type: 'handover.arrived', resourceId: h.resource.id, hospital: h.hospital, jobId: h.job.record.id });
        setStatus(h.resource, 'at_hospital', h.job.record.id);
        const fit = params.handoverByHospital.get(h.hospital)!;
        let wait = lognormal(random, fit.mu, fit.sigma) * MIN;
        if (params.releaseAt45) wait = Math.min(wait, 45 * MIN);
        calendar.push(now + wait, { kind: 'handedOver', resource: h.resource, job: h.job, hospital: h.hospital, arrivedAt: now });
        return;
      }
      case 'handedOver': {
        const { resource, job } = h;
        if (h.hospital) {
          send({ type: 'handover.completed', resourceId: resource.id, hospital: h.hospital });
          records.handovers.push({ arrivedAt: h.arrivedAt, seconds: (now - h.arrivedAt) / 1000, measured: measured(h.arrivedAt) });
        }
        job.record.closedAt = now;
        send({ type: 'job.closed', jobId: job.record.id, outcome: job.record.outcome });
        setStatus(resource, 'clearing', job.record.id);
        calendar.push(now + lognormalByMean(random, 12 * MIN, 0.5), { kind: 'cleared', resource });
        return;
      }
      case 'cleared':
        free(h.resource);
        return;
      case 'rota':
        rota();
        return;
    }
  };

  // Calls by thinning: candidate times at the peak rate, each kept with the rate at its time.
  const scheduleNextCall = () => {
    let t = now;
    for (;;) {
      t += exponential(random, 1 / maxRate);
      if (random() * maxRate <= demandRate(t)) break;
    }
    if (t < params.end) calendar.push(t, { kind: 'call' });
  };

  rota();
  scheduleNextCall();
  for (let next = calendar.pop(); next && next.at < params.end; next = calendar.pop()) {
    now = next.at;
    handle(next.value);
  }
  return records;
}

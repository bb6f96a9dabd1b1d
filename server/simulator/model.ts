import type { FeedEvent, ResourceStatus } from '../../shared/feed/events.ts';
import { Calendar } from './heap.ts';
import type { Happening, Job, ModelOptions, ModelState, Outcome, Resource, RunRecords, TrustModel } from './modelState.ts';
import type { ModelParams } from './params.ts';
export type { JobRecord, ModelOptions, ModelState, RunRecords, TrustModel } from './modelState.ts';
import { DAY_PROFILE, HOUR_PROFILE, localHour, ROTA_PROFILE } from './profiles.ts';
import { divertable, nextJob } from './dispatchOrder.ts';
import { exponential, lognormal, lognormalByMean, pickWeighted, seededFrom, type Random } from './random.ts';
import { drawC1Support, MAX_HANDOVER_MINUTES, MIN, PATIENCE_MS, STAND_DOWN_MINUTES } from './rules.ts';

/**
 * A discrete-event model of one ambulance trust (pure: parameters and a seed in, events and
 * records out). Calls arrive by a Poisson process shaped by hour of day and day of week, are
 * answered and triaged into jobs; hear-and-treat jobs close by telephone; the rest queue and are
 * dispatched to the rota's free crews (C1 first, then C2 to C4 by how long they have waited
 * against their category's standard), who travel, treat on scene, and either leave the patient
 * or convey them, to an emergency department (where they wait to hand over) or elsewhere, then
 * clear. A C1 with no free crew takes one on its way to a less urgent job; a C1 also draws extra
 * resources (about 1.1), of which the first on scene stands down those not needed (about half).
 * C3 and C4 jobs that wait long are closed by a clinician's call-back.
 */

/** A run from a standing start `warmUpHours` (24 by default) before `params.start`. */
export function createModel(params: ModelParams, options: ModelOptions = {}): TrustModel {
  const begin = params.start - (options.warmUpHours ?? 24) * 3600_000;
  const state: ModelState = { prefix: options.idPrefix ?? '', now: begin, random: { a: params.seed >>> 0 }, serial: 0, resources: [], jobs: {}, queues: { C1: [], C2: [], C3: [], C4: [], C5: [] }, support: [], calendar: { items: [], counter: 0 } };
  return buildModel(params, state, options, /* fresh */ true);
}

/** Carries on a run from a state it saved. */
export function resumeModel(params: ModelParams, state: ModelState, options: ModelOptions = {}): TrustModel {
  return buildModel(params, structuredClone(state), options, /* fresh */ false);
}

/** Runs the whole scenario, warm-up included, and answers what a summary is made of. */
export function runModel(params: ModelParams, options: Omit<ModelOptions, 'collect'> = {}): RunRecords {
  const model = createModel(params, { ...options, collect: true });
  model.advance(params.end);
  return model.records!;
}

function buildModel(params: ModelParams, s: ModelState, options: ModelOptions, fresh: boolean): TrustModel {
  const random: Random = seededFrom(s.random);
  const calendar = new Calendar<Happening>(s.calendar);
  const records: RunRecords | undefined = options.collect ? { jobs: [], calls: [], handovers: [] } : undefined;
  const emit = options.emit ?? (() => undefined);
  const { resources, jobs, queues } = s;
  const support = (s.support ??= []);
  const id = (kind: string) => `${s.prefix}${kind}${(++s.serial).toString(36)}`;
  const at = (t: number) => new Date(Math.round(t)).toISOString();
  const send = (fields: Record<string, unknown> & { type: FeedEvent['type'] }) => emit({ id: id('e'), trust: params.trust.code, at: at(s.now), ...fields } as FeedEvent);
  const setStatus = (r: Resource, status: ResourceStatus, job?: string) => {
    r.status = status;
    r.job = job;
    send({ type: 'resource.status', resourceId: r.id, kind: r.kind, status, ...(job ? { jobId: job } : {}) });
  };

  const strikeAt = (t: number) => params.strikes.find((x) => x.from <= t && t < x.to);
  const closedAt = (hospital: string, t: number) => params.edClosures.some((c) => c.hospital === hospital && c.from <= t && t < c.to);
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
  const freeCrew = () => resources.find((x) => x.status === 'available' && !x.leaving);

  const rota = () => {
    const hourStart = Math.floor(s.now / 3600_000) * 3600_000;
    const target = plannedAt(s.now);
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

  const free = (index: number) => {
    const r = resources[index]!;
    const job = r.job;
    if (r.leaving) {
      r.leaving = false;
      setStatus(r, 'off_shift');
    } else {
      setStatus(r, 'available');
    }
    forget(job);
    if (r.status === 'available') dispatch();
  };

  /** A closed job is dropped from the state once no crew is on it any more. */
  const forget = (jobId: string | undefined) => {
    if (jobId === undefined) return;
    const job = jobs[jobId];
    if (job?.closedAt !== undefined && !resources.some((r) => r.job === jobId)) delete jobs[jobId];
  };

  const close = (job: Job, outcome: Outcome) => {
    job.closedAt = s.now;
    send({ type: 'job.closed', jobId: job.id, outcome });
  };

  /** Puts a job back in its category's queue at the place its creation time gives it. */
  const enqueue = (job: Job) => {
    const queue = queues[job.category];
    let i = queue.length;
    while (i > 0 && jobs[queue[i - 1]!]!.createdAt > job.createdAt) i--;
    queue.splice(i, 0, job.id);
    job.waiting = true;
  };

  /** Sends crews to waiting jobs while there are both (see `nextJob` for the order). */
  const dispatch = () => {
    const strike = strikeAt(s.now);
    for (;;) {
      const next = nextJob(s, strike);
      // A C1's extra resources go after every first C1 resource and before any C2 to C4 job.
      if (next?.category !== 'C1' && support.length) {
        const crew = freeCrew() ?? divertable(s, ['C3', 'C4']);
        if (!crew) return;
        if (crew.status === 'mobile') enqueue(jobs[crew.job!]!);
        const job = jobs[support[0]!]!;
        sendCrew(crew, job, false, (job.extrasSent = (job.extrasSent ?? 0) + 1) - 1);
        if (--job.extras! <= 0) support.shift();
        continue;
      }
      if (!next) return;
      const crew = freeCrew() ?? (next.category === 'C1' ? divertable(s, ['C2', 'C3', 'C4']) : undefined);
      if (!crew) return;
      const job = jobs[queues[next.category].splice(next.index, 1)[0]!]!;
      if (crew.status === 'mobile') enqueue(jobs[crew.job!]!);
      job.waiting = false;
      sendCrew(crew, job, true);
      if (job.extras) support.push(job.id);
      // A few C2 draw a second resource, if one is free now.
      const second = job.wanted > 1 ? freeCrew() : undefined;
      if (second) sendCrew(second, job, false);
    }
  };

  /** Stands down a C1's extras on their way from `keep` on (all when 0), and those not yet sent beyond it. */
  const standDown = (job: Job, keep: number, except?: Resource) => {
    job.extras = Math.max(0, Math.min(job.extras ?? 0, keep - (job.extrasSent ?? 0)));
    if (!job.extras && support.includes(job.id)) support.splice(support.indexOf(job.id), 1);
    resources.forEach((r, index) => {
      if (r === except || r.job !== job.id || r.status !== 'mobile' || r.extra === undefined || r.extra < keep) return;
      r.trips = (r.trips ?? 0) + 1;
      setStatus(r, 'clearing', job.id);
      calendar.push(s.now + lognormalByMean(random, STAND_DOWN_MINUTES * MIN, 0.5), { kind: 'cleared', resource: index });
    });
  };

  const sendCrew = (crew: Resource, job: Job, lead: boolean, extra?: number) => {
    crew.trips = (crew.trips ?? 0) + 1;
    crew.extra = extra;
    setStatus(crew, 'mobile', job.id);
    calendar.push(s.now + lognormalByMean(random, params.travelMinutes * MIN, 0.6), { kind: 'arrived', resource: resources.indexOf(crew), job: job.id, lead, trip: crew.trips });
  };

  const measured = (t: number) => t >= params.start && t < params.end;

  const handle = (h: Happening) => {
    const now = s.now;
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
        records?.calls.push({ answeredAt: now, answerSeconds: (now - h.receivedAt) / 1000, measured: measured(now) });
        // Triage takes about 30 s to a category and a job (the response clock starts then).
        if (h.makesJob) calendar.push(now + 30_000, { kind: 'created', callId: h.callId });
        return;
      case 'created': {
        const category = pickWeighted(random, params.mix);
        const nonTelephone = 1 - params.outcomes.hearAndTreat;
        const outcome: Outcome =
          category === 'C5' ? 'hear_and_treat' : pickWeighted(random, { see_and_treat: params.outcomes.seeAndTreat / nonTelephone, conveyed_ed: params.outcomes.conveyedEd / nonTelephone, conveyed_other: params.outcomes.conveyedOther / nonTelephone });
        const wanted = category === 'C2' && random() < 0.07 ? 2 : 1;
        const job: Job = { id: id('j'), category, createdAt: now, outcome, measured: measured(now), callId: h.callId, waiting: true, wanted };
        if (category === 'C1') {
          const { extras, needed } = drawC1Support(random);
          Object.assign(job, { extras, extrasSent: 0, extrasNeeded: needed });
        }
        jobs[job.id] = job;
        records?.jobs.push(job);
        send({ type: 'job.created', jobId: job.id, category, callId: h.callId });
        if (category === 'C5') {
          calendar.push(now + lognormalByMean(random, 45 * MIN, 0.8), { kind: 'callback', job: job.id });
          return;
        }
        queues[category].push(job.id);
        if (category === 'C3' && random() < 0.04) calendar.push(now + exponential(random, 30 * MIN), { kind: 'upgrade', job: job.id });
        if (category === 'C3' || category === 'C4') calendar.push(now + exponential(random, PATIENCE_MS), { kind: 'patience', job: job.id });
        dispatch();
        return;
      }
      case 'upgrade': {
        const job = jobs[h.job];
        const index = queues.C3.indexOf(h.job);
        if (!job || index < 0 || !job.waiting) return;
        queues.C3.splice(index, 1);
        job.category = 'C2';
        // It takes its place among the C2 jobs by the time it has waited.
        enqueue(job);
        send({ type: 'job.recategorised', jobId: job.id, category: 'C2' });
        dispatch();
        return;
      }
      case 'patience': {
        // Still waiting, and still C3 or C4: closed by telephone. A crew on its way carries on.
        const job = jobs[h.job];
        if (!job || !job.waiting || (job.category !== 'C3' && job.category !== 'C4')) return;
        const queue = queues[job.category];
        queue.splice(queue.indexOf(job.id), 1);
        job.waiting = false;
        job.outcome = 'hear_and_treat';
        close(job, 'hear_and_treat');
        forget(job.id);
        return;
      }
      case 'callback': {
        const job = jobs[h.job]!;
        close(job, 'hear_and_treat');
        forget(job.id);
        return;
      }
      case 'arrived': {
        // The crew was diverted on the way: this journey no longer leads anywhere.
        if ((h.trip ?? 0) !== (resources[h.resource]!.trips ?? 0)) return;
        const job = jobs[h.job]!;
        const crew = resources[h.resource]!;
        if (job.firstArrivalAt === undefined && job.extras !== undefined) {
          // The first on scene of a C1 treats the patient, and says how many more are needed: the others are stood down.
          const lead = resources.find((r) => r.job === job.id && r.extra === undefined && r !== crew);
          if (lead && crew.extra !== undefined) [lead.extra, crew.extra] = [crew.extra, undefined];
          standDown(job, job.extrasNeeded ?? 0, crew);
        }
        job.firstArrivalAt ??= now;
        send({ type: 'job.resourceArrived', jobId: job.id, resourceId: crew.id });
        setStatus(crew, 'on_scene', job.id);
        const lead = job.extras !== undefined ? crew.extra === undefined : h.lead;
        calendar.push(now + lognormalByMean(random, (lead ? 35 : 20) * MIN, 0.5), { kind: 'sceneDone', resource: h.resource, job: job.id, lead });
        return;
      }
      case 'sceneDone': {
        const resource = resources[h.resource]!;
        const job = jobs[h.job]!;
        // The patient leaves the scene: extras still on their way are not needed now.
        if (h.lead && job.extrasNeeded !== undefined) standDown(job, 0);
        if (!h.lead || job.outcome === 'see_and_treat') {
          if (h.lead) close(job, 'see_and_treat');
          setStatus(resource, 'clearing', job.id);
          calendar.push(now + lognormalByMean(random, 8 * MIN, 0.5), { kind: 'cleared', resource: h.resource });
          return;
        }
        setStatus(resource, 'conveying', job.id);
        const travel = lognormalByMean(random, (params.travelMinutes + 10) * MIN, 0.5);
        if (job.outcome === 'conveyed_ed' && params.hospitals.length > 0) {
          // A department that has closed its doors takes no ambulances; the others take its share.
          const open = params.edClosures.length ? params.hospitals.filter((x) => !closedAt(x.code, now)) : params.hospitals;
          const choices = open.length ? open : params.hospitals;
          const hospital = choices[Math.floor(random() * choices.length)]!.code;
          calendar.push(now + travel, { kind: 'atHospital', resource: h.resource, job: job.id, hospital });
        } else {
          calendar.push(now + travel, { kind: 'handedOver', resource: h.resource, job: job.id, hospital: '', arrivedAt: now + travel });
        }
        return;
      }
      case 'atHospital': {
        if (params.edClosures.length && closedAt(h.hospital, now)) {
          // It closed while the crew was on the way: they are sent on to an open one, further away.
          const open = params.hospitals.filter((x) => !closedAt(x.code, now));
          if (open.length) {
            calendar.push(now + lognormalByMean(random, 10 * MIN, 0.5), { ...h, hospital: open[Math.floor(random() * open.length)]!.code });
            return;
          }
        }
        send({ type: 'handover.arrived', resourceId: resources[h.resource]!.id, hospital: h.hospital, jobId: h.job });
        setStatus(resources[h.resource]!, 'at_hospital', h.job);
        const fit = params.handoverByHospital.get(h.hospital)!;
        let wait = (fit.shiftMinutes + lognormal(random, fit.mu, fit.sigma)) * MIN;
        // The same patients spread over fewer open departments: each takes longer to hand over.
        const closed = params.edClosures.length ? params.hospitals.filter((x) => closedAt(x.code, now)).length : 0;
        if (closed > 0 && closed < params.hospitals.length) wait *= params.hospitals.length / (params.hospitals.length - closed);
        // Nobody is left in an ambulance for most of a day: long before, the hospital takes the
        // patient in. The lognormal's far tail would otherwise keep a crew for 15 hours or more.
        wait = Math.min(wait, MAX_HANDOVER_MINUTES * MIN);
        if (params.releaseAt45) wait = Math.min(wait, 45 * MIN);
        calendar.push(now + wait, { kind: 'handedOver', resource: h.resource, job: h.job, hospital: h.hospital, arrivedAt: now });
        return;
      }
      case 'handedOver': {
        const resource = resources[h.resource]!;
        const job = jobs[h.job]!;
        if (h.hospital) {
          send({ type: 'handover.completed', resourceId: resource.id, hospital: h.hospital });
          records?.handovers.push({ arrivedAt: h.arrivedAt, seconds: (now - h.arrivedAt) / 1000, measured: measured(h.arrivedAt) });
        }
        close(job, job.outcome);
        setStatus(resource, 'clearing', job.id);
        calendar.push(now + lognormalByMean(random, 12 * MIN, 0.5), { kind: 'cleared', resource: h.resource });
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
    let t = s.now;
    for (;;) {
      t += exponential(random, 1 / maxRate);
      if (random() * maxRate <= demandRate(t)) break;
    }
    if (t < params.end) calendar.push(t, { kind: 'call' });
  };

  if (fresh) {
    rota();
    scheduleNextCall();
  }

  return {
    records,
    advance(until) {
      for (let due = calendar.peekAt(); due !== undefined && due < until; due = calendar.peekAt()) {
        const next = calendar.pop()!;
        s.now = next.at;
        handle(next.value);
      }
      s.now = Math.max(s.now, until);
    },
    snapshot() {
      return structuredClone({ ...s, calendar: calendar.snapshot() });
    },
  };
}

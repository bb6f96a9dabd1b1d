// Realistic mixed dispatch events for one trust: calls received and answered, jobs created,
// reached and closed, crews changing state, ambulances arriving at and leaving hospitals. Every
// call answered is counted, so the benchmark knows which answeredToday a picture must show to
// reflect a batch.
const CATEGORY_MIX = [['C1', 0.1], ['C2', 0.55], ['C3', 0.25], ['C4', 0.03], ['C5', 0.07]];
const STATUSES = ['available', 'mobile', 'on_scene', 'conveying', 'at_hospital', 'clearing', 'unavailable'];

function pick(random, weighted) {
  let r = random();
  for (const [value, weight] of weighted) {
    if ((r -= weight) <= 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/** A small seeded generator (mulberry32), so every run offers the same stream. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TrustFeed {
  constructor(trust, hospitals, seed, prefix = 'b') {
    this.trust = trust;
    this.hospitals = hospitals;
    this.random = seeded(seed);
    this.prefix = prefix;
    this.serial = 0;
    this.calls = [];
    this.jobs = [];
    this.reached = [];
    this.atHospital = [];
    this.answered = 0;
  }

  id(kind) {
    return `${this.prefix}-${kind}-${++this.serial}`;
  }

  /** `n` events happening at `at` (an ISO time). */
  batch(n, at) {
    const events = [];
    const r = this.random;
    while (events.length < n) {
      const roll = r();
      const base = { id: this.id('e'), trust: this.trust, at };
      if (roll < 0.2) {
        const callId = this.id('call');
        this.calls.push(callId);
        events.push({ ...base, type: 'call.received', callId, line: '999' });
      } else if (roll < 0.38 && this.calls.length) {
        events.push({ ...base, type: 'call.answered', callId: this.calls.shift() });
        this.answered++;
      } else if (roll < 0.5) {
        const jobId = this.id('job');
        this.jobs.push(jobId);
        events.push({ ...base, type: 'job.created', jobId, category: pick(r, CATEGORY_MIX) });
      } else if (roll < 0.6 && this.jobs.length) {
        const jobId = this.jobs.shift();
        this.reached.push(jobId);
        events.push({ ...base, type: 'job.resourceArrived', jobId, resourceId: `${this.prefix}-r${Math.floor(r() * 150)}` });
      } else if (roll < 0.68 && this.reached.length) {
        events.push({ ...base, type: 'job.closed', jobId: this.reached.shift(), outcome: r() < 0.55 ? 'conveyed_ed' : 'see_and_treat' });
      } else if (roll < 0.93) {
        events.push({ ...base, type: 'resource.status', resourceId: `${this.prefix}-r${Math.floor(r() * 150)}`, kind: r() < 0.8 ? 'DSA' : 'RRV', status: STATUSES[Math.floor(r() * STATUSES.length)] });
      } else if (roll < 0.97 || !this.atHospital.length) {
        const resourceId = `${this.prefix}-r${Math.floor(r() * 150)}`;
        const hospital = this.hospitals[Math.floor(r() * this.hospitals.length)];
        this.atHospital.push([resourceId, hospital]);
        events.push({ ...base, type: 'handover.arrived', resourceId, hospital });
      } else {
        const [resourceId, hospital] = this.atHospital.shift();
        events.push({ ...base, type: 'handover.completed', resourceId, hospital });
      }
    }
    return events;
  }
}

export async function postEvents(url, key, events) {
  const response = await fetch(`${url}/api/v1/feed/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(events) });
  const body = await response.json();
  if (response.status !== 202) throw new Error(`feed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

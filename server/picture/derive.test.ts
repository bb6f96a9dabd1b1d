import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../shared/feed/events.ts';
import { findTrust } from '../../shared/reference/trusts.ts';
import { build } from './builders.ts';
import { derivePicture, nearestRank } from './derive.ts';
import { TrustState } from './state.ts';

const NEAS = findTrust('RX6')!;
const RVI = 'RTD02';
const SUNDERLAND = 'R0B01';

function pictureOf(events: FeedEvent[], now: string, receivedAt = now) {
  const state = new TrustState();
  for (const e of events) state.apply(e, Date.parse(receivedAt));
  return derivePicture(NEAS, state, new Date(now));
}

describe('the queue', () => {
  it('counts a job as waiting until its first resource arrives', () => {
    const created = build.jobCreated('j1', 'C2', '2025-01-15T10:00:00Z');
    expect(pictureOf([created], '2025-01-15T10:20:00Z').queue.C2).toEqual({ waiting: 1, longestWaitSeconds: 1200 });
    const arrived = build.arrived('j1', 'r1', '2025-01-15T10:25:00Z');
    expect(pictureOf([created, arrived], '2025-01-15T10:30:00Z').queue.C2).toEqual({ waiting: 0, longestWaitSeconds: 0 });
  });

  it('takes a job out of the queue when it is closed without an arrival (hear and treat)', () => {
    const events = [build.jobCreated('j1', 'C5', '2025-01-15T10:00:00Z'), build.closed('j1', '2025-01-15T10:40:00Z', 'hear_and_treat')];
    expect(pictureOf(events, '2025-01-15T11:00:00Z').queue.C5.waiting).toBe(0);
  });

  it('gives each category its longest wait and leaves C5 out of the total', () => {
    const events = [
      build.jobCreated('a', 'C1', '2025-01-15T10:55:00Z'),
      build.jobCreated('b', 'C2', '2025-01-15T10:10:00Z'),
      build.jobCreated('c', 'C2', '2025-01-15T10:40:00Z'),
      build.jobCreated('d', 'C3', '2025-01-15T09:00:00Z'),
      build.jobCreated('e', 'C4', '2025-01-15T08:00:00Z'),
      build.jobCreated('f', 'C5', '2025-01-15T07:00:00Z'),
    ];
    const { queue } = pictureOf(events, '2025-01-15T11:00:00Z');
    expect(queue).toEqual({
      C1: { waiting: 1, longestWaitSeconds: 300 },
      C2: { waiting: 2, longestWaitSeconds: 3000 },
      C3: { waiting: 1, longestWaitSeconds: 7200 },
      C4: { waiting: 1, longestWaitSeconds: 10800 },
      C5: { waiting: 1, longestWaitSeconds: 14400 },
      total: { waiting: 5 },
    });
  });

  it('puts a recategorised job in its latest category by time, whatever order the events came in', () => {
    const created = build.jobCreated('j', 'C3', '2025-01-15T10:00:00Z');
    const upgraded = build.jobRecategorised('j', 'C1', '2025-01-15T10:05:00Z');
    const stale = build.jobRecategorised('j', 'C2', '2025-01-15T10:02:00Z');
    for (const order of [[created, upgraded, stale], [stale, upgraded, created], [upgraded, stale, created]]) {
      const { queue } = pictureOf(order, '2025-01-15T10:10:00Z');
      expect(queue.C1).toEqual({ waiting: 1, longestWaitSeconds: 600 });
      expect(queue.C2.waiting + queue.C3.waiting).toBe(0);
    }
  });

  it('keeps a job created before midnight waiting after it', () => {
    const events = [build.jobCreated('late', 'C3', '2025-01-15T23:30:00Z')];
    expect(pictureOf(events, '2025-01-16T00:30:00Z').queue.C3).toEqual({ waiting: 1, longestWaitSeconds: 3600 });
  });

  it('keeps an arrival for a job it has not heard of without counting it, and counts it once the creation arrives late', () => {
    const arrival = build.arrived('ghost', 'r1', '2025-01-15T10:12:00Z');
    const early = pictureOf([arrival], '2025-01-15T10:30:00Z');
    expect(early.responseToday.C2.count).toBe(0);
    expect(early.queue.total.waiting).toBe(0);
    const late = pictureOf([arrival, build.jobCreated('ghost', 'C2', '2025-01-15T10:00:00Z')], '2025-01-15T10:30:00Z');
    expect(late.responseToday.C2).toEqual({ count: 1, meanSeconds: 720, p90Seconds: 720 });
    expect(late.queue.C2.waiting).toBe(0);
  });
});

describe('responses today', () => {
  it('times from creation to the first arrival only, with the nearest-rank 90th centile', () => {
    const events: FeedEvent[] = [];
    // Ten C2 jobs answered in 1..10 minutes, each reached by two resources.
    for (let i = 1; i <= 10; i++) {
      events.push(build.jobCreated(`j${i}`, 'C2', '2025-01-15T10:00:00Z'));
      events.push(build.arrived(`j${i}`, 'r-second', `2025-01-15T10:${String(i + 20).padStart(2, '0')}:00Z`));
      events.push(build.arrived(`j${i}`, 'r-first', `2025-01-15T10:${String(i).padStart(2, '0')}:00Z`));
    }
    expect(pictureOf(events, '2025-01-15T12:00:00Z').responseToday.C2).toEqual({ count: 10, meanSeconds: 330, p90Seconds: 540 });
  });

  it('counts jobs whose first resource arrived today, even when created yesterday', () => {
    const events = [
      build.jobCreated('overnight', 'C3', '2025-01-15T23:00:00Z'),
      build.arrived('overnight', 'r1', '2025-01-16T01:00:00Z'),
      build.jobCreated('yesterday', 'C3', '2025-01-15T20:00:00Z'),
      build.arrived('yesterday', 'r2', '2025-01-15T21:00:00Z'),
    ];
    expect(pictureOf(events, '2025-01-16T09:00:00Z').responseToday.C3).toEqual({ count: 1, meanSeconds: 7200, p90Seconds: 7200 });
  });

  it('starts today at midnight in London: 23:00Z the evening before in summer', () => {
    // Arrived at 23:50 London time on 1 July.
    const events = [build.jobCreated('j', 'C1', '2025-07-01T22:40:00Z'), build.arrived('j', 'r', '2025-07-01T22:50:00Z')];
    expect(pictureOf(events, '2025-07-01T22:55:00Z').responseToday.C1.count).toBe(1);
    // 00:30 London time on 2 July: a new day.
    expect(pictureOf(events, '2025-07-01T23:30:00Z').responseToday.C1.count).toBe(0);
  });

  it('has a 25-hour today on the Sunday the clocks go back', () => {
    const events = [build.jobCreated('j', 'C2', '2024-10-26T23:10:00Z'), build.arrived('j', 'r', '2024-10-26T23:20:00Z')];
    expect(pictureOf(events, '2024-10-27T23:30:00Z').responseToday.C2.count).toBe(1);
    expect(pictureOf(events, '2024-10-28T00:10:00Z').responseToday.C2.count).toBe(0);
  });

  it('answers zero figures when nothing arrived today', () => {
    expect(pictureOf([], '2025-01-15T12:00:00Z').responseToday.C1).toEqual({ count: 0, meanSeconds: 0, p90Seconds: 0 });
  });

  it('ranks to the nearest value, never between values', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(nearestRank([5], 90)).toBe(5);
    expect(nearestRank([], 90)).toBe(0);
  });
});

describe('calls', () => {
  it('counts calls waiting to be answered and times the answered ones of today', () => {
    const events = [
      build.callReceived('c1', '2025-01-15T10:00:00Z'),
      build.callAnswered('c1', '2025-01-15T10:00:10Z'),
      build.callReceived('c2', '2025-01-15T10:01:00Z'),
      build.callAnswered('c2', '2025-01-15T10:01:30Z'),
      build.callReceived('c3', '2025-01-15T10:02:00Z'),
      build.callReceived('c4', '2025-01-15T10:03:00Z'),
      build.callAbandoned('c4', '2025-01-15T10:03:40Z'),
    ];
    expect(pictureOf(events, '2025-01-15T10:04:00Z').calls).toEqual({ waiting: 1, longestWaitSeconds: 120, answeredToday: 2, meanAnswerSecondsToday: 20 });
  });
});

describe('resources', () => {
  it('counts each resource in its latest status, on shift unless off shift, against the rota now', () => {
    const events = [
      build.status('a', 'available', '2025-01-15T10:00:00Z'),
      build.status('b', 'mobile', '2025-01-15T10:00:00Z'),
      build.status('b', 'on_scene', '2025-01-15T10:10:00Z'),
      build.status('c', 'at_hospital', '2025-01-15T10:00:00Z'),
      build.status('d', 'off_shift', '2025-01-15T10:00:00Z'),
      build.status('e', 'clearing', '2025-01-15T10:00:00Z'),
      build.status('f', 'unavailable', '2025-01-15T10:00:00Z'),
      build.status('g', 'conveying', '2025-01-15T10:00:00Z'),
      // An older status arriving late does not undo a newer one.
      build.status('a', 'mobile', '2025-01-15T09:00:00Z'),
      build.rota('2025-01-15T07:00:00Z', '2025-01-15T19:00:00Z', 12),
      build.rota('2025-01-15T19:00:00Z', '2025-01-16T07:00:00Z', 8),
    ];
    expect(pictureOf(events, '2025-01-15T11:00:00Z').resources).toEqual({ planned: 12, onShift: 6, available: 1, mobile: 0, onScene: 1, conveying: 1, atHospital: 1, clearing: 1, unavailable: 1 });
    expect(pictureOf(events, '2025-01-15T20:00:00Z').resources.planned).toBe(8);
    expect(pictureOf(events, '2025-01-16T08:00:00Z').resources.planned).toBe(0);
  });

  it('takes the rota sent last when two periods overlap', () => {
    const events = [build.rota('2025-01-15T07:00:00Z', '2025-01-15T19:00:00Z', 12, '2025-01-14T12:00:00Z'), build.rota('2025-01-15T10:00:00Z', '2025-01-15T12:00:00Z', 9, '2025-01-15T09:30:00Z')];
    expect(pictureOf(events, '2025-01-15T11:00:00Z').resources.planned).toBe(9);
  });
});

describe('hospitals', () => {
  it('lists every emergency department of the trust, in order, even when quiet', () => {
    const { hospitals } = pictureOf([], '2025-01-15T12:00:00Z');
    expect(hospitals).toHaveLength(9);
    expect(hospitals[0]).toEqual({ code: RVI, name: 'Royal Victoria Infirmary', waiting: 0, longestWaitSeconds: 0, over30: 0, over60: 0, handedOverToday: 0, over15Today: 0, over30Today: 0, over60Today: 0, hoursLostOver15Today: 0, hoursLostOver30Today: 0 });
  });

  it('counts ambulances waiting to hand over, those past 30 and 60 minutes, and the handovers of today', () => {
    const events = [
      build.atHospital('a', RVI, '2025-01-15T10:00:00Z'), // waiting 90 min
      build.atHospital('b', RVI, '2025-01-15T11:00:00Z'), // waiting 30 min exactly: not over 30
      build.atHospital('c', RVI, '2025-01-15T11:20:00Z'), // waiting 10 min
      build.atHospital('d', RVI, '2025-01-15T08:00:00Z'),
      build.handedOver('d', RVI, '2025-01-15T08:20:00Z'), // 20 min: over 15
      build.atHospital('e', RVI, '2025-01-15T08:00:00Z'),
      build.handedOver('e', RVI, '2025-01-15T09:10:00Z'), // 70 min: over 15, 30, 60
      build.atHospital('f', SUNDERLAND, '2025-01-15T09:00:00Z'),
      build.handedOver('f', SUNDERLAND, '2025-01-15T09:10:00Z'), // 10 min
    ];
    const { hospitals } = pictureOf(events, '2025-01-15T11:30:00Z');
    const rvi = hospitals.find((h) => h.code === RVI)!;
    expect(rvi).toMatchObject({ waiting: 3, longestWaitSeconds: 5400, over30: 1, over60: 1, handedOverToday: 2, over15Today: 2, over30Today: 1, over60Today: 1 });
    // Lost past 15 min: d 5 + e 55 + a 75 + b 15 = 150 min = 2.5 h; past 30 min: e 40 + a 60 = 100 min = 1.67 h.
    expect(rvi.hoursLostOver15Today).toBe(2.5);
    expect(rvi.hoursLostOver30Today).toBe(1.67);
    expect(hospitals.find((h) => h.code === SUNDERLAND)).toMatchObject({ waiting: 0, handedOverToday: 1, over15Today: 0, hoursLostOver15Today: 0 });
  });

  it('counts only the part of a wait after midnight as lost today', () => {
    const events = [build.atHospital('a', RVI, '2025-01-15T23:00:00Z')];
    // Past 30 minutes from 23:30; today began at 00:00: 1 hour lost today, 1.5 in all.
    expect(pictureOf(events, '2025-01-16T01:00:00Z').hospitals[0]).toMatchObject({ waiting: 1, longestWaitSeconds: 7200, hoursLostOver30Today: 1, hoursLostOver15Today: 1 });
  });

  it('ends a stay without a handover when the ambulance turns up at another hospital', () => {
    const events = [build.atHospital('a', RVI, '2025-01-15T10:00:00Z'), build.atHospital('a', SUNDERLAND, '2025-01-15T11:00:00Z'), build.handedOver('a', SUNDERLAND, '2025-01-15T11:05:00Z')];
    const { hospitals } = pictureOf(events, '2025-01-15T12:00:00Z');
    expect(hospitals.find((h) => h.code === RVI)).toMatchObject({ waiting: 0, handedOverToday: 0, hoursLostOver30Today: 0.5 });
    expect(hospitals.find((h) => h.code === SUNDERLAND)).toMatchObject({ waiting: 0, handedOverToday: 1 });
  });

  it('ignores a handover completed with no arrival it knows of', () => {
    const { hospitals } = pictureOf([build.handedOver('z', RVI, '2025-01-15T10:00:00Z')], '2025-01-15T12:00:00Z');
    expect(hospitals[0]).toMatchObject({ waiting: 0, handedOverToday: 0 });
  });
});

describe('freshness', () => {
  it('is stale before the feed has sent anything, and once it has been quiet too long', () => {
    expect(pictureOf([], '2025-01-15T12:00:00Z').stale).toBe(true);
    const event = build.status('a', 'available', '2025-01-15T12:00:00Z');
    const state = new TrustState();
    state.apply(event, Date.parse('2025-01-15T12:00:00Z'));
    const at = (now: string) => derivePicture(NEAS, state, new Date(now), { reap: { level: 1, since: null, setBy: null }, flags: [], incident: null, staleAfterSeconds: 120 });
    expect(at('2025-01-15T12:02:00Z')).toMatchObject({ stale: false, lastEventAt: '2025-01-15T12:00:00.000Z' });
    expect(at('2025-01-15T12:02:01Z').stale).toBe(true);
  });
});

describe('properties', () => {
  const BASE = Date.parse('2025-01-15T06:00:00Z');
  const time = fc.integer({ min: 0, max: 10 * 3600 }).map((s) => new Date(BASE + s * 1000).toISOString());
  const jobId = fc.constantFrom('j1', 'j2', 'j3', 'j4', 'j5');
  const resourceId = fc.constantFrom('r1', 'r2', 'r3');
  const callId = fc.constantFrom('c1', 'c2', 'c3');
  const category = fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5' as const);
  const hospital = fc.constantFrom(RVI, SUNDERLAND);
  const anyEvent: fc.Arbitrary<FeedEvent> = fc.oneof(
    fc.tuple(jobId, category, time).map(([j, c, t]) => build.jobCreated(j, c, t)),
    fc.tuple(jobId, category, time).map(([j, c, t]) => build.jobRecategorised(j, c, t)),
    fc.tuple(jobId, resourceId, time).map(([j, r, t]) => build.arrived(j, r, t)),
    fc.tuple(jobId, time).map(([j, t]) => build.closed(j, t)),
    fc.tuple(callId, time).map(([c, t]) => build.callReceived(c, t)),
    fc.tuple(callId, time).map(([c, t]) => build.callAnswered(c, t)),
    fc.tuple(callId, time).map(([c, t]) => build.callAbandoned(c, t)),
    fc.tuple(resourceId, fc.constantFrom('available', 'mobile', 'on_scene', 'conveying', 'at_hospital', 'clearing', 'unavailable', 'off_shift' as const), time).map(([r, s, t]) => build.status(r, s, t)),
    fc.tuple(resourceId, hospital, time).map(([r, h, t]) => build.atHospital(r, h, t)),
    fc.tuple(resourceId, hospital, time).map(([r, h, t]) => build.handedOver(r, h, t)),
    fc.tuple(time, fc.integer({ min: 0, max: 50 })).map(([t, n]) => build.rota(t, new Date(Date.parse(t) + 4 * 3600_000).toISOString(), n)),
  );
  const stream = fc.array(anyEvent, { maxLength: 60 });
  const NOW = '2025-01-15T17:00:00Z';

  it('never counts below zero, and totals C1-C4 only', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const p = pictureOf(events, NOW);
        const numbers: number[] = [];
        JSON.stringify(p, (_key, value: unknown) => {
          if (typeof value === 'number') numbers.push(value);
          return value;
        });
        expect(numbers.filter((n) => n < 0 || !Number.isFinite(n))).toEqual([]);
        expect(p.queue.total.waiting).toBe(p.queue.C1.waiting + p.queue.C2.waiting + p.queue.C3.waiting + p.queue.C4.waiting);
        expect(p.resources.onShift).toBe(p.resources.available + p.resources.mobile + p.resources.onScene + p.resources.conveying + p.resources.atHospital + p.resources.clearing + p.resources.unavailable);
        for (const h of p.hospitals) expect(h.over60 <= h.over30 && h.over30 <= h.waiting && h.over60Today <= h.over30Today && h.over30Today <= h.over15Today && h.over15Today <= h.handedOverToday).toBe(true);
      }),
    );
  });

  it('ignores a repeated event', () => {
    fc.assert(
      fc.property(stream, fc.nat(), (events, pick) => {
        fc.pre(events.length > 0);
        const repeated = events[pick % events.length]!;
        expect(pictureOf([...events, repeated], NOW)).toEqual(pictureOf(events, NOW));
      }),
    );
  });

  it('gives the same picture whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        stream.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
        ([events, shuffled]) => {
          expect(pictureOf(shuffled, NOW)).toEqual(pictureOf(events, NOW));
        },
      ),
    );
  });
});

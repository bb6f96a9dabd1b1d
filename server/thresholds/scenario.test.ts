import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../shared/feed/events.ts';
import { findScenario } from '../../shared/simulator/scenarios.ts';
import { derivePicture } from '../picture/derive.ts';
import { TrustState } from '../picture/state.ts';
import { aqiRows, calibration } from '../simulator/data.ts';
import { EXERCISE_WARM_UP_HOURS } from '../simulator/live.ts';
import { runModel } from '../simulator/model.ts';
import { resolveParams } from '../simulator/params.ts';
import { defaultRules } from './defaults.ts';
import { evaluate, type FlagBook } from './engine.ts';

/**
 * When each default rule first raised a flag in a simulated day, minutes after the day's start.
 * The day opens as an exercise of the scenario does, on a service a few hours warm: a full day
 * of crisis before it would bring the calibrated service past every queue line by midnight, and
 * there would be nothing left to watch build.
 */
function firstRaised(name: 'winter-crisis' | 'ordinary-day', trust: 'RX6' | 'RYE') {
  const scenario = findScenario(name)!.build(trust, new Date('2025-01-06T00:00:00Z'), 11);
  const params = resolveParams(scenario, aqiRows(), calibration());
  const events: FeedEvent[] = [];
  runModel(params, { emit: (e) => events.push(e), warmUpHours: EXERCISE_WARM_UP_HOURS });
  const state = new TrustState();
  const rules = defaultRules(trust);
  let book: FlagBook = {};
  const first = new Map<string, number>();
  let next = 0;
  for (let t = params.start; t < params.end; t += 5 * 60_000) {
    for (; next < events.length && Date.parse(events[next]!.at) <= t; next++) state.apply(events[next]!, t);
    state.heard(t);
    const result = evaluate({ rules, picture: derivePicture(params.trust, state, new Date(t)), book, now: t });
    book = result.book;
    for (const change of result.changes) if (change.kind === 'raised' && !first.has(change.flag.rule)) first.set(change.flag.rule, (t - params.start) / 60_000);
  }
  return first;
}

describe('the default rules on a simulated day', () => {
  it('raise, in a winter handover crisis, the handover flags first, and the queue’s warning before its critical line', () => {
    const first = firstRaised('winter-crisis', 'RX6');
    const order = [...first.entries()].sort((a, b) => a[1] - b[1]).map(([rule]) => rule);
    expect(order.slice(0, 2).sort()).toEqual(['handover-45', 'handover-60']);
    expect(first.has('queue-rising')).toBe(true);
    expect(first.has('queue-critical')).toBe(true);
    expect(first.get('queue-rising')!).toBeLessThan(first.get('queue-critical')!);
    expect(first.has('hours-lost')).toBe(true);
  });

  it('raise fewer flags on an ordinary day than in the crisis', () => {
    const ordinary = firstRaised('ordinary-day', 'RX6');
    const crisis = firstRaised('winter-crisis', 'RX6');
    expect(ordinary.size).toBeLessThan(crisis.size);
    expect(ordinary.has('queue-critical')).toBe(false);
  });
});

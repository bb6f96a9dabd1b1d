import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../shared/feed/events.ts';
import { Scenario } from '../../shared/simulator/scenario.ts';
import { aqiRows, calibration } from './data.ts';
import { runModel } from './model.ts';
import { resolveParams } from './params.ts';

/**
 * Published (AACE, see docs/SIMULATOR.md): about 2.1 resources allocated and 1.55 arriving per C1
 * incident. Measured as the picture would see it, from the feed: distinct resources sent (mobile
 * with the job) and arriving, per C1 job reached, over an ordinary day with the shipped calibration.
 */
function perC1Job(trust: string) {
  const params = resolveParams(Scenario.parse({ trust, start: '2025-01-06T00:00:00Z', days: 1, seed: 3 }), aqiRows(), calibration());
  const category = new Map<string, string>();
  const sent = new Map<string, Set<string>>();
  const arrived = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, job: string, resource: string) => (map.get(job) ?? map.set(job, new Set()).get(job)!).add(resource);
  const events: FeedEvent[] = [];
  runModel(params, { warmUpHours: 6, emit: (e) => events.push(e) });
  for (const e of events) {
    if (e.type === 'job.created') category.set(e.jobId, e.category);
    if (e.type === 'resource.status' && e.status === 'mobile' && e.jobId) add(sent, e.jobId, e.resourceId);
    if (e.type === 'job.resourceArrived') add(arrived, e.jobId, e.resourceId);
  }
  const reached = [...category].filter(([job, c]) => c === 'C1' && arrived.has(job)).map(([job]) => job);
  const mean = (map: Map<string, Set<string>>) => reached.reduce((n, job) => n + (map.get(job)?.size ?? 0), 0) / reached.length;
  return { reached: reached.length, allocated: mean(sent), arriving: mean(arrived), events };
}

describe('C1 support', () => {
  for (const trust of ['RX6', 'RRU']) {
    it(`sends about 2.1 resources to a C1 job and about 1.55 arrive (${trust}, an ordinary day)`, () => {
      const { reached, allocated, arriving, events } = perC1Job(trust);
      expect(reached).toBeGreaterThan(100);
      expect(allocated).toBeGreaterThan(2.1 - 0.25);
      expect(allocated).toBeLessThan(2.1 + 0.25);
      expect(arriving).toBeGreaterThan(1.55 - 0.25);
      expect(arriving).toBeLessThan(1.55 + 0.25);
      // The extras stood down go from the road to clearing, never on scene.
      const last = new Map<string, { status: string; job?: string }>();
      let stoodDown = 0;
      for (const e of events) {
        if (e.type !== 'resource.status') continue;
        const was = last.get(e.resourceId);
        if (e.status === 'clearing' && was?.status === 'mobile') {
          expect(e.jobId).toBe(was.job);
          stoodDown++;
        }
        last.set(e.resourceId, { status: e.status, job: e.jobId });
      }
      expect(stoodDown).toBeGreaterThan(reached * 0.3);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { validateFeedBatch, type FeedEvent } from '../../shared/feed/events.ts';
import { derivePicture } from '../picture/derive.ts';
import { TrustState } from '../picture/state.ts';
import { aqiRows } from './data.ts';
import { closeOut } from './live.ts';
import { createModel } from './model.ts';
import { resolveParams } from './params.ts';

describe('closing out a run nobody will carry on', () => {
  it('cancels its open jobs and stands its crews down, leaving nothing waiting in the picture', () => {
    const params = resolveParams({ trust: 'RX6', start: '2024-12-02T08:00:00Z', days: 1, seed: 3 }, aqiRows());
    const events: FeedEvent[] = [];
    const model = createModel(params, { emit: (e) => events.push(e), idPrefix: 'run1-', warmUpHours: 6 });
    model.advance(params.start + 4 * 3600_000);
    const state = new TrustState();
    const apply = (list: FeedEvent[]) => {
      for (const e of list) state.apply(e, Date.parse(e.at));
    };
    apply(events);
    const at = new Date(params.start + 4 * 3600_000);
    const busy = derivePicture(params.trust, state, at);
    expect(busy.resources.onShift).toBeGreaterThan(0);
    expect(busy.hospitals.some((h) => h.waiting > 0)).toBe(true);

    const closing = closeOut('RX6', model.snapshot());
    expect(validateFeedBatch(closing).ok).toBe(true);
    expect(new Set(closing.map((e) => e.id)).size).toBe(closing.length);
    expect(closing.every((e) => e.id.startsWith('run1-') && !events.some((x) => x.id === e.id))).toBe(true);
    apply(closing);
    const after = derivePicture(params.trust, state, at);
    expect(after.queue.total.waiting).toBe(0);
    expect(after.queue.C5.waiting).toBe(0);
    expect(after.resources.onShift).toBe(0);
    expect(after.hospitals.every((h) => h.waiting === 0)).toBe(true);
  });
});

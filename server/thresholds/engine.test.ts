import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Picture } from '../../shared/picture/picture.ts';
import { findTrust } from '../../shared/reference/trusts.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import { derivePicture } from '../picture/derive.ts';
import { TrustState } from '../picture/state.ts';
import { evaluate, STALE_FLAG, type FlagBook } from './engine.ts';

const T0 = Date.parse('2025-01-15T10:00:00Z');
const MIN = 60_000;
const base = derivePicture(findTrust('RX6')!, new TrustState(), new Date(T0));

/** A fresh picture with only the figures a test cares about set. */
function picture(change: { waiting?: number; available?: number; hospitalWaits?: Record<string, number>; stale?: boolean } = {}): Picture {
  return {
    ...base,
    stale: change.stale ?? false,
    lastEventAt: new Date(T0).toISOString(),
    queue: { ...base.queue, total: { waiting: change.waiting ?? 0 } },
    resources: { ...base.resources, available: change.available ?? 20, onShift: 50 },
    hospitals: base.hospitals.map((h) => ({ ...h, longestWaitSeconds: change.hospitalWaits?.[h.code] ?? 0 })),
  };
}

const queueRule: ThresholdRule = { id: 'queue-200', metric: 'queue.total.waiting', above: 200, sustainSeconds: 600, clearAt: 150, clearSeconds: 900, severity: 'critical', advice: 'Consider declaring a critical incident.' };
const crewsRule: ThresholdRule = { id: 'crews-low', metric: 'resources.available', below: 5, sustainSeconds: 300, clearAt: 10, clearSeconds: 300, severity: 'warning', advice: 'Consider REAP 3.' };
const hospitalRule: ThresholdRule = { id: 'handover-60', metric: 'hospitals.*.longestWaitSeconds', above: 3600, sustainSeconds: 0, clearAt: 2700, clearSeconds: 0, severity: 'warning', advice: 'Ask the hospital to release the crew.' };

/** Runs a series of (minute, picture) through the engine, as the server does over time. */
function run(rules: ThresholdRule[], series: [number, Picture][], start: FlagBook = {}) {
  let book = start;
  const changes: { minute: number; kind: string; id: string }[] = [];
  let flags: ReturnType<typeof evaluate>['flags'] = [];
  for (const [minute, p] of series) {
    const result = evaluate({ rules, picture: p, book, now: T0 + minute * MIN });
    book = result.book;
    flags = result.flags;
    changes.push(...result.changes.map((c) => ({ minute, kind: c.kind, id: c.flag.id })));
  }
  return { book, changes, flags };
}

describe('the threshold engine', () => {
  it('raises a flag only once the figure has been beyond the line for the sustain period', () => {
    const { changes, flags } = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [9, picture({ waiting: 230 })],
      [10, picture({ waiting: 220 })],
    ]);
    expect(changes).toEqual([{ minute: 10, kind: 'raised', id: 'queue-200' }]);
    expect(flags).toEqual([
      expect.objectContaining({ id: 'queue-200', rule: 'queue-200', severity: 'critical', value: 220, threshold: 200, since: new Date(T0 + 10 * MIN).toISOString(), advice: 'Consider declaring a critical incident.' }),
    ]);
    expect(flags[0]!.message).toBe('Patients waiting (C1-C4): 220, over 200');
  });

  it('starts the sustain period again when the figure dips back, even for a moment', () => {
    const { changes } = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [8, picture({ waiting: 199 })],
      [9, picture({ waiting: 210 })],
      [18, picture({ waiting: 210 })],
      [19, picture({ waiting: 210 })],
    ]);
    expect(changes).toEqual([{ minute: 19, kind: 'raised', id: 'queue-200' }]);
  });

  it('does not raise at the line itself: above means beyond it', () => {
    expect(run([{ ...queueRule, sustainSeconds: 0 }], [[0, picture({ waiting: 200 })]]).changes).toEqual([]);
  });

  it('keeps a raised flag while the figure sits between the clear level and the line, and clears it after the clear period at or below it', () => {
    const { changes } = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [10, picture({ waiting: 210 })],
      [20, picture({ waiting: 180 })],
      [30, picture({ waiting: 150 })],
      [44, picture({ waiting: 120 })],
      [45, picture({ waiting: 140 })],
    ]);
    expect(changes).toEqual([
      { minute: 10, kind: 'raised', id: 'queue-200' },
      { minute: 45, kind: 'cleared', id: 'queue-200' },
    ]);
  });

  it('says a raised flag’s figure is back under the line while it waits out its clear period', () => {
    const { flags } = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [10, picture({ waiting: 210 })],
      [20, picture({ waiting: 140 })],
    ]);
    expect(flags[0]!.message).toBe('Patients waiting (C1-C4): 140, back under 200');
  });

  it('starts the clear period again when the figure climbs back over the clear level', () => {
    const { changes } = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [10, picture({ waiting: 210 })],
      [20, picture({ waiting: 100 })],
      [30, picture({ waiting: 160 })],
      [31, picture({ waiting: 100 })],
      [45, picture({ waiting: 100 })],
      [46, picture({ waiting: 100 })],
    ]);
    expect(changes.map((c) => [c.minute, c.kind])).toEqual([
      [10, 'raised'],
      [46, 'cleared'],
    ]);
  });

  it('treats a below rule the other way up: raised under the line, cleared at or above the clear level', () => {
    const { changes, flags } = run([crewsRule], [
      [0, picture({ available: 4 })],
      [5, picture({ available: 3 })],
      [6, picture({ available: 8 })],
      [20, picture({ available: 10 })],
      [25, picture({ available: 12 })],
    ]);
    expect(changes).toEqual([
      { minute: 5, kind: 'raised', id: 'crews-low' },
      { minute: 25, kind: 'cleared', id: 'crews-low' },
    ]);
    expect(flags).toEqual([]);
  });

  it('raises one flag for each hospital past the line, naming it, and clears each on its own', () => {
    const { changes, flags } = run([hospitalRule], [
      [0, picture({ hospitalWaits: { RTD02: 3700, RTRAT: 4000, R0B01: 600 } })],
      [1, picture({ hospitalWaits: { RTD02: 1200, RTRAT: 4100 } })],
    ]);
    expect(changes).toEqual([
      { minute: 0, kind: 'raised', id: 'handover-60@RTD02' },
      { minute: 0, kind: 'raised', id: 'handover-60@RTRAT' },
      { minute: 1, kind: 'cleared', id: 'handover-60@RTD02' },
    ]);
    expect(flags.map((f) => f.id)).toEqual(['handover-60@RTRAT']);
    expect(flags[0]!.message).toBe('Longest handover wait at James Cook University Hospital: 68 min, over 60 min');
  });

  it('clears no flag while the trust is stale, raises a staleness flag of its own at once, and clears that when the feed is heard', () => {
    const { changes, flags } = run([{ ...queueRule, clearSeconds: 0 }], [
      [0, picture({ waiting: 210 })],
      [10, picture({ waiting: 210 })],
      [11, picture({ waiting: 0, stale: true })],
      [40, picture({ waiting: 0, stale: true })],
      [41, picture({ waiting: 0 })],
    ]);
    expect(changes).toEqual([
      { minute: 10, kind: 'raised', id: 'queue-200' },
      { minute: 11, kind: 'raised', id: STALE_FLAG },
      { minute: 41, kind: 'cleared', id: 'queue-200' },
      { minute: 41, kind: 'cleared', id: STALE_FLAG },
    ]);
    expect(flags).toEqual([]);
    const during = run([queueRule], [[0, picture({ stale: true })]]).flags;
    expect(during).toEqual([expect.objectContaining({ id: STALE_FLAG, severity: 'warning' })]);
  });

  it('clears the flags of a rule that was taken away', () => {
    const raised = run([{ ...queueRule, sustainSeconds: 0 }], [[0, picture({ waiting: 300 })]]);
    const after = evaluate({ rules: [], picture: picture({ waiting: 300 }), book: raised.book, now: T0 + MIN });
    expect(after.changes).toEqual([expect.objectContaining({ kind: 'cleared', flag: expect.objectContaining({ id: 'queue-200', message: 'Rule queue-200 was removed' }) })]);
    expect(after.book).toEqual({});
  });

  it('remembers, through a stored book, what it had raised: a restart raises nothing again', () => {
    const before = run([queueRule], [
      [0, picture({ waiting: 210 })],
      [10, picture({ waiting: 210 })],
    ]);
    const stored = JSON.parse(JSON.stringify(before.book)) as FlagBook;
    const after = run([queueRule], [[12, picture({ waiting: 215 })]], stored);
    expect(after.changes).toEqual([]);
    expect(after.flags[0]!.since).toBe(new Date(T0 + 10 * MIN).toISOString());
  });

  it('orders flags most severe first, then oldest first', () => {
    const rules = [
      { ...crewsRule, sustainSeconds: 0 },
      { ...queueRule, sustainSeconds: 0 },
    ];
    const { flags } = run(rules, [
      [0, picture({ available: 2 })],
      [1, picture({ available: 2, waiting: 250 })],
    ]);
    expect(flags.map((f) => f.id)).toEqual(['queue-200', 'crews-low']);
  });

  it('never raises a flag twice without clearing it between, whatever the series', () => {
    const series = fc.array(fc.record({ waiting: fc.integer({ min: 100, max: 260 }), stale: fc.boolean(), gap: fc.integer({ min: 0, max: 20 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(series, (steps) => {
        let minute = 0;
        const { changes, book, flags } = run(
          [queueRule],
          steps.map((s) => [(minute += s.gap), picture({ waiting: s.waiting, stale: s.stale })] as [number, Picture]),
        );
        const ruleChanges = changes.filter((c) => c.id === 'queue-200').map((c) => c.kind);
        ruleChanges.forEach((kind, i) => expect(kind).toBe(i % 2 === 0 ? 'raised' : 'cleared'));
        const raised = ruleChanges.length % 2 === 1;
        expect(book['queue-200']?.raisedAt !== undefined).toBe(raised);
        expect(flags.some((f) => f.id === 'queue-200')).toBe(raised);
      }),
    );
  });
});

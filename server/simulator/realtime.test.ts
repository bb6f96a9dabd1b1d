import { describe, expect, it } from 'vitest';
import { restamp, shiftScenario, wallClock } from './realtime.ts';

describe('running a scenario against the clock', () => {
  it('moves a scenario’s strikes and closures with its start', () => {
    const moved = shiftScenario(
      {
        trust: 'RX6',
        start: '2025-01-06T00:00:00Z',
        days: 1,
        seed: 1,
        strike: [{ from: '2025-01-06T07:00:00Z', to: '2025-01-06T19:00:00Z', staffingFactor: 0.5, covered: ['C1'] }],
        edClosures: [{ hospital: 'RTD02', from: '2025-01-06T10:00:00Z', to: '2025-01-06T16:00:00Z' }],
      },
      Date.parse('2026-12-01T12:00:00Z'),
    );
    expect(moved.start).toBe('2026-12-01T12:00:00.000Z');
    expect(moved.strike?.[0]).toMatchObject({ from: '2026-12-01T19:00:00.000Z', to: '2026-12-02T07:00:00.000Z' });
    expect(moved.edClosures?.[0]).toMatchObject({ from: '2026-12-01T22:00:00.000Z', to: '2026-12-02T04:00:00.000Z' });
  });

  it('runs faster than the clock from the origin on, and at the clock’s pace before it', () => {
    const noon = Date.parse('2026-12-01T12:00:00Z');
    const clock = wallClock(noon, noon, 10);
    expect(new Date(clock.toWall(noon + 3600_000)).toISOString()).toBe('2026-12-01T12:06:00.000Z');
    expect(new Date(clock.toWall(noon - 3600_000)).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    for (const t of [noon - 7200_000, noon, noon + 60_000, noon + 86_400_000]) expect(clock.toModel(clock.toWall(t))).toBe(t);
  });

  it('moves a rota’s period to wall time with its instant', () => {
    const noon = Date.parse('2026-12-01T12:00:00Z');
    const clock = wallClock(noon, noon, 10);
    const moved = restamp({ id: 'e1', type: 'rota.planned', trust: 'RX6', at: '2026-12-01T13:00:00.000Z', from: '2026-12-01T13:00:00.000Z', to: '2026-12-01T14:00:00.000Z', resources: 40 }, clock.toWall);
    expect(moved).toMatchObject({ at: '2026-12-01T12:06:00.000Z', from: '2026-12-01T12:06:00.000Z', to: '2026-12-01T12:12:00.000Z', resources: 40 });
  });
});

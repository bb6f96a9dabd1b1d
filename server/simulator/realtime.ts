import type { FeedEvent } from '../../shared/feed/events.ts';
import type { Scenario } from '../../shared/simulator/scenario.ts';

const shift = (iso: string, by: number) => new Date(Date.parse(iso) + by).toISOString();

/**
 * The same scenario moved to start at `start`, its strikes and department closures by the same
 * amount. Example: a scenario starting 2025-01-06T00:00Z with a strike from 07:00, moved to
 * 2026-12-01T12:00Z, has its strike from 2026-12-01T19:00Z.
 */
export function shiftScenario(scenario: Scenario, start: number): Scenario {
  const by = start - Date.parse(scenario.start);
  return {
    ...scenario,
    start: new Date(start).toISOString(),
    ...(scenario.strike ? { strike: scenario.strike.map((s) => ({ ...s, from: shift(s.from, by), to: shift(s.to, by) })) } : {}),
    ...(scenario.edClosures ? { edClosures: scenario.edClosures.map((c) => ({ ...c, from: shift(c.from, by), to: shift(c.to, by) })) } : {}),
  };
}

/**
 * Maps model time to wall time for a run `speed` times faster than the clock from `origin`
 * (model) = `wallOrigin` (wall) on. Before the origin (the warm-up) time runs at its own pace:
 * that is what happened before the run was started, stamped as it happened.
 * Example: speed 10, both origins 12:00; model 13:00 is wall 12:06; model 11:00 is wall 11:00.
 */
export function wallClock(origin: number, wallOrigin: number, speed: number) {
  return {
    toWall: (model: number) => (model < origin ? wallOrigin + (model - origin) : wallOrigin + (model - origin) / speed),
    toModel: (wall: number) => (wall < wallOrigin ? origin + (wall - wallOrigin) : origin + (wall - wallOrigin) * speed),
  };
}

/**
 * An event of the model as it goes to the feed: every instant in it (its `at`, and a rota's
 * period) moved to wall time. Example: at 10× from noon, a rota for 13:00-14:00 model time is
 * posted for 12:06-12:12.
 */
export function restamp(event: FeedEvent, toWall: (model: number) => number): FeedEvent {
  const wall = (iso: string) => new Date(Math.round(toWall(Date.parse(iso)))).toISOString();
  const moved = { ...event, at: wall(event.at) };
  return moved.type === 'rota.planned' ? { ...moved, from: wall(moved.from), to: wall(moved.to) } : moved;
}

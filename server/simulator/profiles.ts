import { londonOffsetMinutes } from '../../shared/time/london.ts';

/** The shapes of a day and a week that the simulator's demand and rota follow, and small helpers of time and ids. */

const MIN = 60_000;

/** Demand by hour of day (UK local time), mean 1: a night trough and a late-morning peak. */
export const HOUR_PROFILE = normalise([0.72, 0.64, 0.58, 0.53, 0.5, 0.52, 0.62, 0.8, 0.98, 1.12, 1.2, 1.23, 1.22, 1.2, 1.17, 1.15, 1.14, 1.16, 1.18, 1.17, 1.12, 1.05, 0.95, 0.84]);
/** Demand by day of week (Sunday first), mean 1: Mondays are busiest. */
export const DAY_PROFILE = normalise([0.98, 1.06, 1.0, 0.98, 0.98, 1.0, 1.0]);
/** Crews planned by hour follow demand, but less steeply: shifts overlap. */
export const ROTA_PROFILE = HOUR_PROFILE.map((f) => 0.55 + 0.45 * f);

function normalise(values: number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v / mean);
}

/** A stable number in [0, 1) for an id: the same job always falls on the same side of a share. */
export function idShare(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

export function localHour(at: number): { hour: number; day: number } {
  const local = new Date(at + londonOffsetMinutes(new Date(at)) * MIN);
  return { hour: local.getUTCHours(), day: local.getUTCDay() };
}

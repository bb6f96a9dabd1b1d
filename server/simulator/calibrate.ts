import type { Scenario } from '../../shared/simulator/scenario.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import { runModel } from './model.ts';
import { resolveParams, uncalibrated, type AqiRow, type Calibration, type TrustCalibration } from './params.ts';
import { summarise } from './summary.ts';

/** The scenario that replays a published month: its demand and its handover times as inputs. */
export function monthScenario(row: AqiRow, days: number, seed: number): Scenario {
  return {
    trust: row.trust as TrustCode,
    start: `${row.month}-08T00:00:00Z`,
    days,
    seed,
    demand: { incidentsPerDay: row.incidentsPerDay, mix: row.mix, outcomes: row.outcomes },
    ...(row.handover ? { handover: row.handover } : {}),
  };
}

export function simulateMonth(row: AqiRow, rows: readonly AqiRow[], calibration: Calibration, days = 3, seed = 1) {
  const params = resolveParams(monthScenario(row, days, seed), rows, calibration);
  return summarise(params, runModel(params));
}

/** Relative error of simulated against published, averaged over months. */
function meanError(months: readonly AqiRow[], rows: readonly AqiRow[], calibration: Calibration, category: 'C1' | 'C2'): number {
  let total = 0;
  for (const row of months) {
    const simulated = simulateMonth(row, rows, calibration).response[category].meanSeconds;
    total += (simulated - row.response[category].meanSeconds) / row.response[category].meanSeconds;
  }
  return total / months.length;
}

/**
 * Finds, by bisection, the value of one parameter at which the simulated mean response of a
 * category matches the published one on average over the months (more crews or faster journeys
 * always mean shorter responses, so the error falls as the parameter moves one way).
 */
function bisect(lo: number, hi: number, errorAt: (value: number) => number, rising: boolean, steps: number): number {
  for (let i = 0; i < steps; i++) {
    const mid = (lo + hi) / 2;
    const error = errorAt(mid);
    if (error > 0 === rising) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Calibrates one trust on the given months: travel time against the C1 mean (C1 jobs are
 * dispatched first, so their response is mostly the journey), then the rota against the C2 mean
 * (C2 waits are the queue). A second pass corrects travel for the queue the rota leaves.
 */
export function calibrateTrust(trust: TrustCode, months: readonly AqiRow[], rows: readonly AqiRow[], steps = 8): TrustCalibration {
  let tuned = uncalibrated(trust);
  const withTuned = (change: Partial<TrustCalibration>): Calibration => ({ [trust]: { ...tuned, ...change } });
  for (let pass = 0; pass < 2; pass++) {
    const travelMinutes = bisect(2, 20, (v) => meanError(months, rows, withTuned({ travelMinutes: v }), 'C1'), true, steps);
    tuned = { ...tuned, travelMinutes };
    const crewsPerReferenceIncident = bisect(0.03, 0.2, (v) => meanError(months, rows, withTuned({ crewsPerReferenceIncident: v }), 'C2'), false, steps);
    tuned = { ...tuned, crewsPerReferenceIncident };
  }
  return { crewsPerReferenceIncident: Math.round(tuned.crewsPerReferenceIncident * 10_000) / 10_000, travelMinutes: Math.round(tuned.travelMinutes * 100) / 100 };
}

import type { Scenario, SimulationSummary } from '../../shared/simulator/scenario.ts';
import { isTrustCode, type TrustCode } from '../../shared/reference/trusts.ts';
import { runModel } from './model.ts';
import { resolveParams, uncalibrated, type AqiRow, type Calibration, type TrustCalibration } from './params.ts';
import { summarise } from './summary.ts';

/**
 * Calibration of the simulator against the published Ambulance Quality Indicators: for each trust,
 * the rota (crews per incident) and the mean journey to scene that make replays of its published
 * months give its published C1 and C2 mean response times. The targets are those of the project:
 * C1 mean within 15% and C2 mean within 30% of the published figure.
 */
export const TARGETS = { C1: 0.15, C2: 0.3 } as const;

export function rowsOfTrust(rows: readonly AqiRow[], trust: TrustCode): AqiRow[] {
  return rows.filter((r) => r.trust === trust).sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The months a trust is calibrated on: every third month published with handover times, from the
 * second (November 2023, February, May, August and November 2024, February and May 2025 in the
 * current file). Only those months give the model all its inputs; taking every third spreads the
 * training over the seasons and the years and leaves two months in three to test on.
 */
export function trainingMonths(rows: readonly AqiRow[], trust: TrustCode): AqiRow[] {
  return rowsOfTrust(rows, trust)
    .filter((r) => r.handover)
    .filter((_, i) => i % 3 === 1);
}

/**
 * How many days to simulate of a month: at least `minDays`, and long enough for `minIncidents`
 * incidents, so a small trust's handful of C1 jobs a day still gives a steady mean (at most 28).
 */
export function runDays(row: AqiRow, minDays: number, minIncidents: number): number {
  return Math.min(28, Math.max(minDays, Math.round(minIncidents / row.incidentsPerDay)));
}

/** Run lengths: short while searching, a full week or more for the published comparison. */
export const CALIBRATION_RUN = { minDays: 2, minIncidents: 5000 } as const;
export const REPORT_RUN = { minDays: 7, minIncidents: 10_000 } as const;

/**
 * The scenario that replays a published month from its 8th: its demand, category mix, outcomes
 * and (where published) handover times as inputs. The rota follows the month's demand as every
 * scenario's does (`plannedRotaFactor` in params.ts): the trust planned for that month.
 */
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

export interface MonthRun {
  days: number;
  seed?: number;
  /** 24 by default, as in every run of the model. */
  warmUpHours?: number;
}

export function simulateMonth(row: AqiRow, rows: readonly AqiRow[], calibration: Calibration, run: MonthRun): SimulationSummary {
  const params = resolveParams(monthScenario(row, run.days, run.seed ?? 1), rows, calibration);
  return summarise(params, runModel(params, { warmUpHours: run.warmUpHours ?? 24 }));
}

/** Simulated against published as a log ratio: symmetric, so a month twice too slow weighs as one twice too fast. */
export function logError(simulatedSeconds: number, publishedSeconds: number): number {
  return Math.log(Math.max(1, simulatedSeconds) / publishedSeconds);
}

/**
 * Finds by bisection, on a log scale, where `errorAt` crosses zero between `lo` and `hi`.
 * `rising`: the error grows with the value (journeys against C1); otherwise it falls (crews
 * against C2). Values outside the bracket come back as its nearer end.
 */
export function bisect(lo: number, hi: number, errorAt: (value: number) => number, rising: boolean, steps: number): number {
  let a = Math.log(lo);
  let b = Math.log(hi);
  for (let i = 0; i < steps; i++) {
    const mid = (a + b) / 2;
    if (errorAt(Math.exp(mid)) > 0 === rising) b = mid;
    else a = mid;
  }
  return Math.exp((a + b) / 2);
}

export interface CalibrateOptions {
  /** Days simulated of each training month while searching the whole bracket. */
  searchDaysOf?: (row: AqiRow) => number;
  /** Days simulated of each training month while refining: those of the published comparison. */
  refineDaysOf?: (row: AqiRow) => number;
  seed?: number;
  warmUpHours?: number;
  /** Bisection steps over the whole bracket of crews, over ±25% in the rounds after, and over ±10% when refining. */
  searchSteps?: number;
  roundSteps?: number;
  refineSteps?: number;
  /** Told of every evaluation: the values tried and the mean log errors of C1 and C2. */
  onStep?: (tried: TrustCalibration, errors: { C1: number; C2: number }) => void;
}

/** Journeys shorter than this would be no journey at all; longer than this, no trust's mean. */
export const TRAVEL_BOUNDS = { min: 3, max: 20 } as const;
/** From one crew per 40 incidents a day to one per 8: wider than any trust needs. */
export const CREW_BOUNDS = { min: 0.025, max: 0.125 } as const;

/**
 * Calibrates one trust on the given months, with common random numbers (the same seed for every
 * value tried) so that the search sees the effect of the value and not the noise of the draws.
 *
 * The crews are found by bisection against the C2 mean: C2 waits are the queue, and the
 * simulated C2 mean falls steeply as crews are added. The journey then follows the C1 mean: C1
 * jobs are sent first, so their response is mostly the journey, and the C1 mean grows a little
 * less than in proportion to it (the rest is the wait for a free crew), which a damped
 * proportional step allows for. Journeys change the C2 mean too (they are part of every job),
 * so crews and journey are searched in turn. The search runs short replays; the simulated C2
 * mean of a pressed service rises over the days of a longer run, so both are then refined, in
 * a narrow bracket, on replays as long as the published comparison's.
 */
export function calibrateTrust(trust: TrustCode, months: readonly AqiRow[], rows: readonly AqiRow[], options: CalibrateOptions = {}): TrustCalibration {
  if (months.length === 0) throw new Error(`no months to calibrate ${trust} on`);
  const searchDaysOf = options.searchDaysOf ?? ((row: AqiRow) => runDays(row, CALIBRATION_RUN.minDays, CALIBRATION_RUN.minIncidents));
  const refineDaysOf = options.refineDaysOf ?? ((row: AqiRow) => runDays(row, REPORT_RUN.minDays, REPORT_RUN.minIncidents));
  const seed = options.seed ?? 1;
  const errors = (tried: TrustCalibration, daysOf: (row: AqiRow) => number) => {
    let C1 = 0;
    let C2 = 0;
    for (const row of months) {
      const summary = simulateMonth(row, rows, { [trust]: tried }, { days: daysOf(row), seed, ...(options.warmUpHours === undefined ? {} : { warmUpHours: options.warmUpHours }) });
      C1 += logError(summary.response.C1.meanSeconds, row.response.C1.meanSeconds) / months.length;
      C2 += logError(summary.response.C2.meanSeconds, row.response.C2.meanSeconds) / months.length;
    }
    options.onStep?.(tried, { C1, C2 });
    return { C1, C2 };
  };
  let tuned = uncalibrated(trust);
  const searchCrews = (lo: number, hi: number, steps: number, daysOf: (row: AqiRow) => number) => {
    const crewsPerReferenceIncident = bisect(lo, hi, (value) => errors({ ...tuned, crewsPerReferenceIncident: value }, daysOf).C2, false, steps);
    tuned = { ...tuned, crewsPerReferenceIncident };
  };
  const stepTravel = (daysOf: (row: AqiRow) => number) => {
    const { C1 } = errors(tuned, daysOf);
    const travelMinutes = Math.min(TRAVEL_BOUNDS.max, Math.max(TRAVEL_BOUNDS.min, tuned.travelMinutes * Math.exp(-C1 * 1.15)));
    tuned = { ...tuned, travelMinutes };
  };
  searchCrews(CREW_BOUNDS.min, CREW_BOUNDS.max, options.searchSteps ?? 8, searchDaysOf);
  // In a small trust the journey moves the C2 mean as much as the crews do: two more rounds.
  for (let round = 0; round < 2; round++) {
    stepTravel(searchDaysOf);
    const found = tuned.crewsPerReferenceIncident;
    searchCrews(found / 1.25, found * 1.25, options.roundSteps ?? 5, searchDaysOf);
  }
  stepTravel(searchDaysOf);
  const found = tuned.crewsPerReferenceIncident;
  searchCrews(found / 1.1, found * 1.1, options.refineSteps ?? 4, refineDaysOf);
  stepTravel(refineDaysOf);
  return { crewsPerReferenceIncident: Math.round(tuned.crewsPerReferenceIncident * 100_000) / 100_000, travelMinutes: Math.round(tuned.travelMinutes * 100) / 100 };
}

/** One published trust-month against its replay. */
export interface MonthComparison {
  trust: TrustCode;
  month: string;
  training: boolean;
  /** Whether the month has published handover times (from October 2023): without them the replay takes the trust's recent ones. */
  withHandover: boolean;
  days: number;
  published: AqiRow['response'];
  simulated: SimulationSummary['response'];
  /** Relative errors of the means, simulated over published, minus 1. */
  error: { C1: number; C2: number };
  within: { C1: boolean; C2: boolean };
  /** Shares of all incidents: hear and treat, published and simulated, and the C3 and C4 jobs the replay closed unreached (part of its hear and treat). */
  hearAndTreat: { published: number; simulated: number };
  closedUnreached: number;
}

export function compareMonth(row: AqiRow, rows: readonly AqiRow[], calibration: Calibration, training: boolean, run: MonthRun): MonthComparison {
  const summary = simulateMonth(row, rows, calibration, run);
  const simulated = summary.response;
  const error = {
    C1: simulated.C1.meanSeconds / row.response.C1.meanSeconds - 1,
    C2: simulated.C2.meanSeconds / row.response.C2.meanSeconds - 1,
  };
  return {
    trust: row.trust as TrustCode,
    month: row.month,
    training,
    withHandover: row.handover !== undefined,
    days: run.days,
    published: row.response,
    simulated,
    error,
    within: { C1: Math.abs(error.C1) <= TARGETS.C1, C2: Math.abs(error.C2) <= TARGETS.C2 },
    hearAndTreat: { published: row.outcomes.hearAndTreat, simulated: summary.outcomes.hearAndTreat },
    closedUnreached: closedUnreached(summary),
  };
}

/**
 * The share of incidents closed without a vehicle although they were C3 or C4 (the patience in
 * model.ts): all the run's hear and treat but its C5 jobs. Example: hear and treat 0.25 of
 * incidents with C5 at 0.20 gives 0.05.
 */
export function closedUnreached(summary: SimulationSummary): number {
  return Math.max(0, summary.outcomes.hearAndTreat - summary.mix.C5);
}

/** The published rows that are trusts (the file also has England as a whole). */
export function trustRows(rows: readonly AqiRow[]): AqiRow[] {
  return rows.filter((r) => isTrustCode(r.trust));
}

import type { Category } from '../../shared/feed/events.ts';
import { hospitalsOfTrust, type Hospital } from '../../shared/reference/hospitals.ts';
import { findTrust, type Trust, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Scenario } from '../../shared/simulator/scenario.ts';
import { normalCdf } from './random.ts';

/** One row of the published Ambulance Quality Indicators (aqi-calibration.csv beside this file). */
export interface AqiRow {
  month: string;
  trust: string;
  incidentsPerDay: number;
  callsAnsweredPerDay: number;
  meanCallAnswerSeconds: number;
  mix: Record<Category, number>;
  outcomes: { hearAndTreat: number; seeAndTreat: number; conveyedEd: number; conveyedOther: number };
  handover?: { meanSeconds: number; over30: number; over60: number };
  /** Crew hours lost beyond 30 minutes a day at hospitals, where published (from October 2023). */
  hoursLostOver30PerDay?: number;
  response: Record<'C1' | 'C2' | 'C3' | 'C4', { meanSeconds: number; p90Seconds: number }>;
}

/** Reads the published rows; lines starting with # are comments (the attribution). */
export function parseAqi(csv: string): AqiRow[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const get = (name: string) => {
      const value = cells[header.indexOf(name)];
      return value === undefined || value === '' ? NaN : Number(value);
    };
    const [C1, C2, C3, C4] = [get('C1Share'), get('C2Share'), get('C3Share'), get('C4Share')];
    const handoverMean = get('handoverMeanSeconds');
    return {
      month: cells[0]!,
      trust: cells[1]!,
      incidentsPerDay: get('incidentsPerDay'),
      callsAnsweredPerDay: get('callsAnsweredPerDay'),
      meanCallAnswerSeconds: get('meanCallAnswerSeconds'),
      mix: { C1, C2, C3, C4, C5: Math.max(0, 1 - C1 - C2 - C3 - C4) },
      outcomes: { hearAndTreat: get('hearAndTreat'), seeAndTreat: get('seeAndTreat'), conveyedEd: get('conveyedEd'), conveyedOther: get('conveyedOther') },
      ...(Number.isFinite(handoverMean) ? { handover: { meanSeconds: handoverMean, over30: get('handoverOver30'), over60: get('handoverOver60') } } : {}),
      ...(Number.isFinite(get('handoverHoursLostOver30PerDay')) ? { hoursLostOver30PerDay: get('handoverHoursLostOver30PerDay') } : {}),
      response: {
        C1: { meanSeconds: get('C1MeanSeconds'), p90Seconds: get('C1P90Seconds') },
        C2: { meanSeconds: get('C2MeanSeconds'), p90Seconds: get('C2P90Seconds') },
        C3: { meanSeconds: get('C3MeanSeconds'), p90Seconds: get('C3P90Seconds') },
        C4: { meanSeconds: get('C4MeanSeconds'), p90Seconds: get('C4P90Seconds') },
      },
    };
  });
}

/**
 * A handover time in minutes: a least time no handover is quicker than (the crew walks the
 * patient in, gives the history, moves them across) plus a lognormal part.
 */
export interface HandoverFit {
  shiftMinutes: number;
  mu: number;
  sigma: number;
}

/** The least part of a handover: a third of the mean, at most 8 minutes. */
export function handoverShift(meanMinutes: number): number {
  return Math.min(8, meanMinutes / 3);
}

/**
 * The handover time (minutes) with the given mean whose shares over 30 and 60 minutes come
 * nearest the targets: sigma is searched, mu follows from the mean of the lognormal part.
 * A plain lognormal would need so wide a spread to reach the published share over 60 minutes
 * that its median would be a few minutes and its slowest waits most of a day; the least time
 * in front keeps both ends believable.
 * Example: mean 25 min, 20% over 30, 5% over 60 gives sigma about 0.9 after an 8-minute start.
 */
export function fitHandover(meanMinutes: number, over30: number, over60: number): HandoverFit {
  const shiftMinutes = handoverShift(meanMinutes);
  const rest = meanMinutes - shiftMinutes;
  let best = { mu: Math.log(rest), sigma: 0.5, error: Infinity };
  for (let sigma = 0.05; sigma <= 2; sigma += 0.01) {
    const mu = Math.log(rest) - (sigma * sigma) / 2;
    const share = (minutes: number) => 1 - normalCdf((Math.log(minutes - shiftMinutes) - mu) / sigma);
    const error = (share(30) - over30) ** 2 + (share(60) - over60) ** 2;
    if (error < best.error) best = { mu, sigma, error };
  }
  return { shiftMinutes, mu: best.mu, sigma: best.sigma };
}

/** Everything a run of the model needs, resolved from a scenario and the trust's defaults. */
export interface ModelParams {
  trust: Trust;
  hospitals: readonly Hospital[];
  start: number;
  end: number;
  seed: number;
  incidentsPerDay: number;
  /** Calls answered for each incident: some calls are about an incident already known. */
  callsPerIncident: number;
  meanCallAnswerSeconds: number;
  mix: Record<Category, number>;
  outcomes: { hearAndTreat: number; seeAndTreat: number; conveyedEd: number; conveyedOther: number };
  /** Each emergency department's handover time, in minutes. */
  handoverByHospital: Map<string, HandoverFit>;
  /**
   * Staffed vehicles planned at the daily mean for the demand the trust planned for (see
   * `plannedRotaFactor`), before the hour-of-day profile and the staffing factor.
   */
  baseCrews: number;
  staffingFactor: number;
  /** `partly`: for categories not wholly covered, the share of their jobs still sent (local derogations). */
  strikes: { from: number; to: number; staffingFactor: number; covered: Set<Category>; partly: Partial<Record<Category, number>> }[];
  releaseAt45: boolean;
  /** Emergency departments closed to ambulances for a while (diverts): conveyances go to the others. */
  edClosures: { hospital: string; from: number; to: number }[];
  /** Mean travel to scene and to hospital, minutes: longer in rural trusts. */
  travelMinutes: number;
}

/** Trusts whose geography makes journeys long (large rural areas, an island). */
const RURAL: ReadonlySet<TrustCode> = new Set(['RYF', 'RYC', 'RX9', 'RX8', 'R1F']);

/** The trust's calibrated defaults: the means of its last 12 published months. */
export function trustDefaults(rows: readonly AqiRow[], trust: TrustCode): AqiRow & { handover: NonNullable<AqiRow['handover']> } {
  const own = rows.filter((r) => r.trust === trust).sort((a, b) => a.month.localeCompare(b.month)).slice(-12);
  if (own.length === 0) throw new Error(`no published figures for ${trust}`);
  const mean = (pick: (r: AqiRow) => number) => {
    const values = own.map(pick).filter(Number.isFinite);
    return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
  };
  return {
    month: own[own.length - 1]!.month,
    trust,
    incidentsPerDay: mean((r) => r.incidentsPerDay),
    callsAnsweredPerDay: mean((r) => r.callsAnsweredPerDay),
    meanCallAnswerSeconds: mean((r) => r.meanCallAnswerSeconds),
    mix: { C1: mean((r) => r.mix.C1), C2: mean((r) => r.mix.C2), C3: mean((r) => r.mix.C3), C4: mean((r) => r.mix.C4), C5: mean((r) => r.mix.C5) },
    outcomes: { hearAndTreat: mean((r) => r.outcomes.hearAndTreat), seeAndTreat: mean((r) => r.outcomes.seeAndTreat), conveyedEd: mean((r) => r.outcomes.conveyedEd), conveyedOther: mean((r) => r.outcomes.conveyedOther) },
    handover: { meanSeconds: mean((r) => r.handover?.meanSeconds ?? NaN), over30: mean((r) => r.handover?.over30 ?? NaN), over60: mean((r) => r.handover?.over60 ?? NaN) },
    response: {
      C1: { meanSeconds: mean((r) => r.response.C1.meanSeconds), p90Seconds: mean((r) => r.response.C1.p90Seconds) },
      C2: { meanSeconds: mean((r) => r.response.C2.meanSeconds), p90Seconds: mean((r) => r.response.C2.p90Seconds) },
      C3: { meanSeconds: mean((r) => r.response.C3.meanSeconds), p90Seconds: mean((r) => r.response.C3.p90Seconds) },
      C4: { meanSeconds: mean((r) => r.response.C4.meanSeconds), p90Seconds: mean((r) => r.response.C4.p90Seconds) },
    },
  };
}

/**
 * A stable spread of handover times across a trust's departments, about their common mean: some
 * departments are much slower than others. Derived from the code, so it is the same every run.
 */
function departmentFactor(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return 0.6 + ((h >>> 0) % 1000) / 1000;
}

/**
 * What calibration sets for each trust (calibration.json beside this file, written by
 * `npm run calibrate`): crews planned at the daily mean for each incident a day the trust had in
 * December 2023, at the demand of the trust's defaults (a scenario's planned demand scales it:
 * `plannedRotaFactor`), and the mean travel to scene.
 */
export interface TrustCalibration {
  crewsPerReferenceIncident: number;
  travelMinutes: number;
}

export type Calibration = Partial<Record<TrustCode, TrustCalibration>>;

/** Before calibration: a rota of about one crew per 12 incidents a day; journeys by geography. */
export function uncalibrated(trust: TrustCode): TrustCalibration {
  return { crewsPerReferenceIncident: 0.085, travelMinutes: RURAL.has(trust) ? 11 : 8 };
}

/**
 * How the rota follows the demand a trust plans for: a scenario's face-to-face demand (its
 * incidents a day times the share that needs a vehicle, all but C5, which the model closes by
 * telephone) against that of the trust's defaults (the means of its last twelve published months).
 *
 * A trust plans its rota on the demand it expects, season by season and year by year: over
 * 2017-2025 incidents grew, hear and treat grew faster, and crews followed what was left. With a
 * rota fixed at one size, replays of 2018 had far too many crews and those of the latest months
 * too few. It is 1 for a scenario that gives no demand of its own (the live simulator, the
 * shipped scenarios), so they run the rota calibration found.
 *
 * `demand.incidentsPerDay` and `demand.mix` are planned demand: a month's, a season's. A
 * scenario's `demandFactor` is a surge nobody planned for, and the rota does not follow it: a
 * winter crisis with a tenth more calls meets the usual crews, as a real one does.
 * Example: North East's defaults are 1,301 incidents a day with 13.2% C5 (1,130 face to face);
 * January 2019, 1,207 a day with 13.0% C5 (1,050), plans 0.93 of its crews.
 */
export function plannedRotaFactor(demand: Scenario['demand'], defaults: Pick<AqiRow, 'incidentsPerDay' | 'mix'>): number {
  const faceToFace = (incidentsPerDay: number, mix: Record<Category, number>) => incidentsPerDay * (1 - mix.C5);
  return faceToFace(demand?.incidentsPerDay ?? defaults.incidentsPerDay, demand?.mix ?? defaults.mix) / faceToFace(defaults.incidentsPerDay, defaults.mix);
}

export function resolveParams(scenario: Scenario, rows: readonly AqiRow[], calibration: Calibration = {}): ModelParams {
  const trust = findTrust(scenario.trust)!;
  const defaults = trustDefaults(rows, trust.code);
  const demand = scenario.demand ?? {};
  const handover = scenario.handover ?? defaults.handover;
  const hospitals = hospitalsOfTrust(trust.code);
  const factors = hospitals.map((h) => departmentFactor(h.code));
  const meanFactor = factors.reduce((s, f) => s + f, 0) / Math.max(1, factors.length);
  const handoverByHospital = new Map<string, HandoverFit>();
  hospitals.forEach((h, i) => {
    const meanMinutes = (handover.meanSeconds / 60) * (factors[i]! / meanFactor);
    // Slower departments have more of their waits past 30 and 60 minutes, in proportion.
    const scale = factors[i]! / meanFactor;
    handoverByHospital.set(h.code, fitHandover(meanMinutes, Math.min(0.95, handover.over30 * scale), Math.min(0.9, handover.over60 * scale)));
  });
  const tuned = calibration[trust.code] ?? uncalibrated(trust.code);
  const start = Date.parse(scenario.start);
  const incidentsPerDay = (demand.incidentsPerDay ?? defaults.incidentsPerDay) * (scenario.demandFactor ?? 1);
  return {
    trust,
    hospitals,
    start,
    end: start + scenario.days * 86_400_000,
    seed: scenario.seed,
    incidentsPerDay,
    callsPerIncident: Math.max(1, defaults.callsAnsweredPerDay / defaults.incidentsPerDay),
    meanCallAnswerSeconds: defaults.meanCallAnswerSeconds,
    mix: demand.mix ?? defaults.mix,
    outcomes: demand.outcomes ?? defaults.outcomes,
    handoverByHospital,
    baseCrews: Math.max(2, trust.incidentsPerDayDec2023 * tuned.crewsPerReferenceIncident * plannedRotaFactor(scenario.demand, defaults)),
    staffingFactor: scenario.capacity?.staffingFactor ?? 1,
    strikes: (scenario.strike ?? []).map((s) => ({ from: Date.parse(s.from), to: Date.parse(s.to), staffingFactor: s.staffingFactor, covered: new Set(s.covered), partly: s.partlyCovered ?? {} })),
    releaseAt45: scenario.releaseAt45 ?? false,
    edClosures: (scenario.edClosures ?? []).map((c) => ({ hospital: c.hospital, from: Date.parse(c.from), to: Date.parse(c.to) })),
    travelMinutes: tuned.travelMinutes,
  };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TRUST_CODES, findTrust, isTrustCode, type TrustCode } from '../../shared/reference/trusts.ts';
import { projectRoot } from '../paths.ts';
import { CALIBRATION_RUN, REPORT_RUN, TARGETS, calibrateTrust, closedUnreached, compareMonth, rowsOfTrust, runDays, trainingMonths, type MonthComparison } from './calibrate.ts';
import { aqiRows } from './data.ts';
import { runModel } from './model.ts';
import { resolveParams, trustDefaults, type Calibration } from './params.ts';
import { summarise } from './summary.ts';

const USAGE = `Usage:
  npm run calibrate [-- --trust CODE[,CODE...]]
      calibrates every trust (or those named) on its training months and writes
      server/simulator/calibration.json
  npm run calibrate -- --report
      replays every published trust-month with server/simulator/calibration.json and writes the
      tables of docs/SIMULATOR.md between its report markers`;

const START = '<!-- calibration-report:start -->';
const END = '<!-- calibration-report:end -->';

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

const calibrationFile = () => path.join(projectRoot(), 'server', 'simulator', 'calibration.json');
const docFile = () => path.join(projectRoot(), 'docs', 'SIMULATOR.md');

function readCalibration(): Calibration {
  const file = calibrationFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Calibration) : {};
}

function parseTrusts(value: string | undefined): TrustCode[] {
  if (value === undefined) return [...TRUST_CODES];
  const codes = value.split(',').map((c) => c.trim().toUpperCase());
  const unknown = codes.filter((c) => !isTrustCode(c));
  if (unknown.length) fail(`Unknown trust ${unknown.join(', ')}: one of ${TRUST_CODES.join(', ')}.`);
  return codes as TrustCode[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

function calibrate(trusts: TrustCode[]): void {
  const rows = aqiRows();
  // Trusts not calibrated this time keep what they had.
  const result: Calibration = readCalibration();
  const began = performance.now();
  for (const trust of trusts) {
    const t0 = performance.now();
    const months = trainingMonths(rows, trust);
    let evaluations = 0;
    const tuned = calibrateTrust(trust, months, rows, { onStep: () => evaluations++ });
    result[trust] = tuned;
    process.stderr.write(
      `${trust}: ${tuned.crewsPerReferenceIncident} crews per reference incident, ${tuned.travelMinutes} min to scene (${months.length} months: ${months.map((m) => m.month).join(' ')}; ${evaluations} evaluations, ${seconds(performance.now() - t0)})\n`,
    );
  }
  const ordered: Calibration = {};
  for (const code of TRUST_CODES) if (result[code]) ordered[code] = result[code];
  writeFileSync(calibrationFile(), `${JSON.stringify(ordered, null, 2)}\n`);
  process.stderr.write(`Wrote ${path.relative(projectRoot(), calibrationFile())} in ${seconds(performance.now() - began)}.\n`);
}

const clock = (s: number) => {
  const whole = Math.round(s);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const ss = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}%`;
const share = (hits: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * hits) / of)}% (${hits}/${of})`);

type Group = 'training' | 'heldOutWithHandover' | 'heldOutEarlier';
const groupOf = (c: MonthComparison): Group => (c.training ? 'training' : c.withHandover ? 'heldOutWithHandover' : 'heldOutEarlier');
const GROUP_TITLES: Record<Group, string> = {
  training: 'training months',
  heldOutWithHandover: 'held out, Oct 2023 on (handover published)',
  heldOutEarlier: 'held out, before Oct 2023 (no handover published)',
};

function tally(comparisons: readonly MonthComparison[]) {
  const n = comparisons.length;
  return {
    n,
    C1: comparisons.filter((c) => c.within.C1).length,
    C2: comparisons.filter((c) => c.within.C2).length,
    both: comparisons.filter((c) => c.within.C1 && c.within.C2).length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
}

function summaryTable(comparisons: readonly MonthComparison[], trusts: readonly TrustCode[]): string[] {
  const lines = ['| Trust | Months | C1 within 15% | C2 within 30% | both | median C1 error | median C2 error |', '|---|---|---|---|---|---|---|'];
  const groups: Group[] = ['training', 'heldOutWithHandover', 'heldOutEarlier'];
  const row = (label: string, set: readonly MonthComparison[]) => {
    const t = tally(set);
    const medianOf = (k: 'C1' | 'C2') => (set.length ? signed(median(set.map((c) => c.error[k]))) : '–');
    return `| ${label} | ${t.n} | ${share(t.C1, t.n)} | ${share(t.C2, t.n)} | ${share(t.both, t.n)} | ${medianOf('C1')} | ${medianOf('C2')} |`;
  };
  for (const group of groups) {
    lines.push(`| **${GROUP_TITLES[group]}** | | | | | | |`);
    for (const trust of trusts) lines.push(row(`${findTrust(trust)!.shortName} (${trust})`, comparisons.filter((c) => c.trust === trust && groupOf(c) === group)));
    lines.push(row('**all trusts**', comparisons.filter((c) => groupOf(c) === group)));
  }
  return lines;
}

function monthTable(comparisons: readonly MonthComparison[]): string[] {
  const lines = [
    '| Month | Used | Days | C1 mean pub | C1 mean sim | C1 error | C2 mean pub | C2 mean sim | C2 error | C1 90th pub / sim | C2 90th pub / sim | Within |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of comparisons) {
    const within = c.within.C1 && c.within.C2 ? 'both' : c.within.C1 ? 'C1 only' : c.within.C2 ? 'C2 only' : 'neither';
    const used = c.training ? 'training' : c.withHandover ? 'held out' : 'held out, no handover';
    lines.push(
      `| ${c.month} | ${used} | ${c.days} | ${clock(c.published.C1.meanSeconds)} | ${clock(c.simulated.C1.meanSeconds)} | ${signed(c.error.C1)} | ${clock(c.published.C2.meanSeconds)} | ${clock(c.simulated.C2.meanSeconds)} | ${signed(c.error.C2)} | ${clock(c.published.C1.p90Seconds)} / ${clock(c.simulated.C1.p90Seconds)} | ${clock(c.published.C2.p90Seconds)} / ${clock(c.simulated.C2.p90Seconds)} | ${within} |`,
    );
  }
  return lines;
}

/** Least-squares slope and correlation of y on x. */
function fit(x: readonly number[], y: readonly number[]): { slope: number; correlation: number } {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return { slope: sxy / sxx, correlation: sxy / Math.sqrt(sxx * syy) };
}

function diagnosticsTable(comparisons: readonly MonthComparison[], trusts: readonly TrustCode[]): string[] {
  const lines = [
    '| Trust | C2: correlation | C2: slope | C3 mean published (median) | C3 mean simulated (median) | C4 mean published / simulated (medians) | hear and treat published / simulated (medians) | C3 and C4 closed unreached (median) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const trust of trusts) {
    const own = comparisons.filter((c) => c.trust === trust && c.withHandover);
    const { slope, correlation } = fit(
      own.map((c) => Math.log(c.published.C2.meanSeconds)),
      own.map((c) => Math.log(Math.max(1, c.simulated.C2.meanSeconds))),
    );
    const medianOf = (pick: (c: MonthComparison) => number) => median(own.map(pick));
    lines.push(
      `| ${findTrust(trust)!.shortName} (${trust}) | ${correlation.toFixed(2)} | ${slope.toFixed(1)} | ${clock(medianOf((c) => c.published.C3.meanSeconds))} | ${clock(medianOf((c) => c.simulated.C3.meanSeconds))} | ${clock(medianOf((c) => c.published.C4.meanSeconds))} / ${clock(medianOf((c) => c.simulated.C4.meanSeconds))} | ${percent(medianOf((c) => c.hearAndTreat.published))} / ${percent(medianOf((c) => c.hearAndTreat.simulated))} | ${percent(medianOf((c) => c.closedUnreached))} |`,
    );
  }
  return lines;
}

interface DefaultsRun {
  trust: TrustCode;
  published: { C1: number; C2: number; C3: number; hearAndTreat: number };
  simulated: { C1: number; C2: number; C3: number; hearAndTreat: number; closedUnreached: number };
}

/** What the live simulator runs: the trust's defaults (its last twelve published months), no scenario inputs. */
function runDefaults(trust: TrustCode, calibration: Calibration): DefaultsRun {
  const rows = aqiRows();
  const defaults = trustDefaults(rows, trust);
  const days = Math.min(28, Math.max(REPORT_RUN.minDays, Math.round(REPORT_RUN.minIncidents / defaults.incidentsPerDay)));
  const params = resolveParams({ trust, start: '2025-01-08T00:00:00Z', days, seed: 1 }, rows, calibration);
  const summary = summarise(params, runModel(params));
  return {
    trust,
    published: { C1: defaults.response.C1.meanSeconds, C2: defaults.response.C2.meanSeconds, C3: defaults.response.C3.meanSeconds, hearAndTreat: defaults.outcomes.hearAndTreat },
    simulated: {
      C1: summary.response.C1.meanSeconds,
      C2: summary.response.C2.meanSeconds,
      C3: summary.response.C3.meanSeconds,
      hearAndTreat: summary.outcomes.hearAndTreat,
      closedUnreached: closedUnreached(summary),
    },
  };
}

function defaultsTable(runs: readonly DefaultsRun[]): string[] {
  const lines = [
    '| Trust | C1 mean pub | C1 mean sim | C1 error | C2 mean pub | C2 mean sim | C2 error | C3 mean pub / sim | hear and treat pub / sim | C3 and C4 closed unreached |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    lines.push(
      `| ${findTrust(r.trust)!.shortName} (${r.trust}) | ${clock(r.published.C1)} | ${clock(r.simulated.C1)} | ${signed(r.simulated.C1 / r.published.C1 - 1)} | ${clock(r.published.C2)} | ${clock(r.simulated.C2)} | ${signed(r.simulated.C2 / r.published.C2 - 1)} | ${clock(r.published.C3)} / ${clock(r.simulated.C3)} | ${percent(r.published.hearAndTreat)} / ${percent(r.simulated.hearAndTreat)} | ${percent(r.simulated.closedUnreached)} |`,
    );
  }
  return lines;
}

function renderReport(comparisons: readonly MonthComparison[], defaults: readonly DefaultsRun[], calibration: Calibration, trusts: readonly TrustCode[]): string {
  const out: string[] = [
    START,
    '',
    '<!-- Written by `npm run calibrate -- --report`; edits between these markers are overwritten. -->',
    '',
    '### Calibrated values',
    '',
    '| Trust | Crews per reference incident | Crews at the daily mean (defaults) | Mean journey to scene, min |',
    '|---|---|---|---|',
  ];
  for (const trust of trusts) {
    const tuned = calibration[trust];
    if (!tuned) continue;
    const t = findTrust(trust)!;
    out.push(`| ${t.shortName} (${trust}) | ${tuned.crewsPerReferenceIncident} | ${Math.round(Math.max(2, t.incidentsPerDayDec2023 * tuned.crewsPerReferenceIncident))} | ${tuned.travelMinutes} |`);
  }
  out.push(
    '',
    `Each trust-month is one run with seed 1 from the 8th of the month, after a 24-hour warm-up, of ${REPORT_RUN.minDays} days or as many as give ${REPORT_RUN.minIncidents.toLocaleString('en-GB')} incidents (at most 28; the Days column). ` +
      `Calibration runs were ${CALIBRATION_RUN.minDays} days or ${CALIBRATION_RUN.minIncidents.toLocaleString('en-GB')} incidents. Targets: C1 mean within ${TARGETS.C1 * 100}%, C2 mean within ${TARGETS.C2 * 100}% of the published mean.`,
    '',
    '### Share of trust-months within target',
    '',
    ...summaryTable(comparisons, trusts),
    '',
    '### How the replays follow the published months',
    '',
    'Over the months from October 2023 (handover published). C2 correlation and slope: of the logarithm of the simulated C2 mean on that of the published one, month by month; a slope of 1 would mean the replays swing as much as the trust did, above 1 that they swing more. C3 and C4 are not calibrated: their simulated means are those of the jobs reached before the run ended. Hear and treat and the C3 and C4 jobs closed unreached (part of the simulated hear and treat) are shares of all incidents.',
    '',
    ...diagnosticsTable(comparisons, trusts),
    '',
    '### The trusts’ defaults (what the live simulator runs)',
    '',
    'One run per trust from 8 January 2025 with no scenario inputs: demand, mix, outcomes and handover times are the means of the trust’s last twelve published months, and the rota is the calibrated one. Published: the mean of those twelve months’ means.',
    '',
    ...defaultsTable(defaults),
    '',
    '### Every trust-month',
    '',
    'Times are minutes:seconds (hours:minutes:seconds past an hour). Error is simulated over published, minus 1. "held out, no handover": a month before October 2023, replayed with the trust’s recent handover times because its own were not published.',
  );
  for (const trust of trusts) {
    out.push('', `#### ${findTrust(trust)!.name} (${trust})`, '', ...monthTable(comparisons.filter((c) => c.trust === trust)));
  }
  out.push('', END);
  return out.join('\n');
}

function report(trusts: TrustCode[]): void {
  const rows = aqiRows();
  const calibration = readCalibration();
  const missing = trusts.filter((t) => !calibration[t]);
  if (missing.length) fail(`${path.relative(projectRoot(), calibrationFile())} has no calibration for ${missing.join(', ')}: run npm run calibrate first.`);
  const began = performance.now();
  const comparisons: MonthComparison[] = [];
  for (const trust of trusts) {
    const t0 = performance.now();
    const training = new Set(trainingMonths(rows, trust).map((r) => r.month));
    const own = rowsOfTrust(rows, trust).map((row) => compareMonth(row, rows, calibration, training.has(row.month), { days: runDays(row, REPORT_RUN.minDays, REPORT_RUN.minIncidents) }));
    comparisons.push(...own);
    const t = tally(own);
    process.stderr.write(`${trust}: ${t.n} months, C1 within in ${t.C1}, C2 within in ${t.C2}, both in ${t.both} (${seconds(performance.now() - t0)})\n`);
  }
  const defaults = trusts.map((trust) => runDefaults(trust, calibration));
  const file = docFile();
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# The simulator\n';
  const block = renderReport(comparisons, defaults, calibration, trusts);
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  const updated = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, updated);
  const all = tally(comparisons);
  process.stderr.write(`All: ${all.n} trust-months, C1 within in ${all.C1}, C2 within in ${all.C2}, both in ${all.both}. Wrote ${path.relative(projectRoot(), file)} in ${seconds(performance.now() - began)}.\n`);
}

function main(argv: string[]): void {
  let trusts: string | undefined;
  let wantsReport = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--report') wantsReport = true;
    else if (arg === '--trust') {
      trusts = argv[++i];
      if (trusts === undefined) fail('--trust needs a trust code.');
    } else if (arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      return;
    } else fail(`Unexpected argument ${arg}.`);
  }
  if (wantsReport) report(parseTrusts(trusts));
  else calibrate(parseTrusts(trusts));
}

main(process.argv.slice(2));

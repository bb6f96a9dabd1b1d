import type { LogEntry } from '../../../shared/incidents/schemas.ts';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import { ukClock, ukDate, ukDateTimeLong, ukLocal } from '../../../shared/time/ukFormat.ts';
import { COLOUR, CONTENT_WIDTH, FONT, LEFT, note, sectionHeading, type Doc } from './pdfLayout.ts';

/**
 * The trust's figures across the incident, from the minute history, as vector line charts on a
 * shared time axis in UK local time. Every log entry is marked on each chart by a tick and its
 * seq, so a reader can see what was decided as the queue grew.
 */

interface Series {
  label: string;
  colour: string;
  value: (p: HistoryPoint) => number;
}

interface ChartSpec {
  title: string;
  series: Series[];
  /** Counts: the axis steps by whole numbers. */
  whole: boolean;
}

const CHARTS: ChartSpec[] = [
  { title: 'Patients waiting (C1-C4)', series: [{ label: 'waiting', colour: COLOUR.accent, value: (p) => p.queueTotal }], whole: true },
  { title: 'Longest C2 wait (minutes)', series: [{ label: 'minutes', colour: COLOUR.bad, value: (p) => p.C2LongestWaitSeconds / 60 }], whole: false },
  {
    title: 'Crews available and on shift',
    series: [
      { label: 'on shift', colour: '#768692', value: (p) => p.onShift },
      { label: 'available', colour: COLOUR.ok, value: (p) => p.available },
    ],
    whole: true,
  },
  { title: 'Crew hours lost beyond 30 min at hospital, today (resets at midnight)', series: [{ label: 'hours', colour: COLOUR.warning, value: (p) => p.hoursLostOver30Today }], whole: false },
];

/**
 * History is kept by the minute, and a long incident's may come thinned evenly (one point every
 * few minutes). A gap well beyond the usual spacing means nothing was recorded: the line breaks there.
 */
const MIN_GAP_MS = 3 * 60_000;

/**
 * The history cut where points are missing, each run to be drawn as one line.
 * Example: minutes 00:00-00:10 and 00:30-00:40 make two runs; points every 5 minutes (a thinned
 * history) make one, unless an hour is missing between two of them.
 */
export function unbrokenRuns<T extends { at: string }>(history: readonly T[]): T[][] {
  const steps = history.slice(1).map((p, i) => Date.parse(p.at) - Date.parse(history[i]!.at)).sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)] ?? 0;
  const maxGap = Math.max(MIN_GAP_MS, 2.5 * median);
  const runs: T[][] = [];
  let previous = -Infinity;
  for (const p of history) {
    const t = Date.parse(p.at);
    if (t - previous > maxGap || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(p);
    previous = t;
  }
  return runs;
}
/** Beyond this many entries the marks stay in the strip above each chart, or they would grey the plot out. */
const MAX_LINES_THROUGH_PLOT = 60;

const GEOMETRY = { title: 14, strip: 12, plot: 100, axis: 24, gap: 10, yLabels: 36 };
export const CHART_HEIGHT = GEOMETRY.title + GEOMETRY.strip + GEOMETRY.plot + GEOMETRY.axis + GEOMETRY.gap;

export interface Domain {
  from: number;
  to: number;
}

const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 40320];

/**
 * Instants for the time axis, on round UK local times, at most about `maxTicks` of them.
 * Steps up to an hour fall on the same minutes in UTC and London (the offset is a whole hour);
 * longer steps are picked by London's wall clock, so a 6-hour axis ticks at 00:00, 06:00, 12:00
 * local in summer and winter alike. On the night the clocks go back, an hourly axis shows 01:00
 * twice: once BST, once GMT.
 */
export function timeTicks(domain: Domain, maxTicks: number): number[] {
  const spanMinutes = (domain.to - domain.from) / 60_000;
  const step = STEPS_MINUTES.find((s) => spanMinutes / s <= maxTicks) ?? STEPS_MINUTES[STEPS_MINUTES.length - 1]!;
  const ticks: number[] = [];
  if (step <= 60) {
    const ms = step * 60_000;
    for (let t = Math.ceil(domain.from / ms) * ms; t <= domain.to; t += ms) ticks.push(t);
    return ticks;
  }
  const hourMs = 3_600_000;
  for (let t = Math.ceil(domain.from / hourMs) * hourMs; t <= domain.to; t += hourMs) {
    const local = ukLocal(new Date(t));
    const localDay = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
    const onStep = step < 1440 ? local.hour % (step / 60) === 0 : local.hour === 0 && localDay % (step / 1440) === 0;
    if (onStep) ticks.push(t);
  }
  return ticks;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten giving about `target` intervals up to `max`. */
function niceStep(max: number, target: number): number {
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
}

function yScale(max: number, whole: boolean): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 1 };
  const step = whole ? Math.max(1, niceStep(max, 4)) : niceStep(max, 4);
  return { top: Math.ceil(max / step) * step, step };
}

/** The time span the charts cover: the incident, its entries and whatever history was passed. */
export function chartDomain(declaredAt: string, endAt: string | null, history: readonly HistoryPoint[], log: readonly LogEntry[]): Domain {
  const times = [declaredAt, endAt, history[0]?.at, history[history.length - 1]?.at, ...log.map((e) => e.at)].filter((t): t is string => typeof t === 'string').map((t) => Date.parse(t));
  const from = Math.min(...times);
  const to = Math.max(...times);
  // A single instant still needs an axis: half an hour either side.
  return to - from < 60_000 ? { from: from - 30 * 60_000, to: to + 30 * 60_000 } : { from, to };
}

function drawChart(doc: Doc, spec: ChartSpec, history: readonly HistoryPoint[], log: readonly LogEntry[], domain: Domain): void {
  const y0 = doc.y;
  const left = LEFT + GEOMETRY.yLabels;
  const right = LEFT + CONTENT_WIDTH - 4;
  const stripTop = y0 + GEOMETRY.title;
  const plotTop = stripTop + GEOMETRY.strip;
  const plotBottom = plotTop + GEOMETRY.plot;
  const xOf = (t: number) => left + ((t - domain.from) / (domain.to - domain.from)) * (right - left);

  // Title, and a legend when there is more than one line.
  doc.font(FONT.bold).fontSize(9).fillColor(COLOUR.text).text(spec.title, LEFT, y0, { width: CONTENT_WIDTH, lineBreak: false });
  if (spec.series.length > 1) {
    let lx = right;
    for (const s of [...spec.series].reverse()) {
      doc.font(FONT.regular).fontSize(7.5);
      lx -= doc.widthOfString(s.label);
      doc.fillColor(COLOUR.text).text(s.label, lx, y0 + 1, { lineBreak: false });
      lx -= 18;
      doc.moveTo(lx + 2, y0 + 5).lineTo(lx + 14, y0 + 5).lineWidth(1.5).strokeColor(s.colour).stroke();
      lx -= 10;
    }
  }

  const max = Math.max(...history.flatMap((p) => spec.series.map((s) => s.value(p))));
  const { top, step } = yScale(max, spec.whole);
  const yOf = (v: number) => plotBottom - (v / top) * GEOMETRY.plot;

  // Stale minutes shaded: the feed had gone quiet and the figures may be out of date.
  for (let i = 0; i < history.length; i++) {
    if (!history[i]!.stale) continue;
    let j = i;
    while (j + 1 < history.length && history[j + 1]!.stale) j++;
    const x1 = xOf(Date.parse(history[i]!.at));
    const x2 = j + 1 < history.length ? xOf(Date.parse(history[j + 1]!.at)) : Math.min(right, xOf(Date.parse(history[j]!.at) + 60_000));
    doc.rect(x1, plotTop, Math.max(0.8, x2 - x1), GEOMETRY.plot).fill(COLOUR.stale);
    i = j;
  }

  // Horizontal grid and value labels.
  doc.font(FONT.regular).fontSize(6.5);
  for (let v = 0; v <= top + step / 1000; v += step) {
    const y = yOf(v);
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.4).strokeColor(v === 0 ? COLOUR.muted : COLOUR.faint).stroke();
    const label = step < 1 ? v.toFixed(1) : Math.round(v).toLocaleString('en-GB');
    doc.fillColor(COLOUR.muted).text(label, LEFT, y - 3, { width: GEOMETRY.yLabels - 4, align: 'right', lineBreak: false });
  }

  // Time axis: HH:MM, with the date and zone under the first tick and wherever they change.
  let lastDate = '';
  let lastZone = '';
  for (const t of timeTicks(domain, Math.floor((right - left) / 58))) {
    const x = xOf(t);
    const date = new Date(t);
    doc.moveTo(x, plotBottom).lineTo(x, plotBottom + 3).lineWidth(0.5).strokeColor(COLOUR.muted).stroke();
    doc.font(FONT.regular).fontSize(6.5).fillColor(COLOUR.text).text(ukClock(date), x - 25, plotBottom + 4, { width: 50, align: 'center', lineBreak: false });
    const day = ukDate(date).replace(/ \d{4}$/, '');
    const zone = ukLocal(date).zone;
    const second = [day !== lastDate ? day : '', zone !== lastZone ? zone : ''].filter(Boolean).join(' ');
    if (second) doc.fillColor(COLOUR.muted).text(second, x - 30, plotBottom + 12, { width: 60, align: 'center', lineBreak: false });
    lastDate = day;
    lastZone = zone;
  }

  // Log entries: a tick in the strip above the plot with the seq, numbers thinned where they crowd.
  const entries = [...log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let labelRight = -Infinity;
  doc.font(FONT.regular).fontSize(5.5);
  for (const entry of entries) {
    const x = xOf(Date.parse(entry.at));
    const colour = entry.kind === 'decision' ? COLOUR.accent : COLOUR.muted;
    if (entries.length <= MAX_LINES_THROUGH_PLOT) doc.moveTo(x, plotTop).lineTo(x, plotBottom).lineWidth(0.3).strokeColor('#d4d9de').stroke();
    doc.moveTo(x, plotTop - 4).lineTo(x, plotTop).lineWidth(0.6).strokeColor(colour).stroke();
    const label = String(entry.seq);
    const w = doc.widthOfString(label);
    if (x - w / 2 > labelRight + 1.5 && x + w / 2 <= right + 6) {
      doc.fillColor(colour).text(label, x - w / 2, stripTop + 1, { lineBreak: false });
      labelRight = x + w / 2;
    }
  }

  // The lines, broken where minutes are missing; a lone point is a dot.
  const runs = unbrokenRuns(history);
  for (const s of spec.series) {
    doc.lineWidth(1.1).strokeColor(s.colour).fillColor(s.colour);
    for (const run of runs) {
      const points = run.map((p) => [xOf(Date.parse(p.at)), yOf(s.value(p))] as const);
      if (points.length === 1) doc.circle(points[0]![0], points[0]![1], 1.2).fill();
      else {
        doc.moveTo(points[0]![0], points[0]![1]);
        for (const [x, y] of points.slice(1)) doc.lineTo(x, y);
        doc.lineJoin('round').stroke();
      }
    }
  }

  doc.fillColor(COLOUR.text);
  doc.x = LEFT;
  doc.y = plotBottom + GEOMETRY.axis + GEOMETRY.gap;
}

export function figuresCharts(doc: Doc, history: readonly HistoryPoint[], log: readonly LogEntry[], domain: Domain): void {
  sectionHeading(doc, "The trust's figures across the incident");
  const span = `${ukDateTimeLong(new Date(domain.from))} to ${ukDateTimeLong(new Date(domain.to))}`;
  if (history.length === 0) {
    doc.moveDown(0.5);
    doc.font(FONT.bold).fontSize(10).fillColor(COLOUR.muted).text('No figures recorded for this period', LEFT, doc.y, { width: CONTENT_WIDTH });
    note(doc, `${span}: the minute history holds nothing for these times, so there is nothing to chart.`);
    return;
  }
  note(
    doc,
    `${span}, from the minute history (${history.length.toLocaleString('en-GB')} points). Marks above each chart are log entries by seq (blue: decisions); where they crowd, some numbers are left out: the timeline lists every entry. Shaded: the feed was stale and the figures may be out of date. Gaps: nothing recorded.`,
  );
  doc.moveDown(0.6);
  for (const spec of CHARTS) {
    if (doc.y + CHART_HEIGHT > doc.page.height - doc.page.margins.bottom) doc.addPage();
    drawChart(doc, spec, history, log, domain);
  }
}

import type { Incident, LogEntry } from '../../../shared/incidents/schemas.ts';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import { londonOffsetMinutes } from '../../../shared/time/london.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The figures the incident's charts draw, by their names in the minute history. */
export const INCIDENT_SERIES = ['queueTotal', 'C2LongestWaitSeconds', 'available', 'onShift', 'hoursLostOver30Today'] as const;
export type IncidentSeries = (typeof INCIDENT_SERIES)[number];

/** One minute of the charts: null where nothing was known, so that the line breaks there. */
export type IncidentRow = { t: number } & Record<IncidentSeries, number | null>;

/** The figures after the stand-down the server sends too: how things settled. */
export const AFTER_STAND_DOWN_MS = 5 * MINUTE;

/** The history the server keeps for an incident: from an hour before the declaration to just after the stand-down, or now. */
export function incidentSpan(incident: Pick<Incident, 'declaredAt' | 'standDown'>, now: Date): { from: number; to: number } {
  const declared = Date.parse(incident.declaredAt);
  const to = incident.standDown ? Date.parse(incident.standDown.at) + AFTER_STAND_DOWN_MS : now.getTime();
  return { from: declared - HOUR, to: Math.max(to, declared) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? MINUTE;
}

const figures = (point: HistoryPoint | undefined): Record<IncidentSeries, number | null> => {
  const known = point !== undefined && !point.stale;
  return {
    queueTotal: known ? point.queueTotal : null,
    C2LongestWaitSeconds: known ? point.C2LongestWaitSeconds : null,
    available: known ? point.available : null,
    onShift: known ? point.onShift : null,
    hoursLostOver30Today: known ? point.hoursLostOver30Today : null,
  };
};

/**
 * The recorded points in time order, with a gap wherever one is missing: a minute when the feed
 * was stale (its figures frozen, not measured) is a gap, and so is a stretch with no record at
 * all (the server was down). The server records a minute apart but thins a long incident to
 * evenly spaced points, so "missing" means further apart than twice the usual spacing.
 *
 * Example: minutes 10:00, 10:01 and 10:05 give 10:00, 10:01, a gap, 10:05.
 */
export function buildIncidentRows(points: readonly HistoryPoint[]): IncidentRow[] {
  const timed = points
    .map((point) => ({ t: Date.parse(point.at), point }))
    .filter(({ t }) => !Number.isNaN(t))
    .sort((a, b) => a.t - b.t);
  const spacing = Math.max(MINUTE, median(timed.slice(1).map(({ t }, i) => t - timed[i]!.t)));
  const rows: IncidentRow[] = [];
  timed.forEach(({ t, point }, i) => {
    const before = timed[i - 1];
    if (before && t - before.t > 2 * spacing) rows.push({ t: before.t + spacing, ...figures(undefined) });
    rows.push({ t, ...figures(point) });
  });
  return rows;
}

/** The last minute with known figures, for "figures to 14:05". */
export function lastKnownAt(rows: readonly IncidentRow[]): number | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.queueTotal !== null) return rows[i]!.t;
  return undefined;
}

/** An entry as the charts mark it: a line at its time, labelled by its seq. */
export interface EntryMark {
  t: number;
  seq: number;
  decision: boolean;
  /** Which of the label rows above the chart its number goes in, so that close entries' numbers do not overlap. */
  row: number;
}

export const LABEL_ROWS = 3;

/**
 * Every entry in the span, in time order, each number given the first label row where it clears
 * the one before it by `gap` of the span (about a label's width), wrapping round when all are taken.
 * Example: entries at 0 %, 1 % and 10 % of the span with a 4 % gap go in rows 0, 1 and 0.
 */
export function entryMarks(log: readonly LogEntry[], from: number, to: number, gap = 0.04): EntryMark[] {
  const minimum = (to - from) * gap;
  const lastInRow: number[] = Array.from({ length: LABEL_ROWS }, () => -Infinity);
  let next = 0;
  return log
    .map((entry) => ({ t: Date.parse(entry.at), seq: entry.seq, decision: entry.kind === 'decision' }))
    .filter((mark) => !Number.isNaN(mark.t) && mark.t >= from && mark.t <= to)
    .sort((a, b) => a.t - b.t || a.seq - b.seq)
    .map((mark) => {
      let row = lastInRow.findIndex((last) => mark.t - last >= minimum);
      if (row < 0) row = next++ % LABEL_ROWS;
      lastInRow[row] = mark.t;
      return { ...mark, row };
    });
}

const TICK_STEPS_MINUTES = [15, 30, 60, 120, 180, 360, 720, 1440] as const;
const QUARTER = 15 * MINUTE;

/**
 * Time-axis ticks on round UK times, about `count` of them: every quarter of an hour for a new
 * incident, a day apart for a long one. UK time, not UTC: "every 6 hours" means 00:00, 06:00,
 * 12:00 and 18:00 on the control room's clock, in summer too.
 * Example: 09:10Z to 13:40Z in winter gives 10:00, 11:00, 12:00, 13:00.
 */
export function ukHourTicks(from: number, to: number, count = 6): number[] {
  const spanMinutes = (to - from) / MINUTE;
  const step = TICK_STEPS_MINUTES.find((m) => spanMinutes / m <= count) ?? 1440;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / QUARTER) * QUARTER; t <= to; t += QUARTER) {
    const localMinute = Math.round((t + londonOffsetMinutes(new Date(t)) * MINUTE) / MINUTE) % 1440;
    if (localMinute % step === 0) ticks.push(t);
  }
  return ticks;
}

/**
 * The rows with an empty one at each end of the span where the figures stop short of it, so that
 * the charts keep their time axis, and their entry marks, before the first minute is recorded.
 */
export function withSpanEnds(rows: readonly IncidentRow[], from: number, to: number): IncidentRow[] {
  const empty = (t: number): IncidentRow => ({ t, queueTotal: null, C2LongestWaitSeconds: null, available: null, onShift: null, hoursLostOver30Today: null });
  const first = rows[0];
  const last = rows.at(-1);
  return [...(first && first.t <= from ? [] : [empty(from)]), ...rows, ...(last && last.t >= to ? [] : [empty(to)])];
}

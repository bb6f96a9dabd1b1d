import type { HistoryPoint } from '../../../shared/picture/history.ts';

const MINUTE = 60_000;

/** The figures the charts draw, by their names in the history. */
export const CHART_SERIES = ['queueTotal', 'C2LongestWaitSeconds', 'available', 'handoverWaiting'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

/** One minute of the chart: null where nothing was recorded, so the line breaks there. */
export type HistoryRow = { t: number; stale: boolean } & Record<ChartSeries, number | null>;

/**
 * Lays the recorded minutes on a full minute grid from `from` to `to` (epoch ms). A minute with no
 * record (the server was down) and a minute when the feed was stale (its figures were frozen, not
 * measured) both become gaps: a chart must not draw a line through what nobody knew.
 *
 * Example: records at 10:00 and 10:03 from 10:00 to 10:03 give four rows, the middle two empty.
 */
export function buildHistorySeries(points: readonly HistoryPoint[], from: number, to: number): HistoryRow[] {
  const byMinute = new Map<number, HistoryPoint>();
  for (const point of points) {
    const at = Date.parse(point.at);
    if (!Number.isNaN(at)) byMinute.set(Math.floor(at / MINUTE) * MINUTE, point);
  }
  const rows: HistoryRow[] = [];
  const first = Math.ceil(from / MINUTE) * MINUTE;
  for (let t = first; t <= to; t += MINUTE) {
    const point = byMinute.get(t);
    const known = point !== undefined && !point.stale;
    rows.push({
      t,
      stale: point?.stale ?? false,
      queueTotal: known ? point.queueTotal : null,
      C2LongestWaitSeconds: known ? point.C2LongestWaitSeconds : null,
      available: known ? point.available : null,
      handoverWaiting: known ? point.handoverWaiting : null,
    });
  }
  return rows;
}

/** A value with gaps on both sides would draw no line at all; the chart marks it with a dot instead. */
export function isIsolated(rows: readonly HistoryRow[], index: number, series: ChartSeries): boolean {
  if (rows[index]?.[series] === null || rows[index] === undefined) return false;
  const before = rows[index - 1]?.[series] ?? null;
  const after = rows[index + 1]?.[series] ?? null;
  return before === null && after === null;
}

/** The latest recorded value of a series, for the chart's heading. */
export function latestValue(rows: readonly HistoryRow[], series: ChartSeries): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = rows[i]![series];
    if (value !== null) return value;
  }
  return null;
}

/**
 * The top of a chart's value axis: a round number about a third above the highest value, so that
 * the chart's title, drawn over the top of the plot, never hides the latest point.
 * Example: 58 gives 80, 151 gives 200, 4 gives 6, 0 gives 4.
 */
export function niceCeiling(max: number): number {
  const target = Math.max(0, max) * 1.3;
  if (target <= 3) return 4;
  const step = Math.max(1, 10 ** Math.floor(Math.log10(target)) / 2);
  return Math.ceil(target / step) * step;
}

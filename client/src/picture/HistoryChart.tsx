import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DotItemDotProps } from 'recharts';
import { formatUkHourMinute } from '../time/ukTime.ts';
import { type ChartSeries, type HistoryRow, isIsolated, latestValue, niceCeiling } from './historySeries.ts';
import { useElementHeight } from './useElementHeight.ts';
import './extras.css';

interface SeriesSpec {
  key: ChartSeries;
  title: string;
  /** For the wall, where the title is drawn over the plot's oldest hours and must leave the newest clear. */
  short: string;
  colour: string;
  /** Seconds shown in minutes. */
  minutes?: boolean;
  marks?: { value: number; label: string }[];
}

/** Four small charts rather than one with two axes: each reads on its own from across a room. */
export const SERIES: SeriesSpec[] = [
  { key: 'queueTotal', title: 'Waiting for an ambulance', short: 'Queue', colour: '#9ed2ff' },
  {
    key: 'C2LongestWaitSeconds',
    title: 'C2 longest wait, min',
    short: 'C2 longest, min',
    colour: '#ffd166',
    minutes: true,
    // The 90th-centile standard: the C2 mean standard (18) is about means, not the longest wait.
    marks: [{ value: 40, label: '40' }],
  },
  { key: 'available', title: 'Crews available', short: 'Crews free', colour: '#6ee69a' },
  { key: 'handoverWaiting', title: 'Waiting at hospital', short: 'At hospital', colour: '#ff9e80' },
];

const HOUR = 3600_000;

function hourTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  for (let t = Math.ceil(from / HOUR) * HOUR; t <= to; t += HOUR) ticks.push(t);
  return ticks;
}

function valueOf(row: HistoryRow, spec: SeriesSpec): number | null {
  const value = row[spec.key];
  return value === null || !spec.minutes ? value : Math.round(value / 60);
}

interface ChartProps {
  rows: HistoryRow[];
  from: number;
  to: number;
  /** Pixels per layout unit: chart text and lines scale with the screen. */
  unit: number;
  /** The desk's charts answer a pointer with a tooltip; the wall's have nobody to point. */
  interactive: boolean;
  /** Short titles (the wall). */
  compact: boolean;
}

function SmallChart({ spec, rows, from, to, unit, interactive, compact, showTime }: ChartProps & { spec: SeriesSpec; showTime: boolean }) {
  const latest = latestValue(rows, spec.key);
  const shown = latest === null ? '—' : spec.minutes ? Math.round(latest / 60) : latest;
  const tick = { fill: '#d0d7de', fontSize: Math.round(unit * 1.05) };
  // A minute with gaps on both sides would draw nothing as a line: it gets a dot.
  const dot = (props: DotItemDotProps) => (isIsolated(rows, props.index, spec.key) && props.cx !== undefined && props.cy !== undefined ? <circle key={props.index} cx={props.cx} cy={props.cy} r={unit * 0.35} fill={spec.colour} /> : <g key={props.index} />);
  return (
    <figure className="pp-chart" data-series={spec.key}>
      <figcaption className="pp-chart-title">
        <span>{compact ? spec.short : spec.title}</span> <strong className="pp-chart-latest">{shown}</strong>
      </figcaption>
      <div className="pp-chart-plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: unit * 0.4, right: unit * 2.4, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#3d4652" strokeWidth={Math.max(1, unit * 0.06)} vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={hourTicks(from, to)} tickFormatter={(t: number) => formatUkHourMinute(t)} tick={tick} stroke="#9aa6b4" height={showTime ? unit * 1.9 : 1} hide={!showTime} />
            <YAxis allowDecimals={false} domain={[0, (max: number) => niceCeiling(max)]} tickCount={3} tick={tick} stroke="#9aa6b4" width={unit * 3.4} />
            {spec.marks?.map((mark) => (
              <ReferenceLine key={mark.value} y={mark.value} stroke="#ffa69e" strokeDasharray={`${unit * 0.4} ${unit * 0.3}`} strokeWidth={Math.max(1, unit * 0.1)} label={{ value: mark.label, position: 'right', fill: '#ffa69e', fontSize: tick.fontSize }} ifOverflow="extendDomain" />
            ))}
            {interactive && <Tooltip labelFormatter={(t) => (typeof t === 'number' ? formatUkHourMinute(t) : '')} contentStyle={{ background: '#000', border: '2px solid #9aa6b4' }} />}
            <Line dataKey={(row: HistoryRow) => valueOf(row, spec)} name={spec.title} stroke={spec.colour} strokeWidth={Math.max(2, unit * 0.22)} dot={dot} activeDot={interactive} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Below this height (in layout units) two rows of charts would be too flat to read: one row instead. */
const TWO_ROWS_MIN_UNITS = 11;

/**
 * The last hours as four small multiples; gaps (no record, or a stale feed) stay gaps. Two rows
 * of two where there is the height (the rows share the time axis, printed once), else one row of four.
 */
export function HistoryCharts(props: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const height = useElementHeight(ref);
  const oneRow = height > 0 && height < props.unit * TWO_ROWS_MIN_UNITS;
  return (
    <div className={`pp-charts ${oneRow ? 'pp-charts-row' : ''}`} ref={ref}>
      {SERIES.map((spec, index) => (
        <SmallChart key={spec.key} spec={spec} {...props} compact={props.compact || oneRow} showTime={oneRow || index >= SERIES.length - 2} />
      ))}
    </div>
  );
}

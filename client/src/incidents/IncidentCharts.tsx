import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Incident } from '../../../shared/incidents/schemas.ts';
import { niceCeiling } from '../picture/historySeries.ts';
import { formatUkHourMinute, ukZoneLabel } from '../time/ukTime.ts';
import { useIncidentHistory } from './api.ts';
import { buildIncidentRows, type EntryMark, entryMarks, type IncidentRow, type IncidentSeries, incidentSpan, LABEL_ROWS, lastKnownAt, ukHourTicks, withSpanEnds } from './incidentSeries.ts';

interface LineSpec {
  key: IncidentSeries;
  name: string;
  colour: string;
  /** Dashes tell two lines of one chart apart without their colours. */
  dashed?: boolean;
  /** Seconds shown as whole minutes. */
  minutes?: boolean;
  /** Hours with one decimal. */
  hours?: boolean;
}

interface ChartSpec {
  id: string;
  title: string;
  lines: LineSpec[];
  marks?: { value: number; label: string }[];
}

const CHARTS: ChartSpec[] = [
  { id: 'queue', title: 'Patients waiting for an ambulance', lines: [{ key: 'queueTotal', name: 'Waiting', colour: '#9ed2ff' }] },
  {
    id: 'c2',
    title: 'C2 longest wait, minutes',
    lines: [{ key: 'C2LongestWaitSeconds', name: 'C2 longest wait', colour: '#ffd166', minutes: true }],
    // The C2 90th-centile standard: the longest wait is measured against it, not against the mean's 18.
    marks: [{ value: 40, label: '40 min' }],
  },
  {
    id: 'crews',
    title: 'Crews available and on shift',
    lines: [
      { key: 'available', name: 'Available', colour: '#6ee69a' },
      { key: 'onShift', name: 'On shift', colour: '#d0d7de', dashed: true },
    ],
  },
  // The history counts hours lost since UK midnight: the line drops to 0 there, which the title says.
  { id: 'hours', title: 'Crew hours lost at hospitals over 30 min (today, from midnight)', lines: [{ key: 'hoursLostOver30Today', name: 'Hours lost', colour: '#ff9e80', hours: true }] },
];

function shown(value: number | null, spec: LineSpec): number | null {
  if (value === null) return null;
  if (spec.minutes) return Math.round(value / 60);
  if (spec.hours) return Math.round(value * 10) / 10;
  return value;
}

function latest(rows: readonly IncidentRow[], spec: LineSpec): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const value = rows[i]![spec.key];
    if (value !== null) return shown(value, spec);
  }
  return null;
}

const LABEL_ROW_PX = 17;

/** Decisions as solid, heavier lines numbered ◆n; other entries as thin dashed lines numbered n. */
function markLine(mark: EntryMark, labelled: boolean) {
  const colour = mark.decision ? '#ffd60a' : '#c2cad3';
  const text = mark.decision ? `◆${mark.seq}` : String(mark.seq);
  const label = ({ viewBox }: { viewBox?: { x?: number; y?: number } }) => (
    <text x={viewBox?.x ?? 0} y={(viewBox?.y ?? 0) - 4 - (LABEL_ROWS - 1 - mark.row) * LABEL_ROW_PX} textAnchor="middle" fill={colour} fontSize={14} fontWeight={800}>
      {text}
    </text>
  );
  return (
    <ReferenceLine key={mark.seq} className={mark.decision ? 'inc-mark inc-mark-decision' : 'inc-mark'} x={mark.t} stroke={colour} strokeWidth={mark.decision ? 3 : 1.5} strokeDasharray={mark.decision ? undefined : '5 4'} ifOverflow="visible" label={labelled ? label : undefined} />
  );
}

// Memoised: the page around it ticks every second, the figures change once a minute.
const Chart = memo(function Chart({ spec, rows, from, to, ticks, marks, labelled }: { spec: ChartSpec; rows: IncidentRow[]; from: number; to: number; ticks: number[]; marks: EntryMark[]; labelled: boolean }) {
  const tick = { fill: '#e6ebf0', fontSize: 15 };
  return (
    <figure className="inc-chart" data-testid={`chart-${spec.id}`}>
      <figcaption className="inc-chart-title">
        <span>{spec.title}</span>
        <span className="inc-chart-latest">
          {spec.lines.map((line) => {
            const value = latest(rows, line);
            return (
              <span key={line.key} className="inc-chart-value">
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" y1="5" x2="28" y2="5" stroke={line.colour} strokeWidth="4" strokeDasharray={line.dashed ? '6 4' : undefined} />
                </svg>{' '}
                {spec.lines.length > 1 && `${line.name} `}
                <strong>{value ?? '—'}</strong>
              </span>
            );
          })}
        </span>
      </figcaption>
      <div className="inc-chart-plot">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: labelled ? LABEL_ROWS * LABEL_ROW_PX + 4 : 8, right: 56, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#3d4652" vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} ticks={ticks} tickFormatter={(t: number) => formatUkHourMinute(t)} tick={tick} stroke="#9aa6b4" height={26} />
            <YAxis allowDecimals={spec.lines.some((l) => l.hours)} domain={[0, (max: number) => niceCeiling(Number.isFinite(max) ? max : 0)]} tickCount={3} tick={tick} stroke="#9aa6b4" width={48} />
            {/* Gives the value axis a domain before any figure is recorded, so that the entries' marks still draw. */}
            <ReferenceLine y={0} stroke="none" ifOverflow="extendDomain" />
            {spec.marks?.map((mark) => (
              <ReferenceLine key={mark.value} y={mark.value} stroke="#ffa69e" strokeDasharray="8 5" strokeWidth={2} label={{ value: mark.label, position: 'right', fill: '#ffa69e', fontSize: 14 }} ifOverflow="extendDomain" />
            ))}
            {marks.map((mark) => markLine(mark, labelled))}
            <Tooltip labelFormatter={(t) => (typeof t === 'number' ? `${formatUkHourMinute(t)} ${ukZoneLabel(new Date(t))}` : '')} contentStyle={{ background: '#000', border: '2px solid #9aa6b4', fontSize: 15 }} />
            {spec.lines.map((line) => (
              <Line key={line.key} dataKey={(row: IncidentRow) => shown(row[line.key], line)} name={line.name} stroke={line.colour} strokeWidth={3} strokeDasharray={line.dashed ? '8 5' : undefined} dot={false} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

/** "UK time (GMT)", or "UK time: BST, then GMT" for an incident the clocks changed during. */
function zoneNote(from: number, to: number): string {
  const first = ukZoneLabel(new Date(from));
  const last = ukZoneLabel(new Date(to));
  return first === last ? `UK time (${first})` : `UK time: ${first}, then ${last} after the clocks changed`;
}

/**
 * The trust's figures across the incident, from an hour before it was declared, beside its log:
 * each entry a line at its time, so that a reader sees what the numbers were when each decision
 * was made and what they did after.
 */
export function IncidentCharts({ incident }: { incident: Incident }) {
  const active = incident.status === 'active';
  const history = useIncidentHistory(incident.id, active);
  // While it runs, the span ends at the latest answer or entry rather than ticking each second.
  const lastEntryAt = Date.parse(incident.log.at(-1)?.at ?? incident.declaredAt);
  const end = active ? Math.max(history.dataUpdatedAt || Date.now(), lastEntryAt) : 0;
  const { from, to } = incidentSpan(incident, new Date(end));
  const rows = useMemo(() => withSpanEnds(buildIncidentRows(history.data ?? []), from, to), [history.data, from, to]);
  const marks = useMemo(() => entryMarks(incident.log, from, to), [incident.log, from, to]);
  const ticks = useMemo(() => ukHourTicks(from, to), [from, to]);
  const known = lastKnownAt(rows);
  let note: string;
  if (history.isError && !history.data) note = 'Figures unavailable — retrying';
  else if (history.isPending) note = 'Loading the figures…';
  else if (known === undefined) note = 'No figures were recorded for this period';
  else note = `Figures to ${formatUkHourMinute(known)} ${ukZoneLabel(new Date(known))}${active ? ', a minute apart, asked every minute' : ''}`;
  return (
    <section className="inc-panel inc-charts" aria-labelledby="charts-heading" data-testid="incident-charts">
      <header className="inc-panel-head">
        <h2 id="charts-heading">The figures across the incident</h2>
        <p className="inc-note" data-testid="charts-freshness">
          {note}
        </p>
      </header>
      <p className="inc-charts-key">
        <span className="inc-key-decision">◆n solid: a decision</span> · <span className="inc-key-entry">n dashed: another entry</span> · {zoneNote(from, to)} · gaps: nothing recorded, or the feed was stale
      </p>
      {CHARTS.map((spec, index) => (
        <Chart key={spec.id} spec={spec} rows={rows} from={from} to={to} ticks={ticks} marks={marks} labelled={index === 0} />
      ))}
    </section>
  );
}

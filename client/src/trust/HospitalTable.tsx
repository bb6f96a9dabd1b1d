import { useState } from 'react';
import type { HospitalPicture } from '../../../shared/picture/picture.ts';
import { handoverStanding } from '../../../shared/picture/standards.ts';
import { formatCount, formatHours, handoverStandingText, STANDING_MARK } from '../picture/format.ts';
import { HandoverBar } from '../picture/HandoverBar.tsx';
import { handoverTotals } from '../picture/handovers.ts';
import { Duration, Panel } from '../picture/parts.tsx';
import { DEFAULT_SORT, type HospitalSort, type HospitalSortKey, nextSort, sortHospitals } from './hospitalSort.ts';

const COLUMNS: { key: HospitalSortKey; label: string; title: string; numeric: boolean }[] = [
  { key: 'name', label: 'Hospital', title: 'Hospital', numeric: false },
  { key: 'waiting', label: 'Waiting', title: 'Ambulances waiting to hand over now', numeric: true },
  { key: 'longestWaitSeconds', label: 'Longest wait', title: 'Longest current wait, on a 90-minute bar with marks at 30, 45 and 60 minutes', numeric: false },
  { key: 'over30', label: '>30 now', title: 'Waiting longer than 30 minutes now', numeric: true },
  { key: 'over60', label: '>60 now', title: 'Waiting longer than 60 minutes now', numeric: true },
  { key: 'handedOverToday', label: 'Handed over', title: 'Handovers completed today', numeric: true },
  { key: 'over30Today', label: '>30 (>60)', title: 'Handovers today that took longer than 30 (60) minutes', numeric: true },
  { key: 'hoursLostOver30Today', label: 'Hours lost >30', title: 'Crew hours lost today past 30 minutes (NHS England)', numeric: true },
  { key: 'hoursLostOver15Today', label: 'Hours lost >15', title: 'Crew hours lost today past 15 minutes (AACE)', numeric: true },
];

function Row({ hospital: h }: { hospital: HospitalPicture }) {
  const standing = handoverStanding(h.longestWaitSeconds);
  const waiting = h.waiting > 0;
  return (
    <tr data-testid={`handover-${h.code}`} data-standing={waiting ? standing : 'none'} className={waiting ? `trust-hrow-${standing}` : undefined}>
      <th scope="row">{h.name}</th>
      <td className="num pp-hwaiting-cell" data-testid={`handover-${h.code}-waiting`}>
        {h.waiting}
      </td>
      <td className="trust-hlongest">
        {waiting ? (
          <>
            <span className={`trust-hlongest-text pp-text-${standing}`}>
              {STANDING_MARK[standing]} <Duration seconds={h.longestWaitSeconds} testId={`handover-${h.code}-longest`} />
            </span>
            <HandoverBar seconds={h.longestWaitSeconds} standing={standing} />
            <span className="visually-hidden">{handoverStandingText(standing)}</span>
          </>
        ) : (
          <span className="pp-none">none waiting</span>
        )}
      </td>
      <td className="num">{h.over30}</td>
      <td className="num">{h.over60}</td>
      <td className="num">{formatCount(h.handedOverToday)}</td>
      <td className="num">
        {h.over30Today} ({h.over60Today})
      </td>
      <td className="num">{formatHours(h.hoursLostOver30Today)}</td>
      <td className="num">{formatHours(h.hoursLostOver15Today)}</td>
    </tr>
  );
}

/** Every hospital of the trust, sortable by any column: the desk's fuller handover board. */
export function HospitalTable({ hospitals }: { hospitals: readonly HospitalPicture[] }) {
  const [sort, setSort] = useState<HospitalSort>(DEFAULT_SORT);
  const totals = handoverTotals(hospitals);
  const rows = sortHospitals(hospitals, sort);
  return (
    <Panel
      title="Hospital handovers"
      className="pp-handovers trust-hospitals"
      testId="handover-board"
      aside={<span className="pp-note">{STANDING_MARK.beyond} over 60 min · {STANDING_MARK.near} over 30 · {STANDING_MARK.within} under 30 · bar marks at 30, 45 (release to respond) and 60 min · select a column to sort</span>}
    >
      <div className="table-wrap">
        <table className="trust-htable">
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="trust-sort" title={column.title} onClick={() => setSort(nextSort(sort, column.key))}>
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ⇅'}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <Row key={h.code} hospital={h} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Trust</th>
              <td className="num">{formatCount(totals.waiting)}</td>
              <td />
              <td className="num">{totals.over30}</td>
              <td className="num">{totals.over60}</td>
              <td className="num">{formatCount(hospitals.reduce((sum, h) => sum + h.handedOverToday, 0))}</td>
              <td />
              <td className="num" data-testid="hours-lost">
                {formatHours(totals.hoursLostOver30Today)}
              </td>
              <td className="num">{formatHours(totals.hoursLostOver15Today)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Panel>
  );
}

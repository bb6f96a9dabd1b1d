import { useRef } from 'react';
import type { HospitalPicture } from '../../../shared/picture/picture.ts';
import { handoverStanding } from '../../../shared/picture/standards.ts';
import { formatCount, formatHours, handoverStandingText, STANDING_MARK } from './format.ts';
import { HandoverBar, HandoverScale } from './HandoverBar.tsx';
import { byLongestWait, handoverTotals, shortHospitalName } from './handovers.ts';
import { Duration, Panel } from './parts.tsx';
import { useRowsThatFit } from './useRowsThatFit.ts';
import './handovers.css';

function HospitalRow({ hospital: h }: { hospital: HospitalPicture }) {
  const standing = handoverStanding(h.longestWaitSeconds);
  return (
    <li className={`pp-hrow pp-hrow-${standing}`} data-testid={`handover-${h.code}`} data-standing={standing} title={h.name}>
      <span className="pp-hname">{shortHospitalName(h.name)}</span>
      <span className="pp-hwaiting" data-testid={`handover-${h.code}-waiting`}>
        {h.waiting}
      </span>
      <span className={`pp-hlongest pp-text-${standing}`}>
        <span className="pp-hmark" role="img" aria-label={handoverStandingText(standing)}>
          {STANDING_MARK[standing]}
        </span>{' '}
        <Duration seconds={h.longestWaitSeconds} testId={`handover-${h.code}-longest`} />
      </span>
      <HandoverBar seconds={h.longestWaitSeconds} standing={standing} />
      <span className={`pp-hcount ${h.over30 > 0 ? 'pp-hcount-on' : ''}`}>{h.over30}</span>
      <span className={`pp-hcount ${h.over60 > 0 ? 'pp-hcount-on' : ''}`}>{h.over60}</span>
      <span className="pp-hlost">
        {formatHours(h.hoursLostOver30Today)}
        <span className="pp-hlost15">{formatHours(h.hoursLostOver15Today)}</span>
      </span>
    </li>
  );
}

/** One hospital in a line of words: for those with nothing waiting, and those the board has no room for. */
function HospitalInLine({ hospital: h }: { hospital: HospitalPicture }) {
  return (
    <span className="pp-hinline" data-testid={`handover-${h.code}`} data-standing={h.waiting ? handoverStanding(h.longestWaitSeconds) : 'none'} title={h.name}>
      {shortHospitalName(h.name)} <strong data-testid={`handover-${h.code}-waiting`}>{h.waiting}</strong>
      {h.waiting > 0 && (
        <>
          {' '}
          · {STANDING_MARK[handoverStanding(h.longestWaitSeconds)]} <Duration seconds={h.longestWaitSeconds} />
        </>
      )}{' '}
      · {formatHours(h.hoursLostOver30Today)} h lost
    </span>
  );
}

/**
 * The handover board: each hospital's ambulances waiting to hand over, the longest wait on a bar
 * with the 30, 45 and 60-minute marks, how many are over 30 and 60 minutes now, and crew hours lost
 * today past 30 minutes (past 15 in smaller type). Hospitals with nothing waiting share one line.
 */
export function HandoverBoard({ hospitals }: { hospitals: readonly HospitalPicture[] }) {
  const sorted = byLongestWait(hospitals);
  const busy = sorted.filter((h) => h.waiting > 0);
  const quiet = sorted.filter((h) => h.waiting === 0);
  const totals = handoverTotals(hospitals);
  const listRef = useRef<HTMLOListElement>(null);
  const fit = useRowsThatFit(listRef, busy.length);
  // When not all fit, the last row's place goes to a line naming the rest.
  const shown = busy.length > fit ? busy.slice(0, fit - 1) : busy;
  const rest = busy.slice(shown.length);
  return (
    <Panel title="Hospital handovers" className="pp-handovers" testId="handover-board">
      <div className="pp-hhead" aria-hidden="true">
        <span>Hospital</span>
        <span className="pp-hhead-num">Waiting</span>
        <span className="pp-hhead-num">Longest</span>
        <HandoverScale />
        <span className="pp-hhead-num">&gt;30</span>
        <span className="pp-hhead-num">&gt;60</span>
        <span className="pp-hhead-num">Hours lost</span>
      </div>
      <ol className="pp-hlist" ref={listRef}>
        {shown.map((h) => (
          <HospitalRow key={h.code} hospital={h} />
        ))}
        {rest.length > 0 && (
          <li className="pp-hrow pp-hmore">
            <span className="pp-hmore-label">+{rest.length} more waiting:</span>{' '}
            {rest.map((h) => (
              <HospitalInLine key={h.code} hospital={h} />
            ))}
          </li>
        )}
        {busy.length === 0 && <li className="pp-hrow pp-hnone">No ambulance waiting at any hospital.</li>}
      </ol>
      <div className="pp-hrow pp-htotal-row" data-testid="handover-total">
        <span className="pp-hname">Trust total</span>
        <span className="pp-hwaiting">{formatCount(totals.waiting)}</span>
        <span className="pp-htotal-note">
          at {busy.length} of {hospitals.length} hospitals
        </span>
        <span className="pp-htotal-note pp-htotal-right">crew hours lost today ▸</span>
        <span className="pp-hcount pp-hcount-on">{formatCount(totals.over30)}</span>
        <span className="pp-hcount pp-hcount-on">{formatCount(totals.over60)}</span>
        <span className="pp-hlost">
          <span data-testid="hours-lost">{formatHours(totals.hoursLostOver30Today)}</span>
          <span className="pp-hlost15">{formatHours(totals.hoursLostOver15Today)}</span>
        </span>
      </div>
      {quiet.length > 0 && (
        <p className="pp-hquiet">
          <span className="pp-hquiet-label">Nothing waiting:</span>{' '}
          {quiet.map((h) => (
            <HospitalInLine key={h.code} hospital={h} />
          ))}
        </p>
      )}
      <p className="pp-hlegend">
        {STANDING_MARK.beyond} over 60 min · {STANDING_MARK.near} over 30 · {STANDING_MARK.within} under 30 · ticks at 30, 45 (release to respond) and 60 min
      </p>
    </Panel>
  );
}

import { HANDOVER_MARKS_SECONDS, type Standing } from '../../../shared/picture/standards.ts';
import { barPercent, HANDOVER_SCALE_SECONDS } from './handovers.ts';
import './HandoverBar.css';

/** The marks every handover bar carries: 30 a delay, 45 release to respond, 60 severe. */
export const BAR_MARKS = [
  { seconds: HANDOVER_MARKS_SECONDS.delay, label: '30' },
  { seconds: HANDOVER_MARKS_SECONDS.release, label: '45' },
  { seconds: HANDOVER_MARKS_SECONDS.severe, label: '60' },
] as const;

/**
 * The longest wait at a hospital as a bar over 90 minutes with tick marks at 30, 45 and 60 minutes,
 * so that how far past each mark it is reads at a glance. Past the scale, an arrow says it goes on.
 */
export function HandoverBar({ seconds, standing }: { seconds: number; standing: Standing }) {
  const over = seconds > HANDOVER_SCALE_SECONDS;
  return (
    <div className="pp-hbar" aria-hidden="true">
      <div className={`pp-hbar-fill pp-fill-${standing}`} style={{ width: `${barPercent(seconds)}%` }} />
      {BAR_MARKS.map((mark) => (
        <div key={mark.label} className="pp-hbar-tick" style={{ left: `${barPercent(mark.seconds)}%` }} />
      ))}
      {over && <span className="pp-hbar-over">▶</span>}
    </div>
  );
}

/** The scale above a column of bars: the marks' minutes where their ticks are. */
export function HandoverScale() {
  return (
    <div className="pp-hscale" aria-hidden="true">
      {BAR_MARKS.map((mark) => (
        <span key={mark.label} className="pp-hscale-mark" style={{ left: `${barPercent(mark.seconds)}%` }}>
          {mark.label}
        </span>
      ))}
      <span className="pp-hscale-mark pp-hscale-end">90+</span>
    </div>
  );
}

import type { Picture } from '../../../shared/picture/picture.ts';
import { formatHours } from '../picture/format.ts';
import { formatUkClock, ukZoneLabel } from '../time/ukTime.ts';

/**
 * The picture frozen at the moment of declaration, in one line: what the trust was facing when it
 * decided, to read the charts against.
 */
export function SnapshotPanel({ snapshot }: { snapshot: Picture }) {
  const asOf = new Date(snapshot.asOf);
  const c2Minutes = Math.floor(snapshot.queue.C2.longestWaitSeconds / 60);
  const atHospital = snapshot.hospitals.reduce((sum, h) => sum + h.waiting, 0);
  const hoursLost = snapshot.hospitals.reduce((sum, h) => sum + h.hoursLostOver30Today, 0);
  return (
    <section className="inc-panel inc-snapshot" aria-labelledby="snapshot-heading" data-testid="incident-snapshot">
      <h2 id="snapshot-heading">
        At declaration{' '}
        <span className="inc-note">
          · the picture at {formatUkClock(asOf)} {ukZoneLabel(asOf)}
        </span>
      </h2>
      {snapshot.stale && <p className="inc-stale">⚠ The dispatch feed was stale then: these figures were not current.</p>}
      <p className="inc-snapshot-figs">
        <strong data-testid="snapshot-waiting">{snapshot.queue.total.waiting}</strong> waiting · C2 longest <strong>{c2Minutes} min</strong> · <strong>{snapshot.resources.available}</strong> crews free of <strong>{snapshot.resources.onShift}</strong> on shift ({snapshot.resources.planned} planned) · <strong>{atHospital}</strong> at hospitals · <strong>{formatHours(hoursLost)} h</strong> lost over 30 min today · REAP <strong>{snapshot.reap.level}</strong>
      </p>
    </section>
  );
}

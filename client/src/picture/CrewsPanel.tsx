import type { Picture } from '../../../shared/picture/picture.ts';
import { formatCount } from './format.ts';
import { Panel, StandingBadge } from './parts.tsx';

type Resources = Picture['resources'];

/** Crews committed to a job: travelling, on scene, conveying, clearing (at hospital is shown apart). */
export function committed(r: Resources): number {
  return r.mobile + r.onScene + r.conveying + r.clearing;
}

/** Crews on shift against the rota: short of plan by a tenth or more is beyond, any shortfall near. */
function ShiftBadge({ r }: { r: Resources }) {
  const short = r.planned - r.onShift;
  if (r.planned === 0) return <StandingBadge standing="near">◆ NO ROTA</StandingBadge>;
  if (short <= 0) return <StandingBadge standing="within">✓ AT PLAN</StandingBadge>;
  return <StandingBadge standing={short / r.planned >= 0.1 ? 'beyond' : 'near'}>▼ {formatCount(short)} SHORT</StandingBadge>;
}

/**
 * The capacity everyone watches: crews free now, where the rest are, and crews on shift against
 * the rota. No crew free, and a shift short of its plan, are said in words.
 */
export function CrewsPanel({ resources: r }: { resources: Resources }) {
  const noneFree = r.onShift > 0 && r.available === 0;
  return (
    <Panel title="Crews" className="pp-crews">
      <div className="pp-crews-grid">
        <div className={`pp-tile pp-tile-${noneFree ? 'beyond' : 'none'} pp-crews-free`}>
          <div className="pp-cat-name">
            <span className="pp-cat-code">Available</span>
          </div>
          <div className="pp-big" data-testid="crews-available">
            {r.available}
          </div>
          {noneFree && <StandingBadge standing="beyond">▲ NONE FREE</StandingBadge>}
        </div>
        <div className="pp-crews-figure">
          <span className="pp-crews-label">Committed</span>
          <span className="pp-big" data-testid="crews-committed">
            {committed(r)}
          </span>
        </div>
        <div className="pp-crews-figure">
          <span className="pp-crews-label">At hospital</span>
          <span className="pp-big" data-testid="crews-at-hospital">
            {r.atHospital}
          </span>
        </div>
        <div className="pp-crews-shift">
          <span className="pp-crews-label">On shift</span>
          <span className="pp-shift-line">
            <span className="pp-shift-figure pp-shift-main" data-testid="crews-on-shift">
              {r.onShift}
            </span>
            <span className="pp-shift-of">
              of{' '}
              <strong data-testid="crews-planned" className="pp-shift-figure">
                {r.planned}
              </strong>{' '}
              planned
            </span>
            <ShiftBadge r={r} />
          </span>
        </div>
      </div>
      <p className="pp-note pp-breakdown">
        Committed: {r.mobile} mobile · {r.onScene} on scene · {r.conveying} conveying · {r.clearing} clearing{r.unavailable > 0 ? ` · ${r.unavailable} unavailable` : ''}
      </p>
    </Panel>
  );
}

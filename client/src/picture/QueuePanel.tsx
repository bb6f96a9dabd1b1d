import { RESPONSE_CATEGORIES, type ResponseCategory } from '../../../shared/feed/events.ts';
import type { Picture } from '../../../shared/picture/picture.ts';
import { ARP_STANDARDS, standingAgainstStandard } from '../../../shared/picture/standards.ts';
import { waitStandingText } from './format.ts';
import { Duration, Panel, StandingBadge } from './parts.tsx';

type Queue = Picture['queue'];

// Counts a script or test reads by data-testid are plain digits ("1234", never "1,234"); queues
// and crews stay well below a thousand, where the two read the same.

function CategoryTile({ category, figures }: { category: ResponseCategory; figures: Queue[ResponseCategory] }) {
  const waiting = figures.waiting > 0;
  const standing = waiting ? standingAgainstStandard(category, figures.longestWaitSeconds) : 'within';
  return (
    <div className={`pp-tile pp-cat pp-tile-${waiting ? standing : 'none'}`} data-testid={`queue-${category}`} data-standing={waiting ? standing : 'none'}>
      <div className="pp-cat-name">
        <span className="pp-cat-code">{category}</span>
        <span className="pp-cat-label">{ARP_STANDARDS[category].label}</span>
      </div>
      <div className="pp-big" data-testid={`queue-${category}-waiting`}>
        {figures.waiting}
      </div>
      <div className="pp-cat-longest">
        <span className="pp-small-label">longest </span>
        {waiting ? <Duration seconds={figures.longestWaitSeconds} testId={`queue-${category}-longest`} /> : <span data-testid={`queue-${category}-longest`}>—</span>}
      </div>
      <StandingBadge standing={waiting ? standing : 'none'}>{waiting ? waitStandingText(category, standing) : 'NONE WAITING'}</StandingBadge>
    </div>
  );
}

/** C5 (clinical call-back) has no national standard and is not in the total: a smaller line, no standing. */
function CallBack({ figures }: { figures: Queue['C5'] }) {
  return (
    <span className="pp-c5" data-testid="queue-C5">
      <span className="pp-cat-code">C5</span> <span className="pp-small-label">call-back (no national standard; not in the total): </span>
      <strong data-testid="queue-C5-waiting">{figures.waiting}</strong>
      <span className="pp-small-label"> waiting · longest </span>
      {figures.waiting > 0 ? <Duration seconds={figures.longestWaitSeconds} testId="queue-C5-longest" /> : <span data-testid="queue-C5-longest">—</span>}
    </span>
  );
}

/** Patients waiting for an ambulance: the total first, then each category against its ARP standard. */
export function QueuePanel({ queue }: { queue: Queue }) {
  const total = (
    <span className="pp-qtotal">
      <span className="pp-qtotal-label">Total</span>{' '}
      <strong className="pp-qtotal-figure" data-testid="queue-total">
        {queue.total.waiting}
      </strong>{' '}
      <span className="pp-qtotal-label">C1–C4</span>
    </span>
  );
  return (
    <Panel title="Waiting for an ambulance" className="pp-queue" aside={total}>
      <div className="pp-queue-grid">
        {RESPONSE_CATEGORIES.map((category) => (
          <CategoryTile key={category} category={category} figures={queue[category]} />
        ))}
      </div>
      <CallBack figures={queue.C5} />
    </Panel>
  );
}

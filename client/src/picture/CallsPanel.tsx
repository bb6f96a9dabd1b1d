import type { Picture } from '../../../shared/picture/picture.ts';
import { formatCount } from './format.ts';
import { Duration, Panel } from './parts.tsx';

/** 999 calls not yet answered by a call handler, and today's answering. */
export function CallsPanel({ calls }: { calls: Picture['calls'] }) {
  return (
    <Panel title="999 calls" className="pp-calls">
      <div className="pp-tile pp-tile-none">
        <div className="pp-cat-name">
          <span className="pp-cat-code">Waiting</span>
        </div>
        <div className="pp-big" data-testid="calls-waiting">
          {calls.waiting}
        </div>
        <div className="pp-cat-longest">
          <span className="pp-small-label">longest </span>
          {calls.waiting > 0 ? <Duration seconds={calls.longestWaitSeconds} testId="calls-longest" /> : <span data-testid="calls-longest">—</span>}
        </div>
      </div>
      <p className="pp-calls-today">
        <span className="pp-small-label">Answered today </span>
        <span className="pp-shift-figure" data-testid="calls-answered">
          {formatCount(calls.answeredToday)}
        </span>
        <span className="pp-small-label"> · mean </span>
        {calls.answeredToday > 0 ? <Duration seconds={calls.meanAnswerSecondsToday} testId="calls-mean-answer" /> : <span data-testid="calls-mean-answer">—</span>}
      </p>
    </Panel>
  );
}

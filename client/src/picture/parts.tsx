import type { ReactNode } from 'react';
import type { Standing } from '../../../shared/picture/standards.ts';
import { durationUnit, formatDuration } from './format.ts';
import './picture.css';
import './panels.css';

/** A wait or response time with its unit, so "2:05" is never read as minutes: "2:05 h", "07:05 min". */
export function Duration({ seconds, testId }: { seconds: number; testId?: string }) {
  return (
    <span className="pp-duration" data-testid={testId}>
      {formatDuration(seconds)}
      <span className="pp-unit"> {durationUnit(seconds)}</span>
    </span>
  );
}

/**
 * A standing in words with its shape: the badge's text is the signal, its colour and border
 * pattern (solid, dashed, inverted for beyond) only repeat it.
 */
export function StandingBadge({ standing, children, testId }: { standing: Standing | 'none'; children: ReactNode; testId?: string }) {
  return (
    <span className={`pp-badge pp-${standing}`} data-standing={standing} data-testid={testId}>
      {children}
    </span>
  );
}

/** A titled block of the picture, the same on the wall and the desk. */
export function Panel({ title, aside, className, testId, children }: { title: string; aside?: ReactNode; className?: string; testId?: string; children: ReactNode }) {
  return (
    <section className={`pp-panel ${className ?? ''}`} data-testid={testId} data-panel>
      <header className="pp-panel-head">
        <h2 className="pp-heading">{title}</h2>
        {aside && <div className="pp-aside">{aside}</div>}
      </header>
      {children}
    </section>
  );
}

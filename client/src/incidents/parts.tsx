import type { IncidentLevel, IncidentStatus } from '../../../shared/incidents/schemas.ts';
import { formatUkDateTime } from '../time/ukTime.ts';
import { LEVEL_WORDS, STATUS_WORDS } from './names.ts';

/** The level in words, framed heavier as it rises (dashed, solid, inverted) so it reads in greyscale. */
export function LevelBadge({ level, large = false, testId }: { level: IncidentLevel; large?: boolean; testId?: string }) {
  return (
    <span className={`inc-level inc-level-${level} ${large ? 'inc-level-large' : ''}`} data-level={level} data-testid={testId}>
      <span aria-hidden="true">✚ </span>
      {LEVEL_WORDS[level]}
    </span>
  );
}

/** Active or stood down, with a shape: a filled dot runs, a hollow square has ended. */
export function StatusBadge({ status, testId }: { status: IncidentStatus; testId?: string }) {
  return (
    <span className={`inc-status inc-status-${status}`} data-status={status} data-testid={testId}>
      <span aria-hidden="true">{status === 'active' ? '● ' : '□ '}</span>
      {STATUS_WORDS[status]}
    </span>
  );
}

/** A UK time with its zone, in a <time> element carrying the instant. */
export function UkTime({ iso, testId }: { iso: string; testId?: string }) {
  return (
    <time dateTime={iso} data-testid={testId}>
      {formatUkDateTime(iso)}
    </time>
  );
}

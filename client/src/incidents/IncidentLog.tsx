import { memo } from 'react';
import { ENTRY_KIND_NAMES, type LogEntry } from '../../../shared/incidents/schemas.ts';
import { ROLE_LABELS, RoleSchema } from '../../../shared/auth/schemas.ts';
import { londonDate } from '../../../shared/time/london.ts';
import { formatUkClock, UK_TIME_ZONE, ukZoneLabel } from '../time/ukTime.ts';
import { correctionsOf } from './liveIncident.ts';
import { KIND_MARK } from './names.ts';

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short' });

/** "14:03:07 GMT", with the day in front once the incident has run past the day it was declared. */
export function entryTime(iso: string, declaredAt: string): string {
  const at = new Date(iso);
  const time = `${formatUkClock(at)} ${ukZoneLabel(at)}`;
  return londonDate(at) === londonDate(new Date(declaredAt)) ? time : `${dayFormat.format(at)} ${time}`;
}

function roleName(role: string): string {
  const parsed = RoleSchema.safeParse(role);
  return parsed.success ? ROLE_LABELS[parsed.data] : role;
}

interface EntryProps {
  entry: LogEntry;
  declaredAt: string;
  correctedBy: number[] | undefined;
  onCorrect: ((seq: number) => void) | undefined;
}

function EntryItem({ entry, declaredAt, correctedBy, onCorrect }: EntryProps) {
  const corrected = correctedBy !== undefined && correctedBy.length > 0;
  return (
    <li id={`entry-${entry.seq}`} className={`inc-entry inc-entry-${entry.kind} ${corrected ? 'inc-entry-corrected' : ''}`} data-testid={`entry-${entry.seq}`} data-kind={entry.kind} tabIndex={-1}>
      <div className="inc-entry-head">
        <span className="inc-entry-seq">#{entry.seq}</span>
        <time className="inc-entry-time" dateTime={entry.at}>
          {entryTime(entry.at, declaredAt)}
        </time>
        <span className="inc-entry-kind">
          <span aria-hidden="true">{KIND_MARK[entry.kind]} </span>
          {ENTRY_KIND_NAMES[entry.kind]}
        </span>
        <span className="inc-entry-author">
          {entry.author.displayName}
          {entry.kind !== 'system' && <span className="muted"> · {roleName(entry.author.role)}</span>}
        </span>
        {corrected && (
          <span className="inc-entry-corrected-by" data-testid={`entry-${entry.seq}-corrected-by`}>
            ✎ corrected by{' '}
            {correctedBy.map((seq, i) => (
              <span key={seq}>
                {i > 0 && ', '}
                <a href={`#entry-${seq}`}>#{seq}</a>
              </span>
            ))}
          </span>
        )}
      </div>
      {entry.corrects !== undefined && (
        <p className="inc-entry-corrects">
          ↳ Corrects <a href={`#entry-${entry.corrects}`}>#{entry.corrects}</a>
        </p>
      )}
      <p className="inc-entry-text">{entry.text}</p>
      {entry.rationale !== undefined && (
        <p className="inc-entry-rationale">
          <strong>Rationale:</strong> {entry.rationale}
        </p>
      )}
      {onCorrect && entry.kind !== 'system' && (
        <button type="button" className="button-quiet inc-entry-correct" onClick={() => onCorrect(entry.seq)} data-testid={`correct-${entry.seq}`}>
          Correct #{entry.seq}
        </button>
      )}
    </li>
  );
}

export type LogOrder = 'newest' | 'oldest';

/**
 * The log, every entry with its seq, UK time, kind (in words and by shape), author and rationale.
 * A correction links to what it corrects, and the corrected entry says by which; nothing is struck
 * out, since the record of what was believed at the time is part of the log.
 */
export const IncidentLog = memo(function IncidentLog({ log, declaredAt, order, onCorrect }: { log: readonly LogEntry[]; declaredAt: string; order: LogOrder; onCorrect?: ((seq: number) => void) | undefined }) {
  const corrections = correctionsOf(log);
  const shown = order === 'newest' ? [...log].reverse() : log;
  return (
    <ol className="inc-log" aria-label={`Log, ${order === 'newest' ? 'newest' : 'oldest'} first`} data-testid="incident-log">
      {shown.map((entry) => (
        <EntryItem key={entry.seq} entry={entry} declaredAt={declaredAt} correctedBy={corrections.get(entry.seq)} onCorrect={onCorrect} />
      ))}
    </ol>
  );
});

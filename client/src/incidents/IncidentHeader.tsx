import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Incident } from '../../../shared/incidents/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { formatSpan, secondsSince } from '../picture/format.ts';
import { LevelBadge, StatusBadge, UkTime } from './parts.tsx';

/** How long it ran: to now while active, to the stand-down after. */
function runningFor(incident: Incident, now: Date): string {
  const end = incident.standDown ? new Date(incident.standDown.at) : now;
  return formatSpan(secondsSince(incident.declaredAt, end) ?? 0);
}

/** The incident at a glance: level and status in words, title, trust, times; `actions` beside them for its duty manager. */
export function IncidentHeader({ incident, now, actions }: { incident: Incident; now: Date; actions?: ReactNode }) {
  const trust = findTrust(incident.trust);
  return (
    <header className={`inc-head inc-head-${incident.status}`} data-testid="incident-header">
      <div className="inc-head-main">
        <LevelBadge level={incident.level} large testId="incident-level" />
        <StatusBadge status={incident.status} testId="incident-status" />
        <h1 className="inc-title" data-testid="incident-title">
          {incident.title}
        </h1>
        {actions}
      </div>
      <dl className="inc-head-facts">
        <div>
          <dt>Trust</dt>
          <dd>
            <Link to={`/trust/${incident.trust}`}>{trust?.shortName ?? incident.trust}</Link> <span className="muted">{trust?.name}</span>
          </dd>
        </div>
        <div>
          <dt>Declared</dt>
          <dd>
            <UkTime iso={incident.declaredAt} testId="incident-declared-at" /> by {incident.declaredBy.displayName}
          </dd>
        </div>
        <div>
          <dt>{incident.standDown ? 'Ran for' : 'Running for'}</dt>
          <dd className="inc-head-running" data-testid="incident-running">
            {runningFor(incident, now)}
          </dd>
        </div>
        {incident.standDown && (
          <div>
            <dt>Stood down</dt>
            <dd data-testid="incident-stood-down">
              <UkTime iso={incident.standDown.at} /> by {incident.standDown.by.displayName}: {incident.standDown.reason}
            </dd>
          </div>
        )}
        <div className="inc-head-reason">
          <dt>Reason for declaring</dt>
          <dd>{incident.reason}</dd>
        </div>
      </dl>
    </header>
  );
}

import type { Flag, Picture } from '../../../shared/picture/picture.ts';
import { formatUkClock, formatUkHourMinute } from '../time/ukTime.ts';
import { formatSpan, noDataText, secondsSince } from './format.ts';
import './banners.css';

/**
 * The feed has gone quiet: the loudest thing on the screen, because a stale trust whose figures
 * look calm is the most dangerous thing this screen could show.
 */
export function StaleBanner({ lastEventAt, now }: { lastEventAt: string | null; now: Date }) {
  return (
    <div className="pp-banner pp-banner-stale" data-testid="stale-banner" role="alert">
      <span className="pp-banner-mark" aria-hidden="true">
        ⚠
      </span>
      <span className="pp-banner-text">{noDataText(lastEventAt, now)}</span>
      <span className="pp-banner-detail">{lastEventAt ? `Dispatch feed silent since ${formatUkClock(new Date(lastEventAt))}. Figures are NOT current.` : 'No event received from the dispatch feed yet: these zeros are not real.'}</span>
    </div>
  );
}

/** This screen has lost the server: the figures stay, marked as the last ones received. */
export function ConnectionBanner({ receivedAt }: { receivedAt: Date | undefined }) {
  return (
    <div className="pp-banner pp-banner-connection" data-testid="connection-banner" role="alert">
      <span className="pp-banner-mark" aria-hidden="true">
        ⚠
      </span>
      <span className="pp-banner-text">CONNECTION LOST — retrying</span>
      <span className="pp-banner-detail">{receivedAt ? `Figures as received at ${formatUkClock(receivedAt)}. Not current.` : 'No figures received yet.'}</span>
    </div>
  );
}

const INCIDENT_WORDS: Record<NonNullable<Picture['incident']>['level'], string> = {
  business_continuity: 'BUSINESS CONTINUITY INCIDENT',
  critical: 'CRITICAL INCIDENT',
  major: 'MAJOR INCIDENT',
};

/** A declared incident: first in the strip under the banners, in words, with how long it has run. */
export function IncidentBanner({ incident, now }: { incident: NonNullable<Picture['incident']>; now: Date }) {
  const since = secondsSince(incident.declaredAt, now);
  return (
    <li className={`pp-incident pp-incident-${incident.level}`} data-testid="incident-banner">
      <span className="pp-incident-level">✚ {INCIDENT_WORDS[incident.level]}</span> · <strong className="pp-incident-title">{incident.title}</strong> ·{' '}
      <span className="pp-flag-since">
        declared {formatUkHourMinute(new Date(incident.declaredAt))}
        {since !== undefined && ` (${formatSpan(since)} ago)`}
      </span>
    </li>
  );
}

const SEVERITY_MARK: Record<Flag['severity'], string> = { advisory: '●', warning: '◆', critical: '▲' };
const SEVERITY_ORDER: Record<Flag['severity'], number> = { critical: 0, warning: 1, advisory: 2 };

function FlagItem({ flag }: { flag: Flag }) {
  return (
    <li className={`pp-flag pp-flag-${flag.severity}`} data-testid={`flag-${flag.id}`}>
      <span className="pp-flag-severity">
        {SEVERITY_MARK[flag.severity]} {flag.severity.toUpperCase()}
      </span>{' '}
      <span className="pp-flag-message">{flag.message}</span> · <span className="pp-flag-since">since {formatUkHourMinute(new Date(flag.since))}</span>
    </li>
  );
}

/**
 * The declared incident and the raised flags (the most severe first), in one strip of chips that
 * wraps: each says its severity in words and by a shape, and the strip leaves the figures room.
 */
export function StatusStrip({ incident, flags, now }: { incident: Picture['incident']; flags: readonly Flag[]; now: Date }) {
  if (!incident && flags.length === 0) return null;
  const sorted = [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since));
  return (
    <ul className="pp-strip" data-testid="flags" aria-label="Declared incident and active flags">
      {incident && <IncidentBanner incident={incident} now={now} />}
      {sorted.map((flag) => (
        <FlagItem key={flag.id} flag={flag} />
      ))}
    </ul>
  );
}

/** All the banners a picture calls for, most urgent first. */
export function PictureBanners({ picture, now, connected, receivedAt }: { picture: Picture | undefined; now: Date; connected: boolean; receivedAt: Date | undefined }) {
  return (
    <div className="pp-banners">
      {!connected && <ConnectionBanner receivedAt={receivedAt} />}
      {picture?.stale && <StaleBanner lastEventAt={picture.lastEventAt} now={now} />}
      {picture && <StatusStrip incident={picture.incident} flags={picture.flags} now={now} />}
    </div>
  );
}

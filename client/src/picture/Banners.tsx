import type { ReactNode } from 'react';
import type { Flag, Forecast, Picture } from '../../../shared/picture/picture.ts';
import { formatUkClock, formatUkHourMinute, ukZoneLabel } from '../time/ukTime.ts';
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

/**
 * A declared incident: first in the strip under the banners, in words, with how long it has run.
 * `link`: on a desk page, the way to its log for those who may read it; the wall has nobody to click.
 */
export function IncidentBanner({ incident, now, link }: { incident: NonNullable<Picture['incident']>; now: Date; link?: ReactNode }) {
  const since = secondsSince(incident.declaredAt, now);
  const declared = new Date(incident.declaredAt);
  return (
    <li className={`pp-incident pp-incident-${incident.level}`} data-testid="incident-banner" data-level={incident.level}>
      <span className="pp-incident-level">✚ {INCIDENT_WORDS[incident.level]}</span> · <strong className="pp-incident-title">{incident.title}</strong> ·{' '}
      <span className="pp-flag-since" data-testid="incident-banner-since">
        {since !== undefined && `running ${formatSpan(since)}, `}declared {formatUkHourMinute(declared)} {ukZoneLabel(declared)}
      </span>
      {link && <> · {link}</>}
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
      {flag.advice && <span className="pp-flag-advice"> → {flag.advice}</span>}
      {flag.acknowledged && (
        <span className="pp-flag-ack" data-testid={`flag-ack-${flag.id}`}>
          {' '}
          · ✓ seen by {flag.acknowledged.by} {formatUkHourMinute(new Date(flag.acknowledged.at))}
        </span>
      )}
    </li>
  );
}

/**
 * The declared incident and the raised flags (the most severe first), in one strip of chips that
 * wraps: each says its severity in words and by a shape, and the strip leaves the figures room.
 */
/** Flags shown in full; the rest are counted, so that a bad day cannot push the figures off the wall. */
const SHOWN_FLAGS = 4;

/**
 * One rule raised at several hospitals is one chip, naming the worst: "Longest handover wait at
 * 7 hospitals, worst James Cook University Hospital: 130 min, over 60 min".
 */
export function groupFlags(flags: readonly Flag[]): Flag[] {
  const groups = new Map<string, Flag[]>();
  for (const flag of flags) {
    const key = flag.id.includes('@') ? flag.rule : flag.id;
    groups.set(key, [...(groups.get(key) ?? []), flag]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    // The worst is the furthest past the line: the highest for an `above` rule, the lowest for a `below` one.
    // (A flag still raised may already be back under its line, waiting out its clear period.)
    const above = group.some((f) => f.value > f.threshold);
    const worst = group.reduce((a, b) => ((above ? b.value > a.value : b.value < a.value) ? b : a));
    const earliest = group.reduce((a, b) => (b.since < a.since ? b : a));
    const [label, rest] = splitAt(worst.message);
    return { ...worst, id: worst.rule, since: earliest.since, message: `${label} at ${group.length} hospitals, worst ${rest}` };
  });
}

/** "Longest handover wait at James Cook: 68 min, over 60 min" → ["Longest handover wait", "James Cook: 68 min, over 60 min"]. */
function splitAt(message: string): [string, string] {
  const at = message.indexOf(' at ');
  return at < 0 ? [message, ''] : [message.slice(0, at), message.slice(at + 4)];
}

/** Forecasts shown: the soonest two. A forecast is a warning of what may come, not a flag. */
const SHOWN_FORECASTS = 2;

export function StatusStrip({ incident, flags, forecasts = [], now, incidentLink }: { incident: Picture['incident']; flags: readonly Flag[]; forecasts?: readonly Forecast[]; now: Date; incidentLink?: ReactNode }) {
  // Staleness has a banner of its own above the strip.
  const shown = flags.filter((f) => f.rule !== 'stale');
  if (!incident && shown.length === 0 && forecasts.length === 0) return null;
  const sorted = groupFlags(shown).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since));
  const rest = sorted.slice(SHOWN_FLAGS);
  return (
    <ul className="pp-strip" data-testid="flags" aria-label="Declared incident and active flags">
      {incident && <IncidentBanner incident={incident} now={now} link={incidentLink} />}
      {sorted.slice(0, SHOWN_FLAGS).map((flag) => (
        <FlagItem key={flag.id} flag={flag} />
      ))}
      {rest.length > 0 && (
        <li className="pp-flag pp-flag-more" data-testid="flags-more">
          +{rest.length} more {rest.length === 1 ? 'flag' : 'flags'}: {[...new Set(rest.map((f) => f.message.split(':')[0]))].slice(0, 3).join('; ')}
        </li>
      )}
      {forecasts.slice(0, SHOWN_FORECASTS).map((forecast) => (
        <li key={forecast.rule} className="pp-forecast" data-testid={`forecast-${forecast.rule}`}>
          <span aria-hidden="true">↗ </span>
          {forecast.message}
        </li>
      ))}
    </ul>
  );
}

/** All the banners a picture calls for, most urgent first. */
export function PictureBanners({ picture, now, connected, receivedAt, incidentLink }: { picture: Picture | undefined; now: Date; connected: boolean; receivedAt: Date | undefined; incidentLink?: ReactNode }) {
  return (
    <div className="pp-banners">
      {!connected && <ConnectionBanner receivedAt={receivedAt} />}
      {picture?.stale && <StaleBanner lastEventAt={picture.lastEventAt} now={now} />}
      {picture && <StatusStrip incident={picture.incident} flags={picture.flags} {...(picture.forecasts ? { forecasts: picture.forecasts } : {})} now={now} incidentLink={incidentLink} />}
    </div>
  );
}

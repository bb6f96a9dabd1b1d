import type { ReactNode } from 'react';
import type { ResponseCategory } from '../../../shared/feed/events.ts';
import type { TrustSummaryFigures } from '../../../shared/picture/region.ts';
import { whyFirst } from '../../../shared/picture/regionOrder.ts';
import { formatHours, formatSpan, noDataText, secondsSince } from '../picture/format.ts';
import { Duration, StandingBadge } from '../picture/parts.tsx';
import { formatUkHourMinute } from '../time/ukTime.ts';
import { type Badge, crewsBadge, feedText, hospitalsBadge, INCIDENT_WORDS, REAP_WORDS, waitBadge } from './summary.ts';
import './region.css';

/** The REAP level in a frame that grows heavier with it, as on the trust wall. */
export function ReapMark({ level }: { level: number }) {
  return (
    <span className={`pp-reap pp-reap-${level} rg-reap`} data-level={level} data-testid="rg-reap">
      <span className="pp-reap-level">REAP {level}</span>
      <span className="pp-reap-words">{REAP_WORDS[level] ?? ''}</span>
    </span>
  );
}

/** The declared incident in words, with how long it has run; or, plainly, that there is none. */
export function IncidentLine({ incident, now }: { incident: TrustSummaryFigures['incident']; now: Date }) {
  if (!incident) {
    return (
      <p className="rg-incident rg-incident-none" data-testid="rg-incident">
        No incident declared
      </p>
    );
  }
  const since = secondsSince(incident.declaredAt, now);
  return (
    <p className={`rg-incident rg-incident-${incident.level}`} data-testid="rg-incident" data-level={incident.level}>
      <strong>✚ {INCIDENT_WORDS[incident.level]}</strong> · {incident.title}
      <span className="rg-incident-since">
        {' '}
        · {since !== undefined ? `${formatSpan(since)}, ` : ''}since {formatUkHourMinute(new Date(incident.declaredAt))}
      </span>
    </p>
  );
}

function Figure({ label, detail, badge, testId, children }: { label: string; detail?: string; badge?: Badge | undefined; testId: string; children: ReactNode }) {
  return (
    <div className={`rg-figure rg-figure-${badge?.standing ?? 'none'}`} data-testid={testId} data-standing={badge?.standing ?? 'none'}>
      <span className="rg-figure-label">{label}</span>
      <span className="rg-figure-value" data-testid={`${testId}-value`}>
        {children}
      </span>
      {(detail || badge) && (
        <span className="rg-figure-foot">
          {badge && <StandingBadge standing={badge.standing}>{badge.text}</StandingBadge>}
          {detail && <span className="rg-figure-detail">{detail}</span>}
        </span>
      )}
    </div>
  );
}

function WaitFigure({ category, seconds, testId }: { category: ResponseCategory; seconds: number; testId: string }) {
  const badge = waitBadge(category, seconds);
  return (
    <Figure label={`${category} longest wait`} badge={badge} testId={testId}>
      {seconds > 0 ? <Duration seconds={seconds} /> : '—'}
    </Figure>
  );
}

/**
 * One trust on the region wall: its name and REAP level, its declared incident, six figures and
 * how fresh they are. A stale trust says so across its top and greys every figure, so that it can
 * never be read as calm.
 */
export function TrustSummaryCard({ summary: t, rank, now }: { summary: TrustSummaryFigures; rank: number; now: Date }) {
  const why = whyFirst(t);
  return (
    <article className={`pp rg-card ${t.stale ? 'pp-stale rg-stale' : ''}`} data-testid="region-trust" data-trust={t.trust.code} data-rank={rank} data-stale={t.stale}>
      <header className="rg-card-head">
        <span className="rg-rank" aria-label={`Position ${rank}, worst first`}>
          {rank}
        </span>
        <h2 className="rg-name">
          <span className="rg-short">{t.trust.shortName}</span>
          <span className="rg-long">{t.trust.name}</span>
        </h2>
        <ReapMark level={t.reapLevel} />
      </header>
      {t.stale && (
        <p className="rg-stale-banner" role="alert" data-testid="rg-stale">
          <span aria-hidden="true">⚠ </span>
          {noDataText(t.lastEventAt, now)} <span className="rg-stale-detail">· {t.lastEventAt ? 'last figures received, NOT current' : 'these zeros are not real'}</span>
        </p>
      )}
      <IncidentLine incident={t.incident} now={now} />
      <div className="rg-figures">
        <Figure label="Waiting (C1–C4)" testId="rg-queue">
          {t.queueTotal}
        </Figure>
        <Figure label="Crews free" detail={`of ${t.onShift} on shift`} badge={crewsBadge(t)} testId="rg-crews">
          {t.available}
        </Figure>
        <WaitFigure category="C1" seconds={t.C1LongestWaitSeconds} testId="rg-c1" />
        <WaitFigure category="C2" seconds={t.C2LongestWaitSeconds} testId="rg-c2" />
        <Figure label="Hospitals > 60 min wait" badge={hospitalsBadge(t.hospitalsOver60)} testId="rg-hospitals">
          {t.hospitalsOver60}
        </Figure>
        <Figure label="Crew hours lost today" detail="handovers past 30 min" testId="rg-hours">
          {formatHours(t.hoursLostOver30Today)}
        </Figure>
      </div>
      <footer className="rg-card-foot">
        <span data-testid="rg-feed">{feedText(t.lastEventAt, now)}</span>
        {why && rank === 1 && <span className="rg-why">First: {why}</span>}
      </footer>
    </article>
  );
}

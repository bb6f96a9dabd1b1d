import type { TrustSummaryFigures } from '../../../shared/picture/region.ts';
import { findRegion, findTrust } from '../../../shared/reference/trusts.ts';
import { formatAgo, formatHours, noDataText, secondsSince } from '../picture/format.ts';
import { Duration, StandingBadge } from '../picture/parts.tsx';
import { crewsBadge, hospitalsBadge, waitBadge } from './summary.ts';

const INCIDENT_SHORT = { business_continuity: 'BUSINESS CONT.', critical: 'CRITICAL', major: 'MAJOR' } as const;

/** "12 s ago", or "no event yet". */
function feedAge(lastEventAt: string | null, now: Date): string {
  const seconds = secondsSince(lastEventAt, now);
  return seconds === undefined ? 'no event yet' : formatAgo(seconds);
}
import './region.css';

/** The mark of a badge alone ("▲ OVER 15 MIN" → "▲"): a row has room for the shape, the legend says the words. */
const markOf = (text: string) => text.split(' ')[0] ?? '';

function Wait({ category, seconds }: { category: 'C1' | 'C2'; seconds: number }) {
  const badge = waitBadge(category, seconds);
  return (
    <span className="rg-wait" data-standing={badge.standing}>
      <span className="rg-cell-figure">{seconds > 0 ? <Duration seconds={seconds} /> : '—'}</span>
      {seconds > 0 && (
        <StandingBadge standing={badge.standing}>
          <span aria-hidden="true">{markOf(badge.text)}</span>
          <span className="visually-hidden">{badge.text}</span>
        </StandingBadge>
      )}
    </span>
  );
}

/** What the marks of the rows mean, in words, under the table. */
export function TableLegend() {
  return (
    <p className="rg-legend">
      <StandingBadge standing="beyond">▲</StandingBadge> past the 90th-centile standard (C1 15 min, C2 40 min), no crew free, a hospital wait past 60 min · <StandingBadge standing="near">◆</StandingBadge> past the mean standard (C1 7 min, C2 18
      min) · <StandingBadge standing="within">✓</StandingBadge> within
    </p>
  );
}

/**
 * Trusts as rows, worst first: the national wall (eleven trusts) and the coordinator's page. Each
 * row carries the same figures as a region wall card, and a stale row says NO DATA in its own
 * words before any figure.
 */
export function TrustSummaryTable({ trusts, now, showRegion = false, caption }: { trusts: readonly TrustSummaryFigures[]; now: Date; showRegion?: boolean; caption?: string }) {
  return (
    <div className="rg-table-block">
      <table className="rg-table" data-testid="region-table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col" className="rg-col-rank">
              #
            </th>
            <th scope="col">Trust</th>
            <th scope="col">REAP</th>
            <th scope="col">Incident</th>
            <th scope="col" className="num">
              Waiting
            </th>
            <th scope="col">C1 longest</th>
            <th scope="col">C2 longest</th>
            <th scope="col" className="num">
              Crews free
            </th>
            <th scope="col" className="num" title="Hospitals with an ambulance waiting past 60 minutes now">
              Hosp. &gt;60
            </th>
            <th scope="col" className="num" title="Crew hours lost today to handovers past 30 minutes">
              Hrs lost
            </th>
            <th scope="col">Feed last heard</th>
          </tr>
        </thead>
        <tbody>
          {trusts.map((t, i) => {
            const crews = crewsBadge(t);
            const hospitals = hospitalsBadge(t.hospitalsOver60);
            const region = showRegion ? findRegion(findTrust(t.trust.code)?.region ?? '')?.name : undefined;
            return (
              <tr key={t.trust.code} className={`pp ${t.stale ? 'pp-stale rg-row-stale' : ''}`} data-testid="region-trust" data-trust={t.trust.code} data-rank={i + 1} data-stale={t.stale}>
                <td className="rg-col-rank">{i + 1}</td>
                <th scope="row" className="rg-row-name">
                  <span className="rg-row-short">{t.trust.shortName}</span>
                  {region && <span className="rg-row-region">{region}</span>}
                </th>
                <td>
                  <span className={`rg-reap-chip rg-reap-chip-${t.reapLevel}`} data-testid="rg-reap">
                    REAP {t.reapLevel}
                  </span>
                </td>
                <td className="rg-row-incident" data-testid="rg-incident">
                  {t.incident ? (
                    <>
                      <strong className={`rg-incident-chip rg-incident-${t.incident.level}`}>✚ {INCIDENT_SHORT[t.incident.level]}</strong> <span className="rg-row-incident-title">{t.incident.title}</span>
                    </>
                  ) : (
                    <span className="rg-muted">None</span>
                  )}
                </td>
                <td className="num rg-cell-figure" data-testid="rg-queue-value">
                  {t.queueTotal}
                </td>
                <td>
                  <Wait category="C1" seconds={t.C1LongestWaitSeconds} />
                </td>
                <td>
                  <Wait category="C2" seconds={t.C2LongestWaitSeconds} />
                </td>
                <td className="num">
                  <span className="rg-cell-figure" data-testid="rg-crews-value">
                    {t.available}
                  </span>
                  <span className="rg-muted"> / {t.onShift}</span>
                  {crews && (
                    <>
                      {' '}
                      <StandingBadge standing={crews.standing}>
                        <span aria-hidden="true">▲</span>
                        <span className="visually-hidden">{crews.text}</span>
                      </StandingBadge>
                    </>
                  )}
                </td>
                <td className="num">
                  <span className="rg-cell-figure">{t.hospitalsOver60}</span>{' '}
                  {t.hospitalsOver60 > 0 && (
                    <StandingBadge standing={hospitals.standing}>
                      <span aria-hidden="true">▲</span>
                      <span className="visually-hidden">{hospitals.text}</span>
                    </StandingBadge>
                  )}
                </td>
                <td className="num rg-cell-figure">{formatHours(t.hoursLostOver30Today)}</td>
                <td className="rg-row-feed" data-testid="rg-feed">
                  {t.stale ? (
                    <strong className="rg-nodata">
                      <span aria-hidden="true">⚠ </span>
                      {noDataText(t.lastEventAt, now)}
                    </strong>
                  ) : (
                    feedAge(t.lastEventAt, now)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TableLegend />
    </div>
  );
}

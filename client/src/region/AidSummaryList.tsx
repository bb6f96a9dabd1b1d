import { type AidRequest, describeLines } from '../../../shared/mutualAid/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { pendingOffers, unfilledText } from '../mutualAid/liveAid.ts';
import { formatSpan, secondsSince } from '../picture/format.ts';
import { formatUkHourMinute } from '../time/ukTime.ts';
import './region.css';

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

/** How many requests a wall lists in full; the rest are counted, so the trusts keep their room. */
const SHOWN = 4;

/**
 * The open mutual-aid requests along the bottom of a region wall, oldest first (the longest
 * waiting for help): who asks, for what, what is still unfilled, whom, and for how long.
 */
export function AidSummaryList({ requests, now }: { requests: readonly AidRequest[]; now: Date }) {
  const open = requests.filter((r) => r.status === 'open').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const rest = open.length - SHOWN;
  return (
    <section className="rg-aid" data-testid="wall-aid" aria-label="Open mutual-aid requests">
      <h2 className="rg-aid-title">
        Mutual aid <span className="rg-aid-count">· {open.length === 0 ? 'no request open' : `${open.length} open`}</span>
      </h2>
      {open.length > 0 && (
        <ul className="rg-aid-list">
          {open.slice(0, SHOWN).map((r) => {
            const unfilled = unfilledText(r);
            const age = secondsSince(r.requestedAt, now);
            const pending = pendingOffers(r).length;
            const accepted = r.offers.filter((o) => o.status === 'accepted').length;
            return (
              <li key={r.id} className="rg-aid-item" data-testid="wall-aid-request" data-trust={r.trust}>
                <strong className="rg-aid-trust">{shortName(r.trust)}</strong>
                <span className="rg-aid-asks">asks {describeLines(r.resources)}</span>
                <span className={unfilled ? 'rg-aid-unfilled' : 'rg-aid-covered'}>{unfilled ? `▲ STILL NEEDED: ${unfilled}` : '✓ ALL COVERED'}</span>
                <span className="rg-aid-age">
                  open {age !== undefined ? formatSpan(age) : ''} <span className="rg-aid-since">(since {formatUkHourMinute(new Date(r.requestedAt))})</span>
                </span>
                <span className="rg-aid-detail">
                  {pending} {pending === 1 ? 'offer' : 'offers'} waiting · {accepted} accepted · asked {r.askedTrusts.map(shortName).join(', ')}
                </span>
              </li>
            );
          })}
          {rest > 0 && <li className="rg-aid-more">+{rest} more open</li>}
        </ul>
      )}
    </section>
  );
}

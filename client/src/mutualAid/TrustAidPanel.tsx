import { useState } from 'react';
import { type AidRequest, describeLines } from '../../../shared/mutualAid/schemas.ts';
import { findTrust, type Trust } from '../../../shared/reference/trusts.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { formatUkHourMinute } from '../time/ukTime.ts';
import { useNow } from '../time/useNow.ts';
import { mayActOnAid } from './access.ts';
import { AidAskedNote, AidBoard, AidListError } from './AidBoard.tsx';
import { AidRequestForm } from './AidRequestForm.tsx';
import { AID_PANEL_ID } from './aidNotice.ts';
import { offersOf, openRequests, recentlyClosed } from './liveAid.ts';
import type { TrustAid } from './useTrustAid.ts';
import './aid.css';

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

const OFFER_WORDS = { pending: '◆ waiting for a decision', accepted: '✓ accepted', declined: '✖ declined', lapsed: '– lapsed' } as const;

/** What the trust has offered others (on open requests, and those closed in the last day), and what became of each offer. */
function Committed({ trust, requests, now }: { trust: Trust; requests: readonly AidRequest[]; now: Date }) {
  const offers = offersOf(trust.code, [...openRequests(requests), ...recentlyClosed(requests, now)]);
  if (offers.length === 0) return <p className="aid-empty">{trust.shortName} has offered nothing on open requests, nor on any closed in the last 24 hours.</p>;
  return (
    <ul className="aid-committed" data-testid="aid-committed">
      {offers.map(({ request, offer }) => (
        <li key={offer.id} data-testid="aid-committed-offer" data-status={offer.status}>
          <strong>{describeLines(offer.resources)}</strong> to {shortName(request.trust)}, there by {formatUkHourMinute(new Date(offer.eta))} · <span className={`aid-committed-${offer.status}`}>{OFFER_WORDS[offer.status]}</span>
          {request.status !== 'open' && <span className="muted"> · request {request.status}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Mutual aid on the trust page. For the trust's duty manager: asking for aid (the server links the
 * trust's active incident), the trust's own requests with offers arriving live, what other trusts
 * ask of it (to offer against) and what it has committed. Others who read the trust see the same,
 * without the means to act. `aid` is the page's (useTrustAid), which the notice at its top reads too.
 */
export function TrustAidPanel({ trust, aid }: { trust: Trust; aid: TrustAid }) {
  const user = useCurrentUser();
  const now = useNow();
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState<AidRequest>();
  const { live, list, requests: all } = aid;
  const summaries = live.regions[trust.region]?.picture;
  const ours = all.filter((r) => r.trust === trust.code);
  const ofUs = all.filter((r) => r.askedTrusts.includes(trust.code));
  const mayAsk = mayActOnAid(user, trust.code);
  return (
    <section id={AID_PANEL_ID} tabIndex={-1} className="pp-panel aid-panel" aria-labelledby="aid-heading" data-testid="aid-panel">
      <div className="aid-panel-head">
        <h2 id="aid-heading">Mutual aid</h2>
        <span className="muted" data-testid="aid-live" data-state={live.state}>
          {live.state === 'live' ? '● live' : live.state === 'lost' ? '▲ not live: reconnecting' : 'connecting…'}
        </span>
        {mayAsk && !asking && (
          <button type="button" className="button-primary" onClick={() => setAsking(true)} data-testid="aid-request-open">
            Request mutual aid…
          </button>
        )}
      </div>
      <AidListError list={list} />
      {asked && !asking && <AidAskedNote request={asked} next="Offers appear below as they come." />}
      {asking && (
        <AidRequestForm
          trusts={[trust.code]}
          summaries={summaries?.trusts ?? []}
          onAsked={(request) => {
            setAsked(request);
            setAsking(false);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
      <h3>{trust.shortName}’s requests</h3>
      <AidBoard requests={ours} user={user} now={now} emptyText={`${trust.shortName} has no open request.`} testId="aid-ours" />
      <h3>Asked of {trust.shortName}</h3>
      <AidBoard requests={ofUs} user={user} now={now} emptyText={`No trust is asking ${trust.shortName} for help now.`} testId="aid-asked" />
      <h3>What {trust.shortName} has committed</h3>
      <Committed trust={trust} requests={all} now={now} />
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../../../shared/auth/schemas.ts';
import { AID_KIND_NAMES, type AidRequest, describeLines, type Offer, type OfferStatus, type RequestStatus } from '../../../shared/mutualAid/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { formatSpan, secondsSince } from '../picture/format.ts';
import { formatUkDateTime, formatUkHourMinute } from '../time/ukTime.ts';
import { mayDecide, mayReadIncidentsOf, trustsUserMayOfferFor } from './access.ts';
import { CloseForm, OfferDecision, OfferForm } from './AidActions.tsx';
import { unfilledText } from './liveAid.ts';

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

const STATUS_WORDS: Record<RequestStatus, string> = { open: '● OPEN', fulfilled: '✓ FULFILLED', withdrawn: '✖ WITHDRAWN' };
const OFFER_WORDS: Record<OfferStatus, string> = { pending: '◆ WAITING FOR A DECISION', accepted: '✓ ACCEPTED', declined: '✖ DECLINED', lapsed: '– LAPSED (request closed)' };

/** "12 min ago", or "in 40 min" for a time still to come. */
function relative(iso: string, now: Date): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = (now.getTime() - at) / 1000;
  return seconds >= 0 ? `${formatSpan(seconds)} ago` : `in ${formatSpan(-seconds)}`;
}

function when(iso: string): string {
  return formatUkDateTime(iso);
}

/** What accepted offers cover of each kind asked, and what is still unfilled. */
function FilledTable({ request }: { request: AidRequest }) {
  return (
    <table className="aid-filled" data-testid="aid-filled">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Asked
          </th>
          <th scope="col" className="num">
            Offered
          </th>
          <th scope="col" className="num">
            Accepted
          </th>
          <th scope="col" className="num">
            Still unfilled
          </th>
        </tr>
      </thead>
      <tbody>
        {request.filled.map((f) => (
          <tr key={f.kind} data-testid={`aid-filled-${f.kind}`}>
            <th scope="row">{AID_KIND_NAMES[f.kind]}</th>
            <td className="num">{f.asked}</td>
            <td className="num">{f.offered}</td>
            <td className="num">{f.accepted}</td>
            <td className="num" data-testid={`aid-unfilled-${f.kind}`}>
              {f.unfilled > 0 ? <strong className="aid-short">▲ {f.unfilled}</strong> : <span className="aid-covered">✓ 0</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OfferItem({ request, offer, user, now }: { request: AidRequest; offer: Offer; user: User; now: Date }) {
  const canDecide = request.status === 'open' && offer.status === 'pending' && mayDecide(user, request);
  return (
    <li className={`aid-offer aid-offer-${offer.status}`} data-testid="aid-offer" data-trust={offer.trust} data-status={offer.status}>
      <p className="aid-offer-head">
        <strong>{shortName(offer.trust)}</strong> offers <strong>{describeLines(offer.resources)}</strong>, there by {formatUkHourMinute(new Date(offer.eta))} ({relative(offer.eta, now)})
        <span className="aid-offer-status" data-testid="aid-offer-status">
          {' '}
          {OFFER_WORDS[offer.status]}
        </span>
      </p>
      <p className="aid-meta">
        Offered {when(offer.offeredAt)} by {offer.offeredBy.displayName} ({relative(offer.offeredAt, now)})
        {offer.decidedAt && offer.decidedBy && ` · ${offer.status} ${formatUkHourMinute(new Date(offer.decidedAt))} by ${offer.decidedBy.displayName}`}
        {offer.decisionReason && `: ${offer.decisionReason}`}
      </p>
      {offer.note && <p className="aid-note">“{offer.note}”</p>}
      {canDecide && <OfferDecision request={request} offer={offer} />}
    </li>
  );
}

/**
 * One mutual-aid request as the people concerned work on it: who asks for what, for when and why;
 * what is still unfilled against what was asked; each offer with its age and its fate; and, for
 * those who may, the means to offer, accept or decline, and close. Ages count from the request
 * and from each offer, and tick with `now`.
 */
export function AidRequestCard({ request, user, now, compact = false }: { request: AidRequest; user: User; now: Date; compact?: boolean }) {
  const [acting, setActing] = useState<'offer' | 'close' | undefined>();
  const open = request.status === 'open';
  // A form already open stays open when the request moves on under it, so that nothing typed is
  // lost and the server's answer (409 request_closed) is said beside it.
  const offerFor = trustsUserMayOfferFor(user, request);
  const decides = mayDecide(user, request);
  const unfilled = unfilledText(request);
  const age = secondsSince(request.requestedAt, now);
  return (
    <article className={`aid-card aid-card-${request.status}`} data-testid="aid-request" data-id={request.id} data-trust={request.trust} data-status={request.status} aria-label={`Mutual aid for ${shortName(request.trust)}`}>
      <header className="aid-card-head">
        <span className={`aid-status aid-status-${request.status}`} data-testid="aid-request-status">
          {STATUS_WORDS[request.status]}
        </span>
        <h3 className="aid-card-title">
          {shortName(request.trust)} asks for {describeLines(request.resources)}
        </h3>
        <span className="aid-age" title={`Requested ${when(request.requestedAt)}`}>
          {age !== undefined && (open ? `open ${formatSpan(age)}` : `asked ${formatSpan(age)} ago`)}
        </span>
      </header>
      {open && (
        <p className={unfilled ? 'aid-unfilled-line' : 'aid-covered-line'} data-testid="aid-unfilled">
          {unfilled ? `▲ Still needed: ${unfilled}` : '✓ Everything asked is covered by accepted offers'}
        </p>
      )}
      <p className="aid-meta">
        Requested {when(request.requestedAt)} by {request.requestedBy.displayName} · needed from {when(request.neededFrom)}
        {request.neededUntil ? ` until ${when(request.neededUntil)}` : ', no end given'} · asked {request.askedTrusts.map(shortName).join(', ')}
        {request.incidentId && mayReadIncidentsOf(user, request.trust) && (
          <>
            {' · '}
            <Link to={`/incidents/${request.incidentId}`}>incident log</Link>
          </>
        )}
      </p>
      {!compact && <p className="aid-reason">{request.reason}</p>}
      {!open && request.closedAt && (
        <p className="aid-meta" data-testid="aid-closed">
          Closed {request.status} {when(request.closedAt)}
          {request.closedBy ? ` by ${request.closedBy.displayName}` : ''}
          {request.closeNote ? `: ${request.closeNote}` : ''}
        </p>
      )}
      {!compact && <FilledTable request={request} />}
      {request.offers.length > 0 ? (
        <ul className="aid-offers" aria-label="Offers">
          {request.offers.map((offer) => (
            <OfferItem key={offer.id} request={request} offer={offer} user={user} now={now} />
          ))}
        </ul>
      ) : (
        open && <p className="aid-meta">No offer yet.</p>
      )}
      {open && (offerFor.length > 0 || decides) && (
        <div className="button-row aid-card-actions">
          {offerFor.length > 0 && acting !== 'offer' && (
            <button type="button" onClick={() => setActing('offer')} data-testid="aid-offer-open">
              Offer help{offerFor.length === 1 ? ` from ${shortName(offerFor[0]!)}` : ''}…
            </button>
          )}
          {decides && acting !== 'close' && (
            <button type="button" onClick={() => setActing('close')} data-testid="aid-close-open">
              Close the request…
            </button>
          )}
        </div>
      )}
      {acting === 'offer' && offerFor.length > 0 && <OfferForm request={request} trusts={offerFor} onDone={() => setActing(undefined)} />}
      {acting === 'close' && decides && <CloseForm request={request} onDone={() => setActing(undefined)} />}
    </article>
  );
}

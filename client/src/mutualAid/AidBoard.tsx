import type { User } from '../../../shared/auth/schemas.ts';
import { type AidRequest, describeLines } from '../../../shared/mutualAid/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { errorMessage } from '../api/http.ts';
import { AidRequestCard } from './AidRequestCard.tsx';
import { openRequests, recentlyClosed } from './liveAid.ts';
import './aid.css';

/**
 * Mutual-aid requests as a board: the open ones first, oldest first (the longest waiting for
 * help on top), then those closed in the last 24 hours, the last closed first.
 *
 * Both sit in one keyed list, so that a request closing while someone has a form open on it
 * keeps its card (and what was typed) as it moves down, and the server's 409 is said there.
 */
export function AidBoard({ requests, user, now, emptyText, testId }: { requests: readonly AidRequest[]; user: User; now: Date; emptyText: string; testId: string }) {
  const open = openRequests(requests).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const closed = recentlyClosed(requests, now);
  // One array of keyed children: React keeps a card mounted as it moves only within one array.
  const children = [
    ...(open.length === 0
      ? [
          <p key="empty" className="aid-empty" data-testid={`${testId}-empty`}>
            {emptyText}
          </p>,
        ]
      : []),
    ...open.map((request) => <AidRequestCard key={request.id} request={request} user={user} now={now} />),
    ...(closed.length > 0
      ? [
          <h4 key="closed" className="aid-closed-heading" data-testid={`${testId}-closed`}>
            Closed in the last 24 hours ({closed.length})
          </h4>,
        ]
      : []),
    ...closed.map((request) => <AidRequestCard key={request.id} request={request} user={user} now={now} compact />),
  ];
  return (
    <div className="aid-board" data-testid={testId}>
      <div className="aid-cards">{children}</div>
    </div>
  );
}

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

/** The requests could not be read: said, so that an empty board is not taken for "nobody asks". */
export function AidListError({ list }: { list: { isError: boolean; error: unknown } }) {
  if (!list.isError) return null;
  return (
    <p className="notice notice-error" role="alert">
      The mutual-aid requests could not be loaded: {errorMessage(list.error)}
    </p>
  );
}

/**
 * What was just asked, and of whom: "✓ Asked YAS for 6 DSA." `forTrust` names the trust asked
 * for, where the page is not its own; `next` says what happens now.
 */
export function AidAskedNote({ request, forTrust = false, next }: { request: AidRequest; forTrust?: boolean; next?: string }) {
  return (
    <p className="outcome outcome-ok" role="status" data-testid="aid-request-done">
      ✓ Asked {request.askedTrusts.map(shortName).join(', ')} for {describeLines(request.resources)}
      {forTrust && ` for ${shortName(request.trust)}`}.{next && ` ${next}`}
    </p>
  );
}

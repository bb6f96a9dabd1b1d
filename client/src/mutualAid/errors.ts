import { ApiError, errorMessage, isApiError } from '../api/http.ts';

/**
 * A refused mutual-aid step in words for the person at the form, by the error's id (never its
 * message). The state moved on under them: someone else decided or closed first, and the board
 * already shows what happened.
 */
const CONFLICTS: Record<string, string> = {
  request_closed: 'This request is already closed, so nothing more can be offered, accepted, declined or closed on it. The board shows it as it is now.',
  offer_decided: 'Someone has already accepted or declined this offer. The board shows their decision.',
  nothing_accepted: 'A request is closed as fulfilled once an offer has been accepted. Accept an offer first, or close the request as withdrawn.',
  no_such_offer: 'That offer is no longer on this request. Reload the page to see the offers as they are.',
  incident_stood_down: 'The linked incident has been stood down. Ask again: the request will link the trust’s active incident, if any.',
};

export function aidErrorText(error: unknown, what: string): string {
  if (error instanceof ApiError && error.id in CONFLICTS) return CONFLICTS[error.id]!;
  if (isApiError(error, 'forbidden')) return `${what} was refused: ${errorMessage(error)}`;
  if (isApiError(error, 'not_signed_in')) return 'Your session has ended. Sign in again; what you typed is kept here until you leave the page.';
  return `${what} failed: ${errorMessage(error)}`;
}

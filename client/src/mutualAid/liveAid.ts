import type { AidQuery, AidRequest, Offer } from '../../../shared/mutualAid/schemas.ts';

/**
 * Pure bookkeeping for the mutual-aid screens. A request reaches a screen three ways: the REST
 * list when the page opens, the region summary's `mutualAid` (open requests), and
 * `mutualAid.updated` pushed on every step. They can arrive in any order, so the copy kept of
 * each request is the one changed last (`updatedAt`), whichever way it came.
 */

const time = (iso: string) => Date.parse(iso) || 0;

/** The later of two copies of one request; the first when they are equally recent. */
export function later(a: AidRequest, b: AidRequest): AidRequest {
  return time(b.updatedAt) > time(a.updatedAt) ? b : a;
}

/**
 * Every request of the lists once, in its latest copy, newest request first.
 * Example: [A@10:00], [A@10:05, B] → [B, A@10:05] when B was requested after A.
 */
export function mergeRequests(...lists: readonly (readonly AidRequest[])[]): AidRequest[] {
  const byId = new Map<string, AidRequest>();
  for (const list of lists) for (const request of list) byId.set(request.id, byId.has(request.id) ? later(byId.get(request.id)!, request) : request);
  return [...byId.values()].sort((a, b) => time(b.requestedAt) - time(a.requestedAt) || a.id.localeCompare(b.id));
}

/** Whether a request belongs in a list asked for with `query`, as the server's filter has it. */
export function matchesQuery(request: AidRequest, query: AidQuery): boolean {
  if (query.status && request.status !== query.status) return false;
  if (query.trust && request.trust !== query.trust && !request.askedTrusts.includes(query.trust)) return false;
  if (query.region && !request.regions.includes(query.region)) return false;
  return true;
}

/** A list with one request put in (or updated, if this copy is later), kept newest first. */
export function upsertRequest(list: readonly AidRequest[], request: AidRequest): AidRequest[] {
  return mergeRequests(list, [request]);
}

export function openRequests(list: readonly AidRequest[]): AidRequest[] {
  return list.filter((r) => r.status === 'open');
}

/** Requests closed within `hours` before `now`, the last closed first. */
export function recentlyClosed(list: readonly AidRequest[], now: Date, hours = 24): AidRequest[] {
  const since = now.getTime() - hours * 3600_000;
  return list.filter((r) => r.status !== 'open' && r.closedAt !== null && time(r.closedAt) >= since).sort((a, b) => time(b.closedAt!) - time(a.closedAt!));
}

/** What is still unfilled, in words: "2 DSA, 2 call handlers", or undefined when all is covered. */
export function unfilledText(request: Pick<AidRequest, 'filled'>): string | undefined {
  const short = request.filled.filter((f) => f.unfilled > 0);
  if (short.length === 0) return undefined;
  return short.map((f) => `${f.unfilled} ${f.kind === 'call_handlers' ? 'call handlers' : f.kind}`).join(', ');
}

/** Offers the requester has yet to decide on. */
export function pendingOffers(request: Pick<AidRequest, 'offers'>): Offer[] {
  return request.offers.filter((o) => o.status === 'pending');
}

/** One trust's offers across requests, with the request each answers: what the trust has committed. */
export function offersOf(trust: string, requests: readonly AidRequest[]): { request: AidRequest; offer: Offer }[] {
  return requests.flatMap((request) => request.offers.filter((o) => o.trust === trust).map((offer) => ({ request, offer }))).sort((a, b) => time(b.offer.offeredAt) - time(a.offer.offeredAt));
}

import { type QueryClient, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type AidQuery, AidRequest, type CloseRequest, type NewOffer, type NewRequest, Offer, type OfferDecision } from '../../../shared/mutualAid/schemas.ts';
import { request } from '../api/http.ts';
import { matchesQuery, upsertRequest } from './liveAid.ts';

/** The mutual-aid API (CONTRACT.md "Mutual aid"), typed by the shared schemas. */

const RequestList = z.array(AidRequest);
const path = (id: string, rest = '') => `/mutual-aid/${encodeURIComponent(id)}${rest}`;

/** Lists are cached under ['mutualAid', 'list', query], so that a pushed change finds each one. */
export const aidListKey = (query: AidQuery) => ['mutualAid', 'list', query] as const;

export function useAidList(query: AidQuery, enabled = true) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') search.set(name, value);
  return useQuery({
    queryKey: aidListKey(query),
    queryFn: ({ signal }) => request(`/mutual-aid${search.size ? `?${search.toString()}` : ''}`, RequestList, { signal }),
    enabled,
    // Every change is pushed; a refetch now and then catches anything a dropped connection missed.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export const askForAid = (body: NewRequest) => request('/mutual-aid', AidRequest, { method: 'POST', body });
export const offerAid = (id: string, body: NewOffer) => request(path(id, '/offers'), Offer, { method: 'POST', body });
export const fetchRequest = (id: string) => request(path(id), AidRequest);
export const decideOffer = (id: string, offerId: string, verb: 'accept' | 'decline', body: OfferDecision) => request(path(id, `/offers/${encodeURIComponent(offerId)}/${verb}`), AidRequest, { method: 'POST', body });
export const closeRequest = (id: string, body: CloseRequest) => request(path(id, '/close'), AidRequest, { method: 'POST', body });

/** Puts a request (just answered, or pushed) into every cached list it belongs in. */
export function rememberRequest(queryClient: QueryClient, changed: AidRequest): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['mutualAid', 'list'] })) {
    const filter = query.queryKey[2] as AidQuery | undefined;
    if (filter && !matchesQuery(changed, filter)) continue;
    queryClient.setQueryData<AidRequest[]>(query.queryKey, (list) => (list ? upsertRequest(list, changed) : list));
  }
}

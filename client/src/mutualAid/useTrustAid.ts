import type { UseQueryResult } from '@tanstack/react-query';
import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import type { Trust } from '../../../shared/reference/trusts.ts';
import { type LiveRegions, useLiveRegions } from '../region/useLiveRegions.ts';
import { useAidList } from './api.ts';
import { mergeRequests } from './liveAid.ts';
import { useAidUpdates } from './useAidUpdates.ts';

export interface TrustAid {
  /** The region summary's connection: its state, and the neighbours' figures the request form shows. */
  live: LiveRegions;
  list: UseQueryResult<AidRequest[]>;
  /** Every request the trust is part of (asking or asked), each in its latest copy, newest first. */
  requests: AidRequest[];
}

/**
 * The mutual aid of one trust, live, for its page: the REST list, the region summary's open
 * requests and `mutualAid.updated`, all over the region summary's subscription (which every
 * trust role may hold and which carries the changes of every request the trust is part of).
 * Called once per page, and handed to everything on it that shows mutual aid, so that the
 * page holds one connection for it however many places show it.
 */
export function useTrustAid(trust: Trust): TrustAid {
  const live = useLiveRegions([trust.region]);
  useAidUpdates(live.socket);
  const list = useAidList({ trust: trust.code });
  const summarised = (live.regions[trust.region]?.picture.mutualAid ?? []).filter((r) => r.trust === trust.code || r.askedTrusts.includes(trust.code));
  return { live, list, requests: mergeRequests(list.data ?? [], summarised) };
}

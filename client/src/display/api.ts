import { useQuery } from '@tanstack/react-query';
import { DisplayScope } from '../../../shared/auth/schemas.ts';
import { request } from '../api/http.ts';
import { backoff, isTransient } from '../api/queryClient.ts';

export type DisplayGrant = DisplayScope['display'];

/**
 * What a display token may show. A screen keeps asking while the server cannot be reached
 * (nobody is there to press Reload); a refusal is final.
 */
export function useDisplayScope(token: string | undefined) {
  return useQuery({
    queryKey: ['display', 'me', token],
    queryFn: async ({ signal }) => (await request('/display/me', DisplayScope, { token, signal })).display,
    enabled: Boolean(token),
    retry: (_failures, error) => isTransient(error),
    retryDelay: backoff,
    staleTime: Infinity,
  });
}

/** The wall a display link opens. */
export function wallPathOf(grant: { trust?: string | undefined; region?: string | undefined }): string | undefined {
  if (grant.trust) return `/wall/${grant.trust}`;
  if (grant.region) return `/wall/region/${grant.region}`;
  return undefined;
}

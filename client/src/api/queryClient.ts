import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ME_KEY } from '../auth/keys.ts';
import { ApiError, isApiError } from './http.ts';

/** Network failures and server errors may pass; an answer like 401 or 403 will not change by asking again. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** 1 s, 2 s, 4 s … up to 10 s: the same ceiling as the live connection's reconnection. */
export function backoff(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 10_000);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A session can end while a page is open (expiry, sign-out elsewhere, an admin disabling
        // the account). Forgetting the user sends the page to sign in, with the way back in `next`.
        // Display-token queries are the wall's own business.
        if (isApiError(error, 'not_signed_in') && query.queryKey[0] !== 'display') client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 3 && isTransient(error),
        retryDelay: backoff,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { HistoryPoint } from '../../../shared/picture/history.ts';
import type { TrustCode } from '../../../shared/reference/trusts.ts';
import { request } from '../api/http.ts';
import { backoff, isTransient } from '../api/queryClient.ts';

const HistoryList = z.array(HistoryPoint);

/** The history is recorded once a minute: asking more often would show nothing new. */
export const HISTORY_REFRESH_MS = 60_000;
export const HISTORY_SPAN_MS = 6 * 3600_000;

/**
 * The trust's figures a minute apart over the last 6 hours (the server's default span), asked
 * again every minute. With a display token the query is keyed under 'display', so that a refusal
 * is the wall's own business and does not sign anybody out. A screen nobody attends keeps asking
 * while the server cannot be reached.
 */
export function useHistory(trust: TrustCode, token?: string) {
  return useQuery({
    queryKey: token ? ['display', 'history', trust, token] : ['history', trust],
    queryFn: ({ signal }) => request(`/trusts/${trust}/history`, HistoryList, { token, signal }),
    refetchInterval: HISTORY_REFRESH_MS,
    refetchIntervalInBackground: true,
    staleTime: HISTORY_REFRESH_MS / 2,
    retry: (failures, error) => isTransient(error) && (Boolean(token) || failures < 3),
    retryDelay: backoff,
  });
}

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import type { OpsSocket } from '../wall/useLiveConnection.ts';
import { rememberRequest } from './api.ts';
import { mergeRequests } from './liveAid.ts';

const KEEP_CLOSED_MS = 24 * 3600_000;

/**
 * Follows `mutualAid.updated` on a socket subscribed to the pictures concerned: each request that
 * changes is put into the cached lists (for signed-in pages) and kept here (for walls, whose
 * display links cannot call the mutual-aid API). Each connect refetches the lists, since changes
 * made while the connection was down (or before it first came up) were never pushed here.
 */
export function useAidUpdates(socket: OpsSocket | undefined, options: { refetchLists?: boolean } = {}): AidRequest[] {
  const queryClient = useQueryClient();
  const [seen, setSeen] = useState<AidRequest[]>([]);
  const refetchLists = options.refetchLists ?? true;
  useEffect(() => {
    if (!socket) return;
    const onUpdated = ({ request }: { request: AidRequest }) => {
      rememberRequest(queryClient, request);
      // A wall runs for weeks: what closed more than a day ago is dropped, as the boards drop it.
      const since = Date.now() - KEEP_CLOSED_MS;
      setSeen((before) => mergeRequests(before, [request]).filter((r) => r.status === 'open' || !r.closedAt || Date.parse(r.closedAt) >= since));
    };
    const onConnect = () => {
      if (refetchLists) void queryClient.invalidateQueries({ queryKey: ['mutualAid', 'list'] });
    };
    socket.on('mutualAid.updated', onUpdated);
    socket.on('connect', onConnect);
    return () => {
      socket.off('mutualAid.updated', onUpdated);
      socket.off('connect', onConnect);
    };
  }, [socket, queryClient, refetchLists]);
  return seen;
}

import { useCallback, useEffect, useReducer, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Incident, IncidentListItem, LogEntry } from '../../../shared/incidents/schemas.ts';
import { backoff } from '../api/queryClient.ts';
import { ME_KEY } from '../auth/keys.ts';
import { type ConnectionState, useLiveConnection } from '../wall/useLiveConnection.ts';
import { useIncident } from './api.ts';
import { EMPTY_LIVE_INCIDENT, liveIncidentReducer } from './liveIncident.ts';

/** An answer to `incident.subscribe` that never comes (a half-open connection) is asked again. */
const SUBSCRIBE_TIMEOUT_MS = 15_000;
/** Refusals that asking again will not change. */
const FINAL_ERRORS = new Set(['forbidden', 'not_found', 'invalid_input']);

export interface LiveIncident {
  incident: Incident | undefined;
  /** The first read failed (the error of `GET /incidents/:id`), when nothing is shown yet. */
  loadError: unknown;
  connection: ConnectionState;
  /** When the log was last known complete: the answer to the latest (re)subscription, or a live entry since. */
  syncedAt: Date | undefined;
  /** Whole incidents and entries the page got itself (the answers to its own posts). */
  take: (incoming: { incident: Incident } | { entry: LogEntry }) => void;
}

/**
 * One incident and its log as they grow. The page reads it once over HTTP, then subscribes over
 * Socket.IO on every (re)connect: a new connection starts with no subscriptions, and the answer to
 * each subscription brings the whole log, so entries written while the connection was down are not
 * missed. `incident.logged` appends entries and `incident.updated` the level and the stand-down,
 * merged by seq whatever order they come in (liveIncident.ts).
 */
export function useLiveIncident(id: string): LiveIncident {
  const read = useIncident(id);
  const { socket, state, rejected } = useLiveConnection(undefined);
  const [live, dispatch] = useReducer(liveIncidentReducer, EMPTY_LIVE_INCIDENT);
  const [syncedAt, setSyncedAt] = useState<Date>();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (read.data) dispatch({ type: 'incident', incident: read.data });
  }, [read.data]);

  useEffect(() => {
    // The session ended while the page was open: forgetting it sends the person to sign in.
    if (rejected) queryClient.setQueryData(ME_KEY, null);
  }, [rejected, queryClient]);

  useEffect(() => {
    if (!socket) return;
    let attempt = 0;
    let failures = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const subscribe = () => {
      clearTimeout(retryTimer);
      const mine = ++attempt;
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('incident.subscribe', { id }, (timedOut, answer) => {
        if (mine !== attempt) return;
        if (timedOut || !answer.ok) {
          const refusal = !timedOut && !answer.ok ? answer.error : undefined;
          if (refusal && FINAL_ERRORS.has(refusal)) return;
          if (socket.connected) retryTimer = setTimeout(subscribe, backoff(failures++));
          return;
        }
        failures = 0;
        dispatch({ type: 'incident', incident: answer.data });
        setSyncedAt(new Date());
      });
    };
    const onLogged = (payload: { incident: string; entry: LogEntry }) => {
      if (payload.incident !== id) return;
      dispatch({ type: 'entry', entry: payload.entry });
      setSyncedAt(new Date());
    };
    const onUpdated = (payload: { incident: IncidentListItem }) => {
      if (payload.incident.id === id) dispatch({ type: 'summary', summary: payload.incident });
    };

    socket.on('connect', subscribe);
    socket.on('incident.logged', onLogged);
    socket.on('incident.updated', onUpdated);
    if (socket.connected) subscribe();
    return () => {
      attempt++;
      clearTimeout(retryTimer);
      socket.off('connect', subscribe);
      socket.off('incident.logged', onLogged);
      socket.off('incident.updated', onUpdated);
      if (socket.connected) socket.emit('incident.unsubscribe', { id });
    };
  }, [socket, id]);

  const take = useCallback((incoming: { incident: Incident } | { entry: LogEntry }) => {
    if ('incident' in incoming) dispatch({ type: 'incident', incident: incoming.incident });
    else dispatch({ type: 'entry', entry: incoming.entry });
  }, []);

  return { incident: live.incident, loadError: live.incident ? undefined : read.error, connection: state, syncedAt, take };
}

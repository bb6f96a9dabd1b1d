import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { type ChangeLevel, type DeclareIncident, Incident, IncidentPage, LogEntry, type NewEntry, type StandDown, Verification } from '../../../shared/incidents/schemas.ts';
import { HistoryPoint } from '../../../shared/picture/history.ts';
import { API_BASE, request } from '../api/http.ts';
import { apiSearch, type ReviewFilters } from './reviewQuery.ts';

/** The incidents API (CONTRACT.md "Incidents"), typed by the shared schemas. */

const path = (id: string, rest = '') => `/incidents/${encodeURIComponent(id)}${rest}`;

export const incidentKey = (id: string) => ['incident', id] as const;

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKey(id), queryFn: ({ signal }) => request(path(id), Incident, { signal }) });
}

export const declareIncident = (body: DeclareIncident) => request('/incidents', Incident, { method: 'POST', body });
export const changeLevel = (id: string, body: ChangeLevel) => request(path(id, '/level'), Incident, { method: 'POST', body });
export const standDown = (id: string, body: StandDown) => request(path(id, '/stand-down'), Incident, { method: 'POST', body });
export const postEntry = (id: string, body: NewEntry) => request(path(id, '/entries'), LogEntry, { method: 'POST', body });
export const verifyLog = (id: string) => request(path(id, '/verify'), Verification);

/** The file downloads: plain links, so that the browser saves them with the server's file name. */
export const exportHref = (id: string, format: 'csv' | 'pdf') => `${API_BASE}${path(id, `/export?format=${format}`)}`;

const HistoryList = z.array(HistoryPoint);
const MINUTE = 60_000;

/** The trust's minute figures across the incident; asked again each minute while it runs. */
export function useIncidentHistory(id: string, active: boolean) {
  return useQuery({
    queryKey: ['incident', id, 'history'],
    queryFn: ({ signal }) => request(path(id, '/history'), HistoryList, { signal }),
    refetchInterval: active ? MINUTE : false,
    staleTime: active ? MINUTE / 2 : Infinity,
  });
}

/** The review's list, a page at a time ("More" asks for the next with the last page's cursor). */
export function useIncidentList(filters: ReviewFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['incidents', filters],
    queryFn: ({ pageParam, signal }) => request(`/incidents?${apiSearch(filters, pageParam)}`, IncidentPage, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

import { INCIDENT_LEVELS, INCIDENT_STATUSES, type IncidentLevel, type IncidentStatus } from '../../../shared/incidents/schemas.ts';
import { isRegionCode, isTrustCode, type RegionCode, type TrustCode } from '../../../shared/reference/trusts.ts';
import { londonMidnight } from '../../../shared/time/london.ts';

/**
 * The executive review's filters, as the page's URL carries them so that a link can be shared:
 * `/incidents?trust=RX6&level=critical&from=2025-10-20&to=2025-10-27&q=handover`.
 * The period is in UK calendar days, as people say it ("from 20 to 27 October"), and is turned
 * into instants only for the API.
 */
export interface ReviewFilters {
  trust?: TrustCode;
  region?: RegionCode;
  level?: IncidentLevel;
  status?: IncidentStatus;
  /** UK calendar days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  q?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => (value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined);

/** The filters a URL names; a value that is not a valid one (an old or edited link) is dropped. */
export function readFilters(params: URLSearchParams): ReviewFilters {
  const filters: ReviewFilters = {};
  const trust = params.get('trust');
  if (trust && isTrustCode(trust)) filters.trust = trust;
  const region = params.get('region');
  if (region && isRegionCode(region)) filters.region = region;
  const level = oneOf(INCIDENT_LEVELS, params.get('level'));
  if (level) filters.level = level;
  const status = oneOf(INCIDENT_STATUSES, params.get('status'));
  if (status) filters.status = status;
  const from = params.get('from');
  if (from && isDay(from)) filters.from = from;
  const to = params.get('to');
  if (to && isDay(to)) filters.to = to;
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  return filters;
}

const KEYS = ['trust', 'region', 'level', 'status', 'from', 'to', 'q'] as const;

/** The URL's search for the filters, in a fixed order, leaving out what is not set. */
export function filtersToSearch(filters: ReviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * The instant a UK calendar day starts. Example: 2025-10-26 (the clocks go back at 02:00 BST)
 * starts at 2025-10-25T23:00:00Z; 2025-10-27 at 2025-10-27T00:00:00Z.
 */
export function ukDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Noon UTC is always within the same London day, whatever the season.
  return londonMidnight(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** The instant a UK calendar day ends: the start of the next one. */
export function ukDayEnd(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return londonMidnight(new Date(Date.UTC(y, m - 1, d + 1, 12)));
}

/**
 * The API's query string for the filters and a page's cursor: the days become instants
 * (`from` the start of its day, `to` the end of its own).
 */
export function apiSearch(filters: ReviewFilters, cursor?: string, limit = 25): string {
  const params = new URLSearchParams();
  if (filters.trust) params.set('trust', filters.trust);
  if (filters.region) params.set('region', filters.region);
  if (filters.level) params.set('level', filters.level);
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', ukDayStart(filters.from).toISOString());
  if (filters.to) params.set('to', ukDayEnd(filters.to).toISOString());
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(limit));
  return params.toString();
}

/** A period whose end is before its start finds nothing: say so rather than ask. */
export function periodProblem(filters: ReviewFilters): string | undefined {
  if (filters.from && filters.to && filters.to < filters.from) return 'The period ends before it starts: “to” must be on or after “from”.';
  return undefined;
}

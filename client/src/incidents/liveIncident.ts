import type { Incident, IncidentListItem, LogEntry } from '../../../shared/incidents/schemas.ts';

/**
 * One incident as a screen holds it while it runs: the log is put together from the page's first
 * read, the socket's answer to each (re)subscription, every `incident.logged` and the answers to
 * the page's own posts, which may arrive in any order and overlap.
 *
 * `headerSeq` is the log position the header (level, status, stand-down) is known at: every level
 * change and the stand-down write a system entry, so of two headers the one that has seen the
 * later entry is the newer, whatever order they arrived in.
 */
export interface LiveIncidentState {
  incident: Incident | undefined;
  headerSeq: number;
}

export type LiveIncidentAction =
  /** The whole incident: a read, the answer to a subscription, a level change or a stand-down. */
  | { type: 'incident'; incident: Incident }
  /** One new entry (`incident.logged`, or the answer to a post). */
  | { type: 'entry'; entry: LogEntry }
  /** The incident's header changed (`incident.updated`): a level, or the stand-down. */
  | { type: 'summary'; summary: IncidentListItem };

export const EMPTY_LIVE_INCIDENT: LiveIncidentState = { incident: undefined, headerSeq: 0 };

/**
 * Both logs' entries, each seq once, in seq order. Entries are never changed, so which copy of a
 * seq is kept does not matter. Example: [1, 2, 4] and [2, 3] give [1, 2, 3, 4].
 */
export function mergeLog(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  const bySeq = new Map<number, LogEntry>();
  for (const entry of a) bySeq.set(entry.seq, entry);
  for (const entry of b) if (!bySeq.has(entry.seq)) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((x, y) => x.seq - y.seq);
}

const lastSeq = (log: readonly LogEntry[]) => log.reduce((max, e) => Math.max(max, e.seq), 0);

type Header = Pick<Incident, 'level' | 'title' | 'status' | 'standDown'>;
const headerOf = (from: Header): Header => ({ level: from.level, title: from.title, status: from.status, standDown: from.standDown });

export function liveIncidentReducer(state: LiveIncidentState, action: LiveIncidentAction): LiveIncidentState {
  const current = state.incident;
  switch (action.type) {
    case 'incident': {
      const incoming = action.incident;
      if (current && current.id !== incoming.id) return state;
      const seq = lastSeq(incoming.log);
      const log = mergeLog(current?.log ?? [], incoming.log);
      if (!current || seq >= state.headerSeq) return { incident: { ...incoming, log }, headerSeq: seq };
      return { incident: { ...current, log }, headerSeq: state.headerSeq };
    }
    case 'entry': {
      if (!current || current.log.some((e) => e.seq === action.entry.seq)) return state;
      return { ...state, incident: { ...current, log: mergeLog(current.log, [action.entry]) } };
    }
    case 'summary': {
      const summary = action.summary;
      if (!current || summary.id !== current.id) return state;
      // Seqs run 1, 2, 3 … with no gaps: the count of entries is the last seq the summary has seen.
      if (summary.entries < state.headerSeq) return state;
      return { incident: { ...current, ...headerOf(summary) }, headerSeq: summary.entries };
    }
  }
}

/** Which entries correct each entry: seq → the seqs of its corrections, oldest first. */
export function correctionsOf(log: readonly LogEntry[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of log) {
    if (entry.kind !== 'correction' || entry.corrects === undefined) continue;
    map.set(entry.corrects, [...(map.get(entry.corrects) ?? []), entry.seq]);
  }
  return map;
}

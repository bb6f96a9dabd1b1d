import { ENTRY_KIND_NAMES, type EntryKind, INCIDENT_LEVEL_NAMES, type IncidentLevel, type IncidentStatus } from '../../../shared/incidents/schemas.ts';

/**
 * Words and shapes for incidents, so that nothing is told by colour alone: a level reads in words
 * and carries a heavier frame as it rises, every log entry's kind has a mark of its own.
 */

export const LEVEL_WORDS = INCIDENT_LEVEL_NAMES;

/** The levels from least to most severe, for choosers. */
export const LEVEL_ORDER: readonly IncidentLevel[] = ['business_continuity', 'critical', 'major'];

export const STATUS_WORDS: Record<IncidentStatus, string> = { active: 'Active', stood_down: 'Stood down' };

/** A shape per kind: a decision's diamond is also how the charts mark it. */
export const KIND_MARK: Record<EntryKind, string> = {
  decision: '◆',
  action: '▶',
  information: '●',
  communication: '✆',
  correction: '✎',
  system: '⚙',
};

export function kindLabel(kind: EntryKind): string {
  return `${KIND_MARK[kind]} ${ENTRY_KIND_NAMES[kind]}`;
}

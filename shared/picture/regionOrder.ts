import type { TrustSummaryFigures } from './region.ts';
import { standingAgainstStandard, type Standing } from './standards.ts';

/**
 * The order of a region's (or the nation's) trusts on the wall and the coordinator's page:
 * worst first, so that the eye lands where help is most needed. Each step decides only when the
 * steps before it tie:
 *
 *  1. **Stale first.** A trust whose feed has gone quiet is an unknown, and an unknown is treated
 *     as the worst case: its last figures may be calm while its control room is drowning, and
 *     someone has to pick up the phone. Sorting it by its frozen figures would let a silent trust
 *     sink to the bottom looking calm, which is exactly what the screen must never do. (Among
 *     stale trusts the steps below order their last known figures.)
 *  2. **Declared incident level**: major, critical, business continuity, none. A declaration is
 *     the trust's own word that it cannot run as normal.
 *  3. **REAP level**, 4 down to 1: the strategic commander's reading of the pressure.
 *  4. **C2 longest wait against its standard**, in bands: past the 40-minute 90th-centile
 *     standard, past the 18-minute mean, within. C2 (stroke, heart attack, sepsis) is over half
 *     of all incidents and the wait that moves first when crews run out; C1 is answered first
 *     by every trust, so its wait says less about pressure until it is far too late.
 *  5. **Queue per crew on shift** (C1-C4 waiting / crews on shift): how far behind the trust is
 *     for its size, so that London's 100 waiting is not read as worse than the Isle of Wight's 20.
 *     Patients waiting with no crew on shift at all count as infinitely behind.
 *  6. **C2 longest wait** itself, longer first, within the band of step 4.
 *  7. **Name**, A to Z, so that equal trusts keep their places from one update to the next.
 *
 * Example: NEAS stale at REAP 1 comes before YAS at REAP 4 with a major incident; YAS with a
 * critical incident comes before EMAS at REAP 4 with none; two trusts at REAP 2 with C2 waits
 * of 45 and 30 minutes come in that order, whatever their queues.
 */

const INCIDENT_RANK: Record<NonNullable<TrustSummaryFigures['incident']>['level'], number> = { major: 3, critical: 2, business_continuity: 1 };
const STANDING_RANK: Record<Standing, number> = { beyond: 2, near: 1, within: 0 };

/** What the order compares, for one trust. */
type OrderFigures = Pick<TrustSummaryFigures, 'stale' | 'incident' | 'reapLevel' | 'C2LongestWaitSeconds' | 'queueTotal' | 'onShift'> & { trust: { shortName: string } };

/** Patients waiting per crew on shift: 0 with nobody waiting, Infinity with patients and no crew. */
export function queuePerCrew(t: Pick<TrustSummaryFigures, 'queueTotal' | 'onShift'>): number {
  if (t.queueTotal === 0) return 0;
  return t.onShift === 0 ? Number.POSITIVE_INFINITY : t.queueTotal / t.onShift;
}

/** C2's band against its standard: `beyond` past 40 min, `near` past 18 min, else `within`. */
export function c2Standing(t: Pick<TrustSummaryFigures, 'C2LongestWaitSeconds'>): Standing {
  return standingAgainstStandard('C2', t.C2LongestWaitSeconds);
}

/** Negative when `a` is worse than `b` (so sorts first); a comparator for Array.prototype.sort. */
export function compareWorstFirst(a: OrderFigures, b: OrderFigures): number {
  const steps = [
    Number(b.stale) - Number(a.stale),
    (b.incident ? INCIDENT_RANK[b.incident.level] : 0) - (a.incident ? INCIDENT_RANK[a.incident.level] : 0),
    b.reapLevel - a.reapLevel,
    STANDING_RANK[c2Standing(b)] - STANDING_RANK[c2Standing(a)],
    compareNumbers(queuePerCrew(b), queuePerCrew(a)),
    b.C2LongestWaitSeconds - a.C2LongestWaitSeconds,
  ];
  return steps.find((step) => step !== 0) ?? a.trust.shortName.localeCompare(b.trust.shortName, 'en-GB');
}

/** Infinity minus Infinity is NaN: two trusts with no crew and patients waiting tie on step 5. */
function compareNumbers(x: number, y: number): number {
  if (x === y) return 0;
  return x > y ? 1 : -1;
}

/** The trusts worst first (a new array; the input is left as it was). */
export function worstFirst<T extends OrderFigures>(trusts: readonly T[]): T[] {
  return [...trusts].sort(compareWorstFirst);
}

/**
 * The step that puts a trust where it is, in words, for the wall to say why a trust is first:
 * "NO DATA", "MAJOR INCIDENT", "REAP 4", "C2 OVER 40 MIN", or undefined when nothing stands out.
 */
export function whyFirst(t: OrderFigures): string | undefined {
  if (t.stale) return 'NO DATA';
  if (t.incident) return `${t.incident.level === 'business_continuity' ? 'BUSINESS CONTINUITY' : t.incident.level.toUpperCase()} INCIDENT`;
  if (t.reapLevel > 1) return `REAP ${t.reapLevel}`;
  const c2 = c2Standing(t);
  if (c2 === 'beyond') return 'C2 OVER 40 MIN';
  if (c2 === 'near') return 'C2 OVER 18 MIN';
  return undefined;
}

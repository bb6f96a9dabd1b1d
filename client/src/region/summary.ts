import type { ResponseCategory } from '../../../shared/feed/events.ts';
import type { TrustSummaryFigures } from '../../../shared/picture/region.ts';
import { standingAgainstStandard, type Standing } from '../../../shared/picture/standards.ts';
import { formatAgo, secondsSince, waitStandingText } from '../picture/format.ts';
import { formatUkClock } from '../time/ukTime.ts';

/**
 * Pure text for one trust's summary in the region view. As on the trust wall (picture/format.ts),
 * words and shapes carry every state; colour only repeats them.
 */

export interface Badge {
  standing: Standing | 'none';
  text: string;
}

/** The longest wait of a category against its standard: "▲ OVER 40 MIN", or "NONE WAITING" at 0. */
export function waitBadge(category: ResponseCategory, seconds: number): Badge {
  if (seconds <= 0) return { standing: 'none', text: 'NONE WAITING' };
  const standing = standingAgainstStandard(category, seconds);
  return { standing, text: waitStandingText(category, standing) };
}

/** Crews free: "▲ NONE FREE" when the trust has crews on shift and none free. */
export function crewsBadge(t: Pick<TrustSummaryFigures, 'available' | 'onShift'>): Badge | undefined {
  return t.onShift > 0 && t.available === 0 ? { standing: 'beyond', text: '▲ NONE FREE' } : undefined;
}

/** Hospitals with an ambulance waiting past 60 minutes: "▲ 3 OVER 60 MIN" or "✓ NONE OVER 60 MIN". */
export function hospitalsBadge(count: number): Badge {
  return count > 0 ? { standing: 'beyond', text: `▲ ${count} OVER 60 MIN` } : { standing: 'within', text: '✓ NONE OVER 60 MIN' };
}

/** When the feed last sent anything: "Feed 14:03:07 · 12 s ago", or "Feed: no event yet". */
export function feedText(lastEventAt: string | null, now: Date): string {
  const seconds = secondsSince(lastEventAt, now);
  if (!lastEventAt || seconds === undefined) return 'Feed: no event yet';
  return `Feed ${formatUkClock(new Date(lastEventAt))} · ${formatAgo(seconds)}`;
}

export const INCIDENT_WORDS: Record<NonNullable<TrustSummaryFigures['incident']>['level'], string> = {
  business_continuity: 'BUSINESS CONTINUITY INCIDENT',
  critical: 'CRITICAL INCIDENT',
  major: 'MAJOR INCIDENT',
};

export const REAP_WORDS: Record<number, string> = { 1: 'Steady state', 2: 'Moderate pressure', 3: 'Severe pressure', 4: 'Extreme pressure' };

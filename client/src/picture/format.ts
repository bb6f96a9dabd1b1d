/**
 * Pure text for the picture's figures, shared by the wall and the desk. Words and symbols carry
 * every state, so that nothing relies on colour alone (colour-blind staff, greyscale photos of the
 * wall sent round by phone, a stale screen greyed out).
 */
import type { ResponseCategory } from '../../../shared/feed/events.ts';
import { ARP_STANDARDS, HANDOVER_MARKS_SECONDS, type Standing } from '../../../shared/picture/standards.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const whole = (seconds: number) => Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));

/**
 * A wait or a response time: "mm:ss" under an hour ("07:05"), "h:mm" from an hour ("2:05"), as
 * the published Ambulance Quality Indicators do. Pair it with `durationUnit`, since "2:05" alone
 * could be read either way.
 */
export function formatDuration(seconds: number): string {
  const s = whole(seconds);
  if (s < 3600) return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}`;
}

/** "min" for mm:ss, "h" for h:mm: the unit printed beside `formatDuration`. */
export function durationUnit(seconds: number): 'min' | 'h' {
  return whole(seconds) < 3600 ? 'min' : 'h';
}

/** "42 s", "7 min", "2 h 05 min": a time span in words. */
export function formatSpan(seconds: number): string {
  const s = whole(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** "3 s ago". A clock a little ahead of this machine's gives "0 s ago", never a negative age. */
export function formatAgo(seconds: number): string {
  return `${formatSpan(seconds)} ago`;
}

/** Seconds from `iso` to `now`, or undefined when `iso` is missing or not a time. */
export function secondsSince(iso: string | null | undefined, now: Date): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : Math.max(0, (now.getTime() - at) / 1000);
}

/**
 * The stale banner: "NO DATA FOR 4 MIN" since the feed's last event, or "NO DATA YET" when it has
 * never sent one. Whole minutes, rounded down: the banner never claims more silence than there was.
 */
export function noDataText(lastEventAt: string | null, now: Date): string {
  const seconds = secondsSince(lastEventAt, now);
  if (seconds === undefined) return 'NO DATA YET';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `NO DATA FOR ${minutes} MIN`;
  return `NO DATA FOR ${Math.floor(minutes / 60)} H ${pad(minutes % 60)} MIN`;
}

/** Crew hours with one decimal: "3.5". */
export function formatHours(hours: number): string {
  return (Math.round((Number.isFinite(hours) ? hours : 0) * 10) / 10).toFixed(1);
}

const countFormat = new Intl.NumberFormat('en-GB');

/** "1,234". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A threshold in words: "40 MIN", "60 MIN", "90 MIN", "2 H" (whole hours from two). */
export function formatThreshold(seconds: number): string {
  return seconds >= 7200 && seconds % 3600 === 0 ? `${seconds / 3600} H` : `${Math.round(seconds / 60)} MIN`;
}

/** The shape that goes with each standing, so a greyed-out or colour-blind reading still tells them apart. */
export const STANDING_MARK: Record<Standing, string> = { within: '✓', near: '◆', beyond: '▲' };

/** Where a category's wait turns `near` and `beyond` (standingAgainstStandard's thresholds). */
export function standingThresholds(category: ResponseCategory): { near: number; beyond: number } {
  const standard = ARP_STANDARDS[category];
  return { near: standard.meanSeconds ?? standard.p90Seconds / 2, beyond: standard.p90Seconds };
}

/**
 * A queue wait against its category's standard, in words: "▲ OVER 40 MIN" (beyond the 90th
 * centile standard), "◆ OVER 18 MIN" (past the mean), "✓ UNDER 18 MIN".
 */
export function waitStandingText(category: ResponseCategory, standing: Standing): string {
  const { near, beyond } = standingThresholds(category);
  if (standing === 'beyond') return `${STANDING_MARK.beyond} OVER ${formatThreshold(beyond)}`;
  if (standing === 'near') return `${STANDING_MARK.near} OVER ${formatThreshold(near)}`;
  return `${STANDING_MARK.within} UNDER ${formatThreshold(near)}`;
}

/** A handover wait in words: "▲ OVER 60 MIN", "◆ OVER 30 MIN", "✓ UNDER 30 MIN". */
export function handoverStandingText(standing: Standing): string {
  if (standing === 'beyond') return `${STANDING_MARK.beyond} OVER ${formatThreshold(HANDOVER_MARKS_SECONDS.severe)}`;
  if (standing === 'near') return `${STANDING_MARK.near} OVER ${formatThreshold(HANDOVER_MARKS_SECONDS.delay)}`;
  return `${STANDING_MARK.within} UNDER ${formatThreshold(HANDOVER_MARKS_SECONDS.delay)}`;
}

/** A response figure against its standard: "✓ WITHIN" or "▲ BEYOND". */
export function responseStandingText(standing: 'within' | 'beyond'): string {
  return standing === 'beyond' ? `${STANDING_MARK.beyond} BEYOND` : `${STANDING_MARK.within} WITHIN`;
}

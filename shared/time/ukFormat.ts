import { londonOffsetMinutes } from './london.ts';

/**
 * UK local time (Europe/London) written out for people and for exports, always with its offset
 * so that the hour the clocks go back is never ambiguous: on 29 October 2023, 00:30Z and 01:30Z
 * are both 01:30 in London, the first BST (+01:00), the second GMT (+00:00).
 *
 * The wall-clock fields come from shifting the instant by London's offset and reading it as UTC,
 * so the result does not depend on the machine's own time zone.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** London's wall clock at an instant, and the offset and zone name in force then. */
export interface UkLocal {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
  /** `BST` in summer, `GMT` in winter. */
  zone: 'BST' | 'GMT';
}

export function ukLocal(date: Date): UkLocal {
  const offsetMinutes = londonOffsetMinutes(date);
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    offsetMinutes,
    zone: offsetMinutes === 0 ? 'GMT' : 'BST',
  };
}

/** An offset in minutes as ISO 8601 writes it. Example: 60 → `+01:00`; 0 → `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** London's offset at an instant. Example: 2023-10-29T00:30:00Z → `+01:00`; 2023-10-29T01:30:00Z → `+00:00`. */
export function ukOffset(date: Date): string {
  return formatOffset(londonOffsetMinutes(date));
}

/** London wall-clock time for spreadsheets, without the offset. Example: 2023-10-29T00:30:00Z → `2023-10-29 01:30:00`. */
export function ukDateTimeIso(date: Date): string {
  const t = ukLocal(date);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

/** The date as a report writes it. Example: 2023-10-29T00:30:00Z → `29 Oct 2023`. */
export function ukDate(date: Date): string {
  const t = ukLocal(date);
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** The time with zone and offset. Example: 2023-10-29T00:30:00Z → `01:30:00 BST (UTC+01:00)`. */
export function ukTimeWithZone(date: Date): string {
  const t = ukLocal(date);
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${t.zone} (UTC${formatOffset(t.offsetMinutes)})`;
}

/**
 * Date, time, zone and offset, unambiguous on every day of the year.
 * Example: 2023-10-29T00:30:00Z → `29 Oct 2023 01:30:00 BST (UTC+01:00)`;
 * 2023-10-29T01:30:00Z → `29 Oct 2023 01:30:00 GMT (UTC+00:00)`.
 */
export function ukDateTimeLong(date: Date): string {
  return `${ukDate(date)} ${ukTimeWithZone(date)}`;
}

/** Hours and minutes only, for chart axes. Example: 2023-10-29T01:30:00Z → `01:30`. */
export function ukClock(date: Date): string {
  const t = ukLocal(date);
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * UK local time, whatever the zone of the machine showing it: wall screens and desks may run in
 * UTC, and the clocks change twice a year.
 */
export const UK_TIME_ZONE = 'Europe/London';

const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const hourMinuteFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, timeZoneName: 'shortOffset' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const longDateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "14:03:07" in UK time. */
export function formatUkClock(date: Date): string {
  return clockFormat.format(date);
}

/** "14:03" in UK time, for chart axes and "since" times. */
export function formatUkHourMinute(date: Date | number): string {
  return hourMinuteFormat.format(date);
}

/**
 * "GMT" in winter, "BST" in summer. Read from the offset ("GMT", "GMT+0" or "GMT+1", by ICU
 * version) rather than the zone's short name, which some builds give as "GMT+1" instead of "BST".
 * Example: 2024-03-31T00:59:59Z is GMT, 2024-03-31T01:00:00Z is BST.
 */
export function ukZoneLabel(date: Date): 'GMT' | 'BST' {
  const offset = offsetFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const hours = /^GMT([+-]\d+)?/.exec(offset)?.[1];
  return hours === undefined || Number(hours) === 0 ? 'GMT' : 'BST';
}

/** "Thursday 21 November 2025" in UK time. */
export function formatUkLongDate(date: Date): string {
  return longDateFormat.format(date);
}

/** "21 Nov 2025, 13:37 GMT", or `empty` for a missing time. */
export function formatUkDateTime(iso: string | null, empty = 'Never'): string {
  if (!iso) return empty;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return empty;
  return `${dateTimeFormat.format(date)} ${ukZoneLabel(date)}`;
}

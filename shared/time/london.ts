/**
 * UK local time (Europe/London) without a date library. "Today" in the picture starts at
 * midnight in London, which is 00:00Z in winter (GMT) and 23:00Z the day before in summer (BST).
 * The clocks change at 01:00Z, never at midnight, so London midnight is never skipped or doubled.
 */
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/**
 * London's offset from UTC at an instant, in minutes: 0 in winter, 60 in summer.
 * Example: 2024-03-31T00:59:59Z → 0; 2024-03-31T01:00:00Z → 60.
 */
export function londonOffsetMinutes(date: Date): number {
  const p = londonParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of the last midnight in London at or before `now`.
 * Example: 2024-07-01T12:00Z → 2024-06-30T23:00Z (BST); 2024-12-01T12:00Z → 2024-12-01T00:00Z.
 * On 2024-03-31 (clocks go forward) and 2024-10-27 (back) it is 00:00Z and 23:00Z the day before.
 */
export function londonMidnight(now: Date): Date {
  const p = londonParts(now);
  const utcMidnightOfLondonDate = Date.UTC(p.year, p.month - 1, p.day);
  // Midnight London is 00:00 local; its offset is the one in force just before the 01:00Z change.
  const offset = londonOffsetMinutes(new Date(utcMidnightOfLondonDate - 60 * 60_000));
  return new Date(utcMidnightOfLondonDate - offset * 60_000);
}

/** The London calendar date of an instant, as YYYY-MM-DD. */
export function londonDate(date: Date): string {
  const p = londonParts(date);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

import { londonOffsetMinutes } from '../../../shared/time/london.ts';

/**
 * A `datetime-local` control holds a wall-clock time with no zone ("2025-01-15T14:30"). Control
 * rooms work in UK time whatever zone the machine is set to, so the form reads and writes UK time
 * and sends the API an instant.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The UK wall-clock time of an instant, as a `datetime-local` value: "2025-07-01T13:00" for 12:00Z in summer. */
export function toUkInputValue(date: Date): string {
  const local = new Date(date.getTime() + londonOffsetMinutes(date) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * The instant a UK wall-clock time names, as ISO 8601 (UTC), or undefined for anything that is
 * not a `datetime-local` value. Example: "2025-07-01T13:00" → "2025-07-01T12:00:00.000Z".
 * The hour the clocks go forward does not exist; its times are read an hour later (01:30 on the
 * last Sunday of March is 02:30 BST). The hour they go back happens twice; its times are read as
 * the second (GMT) one.
 */
export function fromUkInputValue(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return undefined;
  const guess = londonOffsetMinutes(new Date(asUtc));
  let instant = asUtc - guess * 60_000;
  const actual = londonOffsetMinutes(new Date(instant));
  if (actual !== guess) instant = asUtc - actual * 60_000;
  return new Date(instant).toISOString();
}

import type { Flag, Picture } from '../../shared/picture/picture.ts';
import { metricInfo, readMetric, type MetricUnit } from '../../shared/thresholds/metrics.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';

/**
 * The threshold engine, pure: the trust's picture at a moment, its rules, and what it remembers
 * from the moments before (the book) in; the flags raised and cleared, and the new book, out.
 * Called again and again as time goes on, it is what turns "over 200 waiting" into a flag only
 * once that has lasted, and back only once the figure is clearly below again.
 */

/** What the engine remembers of one flag (a rule, or a rule at one hospital). Plain data. */
export interface Track {
  rule: string;
  /** While not raised: since when the value has been beyond the raise level. */
  beyondSince?: number;
  /** Set while raised: when it was. */
  raisedAt?: number;
  /** While raised: since when the value has been back within the clear level. */
  withinSince?: number;
  value: number;
  threshold: number;
}

export type FlagBook = Record<string, Track>;

export interface FlagChange {
  kind: 'raised' | 'cleared';
  flag: Flag;
  at: number;
}

/** The staleness flag's id and rule: raised by the engine itself, whatever the rules say. */
export const STALE_FLAG = 'stale';

export interface Evaluation {
  book: FlagBook;
  changes: FlagChange[];
  /** Every flag raised now, most severe first, then oldest first. */
  flags: Flag[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, advisory: 2 } as const;

/** A rule at one hospital has a flag of its own: `rule@hospital`. */
const flagId = (rule: string, subject: string | undefined) => (subject ? `${rule}@${subject}` : rule);

export function formatValue(value: number, unit: MetricUnit | undefined): string {
  switch (unit) {
    case 'seconds': {
      const minutes = Math.round(value / 60);
      return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
    }
    case 'hours':
      return `${Math.round(value * 10) / 10} h`;
    case 'share':
      return `${Math.round(value * 100)}%`;
    default:
      return String(Math.round(value * 100) / 100);
  }
}

/**
 * One step. Examples, for a rule above 200 sustained 600 s, clearing at 150 for 900 s:
 * 210 at 10:00 and 10:09 raises nothing; 210 at 10:10 raises the flag (since 10:10);
 * 180 at 10:20 keeps it (not at or below 150); 140 from 10:30 clears it at 10:45, unless the
 * trust goes stale meanwhile, which holds every flag until its feed is heard again.
 */
export function evaluate(input: { rules: readonly ThresholdRule[]; picture: Picture; book: FlagBook; now: number; staleAdvice?: string }): Evaluation {
  const { rules, picture, now } = input;
  const book: FlagBook = {};
  const changes: FlagChange[] = [];
  const flags: Flag[] = [];
  const byRule = new Map(rules.map((r) => [r.id, r]));

  const flagOf = (id: string, track: Track, rule: ThresholdRule | undefined, subjectName: string | undefined): Flag => {
    if (!rule) {
      return { id, rule: STALE_FLAG, severity: 'warning', message: staleMessage(picture, now), value: track.value, threshold: track.threshold, since: new Date(track.raisedAt ?? now).toISOString(), advice: input.staleAdvice ?? STALE_ADVICE };
    }
    const info = metricInfo(rule.metric);
    const where = subjectName ? ` at ${subjectName}` : '';
    const beyondNow = rule.above !== undefined ? track.value > rule.above : track.value < rule.below!;
    // A raised flag whose figure is back on the right side is waiting out its clear period: say so.
    const side = rule.above !== undefined ? (beyondNow ? 'over' : 'back under') : beyondNow ? 'under' : 'back over';
    return {
      id,
      rule: rule.id,
      severity: rule.severity,
      message: `${capitalise(info?.label ?? rule.metric)}${where}: ${formatValue(track.value, info?.unit)}, ${side} ${formatValue(track.threshold, info?.unit)}`,
      value: track.value,
      threshold: track.threshold,
      since: new Date(track.raisedAt ?? now).toISOString(),
      advice: rule.advice,
    };
  };

  for (const rule of rules) {
    const raiseAt = (rule.above ?? rule.below)!;
    const beyond = (v: number) => (rule.above !== undefined ? v > rule.above : v < rule.below!);
    const within = (v: number) => (rule.above !== undefined ? v <= rule.clearAt : v >= rule.clearAt);
    for (const reading of readMetric(picture, rule.metric)) {
      const id = flagId(rule.id, reading.subject);
      const before = input.book[id];
      const track: Track = { ...(before ?? {}), rule: rule.id, value: reading.value, threshold: raiseAt };
      if (track.raisedAt === undefined) {
        if (beyond(reading.value)) {
          track.beyondSince ??= now;
          if (now - track.beyondSince >= rule.sustainSeconds * 1000) {
            track.raisedAt = now;
            delete track.beyondSince;
            changes.push({ kind: 'raised', flag: flagOf(id, track, rule, reading.subjectName), at: now });
          }
        } else delete track.beyondSince;
      } else if (!picture.stale && within(reading.value)) {
        track.withinSince ??= now;
        if (now - track.withinSince >= rule.clearSeconds * 1000) {
          changes.push({ kind: 'cleared', flag: flagOf(id, track, rule, reading.subjectName), at: now });
          continue;
        }
      } else delete track.withinSince;
      // A figure on the right side of its line, with nothing pending, needs no memory.
      if (track.raisedAt === undefined && track.beyondSince === undefined) continue;
      book[id] = track;
      if (track.raisedAt !== undefined) flags.push(flagOf(id, track, rule, reading.subjectName));
    }
  }

  // A rule taken away takes its flags with it; they are cleared, not forgotten.
  for (const [id, track] of Object.entries(input.book)) {
    if (id === STALE_FLAG || book[id] || byRule.has(track.rule)) continue;
    if (track.raisedAt !== undefined) changes.push({ kind: 'cleared', flag: { ...flagOf(id, track, undefined, undefined), rule: track.rule, message: `Rule ${track.rule} was removed` }, at: now });
  }

  // Staleness raises its own flag at once and clears it as soon as the feed is heard again.
  const stale = input.book[STALE_FLAG];
  const quietSeconds = picture.lastEventAt ? Math.max(0, Math.floor((now - Date.parse(picture.lastEventAt)) / 1000)) : 0;
  if (picture.stale) {
    const track: Track = { rule: STALE_FLAG, raisedAt: stale?.raisedAt ?? now, value: quietSeconds, threshold: 0 };
    if (!stale) changes.push({ kind: 'raised', flag: flagOf(STALE_FLAG, track, undefined, undefined), at: now });
    book[STALE_FLAG] = track;
    flags.push(flagOf(STALE_FLAG, track, undefined, undefined));
  } else if (stale) {
    changes.push({ kind: 'cleared', flag: flagOf(STALE_FLAG, stale, undefined, undefined), at: now });
  }

  flags.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since) || a.id.localeCompare(b.id));
  return { book, changes, flags };
}

const STALE_ADVICE = 'The figures may be out of date. Check the link to the dispatch system; do not read a quiet screen as a calm service.';

function staleMessage(picture: Picture, now: number): string {
  if (!picture.lastEventAt) return 'No data from the dispatch feed yet';
  return `No data from the dispatch feed for ${Math.max(1, Math.floor((now - Date.parse(picture.lastEventAt)) / 60_000))} min`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

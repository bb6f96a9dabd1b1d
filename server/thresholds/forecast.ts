/**
 * When a rising figure will cross its line at the current rate, from its recent history: a
 * least-squares line through the last half hour. Silent when the trend says nothing: too few
 * points, too short a span, falling or flat, too scattered to trust (r² under 0.5), already over
 * the line, or more than four hours away.
 *
 * Example: a queue of 120, 130, 140 … one more every minute for 20 minutes, with a line at 200,
 * is 60 minutes from it: "at this rate: over 200 in about 1 h".
 */
export interface Sample {
  at: number;
  value: number;
}

export const FORECAST_WINDOW_MS = 30 * 60_000;
const MIN_SPAN_MS = 10 * 60_000;
const MIN_POINTS = 6;
const MAX_AHEAD_MS = 4 * 3600_000;

export function minutesToBreach(samples: readonly Sample[], line: number, direction: 'above' | 'below', now: number): number | undefined {
  const recent = samples.filter((s) => s.at <= now && now - s.at <= FORECAST_WINDOW_MS);
  if (recent.length < MIN_POINTS) return undefined;
  if (recent[recent.length - 1]!.at - recent[0]!.at < MIN_SPAN_MS) return undefined;
  // Seen from below the line: a `below` rule is the same sum upside down.
  const sign = direction === 'above' ? 1 : -1;
  const xs = recent.map((s) => (s.at - now) / 60_000);
  const ys = recent.map((s) => sign * s.value);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return undefined;
  const slope = sxy / sxx;
  if (slope <= 0) return undefined;
  if ((sxy * sxy) / (sxx * syy) < 0.5) return undefined;
  const target = sign * line;
  const nowValue = my + slope * (0 - mx);
  if (nowValue >= target) return undefined;
  const minutes = (target - nowValue) / slope;
  return minutes * 60_000 > MAX_AHEAD_MS ? undefined : minutes;
}

/** "in about 40 min", "in about 1 h 20 min": rounded to 5 minutes past a quarter of an hour. */
export function aboutMinutes(minutes: number): string {
  const rounded = minutes < 15 ? Math.max(1, Math.round(minutes)) : Math.round(minutes / 5) * 5;
  if (rounded < 60) return `in about ${rounded} min`;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m ? `in about ${h} h ${m} min` : `in about ${h} h`;
}

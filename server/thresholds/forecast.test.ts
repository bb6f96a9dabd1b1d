import { describe, expect, it } from 'vitest';
import { aboutMinutes, minutesToBreach, type Sample } from './forecast.ts';

const NOW = Date.parse('2025-01-15T12:00:00Z');
/** One sample a minute for the last `minutes`, by a function of minutes ago. */
const series = (minutes: number, value: (ago: number) => number): Sample[] => Array.from({ length: minutes + 1 }, (_, i) => ({ at: NOW - (minutes - i) * 60_000, value: value(minutes - i) }));

describe('the time to breach at the current trend', () => {
  it('projects a steady rise to the line', () => {
    // 140 now, rising one a minute: 200 in 60 minutes.
    expect(minutesToBreach(series(20, (ago) => 140 - ago), 200, 'above', NOW)).toBeCloseTo(60, 5);
  });

  it('projects a steady fall to a below line', () => {
    // 20 crews free now, losing one every two minutes: under 10 in 20 minutes.
    expect(minutesToBreach(series(20, (ago) => 20 + ago / 2), 10, 'below', NOW)).toBeCloseTo(20, 5);
  });

  it('says nothing of a flat or falling figure', () => {
    expect(minutesToBreach(series(20, () => 150), 200, 'above', NOW)).toBeUndefined();
    expect(minutesToBreach(series(20, (ago) => 150 + ago), 200, 'above', NOW)).toBeUndefined();
  });

  it('says nothing when the points are too scattered to show a trend', () => {
    const noisy = series(30, (ago) => 150 + (ago % 2 === 0 ? 30 : -30) - ago * 0.1);
    expect(minutesToBreach(noisy, 200, 'above', NOW)).toBeUndefined();
  });

  it('says nothing from too little history, or of a breach more than four hours off, or one already here', () => {
    expect(minutesToBreach(series(5, (ago) => 140 - ago), 200, 'above', NOW)).toBeUndefined();
    expect(minutesToBreach(series(20, (ago) => 140 - ago * 0.1), 200, 'above', NOW)).toBeUndefined();
    expect(minutesToBreach(series(20, (ago) => 210 - ago), 200, 'above', NOW)).toBeUndefined();
  });

  it('reads only the last half hour', () => {
    // Falling an hour ago, rising now: the rise is what counts.
    const history = [...series(60, (ago) => (ago > 30 ? 100 + ago : 130 + (30 - ago) * 2))];
    expect(minutesToBreach(history, 200, 'above', NOW)).toBeGreaterThan(0);
  });

  it('rounds what it says to what a forecast is worth', () => {
    expect(aboutMinutes(3.4)).toBe('in about 3 min');
    expect(aboutMinutes(41)).toBe('in about 40 min');
    expect(aboutMinutes(78)).toBe('in about 1 h 20 min');
    expect(aboutMinutes(119)).toBe('in about 2 h');
  });
});

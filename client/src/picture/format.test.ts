import { describe, expect, it } from 'vitest';
import {
  durationUnit,
  formatAgo,
  formatCount,
  formatDuration,
  formatHours,
  formatSpan,
  formatThreshold,
  handoverStandingText,
  noDataText,
  responseStandingText,
  secondsSince,
  waitStandingText,
} from './format.ts';

describe('durations', () => {
  it('gives mm:ss under an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(425)).toBe('07:05');
    expect(formatDuration(3599)).toBe('59:59');
    expect(durationUnit(3599)).toBe('min');
  });

  it('gives h:mm from an hour, dropping seconds', () => {
    expect(formatDuration(3600)).toBe('1:00');
    expect(formatDuration(7530)).toBe('2:05');
    expect(formatDuration(26 * 3600 + 59)).toBe('26:00');
    expect(durationUnit(3600)).toBe('h');
  });

  it('never shows a negative or broken duration', () => {
    expect(formatDuration(-5)).toBe('00:00');
    expect(formatDuration(Number.NaN)).toBe('00:00');
    expect(formatDuration(59.9)).toBe('00:59');
  });
});

describe('ages', () => {
  it('says how long ago in seconds, minutes, then hours', () => {
    expect(formatAgo(3)).toBe('3 s ago');
    expect(formatAgo(3.9)).toBe('3 s ago');
    expect(formatAgo(59)).toBe('59 s ago');
    expect(formatAgo(60)).toBe('1 min ago');
    expect(formatAgo(3725)).toBe('1 h 02 min ago');
    expect(formatSpan(-2)).toBe('0 s');
  });

  it('measures from an ISO time to now', () => {
    const now = new Date('2025-01-15T10:00:10Z');
    expect(secondsSince('2025-01-15T10:00:00Z', now)).toBe(10);
    expect(secondsSince('2025-01-15T10:00:20Z', now)).toBe(0);
    expect(secondsSince(null, now)).toBeUndefined();
    expect(secondsSince('not a time', now)).toBeUndefined();
  });
});

describe('the stale banner', () => {
  const now = new Date('2025-01-15T10:00:00Z');

  it('says there has been no data yet when the feed never sent any', () => {
    expect(noDataText(null, now)).toBe('NO DATA YET');
  });

  it('counts whole minutes since the last event, rounded down', () => {
    expect(noDataText('2025-01-15T09:56:00Z', now)).toBe('NO DATA FOR 4 MIN');
    expect(noDataText('2025-01-15T09:55:01Z', now)).toBe('NO DATA FOR 4 MIN');
    expect(noDataText('2025-01-15T07:55:00Z', now)).toBe('NO DATA FOR 2 H 05 MIN');
  });
});

describe('figures', () => {
  it('gives hours with one decimal and counts with thousands separators', () => {
    expect(formatHours(3.46)).toBe('3.5');
    expect(formatHours(0)).toBe('0.0');
    expect(formatHours(12)).toBe('12.0');
    expect(formatCount(1234)).toBe('1,234');
  });

  it('names thresholds in minutes or whole hours', () => {
    expect(formatThreshold(40 * 60)).toBe('40 MIN');
    expect(formatThreshold(120 * 60)).toBe('2 H');
    expect(formatThreshold(90 * 60)).toBe('90 MIN');
    expect(formatThreshold(60 * 60)).toBe('60 MIN');
  });
});

describe('standings in words', () => {
  it('names the standard a queue wait has passed', () => {
    expect(waitStandingText('C2', 'beyond')).toBe('▲ OVER 40 MIN');
    expect(waitStandingText('C2', 'near')).toBe('◆ OVER 18 MIN');
    expect(waitStandingText('C2', 'within')).toBe('✓ UNDER 18 MIN');
    expect(waitStandingText('C3', 'beyond')).toBe('▲ OVER 2 H');
    expect(waitStandingText('C3', 'near')).toBe('◆ OVER 60 MIN');
    expect(waitStandingText('C4', 'near')).toBe('◆ OVER 90 MIN');
    expect(waitStandingText('C1', 'beyond')).toBe('▲ OVER 15 MIN');
  });

  it('names the handover marks', () => {
    expect(handoverStandingText('beyond')).toBe('▲ OVER 60 MIN');
    expect(handoverStandingText('near')).toBe('◆ OVER 30 MIN');
    expect(handoverStandingText('within')).toBe('✓ UNDER 30 MIN');
  });

  it('labels response figures within or beyond', () => {
    expect(responseStandingText('within')).toBe('✓ WITHIN');
    expect(responseStandingText('beyond')).toBe('▲ BEYOND');
  });
});

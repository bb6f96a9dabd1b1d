import { describe, expect, it } from 'vitest';
import { formatUkClock, formatUkDateTime, formatUkHourMinute, ukZoneLabel } from './ukTime.ts';

describe('UK time', () => {
  it('shows winter times as GMT, unchanged from UTC', () => {
    const date = new Date('2024-01-15T23:05:09Z');
    expect(formatUkClock(date)).toBe('23:05:09');
    expect(ukZoneLabel(date)).toBe('GMT');
  });

  it('shows summer times as BST, an hour ahead of UTC', () => {
    const date = new Date('2024-07-01T23:05:09Z');
    expect(formatUkClock(date)).toBe('00:05:09');
    expect(formatUkHourMinute(date)).toBe('00:05');
    expect(ukZoneLabel(date)).toBe('BST');
  });

  it('switches to BST at 01:00 UTC on the last Sunday of March', () => {
    expect(ukZoneLabel(new Date('2024-03-31T00:59:59Z'))).toBe('GMT');
    expect(ukZoneLabel(new Date('2024-03-31T01:00:00Z'))).toBe('BST');
    expect(formatUkClock(new Date('2024-03-31T01:00:00Z'))).toBe('02:00:00');
  });

  it('switches back to GMT at 01:00 UTC on the last Sunday of October', () => {
    expect(ukZoneLabel(new Date('2024-10-27T00:59:59Z'))).toBe('BST');
    expect(ukZoneLabel(new Date('2024-10-27T01:00:00Z'))).toBe('GMT');
    expect(formatUkClock(new Date('2024-10-27T01:00:00Z'))).toBe('01:00:00');
  });

  it('gives a date and time with its zone, or Never for none', () => {
    expect(formatUkDateTime('2024-07-01T12:30:00Z')).toBe('1 Jul 2024, 13:30 BST');
    expect(formatUkDateTime(null)).toBe('Never');
  });
});

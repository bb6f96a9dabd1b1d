import { describe, expect, it } from 'vitest';
import { fromUkInputValue, toUkInputValue } from './ukInput.ts';

describe('UK wall-clock times in the mutual-aid forms', () => {
  it('writes an instant as UK time in winter and in summer', () => {
    expect(toUkInputValue(new Date('2025-01-15T12:00:00Z'))).toBe('2025-01-15T12:00');
    expect(toUkInputValue(new Date('2025-07-01T12:00:00Z'))).toBe('2025-07-01T13:00');
    expect(toUkInputValue(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01T00:30');
  });

  it('reads UK time back as the instant it names', () => {
    expect(fromUkInputValue('2025-01-15T12:00')).toBe('2025-01-15T12:00:00.000Z');
    expect(fromUkInputValue('2025-07-01T13:00')).toBe('2025-07-01T12:00:00.000Z');
    expect(fromUkInputValue('2025-07-01T00:30')).toBe('2025-06-30T23:30:00.000Z');
  });

  it('reads the days the clocks change: the missing hour an hour later, the doubled hour as GMT', () => {
    expect(fromUkInputValue('2025-03-30T00:30')).toBe('2025-03-30T00:30:00.000Z');
    expect(fromUkInputValue('2025-03-30T01:30')).toBe('2025-03-30T01:30:00.000Z');
    expect(fromUkInputValue('2025-03-30T02:30')).toBe('2025-03-30T01:30:00.000Z');
    expect(fromUkInputValue('2025-10-26T00:30')).toBe('2025-10-25T23:30:00.000Z');
    expect(fromUkInputValue('2025-10-26T01:30')).toBe('2025-10-26T01:30:00.000Z');
    expect(fromUkInputValue('2025-10-26T02:30')).toBe('2025-10-26T02:30:00.000Z');
  });

  it('round-trips every quarter hour of a summer day', () => {
    for (let m = 0; m < 24 * 60; m += 15) {
      const instant = new Date(Date.UTC(2025, 6, 1) + m * 60_000);
      expect(fromUkInputValue(toUkInputValue(instant))).toBe(instant.toISOString());
    }
  });

  it('answers undefined for what is not a datetime-local value', () => {
    expect(fromUkInputValue('')).toBeUndefined();
    expect(fromUkInputValue('15/01/2025 12:00')).toBeUndefined();
  });
});

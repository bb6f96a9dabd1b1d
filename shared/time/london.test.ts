import { describe, expect, it } from 'vitest';
import { londonDate, londonMidnight, londonOffsetMinutes } from './london.ts';

describe('London time', () => {
  it.each([
    ['2024-12-01T12:00:00Z', '2024-12-01T00:00:00.000Z'],
    ['2024-12-01T00:00:00Z', '2024-12-01T00:00:00.000Z'],
    ['2024-11-30T23:59:59Z', '2024-11-30T00:00:00.000Z'],
    ['2024-07-01T12:00:00Z', '2024-06-30T23:00:00.000Z'],
    ['2024-06-30T23:00:00Z', '2024-06-30T23:00:00.000Z'],
    ['2024-06-30T22:59:59Z', '2024-06-29T23:00:00.000Z'],
    // Clocks go forward at 01:00Z on 31 March 2024: that day began at 00:00Z (GMT).
    ['2024-03-31T00:30:00Z', '2024-03-31T00:00:00.000Z'],
    ['2024-03-31T12:00:00Z', '2024-03-31T00:00:00.000Z'],
    ['2024-04-01T12:00:00Z', '2024-03-31T23:00:00.000Z'],
    // Clocks go back at 01:00Z on 27 October 2024: that day began at 23:00Z the day before (BST).
    ['2024-10-27T00:30:00Z', '2024-10-26T23:00:00.000Z'],
    ['2024-10-27T12:00:00Z', '2024-10-26T23:00:00.000Z'],
    ['2024-10-27T23:59:59Z', '2024-10-26T23:00:00.000Z'],
    ['2024-10-28T00:00:00Z', '2024-10-28T00:00:00.000Z'],
  ])('midnight before %s is %s', (now, midnight) => {
    expect(londonMidnight(new Date(now)).toISOString()).toBe(midnight);
  });

  it('has 23 hours on the day the clocks go forward and 25 on the day they go back', () => {
    const span = (a: string, b: string) => (londonMidnight(new Date(b)).getTime() - londonMidnight(new Date(a)).getTime()) / 3_600_000;
    expect(span('2024-03-31T12:00:00Z', '2024-04-01T12:00:00Z')).toBe(23);
    expect(span('2024-10-27T12:00:00Z', '2024-10-28T12:00:00Z')).toBe(25);
    expect(span('2024-06-10T12:00:00Z', '2024-06-11T12:00:00Z')).toBe(24);
  });

  it('knows the offset on either side of each change', () => {
    expect(londonOffsetMinutes(new Date('2024-03-31T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2024-03-31T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2024-10-27T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2024-10-27T01:00:00Z'))).toBe(0);
  });

  it('gives the London calendar date', () => {
    expect(londonDate(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    expect(londonDate(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
  });
});

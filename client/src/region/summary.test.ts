import { describe, expect, it } from 'vitest';
import { crewsBadge, feedText, hospitalsBadge, waitBadge } from './summary.ts';

describe('a trust’s summary in words', () => {
  it('says a wait against its standard, and none waiting at zero', () => {
    expect(waitBadge('C1', 0)).toEqual({ standing: 'none', text: 'NONE WAITING' });
    expect(waitBadge('C1', 16 * 60)).toEqual({ standing: 'beyond', text: '▲ OVER 15 MIN' });
    expect(waitBadge('C2', 20 * 60)).toEqual({ standing: 'near', text: '◆ OVER 18 MIN' });
    expect(waitBadge('C2', 10 * 60)).toEqual({ standing: 'within', text: '✓ UNDER 18 MIN' });
  });

  it('says when no crew is free, but not for a trust with nobody on shift', () => {
    expect(crewsBadge({ available: 0, onShift: 40 })?.text).toBe('▲ NONE FREE');
    expect(crewsBadge({ available: 0, onShift: 0 })).toBeUndefined();
    expect(crewsBadge({ available: 3, onShift: 40 })).toBeUndefined();
  });

  it('counts hospitals past 60 minutes in words', () => {
    expect(hospitalsBadge(3).text).toBe('▲ 3 OVER 60 MIN');
    expect(hospitalsBadge(0).text).toBe('✓ NONE OVER 60 MIN');
  });

  it('says when the feed last sent anything, in UK time', () => {
    expect(feedText('2025-07-01T12:00:00Z', new Date('2025-07-01T12:00:12Z'))).toBe('Feed 13:00:00 · 12 s ago');
    expect(feedText(null, new Date())).toBe('Feed: no event yet');
  });
});

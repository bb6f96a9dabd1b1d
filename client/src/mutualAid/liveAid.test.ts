import { describe, expect, it } from 'vitest';
import { sampleRequest } from '../region/region.fixture.ts';
import { matchesQuery, mergeRequests, offersOf, openRequests, recentlyClosed, unfilledText, upsertRequest } from './liveAid.ts';

const offer = (id: string, trust: 'RX8' | 'RRU', status: 'pending' | 'accepted' | 'declined' | 'lapsed', offeredAt: string) => ({
  id,
  trust,
  resources: [{ kind: 'DSA' as const, quantity: 2 }],
  eta: '2025-01-15T11:00:00.000Z',
  status,
  offeredAt,
  offeredBy: { id: 'u2', username: 'dm-rx8', displayName: 'Sam', role: 'duty_manager' },
});

describe('mutual-aid requests kept by a screen', () => {
  it('keeps the copy changed last, whichever way it arrived', () => {
    const first = sampleRequest({ updatedAt: '2025-01-15T10:00:00.000Z' });
    const offered = sampleRequest({ updatedAt: '2025-01-15T10:05:00.000Z', offers: [offer('o1', 'RX8', 'pending', '2025-01-15T10:05:00.000Z')] });
    expect(mergeRequests([offered], [first])).toEqual([offered]);
    expect(mergeRequests([first], [offered])).toEqual([offered]);
    expect(upsertRequest([offered], first)).toEqual([offered]);
  });

  it('lists the newest request first', () => {
    const older = sampleRequest({ id: 'a', requestedAt: '2025-01-15T09:00:00.000Z' });
    const newer = sampleRequest({ id: 'b', requestedAt: '2025-01-15T10:00:00.000Z' });
    expect(mergeRequests([older], [newer]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('matches a list’s query as the server filters: a trust asking or asked, a region involved, a status', () => {
    const request = sampleRequest({ trust: 'RX6', askedTrusts: ['RX8', 'RRU'], regions: ['Y63', 'Y56'] });
    expect(matchesQuery(request, { trust: 'RX6' })).toBe(true);
    expect(matchesQuery(request, { trust: 'RRU' })).toBe(true);
    expect(matchesQuery(request, { trust: 'RYC' })).toBe(false);
    expect(matchesQuery(request, { region: 'Y56' })).toBe(true);
    expect(matchesQuery(request, { region: 'Y61' })).toBe(false);
    expect(matchesQuery(request, { status: 'fulfilled' })).toBe(false);
  });

  it('separates open requests from those closed in the last day, the last closed first', () => {
    const now = new Date('2025-01-15T12:00:00.000Z');
    const open = sampleRequest({ id: 'open' });
    const closedEarly = sampleRequest({ id: 'early', status: 'withdrawn', closedAt: '2025-01-15T08:00:00.000Z' });
    const closedLate = sampleRequest({ id: 'late', status: 'fulfilled', closedAt: '2025-01-15T11:00:00.000Z' });
    const longAgo = sampleRequest({ id: 'old', status: 'fulfilled', closedAt: '2025-01-13T11:00:00.000Z' });
    const all = [open, closedEarly, closedLate, longAgo];
    expect(openRequests(all).map((r) => r.id)).toEqual(['open']);
    expect(recentlyClosed(all, now).map((r) => r.id)).toEqual(['late', 'early']);
  });

  it('says what is still unfilled in words', () => {
    expect(unfilledText(sampleRequest({ filled: [{ kind: 'DSA', asked: 6, accepted: 4, offered: 4, unfilled: 2 }, { kind: 'call_handlers', asked: 2, accepted: 0, offered: 0, unfilled: 2 }] }))).toBe('2 DSA, 2 call handlers');
    expect(unfilledText(sampleRequest({ filled: [{ kind: 'DSA', asked: 6, accepted: 6, offered: 6, unfilled: 0 }] }))).toBeUndefined();
  });

  it('collects what one trust has offered across requests, the latest first', () => {
    const a = sampleRequest({ id: 'a', offers: [offer('o1', 'RX8', 'accepted', '2025-01-15T10:00:00.000Z'), offer('o2', 'RRU', 'pending', '2025-01-15T10:01:00.000Z')] });
    const b = sampleRequest({ id: 'b', offers: [offer('o3', 'RX8', 'pending', '2025-01-15T11:00:00.000Z')] });
    expect(offersOf('RX8', [a, b]).map(({ request, offer: o }) => `${request.id}/${o.id}`)).toEqual(['b/o3', 'a/o1']);
  });
});

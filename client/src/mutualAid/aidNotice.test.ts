import { describe, expect, it } from 'vitest';
import { type AidLine, type AidRequest, filledOf, type Offer } from '../../../shared/mutualAid/schemas.ts';
import type { TrustCode } from '../../../shared/reference/trusts.ts';
import { sampleRequest } from '../region/region.fixture.ts';
import { aidNoticeLines } from './aidNotice.ts';

const offer = (id: string, trust: 'RX6' | 'RX8', status: Offer['status'], resources: AidLine[] = [{ kind: 'DSA', quantity: 4 }]): Offer => ({
  id,
  trust,
  resources,
  eta: '2025-01-15T11:00:00.000Z',
  status,
  offeredAt: '2025-01-15T10:05:00.000Z',
  offeredBy: { id: 'u2', username: 'dm-rx8', displayName: 'Sam Yorkshire', role: 'duty_manager' },
});

/** A request whose `filled` follows from its resources and offers, as the server computes it. */
const request = (overrides: Partial<AidRequest> = {}): AidRequest => {
  const base = sampleRequest(overrides);
  return { ...base, filled: filledOf(base.resources, base.offers) };
};

const texts = (trust: TrustCode, requests: AidRequest[]) => aidNoticeLines(trust, requests).map((l) => l.text);

describe('the mutual-aid notice at the top of a trust page', () => {
  it('says nothing when the trust has no open request, asking or asked', () => {
    expect(aidNoticeLines('RX6', [])).toEqual([]);
    expect(aidNoticeLines('RX6', [request({ status: 'fulfilled', closedAt: '2025-01-15T12:00:00.000Z' })])).toEqual([]);
    // A request of two other trusts is not this trust's business.
    expect(aidNoticeLines('RRU', [request()])).toEqual([]);
  });

  it('asks the trust asked for help, naming the asking trust and what it needs', () => {
    const asked = aidNoticeLines('RX8', [request()]);
    expect(asked).toEqual([{ kind: 'asked', key: 'asked-req-1', text: 'NEAS asks you for 6 DSA' }]);
  });

  it('tells the asking trust how far its request is filled while nothing has come', () => {
    expect(texts('RX6', [request()])).toEqual(['Your request: 0 of 6 DSA accepted, 6 unfilled']);
  });

  it('puts the offers waiting for the asking trust’s decision first, counted over its open requests', () => {
    const one = request({ offers: [offer('o1', 'RX8', 'pending')] });
    expect(aidNoticeLines('RX6', [one]).map((l) => l.kind)).toEqual(['decide', 'request']);
    expect(texts('RX6', [one])[0]).toBe('1 offer waiting for your decision');
    const second = request({ id: 'req-2', resources: [{ kind: 'RRV', quantity: 2 }], offers: [offer('o2', 'RX8', 'pending', [{ kind: 'RRV', quantity: 1 }])] });
    expect(texts('RX6', [one, second])[0]).toBe('2 offers waiting for your decision');
  });

  it('counts what is accepted against what was asked, and what is still unfilled', () => {
    const partly = request({ offers: [offer('o1', 'RX8', 'accepted')] });
    expect(texts('RX6', [partly])).toEqual(['Your request: 4 of 6 DSA accepted, 2 unfilled']);
    const full = request({ offers: [offer('o1', 'RX8', 'accepted', [{ kind: 'DSA', quantity: 6 }])] });
    expect(texts('RX6', [full])).toEqual(['Your request: 6 of 6 DSA accepted, all filled']);
  });

  it('names the kind of each shortfall when a request asks for several kinds', () => {
    const mixed = request({ resources: [{ kind: 'DSA', quantity: 6 }, { kind: 'call_handlers', quantity: 2 }], offers: [offer('o1', 'RX8', 'accepted')] });
    expect(texts('RX6', [mixed])).toEqual(['Your request: 4 of 6 DSA, 0 of 2 call handlers accepted; 2 DSA, 2 call handlers unfilled']);
  });

  it('turns the asked trust’s line into its offer once it has offered, and back if the offer is declined', () => {
    expect(texts('RX8', [request({ offers: [offer('o1', 'RX8', 'pending')] })])).toEqual(['Your offer to NEAS: 4 DSA, waiting for their decision']);
    expect(texts('RX8', [request({ offers: [offer('o1', 'RX8', 'accepted')] })])).toEqual(['Your offer to NEAS: 4 DSA, accepted']);
    expect(texts('RX8', [request({ offers: [offer('o1', 'RX8', 'declined')] })])).toEqual(['NEAS asks you for 6 DSA']);
  });

  it('says what is still unfilled when another trust has already covered part of the ask, and nothing once all is covered', () => {
    const others = (status: Offer['status'], quantity: number) => request({ askedTrusts: ['RX8', 'RX9'], offers: [{ ...offer('o9', 'RX8', status, [{ kind: 'DSA', quantity }]), trust: 'RX9' }] });
    expect(texts('RX8', [others('accepted', 4)])).toEqual(['NEAS asks you for 6 DSA; 2 DSA still unfilled']);
    expect(texts('RX8', [others('accepted', 6)])).toEqual([]);
  });

  it('lists what to act on before what to watch, the oldest request first', () => {
    const ours = request({ id: 'ours', trust: 'RX8', askedTrusts: ['RX6'], requestedAt: '2025-01-15T09:00:00.000Z' });
    const older = request({ id: 'older', requestedAt: '2025-01-15T08:00:00.000Z' });
    const newer = request({ id: 'newer', trust: 'RX6', requestedAt: '2025-01-15T09:30:00.000Z', resources: [{ kind: 'HART', quantity: 1 }] });
    expect(aidNoticeLines('RX8', [newer, ours, older]).map((l) => l.key)).toEqual(['asked-older', 'asked-newer', 'request-ours']);
  });
});

import { describe, expect, it } from 'vitest';
import { SYSTEM_AUTHOR } from '../../shared/incidents/schemas.ts';
import { describeLines, filledOf, OFFER_STATUSES, REQUEST_STATUSES, type Offer, type OfferStatus, type RequestStatus } from '../../shared/mutualAid/schemas.ts';
import { step, type AidState, type AidStep } from './lifecycle.ts';

const offer = (id: string, status: OfferStatus, quantity = 2): Offer => ({
  id,
  trust: 'RX8',
  resources: [{ kind: 'DSA', quantity }],
  eta: '2025-01-15T12:00:00.000Z',
  status,
  offeredAt: '2025-01-15T10:00:00.000Z',
  offeredBy: SYSTEM_AUTHOR,
});

const STEPS: Record<string, AidStep> = {
  offer: { type: 'offer', offer: offer('new', 'pending') },
  accept: { type: 'accept', offerId: 'o', at: '2025-01-15T10:05:00.000Z', by: SYSTEM_AUTHOR },
  decline: { type: 'decline', offerId: 'o', at: '2025-01-15T10:05:00.000Z', by: SYSTEM_AUTHOR, reason: 'Too late' },
  'close fulfilled': { type: 'close', outcome: 'fulfilled' },
  'close withdrawn': { type: 'close', outcome: 'withdrawn' },
};

/**
 * What the lifecycle allows, written out independently of the code: a closed request takes
 * nothing; an offer is decided once, while pending; fulfilled needs something accepted.
 */
function expected(status: RequestStatus, target: OfferStatus | 'none', others: readonly OfferStatus[], name: string): string {
  if (status !== 'open') return 'request_closed';
  if (name === 'offer' || name === 'close withdrawn') return 'ok';
  if (name === 'close fulfilled') return target === 'accepted' || others.includes('accepted') ? 'ok' : 'nothing_accepted';
  if (target === 'none') return 'no_such_offer';
  return target === 'pending' ? 'ok' : 'offer_decided';
}

describe('the mutual-aid lifecycle', () => {
  it('allows exactly the steps its state allows, from every state', () => {
    let cases = 0;
    for (const status of REQUEST_STATUSES) {
      for (const target of [...OFFER_STATUSES, 'none'] as const) {
        for (const other of [[], ['accepted'], ['pending'], ['declined', 'lapsed']] as OfferStatus[][]) {
          const offers = [...(target === 'none' ? [] : [offer('o', target)]), ...other.map((s, i) => offer(`other-${i}`, s))];
          const state: AidState = { status, offers };
          for (const [name, action] of Object.entries(STEPS)) {
            const result = step(state, action);
            const outcome = result.ok ? 'ok' : result.error;
            expect(outcome, `${name} on a ${status} request, offer ${target}, others [${other.join(', ')}]`).toBe(expected(status, target, other, name));
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(3 * 5 * 4 * 5);
  });

  it('moves only what the step names, and never changes the state it was given', () => {
    const state: AidState = { status: 'open', offers: [offer('o', 'pending'), offer('p', 'pending')] };
    const frozen = JSON.stringify(state);
    const accepted = step(state, STEPS.accept!);
    expect(accepted.ok && accepted.state.offers.map((o) => [o.id, o.status])).toEqual([
      ['o', 'accepted'],
      ['p', 'pending'],
    ]);
    expect(accepted.ok && accepted.state.offers[0]).toMatchObject({ decidedAt: '2025-01-15T10:05:00.000Z', decidedBy: SYSTEM_AUTHOR });
    const declined = step(state, STEPS.decline!);
    expect(declined.ok && declined.state.offers[0]).toMatchObject({ status: 'declined', decisionReason: 'Too late' });
    const offered = step(state, STEPS.offer!);
    expect(offered.ok && offered.state.offers.map((o) => o.id)).toEqual(['o', 'p', 'new']);
    expect(JSON.stringify(state)).toBe(frozen);
  });

  it('lapses the offers nobody decided on when the request closes, and keeps the decided ones', () => {
    const state: AidState = { status: 'open', offers: [offer('a', 'accepted'), offer('b', 'pending'), offer('c', 'declined')] };
    for (const outcome of ['fulfilled', 'withdrawn'] as const) {
      const closed = step(state, { type: 'close', outcome });
      expect(closed.ok && closed.state).toEqual({ status: outcome, offers: [offer('a', 'accepted'), offer('b', 'lapsed'), offer('c', 'declined')] });
    }
  });

  it('counts what is accepted, offered and unfilled of each kind asked', () => {
    const asked = [
      { kind: 'DSA' as const, quantity: 6 },
      { kind: 'call_handlers' as const, quantity: 4 },
    ];
    const offers = [offer('a', 'accepted', 4), offer('b', 'pending', 5), offer('c', 'declined', 9), { ...offer('d', 'accepted'), resources: [{ kind: 'call_handlers' as const, quantity: 6 }] }];
    expect(filledOf(asked, offers)).toEqual([
      { kind: 'DSA', asked: 6, accepted: 4, offered: 9, unfilled: 2 },
      { kind: 'call_handlers', asked: 4, accepted: 6, offered: 6, unfilled: 0 },
    ]);
    expect(describeLines(asked)).toBe('6 DSA, 4 call handlers');
  });
});

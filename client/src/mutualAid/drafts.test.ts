import { describe, expect, it } from 'vitest';
import { sampleRequest } from '../region/region.fixture.ts';
import { NO_QUANTITIES, offerFromDraft, placeServerErrors, requestFromDraft, restOfRegion, type RequestDraft } from './drafts.ts';

const draft = (over: Partial<RequestDraft> = {}): RequestDraft => ({
  trust: 'RX6',
  quantities: { ...NO_QUANTITIES, DSA: '6', call_handlers: '2' },
  from: '2025-07-01T13:00',
  until: '2025-07-01T21:00',
  reason: 'Over 200 waiting',
  asked: ['RX8'],
  ...over,
});

describe('the mutual-aid request form', () => {
  it('asks the rest of the trust’s region by default', () => {
    expect(restOfRegion('RX6')).toEqual(['RX8']);
    expect(restOfRegion('RYE')).toEqual(['RYD', 'R1F']);
    expect(restOfRegion('RRU')).toEqual([]);
    expect(restOfRegion('')).toEqual([]);
  });

  it('makes the request: kinds with a quantity, the window in UK time as instants', () => {
    const outcome = requestFromDraft(draft());
    expect(outcome).toEqual({
      ok: true,
      body: {
        trust: 'RX6',
        resources: [{ kind: 'DSA', quantity: 6 }, { kind: 'call_handlers', quantity: 2 }],
        neededFrom: '2025-07-01T12:00:00.000Z',
        neededUntil: '2025-07-01T20:00:00.000Z',
        reason: 'Over 200 waiting',
        askedTrusts: ['RX8'],
      },
    });
  });

  it('leaves the end of the window out when none is given', () => {
    const outcome = requestFromDraft(draft({ until: '' }));
    expect(outcome.ok && 'neededUntil' in outcome.body).toBe(false);
  });

  it('puts each problem beside its field, a quantity under its own kind', () => {
    const outcome = requestFromDraft(draft({ trust: '', quantities: { ...NO_QUANTITIES, DSA: '6', HART: '1.5' }, from: '', reason: ' ', asked: [] }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors).sort()).toEqual(['askedTrusts', 'neededFrom', 'quantity.HART', 'reason', 'trust']);
    expect(outcome.errors['quantity.HART']).toBe('must be a whole number');
    expect(outcome.errors.neededFrom).toMatch(/^is required/);
  });

  it('says so when no kind has a quantity, and when the window ends before it starts', () => {
    const outcome = requestFromDraft(draft({ quantities: NO_QUANTITIES, until: '2025-07-01T12:00' }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.resources).toMatch(/at least one kind/);
    expect(outcome.errors.neededUntil).toBe('must be after the start');
  });

  it('places the server’s issues the same way', () => {
    expect(placeServerErrors({ 'resources.1.quantity': 'must be at most 500', neededFrom: 'is more than 14 days ahead' }, { ...NO_QUANTITIES, DSA: '6', clinicians: '900' })).toEqual({
      'quantity.clinicians': 'must be at most 500',
      neededFrom: 'is more than 14 days ahead',
    });
  });
});

describe('the offer form', () => {
  const request = sampleRequest({ resources: [{ kind: 'DSA', quantity: 6 }, { kind: 'call_handlers', quantity: 2 }] });

  it('offers the kinds asked with a quantity, an ETA and a note', () => {
    const outcome = offerFromDraft({ trust: 'RX8', quantities: { ...NO_QUANTITIES, DSA: '4' }, eta: '2025-01-15T11:00', note: ' From Leeds ' }, request);
    expect(outcome).toEqual({ ok: true, body: { trust: 'RX8', resources: [{ kind: 'DSA', quantity: 4 }], eta: '2025-01-15T11:00:00.000Z', note: 'From Leeds' } });
  });

  it('ignores kinds the request did not ask for, and needs an ETA', () => {
    const outcome = offerFromDraft({ trust: 'RX8', quantities: { ...NO_QUANTITIES, HART: '1' }, eta: '', note: '' }, request);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors).sort()).toEqual(['eta', 'resources']);
  });
});

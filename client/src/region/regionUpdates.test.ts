import { describe, expect, it } from 'vitest';
import { diffMergePatch } from '../../../shared/picture/mergePatch.ts';
import { applyRegionUpdate, type HeldRegion } from './regionUpdates.ts';
import { sampleRegion, sampleRequest, sampleSummary } from './region.fixture.ts';

const held: HeldRegion = { picture: sampleRegion(), version: 7 };

describe('region picture updates', () => {
  it('replaces what is held with a whole picture, whatever the version', () => {
    const picture = sampleRegion({ mutualAid: [sampleRequest()] });
    expect(applyRegionUpdate(held, { region: 'Y63', version: 2, asOf: picture.asOf, picture })).toEqual({ kind: 'hold', held: { picture, version: 2 } });
  });

  it('applies a patch on the version just before it, keeping the nulls inside the trusts', () => {
    const after = sampleRegion({ trusts: [sampleSummary({ queueTotal: 40, lastEventAt: null }), sampleRegion().trusts[1]!], mutualAid: [sampleRequest()] });
    const patch = diffMergePatch(held.picture, after)!;
    const outcome = applyRegionUpdate(held, { region: 'Y63', version: 8, asOf: after.asOf, patch });
    expect(outcome).toEqual({ kind: 'hold', held: { picture: after, version: 8 } });
  });

  it('asks for the whole picture again after a missed version, or with nothing held', () => {
    expect(applyRegionUpdate(held, { region: 'Y63', version: 9, asOf: '', patch: { asOf: 'x' } }).kind).toBe('resubscribe');
    expect(applyRegionUpdate(undefined, { region: 'Y63', version: 1, asOf: '', patch: { asOf: 'x' } }).kind).toBe('resubscribe');
  });

  it('treats a patch that breaks the picture as missed', () => {
    expect(applyRegionUpdate(held, { region: 'Y63', version: 8, asOf: '', patch: { trusts: null } }).kind).toBe('resubscribe');
  });
});

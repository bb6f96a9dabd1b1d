import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, diffMergePatch, type Json } from './mergePatch.ts';

describe('merge patches', () => {
  it('lists only what changed', () => {
    expect(diffMergePatch({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 4, d: 3 } })).toEqual({ b: { c: 4 } });
    expect(diffMergePatch({ a: 1 }, { a: 1 })).toBeUndefined();
  });

  it('replaces arrays whole and removes members with null', () => {
    expect(diffMergePatch({ list: [1, 2], gone: 1 }, { list: [1, 3] })).toEqual({ list: [1, 3], gone: null });
  });

  it('applies the examples of RFC 7386', () => {
    expect(applyMergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(applyMergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(applyMergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(applyMergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(applyMergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(applyMergePatch(['a', 'b'], ['c', 'd'])).toEqual(['c', 'd']);
  });

  // Objects without nulls, as pictures are once nulls are read as absent.
  const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 })),
  })).value;
  const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), json, { maxKeys: 5 });

  it('turns any picture into any other: apply(before, diff(before, after)) equals after', () => {
    fc.assert(
      fc.property(object, object, (before, after) => {
        const patch = diffMergePatch(before, after);
        expect(patch === undefined ? before : applyMergePatch(before, patch)).toEqual(after);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { diffMergePatch, type Json } from '../../../shared/picture/mergePatch.ts';
import { applyPictureUpdate, type HeldPicture } from './pictureUpdates.ts';
import { samplePicture } from './picture.fixture.ts';

const held: HeldPicture = { picture: samplePicture(), version: 4 };

describe('picture updates', () => {
  it('replaces the picture with a whole one, whatever the version', () => {
    const picture = samplePicture({ stale: true });
    expect(applyPictureUpdate(held, { trust: 'RX6', version: 9, asOf: picture.asOf, picture })).toEqual({ kind: 'hold', held: { picture, version: 9 } });
    expect(applyPictureUpdate(undefined, { trust: 'RX6', version: 1, asOf: picture.asOf, picture }).kind).toBe('hold');
  });

  it('applies a patch on the version just before it', () => {
    const patch: Json = { queue: { C2: { waiting: 3, longestWaitSeconds: 120 } }, asOf: '2025-01-15T10:00:05.000Z' };
    const outcome = applyPictureUpdate(held, { trust: 'RX6', version: 5, asOf: '2025-01-15T10:00:05.000Z', patch });
    expect(outcome.kind).toBe('hold');
    if (outcome.kind !== 'hold') return;
    expect(outcome.held.version).toBe(5);
    expect(outcome.held.picture.queue.C2).toEqual({ waiting: 3, longestWaitSeconds: 120 });
    expect(outcome.held.picture.queue.C1).toEqual(held.picture.queue.C1);
  });

  it('asks for the whole picture again when a version was missed, repeated, or nothing is held', () => {
    const patch: Json = { stale: true };
    expect(applyPictureUpdate(held, { trust: 'RX6', version: 6, asOf: '', patch }).kind).toBe('resubscribe');
    expect(applyPictureUpdate(held, { trust: 'RX6', version: 4, asOf: '', patch }).kind).toBe('resubscribe');
    expect(applyPictureUpdate(undefined, { trust: 'RX6', version: 1, asOf: '', patch }).kind).toBe('resubscribe');
  });

  it('reads an incident removed by a patch as null', () => {
    const withIncident = samplePicture({ incident: { id: 'i1', level: 'critical', title: 'Handover delays', declaredAt: '2025-01-15T09:00:00Z' } });
    const patch = diffMergePatch(withIncident, samplePicture());
    expect(patch).toEqual({ incident: null });
    const outcome = applyPictureUpdate({ picture: withIncident, version: 1 }, { trust: 'RX6', version: 2, asOf: '', patch: patch! });
    expect(outcome.kind === 'hold' && outcome.held.picture.incident).toBeNull();
  });

  it('treats a patch that breaks the picture as missed', () => {
    expect(applyPictureUpdate(held, { trust: 'RX6', version: 5, asOf: '', patch: { queue: null } }).kind).toBe('resubscribe');
  });
});

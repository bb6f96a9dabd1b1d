import { applyMergePatch } from '../../../shared/picture/mergePatch.ts';
import { RegionPicture } from '../../../shared/picture/region.ts';
import type { RegionPictureUpdate } from '../../../shared/realtime/events.ts';

/** The region summary a screen holds and the version the next patch must build on. */
export interface HeldRegion {
  picture: RegionPicture;
  version: number;
}

export type RegionUpdateOutcome = { kind: 'hold'; held: HeldRegion } | { kind: 'resubscribe' };

/**
 * Applies one region `picture.update` to what is held, as a trust's picture is (pictureUpdates.ts):
 * a whole picture replaces it; a patch applies only on the version just before it, and anything
 * else (a missed message, a restarted server counting afresh, a result that is no region picture)
 * asks for the whole picture again rather than show figures that were never true. The region's
 * members that can be null sit inside arrays, which a merge patch replaces whole, so no null is lost.
 */
export function applyRegionUpdate(held: HeldRegion | undefined, update: RegionPictureUpdate): RegionUpdateOutcome {
  if ('picture' in update) return { kind: 'hold', held: { picture: update.picture, version: update.version } };
  if (!held || update.version !== held.version + 1) return { kind: 'resubscribe' };
  const parsed = RegionPicture.safeParse(applyMergePatch(held.picture, update.patch));
  if (!parsed.success) return { kind: 'resubscribe' };
  return { kind: 'hold', held: { picture: parsed.data, version: update.version } };
}

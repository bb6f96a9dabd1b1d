import { applyMergePatch, type Json } from '../../../shared/picture/mergePatch.ts';
import { Picture } from '../../../shared/picture/picture.ts';
import type { PictureUpdate } from '../../../shared/realtime/events.ts';

/** The picture a screen holds and the version the next patch must build on. */
export interface HeldPicture {
  picture: Picture;
  version: number;
}

/** What to do with an update: hold this picture now, or ask for the whole picture again. */
export type UpdateOutcome = { kind: 'hold'; held: HeldPicture } | { kind: 'resubscribe' };

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies one `picture.update` to the picture held. A whole picture replaces it. A patch applies
 * only on the version just before it; any other version means a message was missed (or the
 * server restarted and counts afresh), and patching anyway would show figures that were never
 * true, so the screen asks for the whole picture again.
 *
 * A member that became null arrives as removed (RFC 7386 cannot say null), so a missing
 * `incident` is read as null. A patch whose result is not a picture is treated as missed.
 */
export function applyPictureUpdate(held: HeldPicture | undefined, update: PictureUpdate): UpdateOutcome {
  if ('picture' in update) return { kind: 'hold', held: { picture: update.picture, version: update.version } };
  if (!held || update.version !== held.version + 1) return { kind: 'resubscribe' };
  const merged = applyMergePatch(held.picture, update.patch);
  const parsed = Picture.safeParse(isObject(merged) ? { incident: null, ...merged } : merged);
  if (!parsed.success) return { kind: 'resubscribe' };
  return { kind: 'hold', held: { picture: parsed.data, version: update.version } };
}

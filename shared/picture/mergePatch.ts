/**
 * JSON merge patches (RFC 7386): how a picture update says what changed since the version
 * before. An object lists only the members that changed; `null` removes a member; anything else,
 * arrays included, replaces the member whole.
 *
 * Example: from `{ a: 1, b: { c: 2, d: 3 } }` to `{ a: 1, b: { c: 4, d: 3 } }` the patch is
 * `{ b: { c: 4 } }`.
 *
 * A patch cannot tell "became null" from "removed": a picture member that turns to null (an
 * incident stood down) arrives as a removed member, which readers treat as null.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
  }
  return false;
}

/** The merge patch that turns `before` into `after`, or undefined when nothing changed. */
export function diffMergePatch(before: Json, after: Json): Json | undefined {
  if (!isObject(before) || !isObject(after)) return equal(before, after) ? undefined : after;
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) {
      patch[key] = value;
      continue;
    }
    const previous = before[key]!;
    if (isObject(previous) && isObject(value)) {
      const inner = diffMergePatch(previous, value);
      if (inner !== undefined) patch[key] = inner;
    } else if (value === null && previous !== null) {
      patch[key] = null;
    } else if (!equal(previous, value)) {
      patch[key] = value;
    }
  }
  return Object.keys(patch).length ? patch : undefined;
}

/** Applies a merge patch (RFC 7386 §2), leaving `target` unchanged. */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

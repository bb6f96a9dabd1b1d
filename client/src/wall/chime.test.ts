import { describe, expect, it } from 'vitest';
import { chimeWanted } from './useChime.ts';

function memory() {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
}

describe('the wall screen’s chime', () => {
  it('is off unless the screen is switched on, and stays as it was last switched', () => {
    const storage = memory();
    expect(chimeWanted('', storage)).toBe(false);
    expect(chimeWanted('?chime=on', storage)).toBe(true);
    expect(chimeWanted('', storage)).toBe(true);
    expect(chimeWanted('?chime=off', storage)).toBe(false);
    expect(chimeWanted('', storage)).toBe(false);
    expect(chimeWanted('?chime=maybe', storage)).toBe(false);
  });
});

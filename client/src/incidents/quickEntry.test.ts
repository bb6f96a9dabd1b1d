import { describe, expect, it } from 'vitest';
import { draftAfterPost, EMPTY_DRAFT, entryRequest, isSubmitKey, shortcutKind } from './quickEntry.ts';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}, k = '') => ({ key: k, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('the quick entry box', () => {
  it('chooses a kind with Alt and its letter, by the key’s place whatever it types', () => {
    expect(shortcutKind(key('KeyD', { altKey: true }, '∂'))).toBe('decision');
    expect(shortcutKind(key('KeyR', { altKey: true }))).toBe('correction');
    expect(shortcutKind(key('KeyD'))).toBeUndefined();
    expect(shortcutKind(key('KeyD', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(shortcutKind(key('KeyX', { altKey: true }))).toBeUndefined();
  });

  it('posts on Ctrl+Enter or ⌘+Enter, and makes a new line on Enter alone', () => {
    expect(isSubmitKey(key('Enter', { ctrlKey: true }, 'Enter'))).toBe(true);
    expect(isSubmitKey(key('Enter', { metaKey: true }, 'Enter'))).toBe(true);
    expect(isSubmitKey(key('Enter', {}, 'Enter'))).toBe(false);
  });

  it('refuses a decision without its rationale, saying so beside the rationale', () => {
    const answer = entryRequest({ ...EMPTY_DRAFT, kind: 'decision', text: 'Cancel all training', rationale: '  ' });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.errors.rationale).toMatch(/^A decision needs its rationale/);
  });

  it('sends a rationale only with a decision and corrects only with a correction', () => {
    expect(entryRequest({ kind: 'action', text: 'Called the HALO', rationale: 'left over', corrects: '3' })).toEqual({ ok: true, body: { kind: 'action', text: 'Called the HALO' } });
    expect(entryRequest({ kind: 'correction', text: 'Was 14:10, not 14:00', rationale: '', corrects: '#3' })).toEqual({ ok: true, body: { kind: 'correction', text: 'Was 14:10, not 14:00', corrects: 3 } });
  });

  it('refuses a correction that names no entry or not a number', () => {
    const none = entryRequest({ ...EMPTY_DRAFT, kind: 'correction', text: 'x' });
    expect(!none.ok && none.errors.corrects).toBeDefined();
    const word = entryRequest({ ...EMPTY_DRAFT, kind: 'correction', text: 'x', corrects: 'three' });
    expect(!word.ok && word.errors.corrects).toBeDefined();
  });

  it('refuses an empty text', () => {
    const answer = entryRequest({ ...EMPTY_DRAFT, text: '   ' });
    expect(!answer.ok && answer.errors.text).toBe('The text is required');
  });

  it('empties the box after a post but keeps the kind, except after a one-off correction', () => {
    expect(draftAfterPost({ kind: 'decision', text: 'a', rationale: 'b', corrects: '' })).toEqual({ ...EMPTY_DRAFT, kind: 'decision' });
    expect(draftAfterPost({ kind: 'correction', text: 'a', rationale: '', corrects: '2' })).toEqual(EMPTY_DRAFT);
  });
});

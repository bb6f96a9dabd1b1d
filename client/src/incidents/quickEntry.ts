import { NewEntry, WRITTEN_KINDS } from '../../../shared/incidents/schemas.ts';
import type { FieldErrors } from '../forms/issues.ts';
import { zodFieldErrors } from '../forms/issues.ts';

export type WrittenKind = (typeof WRITTEN_KINDS)[number];

/**
 * The quick entry box as typed: everything kept as text, so that a failed post loses nothing.
 * `rationale` is sent only for a decision and `corrects` only for a correction, whatever is left
 * in the other field after switching kinds.
 */
export interface EntryDraft {
  kind: WrittenKind;
  text: string;
  rationale: string;
  corrects: string;
}

export const EMPTY_DRAFT: EntryDraft = { kind: 'information', text: '', rationale: '', corrects: '' };

/**
 * Alt + a letter chooses the kind while the box has focus. The letter is read from the key's
 * place (`code`), not the character it types, so that it works on any layout and on a Mac, where
 * Option+D types "∂". Correction is R (coRrection), since C is Communication.
 */
export const KIND_SHORTCUTS: Record<WrittenKind, { code: string; letter: string }> = {
  decision: { code: 'KeyD', letter: 'D' },
  action: { code: 'KeyA', letter: 'A' },
  information: { code: 'KeyI', letter: 'I' },
  communication: { code: 'KeyC', letter: 'C' },
  correction: { code: 'KeyR', letter: 'R' },
};

interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The kind an Alt+letter chooses, or undefined for any other key. */
export function shortcutKind(event: KeyLike): WrittenKind | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  return WRITTEN_KINDS.find((kind) => KIND_SHORTCUTS[kind].code === event.code);
}

/**
 * Ctrl+Enter (⌘+Enter on a Mac) posts. Plain Enter does not: entries can never be edited, so a
 * stray Enter halfway through a sentence would leave a half entry in the log for good, to be put
 * right only by a correction. Enter makes a new line, as rationales often need.
 */
export function isSubmitKey(event: KeyLike): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/** "a rationale is required" → "A rationale is required": the schema's words as a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export function sentences(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, message === undefined ? undefined : sentence(message)]));
}

/** The request for a draft, or the errors to show beside its fields, by the shared schema. */
export function entryRequest(draft: EntryDraft): { ok: true; body: NewEntry } | { ok: false; errors: FieldErrors } {
  const candidate: Record<string, unknown> = { kind: draft.kind, text: draft.text };
  if (draft.kind === 'decision' && draft.rationale.trim() !== '') candidate.rationale = draft.rationale;
  if (draft.kind === 'correction' && draft.corrects.trim() !== '') candidate.corrects = Number(draft.corrects.trim().replace(/^#/, ''));
  const parsed = NewEntry.safeParse(candidate);
  if (!parsed.success) return { ok: false, errors: sentences(zodFieldErrors(parsed.error)) };
  return { ok: true, body: parsed.data };
}

/** What the box holds after a post: empty, ready for the next entry of the same kind (a correction is a one-off). */
export function draftAfterPost(draft: EntryDraft): EntryDraft {
  return { ...EMPTY_DRAFT, kind: draft.kind === 'correction' ? 'information' : draft.kind };
}

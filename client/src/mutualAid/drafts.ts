import { AID_KINDS, type AidKind, type AidRequest, NewOffer, NewRequest } from '../../../shared/mutualAid/schemas.ts';
import { type TrustCode, trustsOfRegion, findTrust } from '../../../shared/reference/trusts.ts';
import { type FieldErrors, zodFieldErrors } from '../forms/issues.ts';
import { fromUkInputValue } from './ukInput.ts';

/**
 * The mutual-aid forms' drafts, as typed, and the requests they make: pure, so that what the form
 * sends and what it says is wrong can be tested without a browser. Quantities are kept as typed
 * (strings) so that nothing the person typed is lost when a check fails.
 */

export type Quantities = Record<AidKind, string>;

export const NO_QUANTITIES: Quantities = Object.fromEntries(AID_KINDS.map((k) => [k, ''])) as Quantities;

export interface RequestDraft {
  trust: TrustCode | '';
  quantities: Quantities;
  /** UK wall-clock times, as `datetime-local` holds them. */
  from: string;
  until: string;
  reason: string;
  asked: TrustCode[];
}

export interface OfferDraft {
  trust: TrustCode | '';
  quantities: Quantities;
  eta: string;
  note: string;
}

export type Outcome<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

/** The default trusts asked: the rest of the trust's region (CONTRACT.md "Mutual aid"). */
export function restOfRegion(trust: TrustCode | ''): TrustCode[] {
  const region = trust ? findTrust(trust)?.region : undefined;
  return region ? trustsOfRegion(region).filter((t) => t.code !== trust).map((t) => t.code) : [];
}

/**
 * The lines of resources asked or offered, in the kinds' order, with the kind each line's index
 * stands for (the schema's issues name `resources.<index>`). A blank or 0 is a kind not asked.
 */
function lines(quantities: Quantities, kinds: readonly AidKind[]): { lines: { kind: AidKind; quantity: number }[]; kindAt: AidKind[] } {
  const picked = kinds.filter((kind) => quantities[kind].trim() !== '' && quantities[kind].trim() !== '0');
  return { lines: picked.map((kind) => ({ kind, quantity: Number(quantities[kind].trim()) })), kindAt: picked };
}

/** Words for the schema's field names, so that a message reads as a sentence on the form. */
function plain(message: string): string {
  return message
    .replace('neededFrom', 'the start')
    .replace(/^a reason is required$/, 'is required')
    .replace(/^is empty: leave it out instead$/, 'is empty');
}

/** The schema's issues as the form shows them: quantity issues under their kind (`quantity.DSA`). */
function formErrors(errors: FieldErrors, kindAt: readonly AidKind[]): FieldErrors {
  const placed: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (message === undefined) continue;
    const line = /^resources\.(\d+)\.(quantity|kind)$/.exec(path);
    const kind = line ? kindAt[Number(line[1])] : undefined;
    placed[kind ? `quantity.${kind}` : path] ??= plain(message);
  }
  return placed;
}

/** The same placement for the server's 400 issues, which use the schema's paths. */
export function placeServerErrors(errors: FieldErrors, quantities: Quantities, kinds: readonly AidKind[] = AID_KINDS): FieldErrors {
  return formErrors(errors, lines(quantities, kinds).kindAt);
}

function instant(value: string, required: string | undefined, errors: FieldErrors, field: string): string | undefined {
  if (value.trim() === '') {
    if (required) errors[field] = required;
    return undefined;
  }
  const iso = fromUkInputValue(value);
  if (!iso) errors[field] = 'is not a date and time';
  return iso;
}

export function requestFromDraft(draft: RequestDraft): Outcome<NewRequest> {
  const { lines: resources, kindAt } = lines(draft.quantities, AID_KINDS);
  const early: FieldErrors = {};
  const neededFrom = instant(draft.from, 'is required: say when the help is needed', early, 'neededFrom');
  const neededUntil = instant(draft.until, undefined, early, 'neededUntil');
  const parsed = NewRequest.safeParse({
    trust: draft.trust || undefined,
    resources,
    neededFrom: neededFrom ?? '',
    ...(neededUntil ? { neededUntil } : {}),
    reason: draft.reason,
    askedTrusts: draft.asked,
  });
  if (parsed.success && Object.keys(early).length === 0) return { ok: true, body: parsed.data };
  const errors = parsed.success ? {} : formErrors(zodFieldErrors(parsed.error), kindAt);
  if (errors.trust) errors.trust = 'Choose the trust that needs help';
  if (errors.resources) errors.resources = 'Ask for at least one kind of resource: give a quantity';
  if (errors.askedTrusts && draft.asked.length === 0) errors.askedTrusts = 'Tick at least one trust to ask';
  // The form's own words for the times come before the schema's.
  return { ok: false, errors: { ...errors, ...early } };
}

export function offerFromDraft(draft: OfferDraft, request: Pick<AidRequest, 'resources'>): Outcome<NewOffer> {
  const kinds = request.resources.map((r) => r.kind);
  const { lines: resources, kindAt } = lines(draft.quantities, kinds);
  const early: FieldErrors = {};
  const eta = instant(draft.eta, 'is required: say when the help can be there', early, 'eta');
  const note = draft.note.trim();
  const parsed = NewOffer.safeParse({ trust: draft.trust || undefined, resources, eta: eta ?? '', ...(note ? { note } : {}) });
  if (parsed.success && Object.keys(early).length === 0) return { ok: true, body: parsed.data };
  const errors = parsed.success ? {} : formErrors(zodFieldErrors(parsed.error), kindAt);
  if (errors.trust) errors.trust = 'Choose the trust that offers';
  if (errors.resources) errors.resources = 'Offer at least one of the kinds asked: give a quantity';
  return { ok: false, errors: { ...errors, ...early } };
}

import type { z } from 'zod';
import { ApiError } from '../api/http.ts';

/** One message per field, keyed by the dotted path the contract's `issues` use ("trust"). */
export type FieldErrors = Partial<Record<string, string>>;

/** The key for an issue about the input as a whole rather than one field. */
export const FORM_LEVEL = '';

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The server's 400 `issues`, shown exactly where the form's own checks show theirs. */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.id !== 'invalid_input') return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path] ??= issue.message;
  return errors;
}

/**
 * The shared schemas word their messages to follow the field's name ("is required",
 * "must be at least 10 characters"); other messages stand on their own.
 */
export function issueText(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/** Issues whose path matches none of the form's fields, to be shown above the form. */
export function unplacedErrors(errors: FieldErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !fields.includes(path))
    .map(([path, message]) => (path === FORM_LEVEL ? (message ?? '') : `${path}: ${message ?? ''}`));
}

/**
 * What a form shows after the server refused it: the server's `issues` beside their fields
 * where it named any (after `place` has put them on the form's own fields), otherwise
 * `otherwise` above the form. Example: a 400 with `reason: "a reason is required"` gives
 * `{ reason: "a reason is required" }`; a 409 gives `{ "": otherwise }`.
 */
export function refusalErrors(error: unknown, otherwise: string, place: (fields: FieldErrors) => FieldErrors = (fields) => fields): FieldErrors {
  const fields = place(apiFieldErrors(error));
  return Object.keys(fields).length ? fields : { [FORM_LEVEL]: otherwise };
}

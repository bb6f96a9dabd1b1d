import { z } from 'zod';

/**
 * Every error the API answers with has this shape. `error` is a stable snake_case id that
 * clients branch on; `message` is for people and may change; `issues` lists what was wrong
 * with the input, each with a dotted path into it.
 */
export const ErrorIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z.object({
  error: z.string().regex(/^[a-z][a-z0-9_]*$/),
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * The error ids the API uses, with what each means. Adding one is fine; renaming one breaks
 * every client that branches on it.
 */
export const ERROR_IDS = {
  invalid_input: 'the request body, query or path did not match the schema (400)',
  invalid_json: 'the body was not valid JSON (400)',
  invalid_events: 'a feed batch held invalid events; nothing of it was applied (400)',
  not_signed_in: 'no valid session, display token or feed key (401)',
  invalid_credentials: 'the username or password was wrong (401)',
  forbidden: 'signed in, but the role or scope does not allow this (403)',
  wrong_trust: 'a feed event named a trust other than its feed key’s (403)',
  bad_origin: 'a cookie-authenticated change came without the server’s own Origin (403)',
  not_found: 'no such route or resource (404)',
  method_not_allowed: 'the route exists but not with this method (405)',
  conflict: 'the request conflicts with the current state (409)',
  username_taken: 'another account already has this username (409)',
  cannot_change_own_account: 'an admin may not disable their own account (409)',
  incident_active: 'the trust already has an active incident; escalate it instead (409)',
  incident_stood_down: 'the incident has been stood down: nothing more is logged or changed (409)',
  same_level: 'the incident is already at that level (409)',
  request_closed: 'the mutual-aid request is fulfilled or withdrawn: nothing more can be done to it (409)',
  offer_decided: 'the offer was already accepted, declined or lapsed (409)',
  nothing_accepted: 'a request is closed as fulfilled only once an offer is accepted (409)',
  exercise_active: 'the trust already has an exercise running; stop it first (409)',
  exercise_ended: 'the exercise has ended: its picture and feed are closed (409)',
  payload_too_large: 'the body is over the size limit (413)',
  unsupported_media_type: 'the body is not in a content type the route accepts (415)',
  too_many_requests: 'too many requests or failed attempts; wait and retry (429)',
  internal_error: 'the server failed; the message carries a reference for the logs (500)',
} as const;
export type ErrorId = keyof typeof ERROR_IDS;

/** Turns zod issues into the contract's `issues`: `path` is the dotted path into the input. */
export function toErrorIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

import type { Response } from 'express';
import type { ErrorBody, ErrorId, ErrorIssue } from '../../shared/http/errors.ts';

/**
 * An error with a place in the contract: its HTTP status, a stable id and a message for people.
 * Anything else thrown while handling a request is a 500 `internal_error` whose details go to
 * the log only.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly id: ErrorId;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, id: ErrorId, message: string, options: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.id = id;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }
}

export const invalidInput = (issues: ErrorIssue[], message = 'The request is not valid; see issues.') => new HttpError(400, 'invalid_input', message, { issues });
export const notSignedIn = (message = 'Sign in first.') => new HttpError(401, 'not_signed_in', message);
export const forbidden = (message = 'Your role or scope does not allow this.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (id: ErrorId, message: string) => new HttpError(409, id, message);

export function sendError(res: Response, error: HttpError): void {
  const body: ErrorBody = { error: error.id, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).json(body);
}

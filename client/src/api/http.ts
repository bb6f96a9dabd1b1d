import type { z } from 'zod';
import { ErrorBody, type ErrorIssue } from '../../../shared/http/errors.ts';

export const API_BASE = '/api/v1';

/**
 * Ids the client gives failures that never reached the API's error shape. They sit beside the
 * contract's ids (shared/http/errors.ts) so that callers branch on `id` alone.
 */
export const CLIENT_ERROR_IDS = {
  network_error: 'the request did not reach the server, or no answer came back',
  unexpected_response: 'the server answered, but not in the shape the contract promises',
} as const;

/** A failed API call. Branch on `id` (the contract's `error`); `message` is for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly id: string;
  readonly issues: ErrorIssue[];

  constructor(status: number, id: string, message: string, issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.id = id;
    this.issues = issues;
  }
}

export function isApiError(error: unknown, id?: string): error is ApiError {
  return error instanceof ApiError && (id === undefined || error.id === id);
}

/** A plain sentence for any error, for places that show one line. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A display token: sent as a bearer, which the server prefers over the session cookie. */
  token?: string | undefined;
  signal?: AbortSignal | undefined;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    // The browser adds Origin to POST, PUT, PATCH and DELETE itself; the server checks it against CSRF.
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Cannot reach the server. Check the network connection and try again.');
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function failure(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await readJson(response));
  if (parsed.success) return new ApiError(response.status, parsed.data.error, parsed.data.message, parsed.data.issues ?? []);
  // A proxy in front of the server may answer with its own HTML page.
  return new ApiError(response.status, 'unexpected_response', `The server answered with status ${response.status}. Try again in a moment.`);
}

/** Calls the API and checks the answer against the contract's schema, so callers get typed data. */
export async function request<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (!response.ok) throw await failure(response);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw new ApiError(response.status, 'unexpected_response', 'The server’s answer was not in the expected shape. Reload the page; if it persists, tell your admin.');
  return parsed.data;
}

/** For answers without a body (204). */
export async function requestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) throw await failure(response);
}

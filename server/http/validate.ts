import type { Request } from 'express';
import type { z } from 'zod';
import { toErrorIssues } from '../../shared/http/errors.ts';
import { HttpError, invalidInput, notFound } from './errors.ts';
import type { Route } from './route.ts';

function hasBody(req: Request): boolean {
  return req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0' || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Validates a request against its route's schemas. A path that names nothing (an unknown trust
 * code) is a 404; a bad query or body is a 400 listing each issue by its path.
 */
export function validateInput(route: Route, req: Request): { params: unknown; query: unknown; body: unknown } {
  let params: unknown = req.params;
  if (route.params) {
    const parsed = route.params.safeParse(req.params);
    if (!parsed.success) throw notFound(`No such ${Object.keys(req.params).join(', ') || 'resource'}: ${Object.values(req.params).join('/')}.`);
    params = parsed.data;
  }
  let query: unknown = req.query;
  if (route.query) query = parseOrThrow(route.query, req.query, 'query');
  let body: unknown;
  if (route.body) {
    if (!req.is('application/json')) {
      if (hasBody(req) || route.method !== 'delete') {
        throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
      }
    }
    body = parseOrThrow(route.body, req.body ?? {}, 'body');
  }
  return { params, query, body };
}

function parseOrThrow(schema: z.ZodType, value: unknown, where: 'query' | 'body'): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalidInput(toErrorIssues(parsed.error), `The request ${where} is not valid; see issues.`);
}

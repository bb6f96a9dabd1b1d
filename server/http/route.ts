import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { AccessRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface HandlerContext<P, Q, B> extends RouteInput<P, Q, B> {
  principal: Principal | null;
  req: Request;
  res: Response;
}

/**
 * One API route, declared with everything the edge needs: its schemas (validated in one place
 * before the handler runs), its access rule (required: a route without one does not compile, and
 * the access matrix test enumerates every route), and what it answers.
 *
 * A static `access` rule is checked before the input is validated, so that nobody learns about a
 * route's input without the right to use it. A rule that depends on the input (the trust in the
 * path or the body) is a function of the validated input.
 */
export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R> {
  method: Method;
  /** The path below /api/v1, in Express syntax: `/trusts/:code/hospitals`. */
  path: string;
  summary: string;
  /** A function may look something up (the trust of an incident named in the path), so it may be async. */
  access: AccessRule | ((input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>) => AccessRule | Promise<AccessRule>);
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType<R>;
  /** The status of a successful answer; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /**
   * How the body is read: JSON of at most 1 MB by default; `text` hands the handler the raw text
   * of the listed content types (the feed parses NDJSON itself).
   */
  bodyParser?: { text: { types: string[]; limit: string } };
  /** Extra middleware that runs after authentication and before validation (rate limits). */
  before?: RequestHandler[];
  handler: (ctx: HandlerContext<z.output<P>, z.output<Q>, z.output<B>>) => R | Promise<R>;
}

// The registry holds routes with their types erased; each was checked where it was defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Route = RouteDef<z.ZodType, z.ZodType, z.ZodType, any>;

export function defineRoute<P extends z.ZodType = z.ZodType<Record<string, never>>, Q extends z.ZodType = z.ZodType<Record<string, never>>, B extends z.ZodType = z.ZodType<undefined>, R = unknown>(
  def: RouteDef<P, Q, B, R>,
): Route {
  return def;
}

export const API_PREFIX = '/api/v1';

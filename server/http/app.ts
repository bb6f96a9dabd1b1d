import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { match } from 'path-to-regexp';
import { authenticate, expectedOrigin, originMatches, readBearer } from '../auth/authenticate.ts';
import { decide } from '../auth/policy.ts';
import type { Credential, Principal } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import { HttpError, forbidden, notSignedIn, sendError } from './errors.ts';
import { API_PREFIX, type Route } from './route.ts';
import { serveClient } from './static.ts';
import { validateInput } from './validate.ts';

declare module 'express-serve-static-core' {
  interface Locals {
    principal: Principal | null;
    credential: Credential;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function principalOf(res: Response): Principal | null {
  return res.locals.principal ?? null;
}

/**
 * The Express app: security headers, request logging, authentication, the Origin check, every
 * route of the registry, then the contract's 404/405 and error shape for anything else under
 * /api, and the built client for everything outside it.
 */
export function createApp(ctx: AppContext, routes: readonly Route[]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  const httpsOnly = ctx.config.publicOrigin?.startsWith('https:') ?? false;

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(httpsOnly ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: httpsOnly,
    }),
  );

  app.use(
    pinoHttp({
      logger: ctx.log,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug'),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    }),
  );

  const api = express.Router();
  api.use(authenticateRequest(ctx));
  api.use(checkOrigin(ctx));
  const json = express.json({ limit: '1mb' });
  for (const route of routes) {
    const parser = route.bodyParser ? express.text({ type: route.bodyParser.text.types, limit: route.bodyParser.text.limit }) : json;
    api[route.method](route.path, parser, ...(route.before ?? []), handle(route));
  }
  api.use(notFoundOrMethodNotAllowed(routes));
  app.use(API_PREFIX, api);
  app.use('/api', (_req, res) => sendError(res, new HttpError(404, 'not_found', 'No such API route; the API lives under /api/v1.')));

  app.use(serveClient());
  app.use(errorHandler());
  return app;
}

function authenticateRequest(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const { principal, credential } = await authenticate(ctx.db, { cookieHeader: req.headers.cookie, bearer: readBearer(req.headers.authorization) }, ctx.now());
    res.locals.principal = principal;
    res.locals.credential = credential;
    next();
  };
}

/**
 * A browser sends the session cookie with any request to this origin, even one a hostile page
 * made it send; only a page of our own origin can make it send our Origin. So a change
 * authenticated by the cookie must carry our Origin. Sign-in is checked too when the browser
 * names an origin, against login CSRF; scripts without a browser send no Origin and no cookie.
 */
function checkOrigin(ctx: AppContext): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const needsCheck = res.locals.credential === 'cookie' || (origin !== undefined && req.path === '/auth/login');
    if (!needsCheck) return next();
    const expected = expectedOrigin(ctx.config.publicOrigin, { protocol: req.protocol, host: req.headers.host });
    if (originMatches(origin, expected)) return next();
    next(new HttpError(403, 'bad_origin', `This change must come from a page of ${expected ?? 'this server'}; the request named ${origin ? `origin ${origin}` : 'no origin'}.`));
  };
}

function handle(route: Route): RequestHandler {
  return async (req, res) => {
    const principal = principalOf(res);
    const enforce = (rule: Parameters<typeof decide>[1]) => {
      const decision = decide(principal, rule);
      if (decision === 'not_signed_in') throw notSignedIn();
      if (decision === 'forbidden') throw forbidden();
    };
    if (typeof route.access !== 'function') enforce(route.access);
    else if (!principal) throw notSignedIn();
    const input = validateInput(route, req);
    if (typeof route.access === 'function') enforce(await route.access(input));
    const result: unknown = await route.handler({ ...input, principal, req, res });
    if (res.headersSent) return;
    const status = route.status ?? 200;
    if (status === 204) res.status(204).end();
    else res.status(status).json(result);
  };
}

function notFoundOrMethodNotAllowed(routes: readonly Route[]): RequestHandler {
  const matchers = routes.map((route) => ({ method: route.method.toUpperCase(), matches: match(route.path, { decode: decodeURIComponent }) }));
  return (req, res) => {
    const allowed = [...new Set(matchers.filter((m) => m.matches(req.path) !== false).map((m) => m.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      res.setHeader('Allow', allowed.join(', '));
      return sendError(res, new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allowed.join(' or ')}.`));
    }
    sendError(res, new HttpError(404, 'not_found', `No API route ${req.method} ${req.baseUrl}${req.path}.`));
  };
}

/** Body-parser errors carry a `type`; they are the client's fault and have contract ids. */
function fromParserError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error).type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    default:
      return undefined;
  }
}

function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const known = error instanceof HttpError ? error : fromParserError(error);
    if (known) return sendError(res, known);
    // The stack goes to the log with the request id (pino-http logs res.err once, with the
    // request); the client gets only the reference.
    res.err = error instanceof Error ? error : new Error(String(error));
    sendError(res, new HttpError(500, 'internal_error', `The server failed to handle this request. Reference: ${typeof req.id === 'string' ? req.id : 'see the server log'}.`));
  };
}

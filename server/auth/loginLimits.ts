import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { HttpError, sendError } from '../http/errors.ts';

/**
 * Failed sign-ins are limited per username (guessing one account's password) and per address
 * (trying many accounts from one place). Only failures count, so people who type their password
 * right are never held back. The counts live in this process: behind several instances each
 * counts on its own, which multiplies the allowance by the number of instances.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  failuresPerUsername: 10,
  failuresPerAddress: 50,
};

function tooMany(what: string): RequestHandler {
  return (_req, res) => {
    const retryAfter = Math.ceil(LOGIN_LIMITS.windowMs / 1000);
    sendError(res, new HttpError(429, 'too_many_requests', `Too many failed sign-ins ${what}; wait ${retryAfter / 60} minutes and try again.`, { headers: { 'Retry-After': String(retryAfter) } }));
  };
}

function usernameOf(req: Request): string {
  const body: unknown = req.body;
  const username = typeof body === 'object' && body !== null && 'username' in body ? (body).username : undefined;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 200) : '';
}

export function loginLimits(): RequestHandler[] {
  const common = { windowMs: LOGIN_LIMITS.windowMs, skipSuccessfulRequests: true, standardHeaders: 'draft-8' as const, legacyHeaders: false };
  return [
    rateLimit({ ...common, limit: LOGIN_LIMITS.failuresPerAddress, keyGenerator: (req) => `address:${ipKeyGenerator(req.ip ?? 'unknown')}`, handler: tooMany('from this address') }),
    rateLimit({ ...common, limit: LOGIN_LIMITS.failuresPerUsername, keyGenerator: (req) => `username:${usernameOf(req)}`, handler: tooMany('for this username') }),
  ];
}

import type { Queryable } from '../db/database.ts';
import { findDisplayLink } from '../admin/displayLinks.ts';
import { findFeedKey } from '../admin/feedKeys.ts';
import type { Credential, Principal } from './principal.ts';
import { findSession } from './sessions.ts';
import { tokenKind } from './tokens.ts';

export const SESSION_COOKIE = 'ops_session';

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function readBearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Resolves whoever a request or a socket handshake speaks for. A bearer token (display token or
 * feed key) takes precedence over a cookie, so a wall screen on a desk where someone is signed in
 * still shows only what its link allows. An unknown or revoked credential resolves to nobody.
 */
export async function authenticate(
  db: Queryable,
  input: { cookieHeader?: string | undefined; bearer?: string | undefined },
  now: Date,
): Promise<{ principal: Principal | null; credential: Credential }> {
  if (input.bearer) {
    const kind = tokenKind(input.bearer);
    if (kind === 'display') {
      const display = await findDisplayLink(db, input.bearer, now);
      if (display) return { principal: { kind: 'display', display }, credential: 'bearer' };
    } else if (kind === 'feedKey') {
      const feedKey = await findFeedKey(db, input.bearer, now);
      if (feedKey) return { principal: { kind: 'feed', feedKey }, credential: 'bearer' };
    }
    return { principal: null, credential: 'none' };
  }
  const token = readCookie(input.cookieHeader, SESSION_COOKIE);
  if (token) {
    const session = await findSession(db, token, now);
    if (session) return { principal: { kind: 'user', user: session.user, sessionId: session.id }, credential: 'cookie' };
  }
  return { principal: null, credential: 'none' };
}

/**
 * The origin a browser must name on a cookie-authenticated change: PUBLIC_ORIGIN behind a proxy,
 * otherwise the origin the request was addressed to.
 */
export function expectedOrigin(publicOrigin: string | undefined, request: { protocol: string; host: string | undefined }): string | undefined {
  if (publicOrigin) return publicOrigin;
  return request.host ? `${request.protocol}://${request.host}` : undefined;
}

export function originMatches(origin: string | undefined, expected: string | undefined): boolean {
  if (!origin || !expected) return false;
  try {
    return new URL(origin).origin === new URL(expected).origin;
  } catch {
    return false;
  }
}

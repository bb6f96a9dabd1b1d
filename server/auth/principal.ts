import type { User } from '../../shared/auth/schemas.ts';
import type { RegionCode, TrustCode } from '../../shared/reference/trusts.ts';

/**
 * Who is asking. Every request and every socket is resolved to one of these (or to nobody)
 * before any rule is checked:
 * - `user`: a person signed in with a session cookie;
 * - `display`: a wall screen holding a display token: read-only, one trust or one region;
 * - `feed`: a dispatch system holding a feed key: writes events for one trust (or for one
 *   exercise of it, when the key belongs to an exercise), reads nothing.
 */
export type Principal =
  | { kind: 'user'; user: User; sessionId: string }
  | { kind: 'display'; display: { id: string; label: string; trust?: TrustCode; region?: RegionCode } }
  | { kind: 'feed'; feedKey: { id: string; trust: TrustCode; exerciseId?: string } };

/** How the principal proved itself; a cookie-authenticated change must pass the Origin check. */
export type Credential = 'cookie' | 'bearer' | 'none';

export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user ${principal.user.username}`;
    case 'display':
      return `display link ${principal.display.label}`;
    case 'feed':
      return `feed key ${principal.feedKey.id} (${principal.feedKey.trust})`;
  }
}

/** The account behind a change, for who-did-what columns: a person's id, or null for a key or link. */
export function actorId(principal: Principal | null): string | null {
  return principal?.kind === 'user' ? principal.user.id : null;
}

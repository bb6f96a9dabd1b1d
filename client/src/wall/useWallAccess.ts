import { useState } from 'react';
import type { User } from '../../../shared/auth/schemas.ts';
import { isTransient } from '../api/queryClient.ts';
import { canViewRegion, canViewTrust } from '../auth/scope.ts';
import { useMe } from '../auth/session.ts';
import { useDisplayScope, wallPathOf } from '../display/api.ts';
import { readDisplayToken } from '../display/token.ts';
import { grantCovers, type WallTarget } from './target.ts';

export type WallAccess =
  | { kind: 'checking'; unreachable: boolean }
  | { kind: 'display'; token: string }
  | { kind: 'user'; user: User }
  /** A display token the server refuses, and nobody signed in. */
  | { kind: 'invalid' }
  /** A display token for another wall, and nobody signed in: open the link's own wall. */
  | { kind: 'elsewhere'; to: string }
  | { kind: 'signin' }
  | { kind: 'forbidden' };

/** The national wall is for those who read every trust: admins and national executives. */
export function readsNation(user: User): boolean {
  return user.role === 'admin' || (user.role === 'executive' && !user.trust);
}

function userMayView(user: User, target: WallTarget): boolean {
  if (target.kind === 'national') return readsNation(user);
  return target.kind === 'trust' ? canViewTrust(user, target.trust.code) : canViewRegion(user, target.region.code);
}

/**
 * Who this wall speaks for. A screen opened through a display link uses its token when the link
 * covers this wall, as the server prefers the token too; otherwise the signed-in person, if any.
 */
export function useWallAccess(target: WallTarget): WallAccess {
  const [token] = useState(readDisplayToken);
  const display = useDisplayScope(token);
  const displayRefused = display.isError && !isTransient(display.error);
  const covers = display.data !== undefined && grantCovers(display.data, target);
  const needsUser = !token || displayRefused || (display.data !== undefined && !covers);
  const me = useMe({ enabled: needsUser, persistent: true });

  if (token && covers) return { kind: 'display', token };
  if (!needsUser) return { kind: 'checking', unreachable: display.failureCount > 0 };
  if (me.isPending || me.isError) return { kind: 'checking', unreachable: me.isError || me.failureCount > 0 };
  if (me.data) return userMayView(me.data, target) ? { kind: 'user', user: me.data } : { kind: 'forbidden' };
  if (displayRefused) return { kind: 'invalid' };
  const own = display.data ? wallPathOf(display.data) : undefined;
  return own ? { kind: 'elsewhere', to: own } : { kind: 'signin' };
}

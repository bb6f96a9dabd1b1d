import { ROLE_LABELS, type User } from '../../../shared/auth/schemas.ts';
import { findRegion, findTrust } from '../../../shared/reference/trusts.ts';

/**
 * What a user may look at, mirroring the server's policy (server/auth/policy.ts) so that pages
 * offer only what will be allowed. The server still decides every request.
 */
function readsEverything(user: User): boolean {
  return user.role === 'admin' || (user.role === 'executive' && !user.trust);
}

export function canViewTrust(user: User, trust: string): boolean {
  if (readsEverything(user)) return true;
  if (user.role === 'coordinator') return user.region !== undefined && findTrust(trust)?.region === user.region;
  return user.trust === trust;
}

/** Trust roles see the region summary of their own trust's region. */
export function canViewRegion(user: User, region: string): boolean {
  if (readsEverything(user)) return true;
  if (user.role === 'coordinator') return user.region === region;
  return user.trust !== undefined && findTrust(user.trust)?.region === region;
}

/** "NEAS", "North East and Yorkshire", "National", or undefined for an admin. */
export function scopeName(scope: { role?: User['role']; trust?: string | undefined; region?: string | undefined }): string | undefined {
  if (scope.trust) return findTrust(scope.trust)?.shortName ?? scope.trust;
  if (scope.region) return findRegion(scope.region)?.name ?? scope.region;
  if (scope.role === 'executive') return 'National';
  return undefined;
}

/** "Duty manager · NEAS", "Executive · National", "Admin". */
export function roleWithScope(user: Pick<User, 'role' | 'trust' | 'region'>): string {
  const scope = scopeName(user);
  return scope ? `${ROLE_LABELS[user.role]} · ${scope}` : ROLE_LABELS[user.role];
}

/** Duty managers act for their own trust: the REAP level, incidents, mutual-aid asks. */
export function canActForTrust(user: User, trust: string): boolean {
  return user.role === 'duty_manager' && user.trust === trust;
}

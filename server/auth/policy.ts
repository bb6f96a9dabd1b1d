import { findTrust, type RegionCode, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Principal } from './principal.ts';

/**
 * Who may do what, in one place for REST and Socket.IO alike (CONTRACT.md "Accounts").
 * Every route names one of these rules; the socket handlers call the same `decide`.
 *
 * - `public`: anyone, signed in or not (sign-in itself, health).
 * - `signedIn`: any person with a session.
 * - `viewer`: any person or display link (reference data a screen needs).
 * - `admin`: admins only.
 * - `readTrust`: the trust's picture: admins and national executives all; coordinators their
 *   region's trusts; duty managers and executives their own trust; a display link its trust, or
 *   any trust of its region.
 * - `readRegion`: the region's summary: admins and national executives all; coordinators and
 *   region display links their region; trust roles and trust display links the region of
 *   their trust.
 * - `actForTrust`: duty managers of that trust (REAP, incidents, mutual aid asks).
 * - `configureTrust`: admins, or duty managers of that trust (thresholds).
 * - `readIncidents`: declared incidents and their logs, which no display link and no admin reads:
 *   duty managers and executives of the trust, national executives, coordinators of its region.
 *   With a region and no trust: national executives and that region's coordinators. With
 *   neither: anyone who reads some incidents (a list, filtered to each reader's scope).
 * - `actOnAid`: mutual aid for a trust: its duty managers, or coordinators of its region (asking
 *   on its behalf, offering for it, deciding on offers and closing its requests).
 * - `readAid`: a mutual-aid request: admins and national executives; people of the asking trust,
 *   of any trust asked and of the asking trust's region; coordinators of any region involved.
 * - `display`: a display link only (a screen asking what it may show).
 * - `feed`: a feed key, which writes events for its own trust only.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'viewer' }
  | { kind: 'admin' }
  | { kind: 'readTrust'; trust: TrustCode }
  | { kind: 'readRegion'; region: RegionCode }
  | { kind: 'actForTrust'; trust: TrustCode }
  | { kind: 'configureTrust'; trust: TrustCode }
  | { kind: 'readIncidents'; trust?: TrustCode; region?: RegionCode }
  | { kind: 'actOnAid'; trust: TrustCode }
  | { kind: 'readAid'; trust: TrustCode; asked: readonly TrustCode[] }
  | { kind: 'display' }
  | { kind: 'feed' };

export type Decision = 'allow' | 'not_signed_in' | 'forbidden';

function regionOf(trust: TrustCode): RegionCode | undefined {
  return findTrust(trust)?.region;
}

/** Everyone who reads everything: admins and executives with no trust (national). */
function readsEverything(principal: Principal): boolean {
  return principal.kind === 'user' && (principal.user.role === 'admin' || (principal.user.role === 'executive' && !principal.user.trust));
}

export function canReadTrust(principal: Principal, trust: TrustCode): boolean {
  if (readsEverything(principal)) return true;
  if (principal.kind === 'display') {
    return principal.display.trust === trust || (principal.display.region !== undefined && principal.display.region === regionOf(trust));
  }
  if (principal.kind !== 'user') return false;
  const { user } = principal;
  if (user.role === 'coordinator') return user.region === regionOf(trust);
  return user.trust === trust;
}

export function canReadRegion(principal: Principal, region: RegionCode): boolean {
  if (readsEverything(principal)) return true;
  if (principal.kind === 'display') {
    return principal.display.region === region || (principal.display.trust !== undefined && regionOf(principal.display.trust) === region);
  }
  if (principal.kind !== 'user') return false;
  const { user } = principal;
  if (user.role === 'coordinator') return user.region === region;
  return user.trust !== undefined && regionOf(user.trust) === region;
}

export function canActForTrust(principal: Principal, trust: TrustCode): boolean {
  return principal.kind === 'user' && principal.user.role === 'duty_manager' && principal.user.trust === trust;
}

/** Who reads declared incidents (see `readIncidents`): never display links, feed keys or admins. */
export function canReadIncidents(principal: Principal, scope: { trust?: TrustCode | undefined; region?: RegionCode | undefined } = {}): boolean {
  if (principal.kind !== 'user') return false;
  const { user } = principal;
  if (user.role === 'admin') return false;
  if (user.role === 'executive' && !user.trust) return true;
  if (scope.trust) return user.role === 'coordinator' ? user.region === regionOf(scope.trust) : user.trust === scope.trust;
  if (scope.region) return user.role === 'coordinator' && user.region === scope.region;
  return true;
}

export function canActOnAid(principal: Principal, trust: TrustCode): boolean {
  if (canActForTrust(principal, trust)) return true;
  return principal.kind === 'user' && principal.user.role === 'coordinator' && principal.user.region === regionOf(trust);
}

export function canReadAid(principal: Principal, request: { trust: TrustCode; asked: readonly TrustCode[] }): boolean {
  if (readsEverything(principal)) return true;
  if (principal.kind !== 'user') return false;
  const { user } = principal;
  const involved = [request.trust, ...request.asked];
  if (user.role === 'coordinator') return involved.some((t) => regionOf(t) === user.region);
  if (!user.trust) return false;
  return involved.includes(user.trust) || regionOf(user.trust) === regionOf(request.trust);
}

export function decide(principal: Principal | null, rule: AccessRule): Decision {
  if (rule.kind === 'public') return 'allow';
  if (!principal) return 'not_signed_in';
  const allowed = ((): boolean => {
    switch (rule.kind) {
      case 'signedIn':
        return principal.kind === 'user';
      case 'viewer':
        return principal.kind === 'user' || principal.kind === 'display';
      case 'admin':
        return principal.kind === 'user' && principal.user.role === 'admin';
      case 'readTrust':
        return canReadTrust(principal, rule.trust);
      case 'readRegion':
        return canReadRegion(principal, rule.region);
      case 'actForTrust':
        return canActForTrust(principal, rule.trust);
      case 'configureTrust':
        return (principal.kind === 'user' && principal.user.role === 'admin') || canActForTrust(principal, rule.trust);
      case 'readIncidents':
        return canReadIncidents(principal, rule);
      case 'actOnAid':
        return canActOnAid(principal, rule.trust);
      case 'readAid':
        return canReadAid(principal, rule);
      case 'display':
        return principal.kind === 'display';
      case 'feed':
        return principal.kind === 'feed';
    }
  })();
  return allowed ? 'allow' : 'forbidden';
}

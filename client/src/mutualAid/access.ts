import type { User } from '../../../shared/auth/schemas.ts';
import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import { findTrust, type TrustCode, TRUSTS } from '../../../shared/reference/trusts.ts';

/**
 * Who may take each mutual-aid step, mirroring the server's policy (server/auth/policy.ts,
 * `actOnAid`) so that the screens offer only what will be allowed. The server still decides.
 */

/** A duty manager of the trust, or a coordinator of its region. */
export function mayActOnAid(user: User, trust: string): boolean {
  if (user.role === 'duty_manager') return user.trust === trust;
  return user.role === 'coordinator' && user.region !== undefined && findTrust(trust)?.region === user.region;
}

/** The trusts this person may ask for: their own (duty manager), or each of their region's (coordinator). */
export function trustsUserMayAskFor(user: User): TrustCode[] {
  return TRUSTS.filter((t) => mayActOnAid(user, t.code)).map((t) => t.code);
}

/** Accepting, declining and closing are the asking side's: its duty managers and its region's coordinator. */
export function mayDecide(user: User, request: Pick<AidRequest, 'trust'>): boolean {
  return mayActOnAid(user, request.trust);
}

/** The trusts asked that this person may offer for. */
export function trustsUserMayOfferFor(user: User, request: Pick<AidRequest, 'askedTrusts'>): TrustCode[] {
  return request.askedTrusts.filter((t) => mayActOnAid(user, t));
}

/**
 * Whether this person may open the log of an incident of the trust (server/auth/policy.ts,
 * `readIncidents`): never admins; national executives all; coordinators their region's; trust
 * roles their own trust's. A trust asked for aid reads the request, not the asker's log.
 */
export function mayReadIncidentsOf(user: User, trust: string): boolean {
  if (user.role === 'admin') return false;
  if (user.role === 'executive' && !user.trust) return true;
  if (user.role === 'coordinator') return user.region !== undefined && findTrust(trust)?.region === user.region;
  return user.trust === trust;
}

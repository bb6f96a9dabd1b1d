import type { User } from '../../../shared/auth/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { canActForTrust } from '../auth/scope.ts';

/**
 * Who may read and write incidents, mirroring the server's policy so that pages offer only what
 * will be allowed (the server still decides every request). Unlike the picture, admins and
 * display links read no incident: a log holds decisions about people, not figures for a wall.
 */

/** Duty managers and executives of the trust, national executives, coordinators of its region. */
export function canReadIncidentsOf(user: User, trust: string): boolean {
  if (user.role === 'executive') return !user.trust || user.trust === trust;
  if (user.role === 'duty_manager') return user.trust === trust;
  if (user.role === 'coordinator') return user.region !== undefined && findTrust(trust)?.region === user.region;
  return false;
}

/** Whether the review list is worth offering at all: everyone but admins reads some incidents. */
export function readsIncidents(user: User): boolean {
  return user.role !== 'admin';
}

/** Only the trust's duty managers declare, log, change the level and stand down. */
export function canWriteIncidentsOf(user: User, trust: string): boolean {
  return canActForTrust(user, trust);
}

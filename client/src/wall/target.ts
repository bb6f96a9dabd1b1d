import { findRegion, findTrust, type Region, REGIONS, type Trust, TRUSTS, trustsOfRegion } from '../../../shared/reference/trusts.ts';
import type { DisplayGrant } from '../display/api.ts';

/** What a wall screen shows: one trust, one region's trusts side by side, or every trust in England. */
export type WallTarget = { kind: 'trust'; trust: Trust } | { kind: 'region'; region: Region } | { kind: 'national' };

export const NATIONAL_TARGET: WallTarget = { kind: 'national' };

export function trustTarget(code: string | undefined): WallTarget | undefined {
  const trust = code ? findTrust(code) : undefined;
  return trust ? { kind: 'trust', trust } : undefined;
}

export function regionTarget(code: string | undefined): WallTarget | undefined {
  const region = code ? findRegion(code) : undefined;
  return region ? { kind: 'region', region } : undefined;
}

/** The name people know the place by: "North East Ambulance Service NHS Foundation Trust", "London". */
export function targetName(target: WallTarget): string {
  if (target.kind === 'national') return 'Ambulance trusts of England';
  return target.kind === 'trust' ? target.trust.name : target.region.name;
}

export function targetShortName(target: WallTarget): string {
  if (target.kind === 'national') return 'England';
  return target.kind === 'trust' ? target.trust.shortName : target.region.name;
}

/** "RX6 · North East and Yorkshire", "NHS England region Y63 · NEAS, YAS", or the nation's count of trusts. */
export function targetDetail(target: WallTarget): string {
  if (target.kind === 'trust') return `${target.trust.code} · ${findRegion(target.trust.region)?.name ?? target.trust.region}`;
  if (target.kind === 'national') return `All ${TRUSTS.length} trusts of the ${REGIONS.length} NHS England regions, worst first`;
  const trusts = trustsOfRegion(target.region.code).map((t) => t.shortName);
  return `NHS England region ${target.region.code} · ${trusts.join(', ')}`;
}

/**
 * Whether a display link may show this wall, as the server's policy has it: a trust link its
 * trust and its region's summary; a region link its region and each of its trusts.
 */
export function grantCovers(grant: DisplayGrant, target: WallTarget): boolean {
  // Display links name one trust or one region: none covers the nation.
  if (target.kind === 'national') return false;
  if (target.kind === 'trust') return grant.trust === target.trust.code || (grant.region !== undefined && grant.region === target.trust.region);
  return grant.region === target.region.code || (grant.trust !== undefined && findTrust(grant.trust)?.region === target.region.code);
}

import { findRegion, findTrust, isRegionCode, isTrustCode, type RegionCode, type TrustCode } from '../../../shared/reference/trusts.ts';

/** A display link's scope as one select value: "trust:RX6" or "region:Y63". */
export function parseScopeValue(value: string): { trust?: TrustCode; region?: RegionCode } {
  const [kind, code = ''] = value.split(':');
  if (kind === 'trust' && isTrustCode(code)) return { trust: code };
  if (kind === 'region' && isRegionCode(code)) return { region: code };
  return {};
}

/** "NEAS (trust RX6)" or "North East and Yorkshire (region Y63)". */
export function describeScope(scope: { trust?: string | undefined; region?: string | undefined }): string {
  if (scope.trust) return `${findTrust(scope.trust)?.shortName ?? scope.trust} (trust ${scope.trust})`;
  if (scope.region) return `${findRegion(scope.region)?.name ?? scope.region} (region ${scope.region})`;
  return 'nothing';
}

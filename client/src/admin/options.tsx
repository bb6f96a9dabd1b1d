import { REGIONS, TRUSTS } from '../../../shared/reference/trusts.ts';

/** <option>s for every trust, labelled so a person can find theirs by short name or full name. */
export function TrustOptions() {
  return TRUSTS.map((trust) => (
    <option key={trust.code} value={trust.code}>
      {trust.shortName} · {trust.name} ({trust.code})
    </option>
  ));
}

export function RegionOptions() {
  return REGIONS.map((region) => (
    <option key={region.code} value={region.code}>
      {region.name} ({region.code})
    </option>
  ));
}

/**
 * The 11 English ambulance trusts and the 7 NHS England regions they sit in.
 *
 * Source: ../data/trusts.csv of the project handout, from NHS England Ambulance Quality
 * Indicators and the trusts' own published figures. Contains public sector information
 * licensed under the Open Government Licence v3.0.
 */

export const REGION_CODES = ['Y56', 'Y58', 'Y59', 'Y60', 'Y61', 'Y62', 'Y63'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const TRUST_CODES = ['RX6', 'RX7', 'RX8', 'RX9', 'RYA', 'RYC', 'RRU', 'RYD', 'RYE', 'RYF', 'R1F'] as const;
export type TrustCode = (typeof TRUST_CODES)[number];

export interface Region {
  code: RegionCode;
  name: string;
}

export interface Trust {
  code: TrustCode;
  shortName: string;
  name: string;
  region: RegionCode;
  /** Approximate population served, from the trust's own published figures. */
  population: number;
  /** Incidents a day in December 2023 (AmbSYS A7 / 31): a scale for defaults and the simulator. */
  incidentsPerDayDec2023: number;
}

export const REGIONS: readonly Region[] = [
  { code: 'Y56', name: 'London' },
  { code: 'Y58', name: 'South West' },
  { code: 'Y59', name: 'South East' },
  { code: 'Y60', name: 'Midlands' },
  { code: 'Y61', name: 'East of England' },
  { code: 'Y62', name: 'North West' },
  { code: 'Y63', name: 'North East and Yorkshire' },
];

export const TRUSTS: readonly Trust[] = [
  { code: 'RX6', shortName: 'NEAS', name: 'North East Ambulance Service NHS Foundation Trust', region: 'Y63', population: 2_700_000, incidentsPerDayDec2023: 1257 },
  { code: 'RX7', shortName: 'NWAS', name: 'North West Ambulance Service NHS Trust', region: 'Y62', population: 7_500_000, incidentsPerDayDec2023: 3114 },
  { code: 'RX8', shortName: 'YAS', name: 'Yorkshire Ambulance Service NHS Trust', region: 'Y63', population: 5_000_000, incidentsPerDayDec2023: 2494 },
  { code: 'RX9', shortName: 'EMAS', name: 'East Midlands Ambulance Service NHS Trust', region: 'Y60', population: 4_800_000, incidentsPerDayDec2023: 2267 },
  { code: 'RYA', shortName: 'WMAS', name: 'West Midlands Ambulance Service University NHS Foundation Trust', region: 'Y60', population: 6_000_000, incidentsPerDayDec2023: 2823 },
  { code: 'RYC', shortName: 'EEAST', name: 'East of England Ambulance Service NHS Trust', region: 'Y61', population: 6_200_000, incidentsPerDayDec2023: 2484 },
  { code: 'RRU', shortName: 'LAS', name: 'London Ambulance Service NHS Trust', region: 'Y56', population: 8_600_000, incidentsPerDayDec2023: 3539 },
  { code: 'RYD', shortName: 'SECAmb', name: 'South East Coast Ambulance Service NHS Foundation Trust', region: 'Y59', population: 4_600_000, incidentsPerDayDec2023: 2226 },
  { code: 'RYE', shortName: 'SCAS', name: 'South Central Ambulance Service NHS Foundation Trust', region: 'Y59', population: 4_000_000, incidentsPerDayDec2023: 1735 },
  { code: 'RYF', shortName: 'SWASFT', name: 'South Western Ambulance Service NHS Foundation Trust', region: 'Y58', population: 5_500_000, incidentsPerDayDec2023: 2509 },
  { code: 'R1F', shortName: 'IOW', name: 'Isle of Wight NHS Trust', region: 'Y59', population: 140_000, incidentsPerDayDec2023: 87 },
];

const trustByCode = new Map<string, Trust>(TRUSTS.map((t) => [t.code, t]));
const regionByCode = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));

export function isTrustCode(code: string): code is TrustCode {
  return trustByCode.has(code);
}

export function isRegionCode(code: string): code is RegionCode {
  return regionByCode.has(code);
}

export function findTrust(code: string): Trust | undefined {
  return trustByCode.get(code);
}

export function findRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

export function trustsOfRegion(region: RegionCode): Trust[] {
  return TRUSTS.filter((t) => t.region === region);
}

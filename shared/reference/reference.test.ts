import { describe, expect, it } from 'vitest';
import { HOSPITALS, hospitalsOfTrust } from './hospitals.ts';
import { REGIONS, REGION_CODES, TRUSTS, TRUST_CODES } from './trusts.ts';

describe('reference data', () => {
  it('has the 11 trusts in the 7 regions', () => {
    expect(TRUSTS.map((t) => t.code).sort()).toEqual([...TRUST_CODES].sort());
    expect(REGIONS.map((r) => r.code).sort()).toEqual([...REGION_CODES].sort());
    for (const region of REGION_CODES) expect(TRUSTS.some((t) => t.region === region), region).toBe(true);
  });

  it('gives every hospital a unique code, an ODS site code of its own trust or a slug', () => {
    const codes = HOSPITALS.map((h) => h.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const h of HOSPITALS) {
      if (h.codeSource === 'ods') expect(h.code, h.name).toMatch(/^[A-Z0-9]{5}$/);
      else expect(h.code, h.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('lists at least five emergency departments for each trust but the Isle of Wight, which has one', () => {
    for (const trust of TRUST_CODES) {
      const count = hospitalsOfTrust(trust).length;
      if (trust === 'R1F') expect(count).toBe(1);
      else expect(count, trust).toBeGreaterThanOrEqual(5);
    }
  });

  it('lists every type-1 emergency department of North East Ambulance Service', () => {
    expect(hospitalsOfTrust('RX6').map((h) => h.name)).toEqual(
      expect.arrayContaining(['Royal Victoria Infirmary', 'Sunderland Royal Hospital', 'James Cook University Hospital', 'University Hospital of North Tees', 'Darlington Memorial Hospital', 'University Hospital of North Durham']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/auth/schemas.ts';
import { REGION_CODES, TRUSTS, TRUST_CODES, type RegionCode, type TrustCode } from '../../shared/reference/trusts.ts';
import { canReadRegion, canReadTrust, decide, type AccessRule } from './policy.ts';
import type { Principal } from './principal.ts';

function buildUser(overrides: Partial<User> & Pick<User, 'role'>): Principal {
  return { kind: 'user', sessionId: 's', user: { id: 'u', username: 'u', displayName: 'U', ...overrides } };
}
const display = (scope: { trust?: TrustCode; region?: RegionCode }): Principal => ({ kind: 'display', display: { id: 'd', label: 'wall', ...scope } });
const feed = (trust: TrustCode): Principal => ({ kind: 'feed', feedKey: { id: 'f', trust } });
const regionOf = (trust: TrustCode) => TRUSTS.find((t) => t.code === trust)!.region;

describe('reading a trust', () => {
  it.each(TRUST_CODES)('admins and national executives read %s', (trust) => {
    expect(canReadTrust(buildUser({ role: 'admin' }), trust)).toBe(true);
    expect(canReadTrust(buildUser({ role: 'executive' }), trust)).toBe(true);
  });

  it.each(TRUST_CODES.flatMap((own) => TRUST_CODES.map((other) => [own, other] as const)))('a duty manager and an executive of %s read %s only when it is theirs', (own, other) => {
    expect(canReadTrust(buildUser({ role: 'duty_manager', trust: own }), other)).toBe(own === other);
    expect(canReadTrust(buildUser({ role: 'executive', trust: own }), other)).toBe(own === other);
  });

  it.each(REGION_CODES.flatMap((region) => TRUST_CODES.map((trust) => [region, trust] as const)))('a coordinator of %s reads %s only when it is in their region', (region, trust) => {
    expect(canReadTrust(buildUser({ role: 'coordinator', region }), trust)).toBe(regionOf(trust) === region);
  });

  it.each(TRUST_CODES)('a display link of a trust shows that trust only, and a region link every trust of its region (%s)', (trust) => {
    for (const other of TRUST_CODES) expect(canReadTrust(display({ trust }), other)).toBe(other === trust);
    for (const region of REGION_CODES) expect(canReadTrust(display({ region }), trust)).toBe(regionOf(trust) === region);
  });

  it('never lets a feed key read a picture, even of its own trust', () => {
    expect(canReadTrust(feed('RX6'), 'RX6')).toBe(false);
    expect(canReadRegion(feed('RX6'), 'Y63')).toBe(false);
  });
});

describe('reading a region summary', () => {
  it.each(REGION_CODES.flatMap((region) => REGION_CODES.map((other) => [region, other] as const)))('a coordinator of %s reads the summary of %s only when it is theirs', (region, other) => {
    expect(canReadRegion(buildUser({ role: 'coordinator', region }), other)).toBe(region === other);
  });

  it.each(TRUST_CODES.flatMap((trust) => REGION_CODES.map((region) => [trust, region] as const)))('trust roles of %s read the summary of %s only when their trust is in it', (trust, region) => {
    const inRegion = regionOf(trust) === region;
    expect(canReadRegion(buildUser({ role: 'duty_manager', trust }), region)).toBe(inRegion);
    expect(canReadRegion(buildUser({ role: 'executive', trust }), region)).toBe(inRegion);
    expect(canReadRegion(display({ trust }), region)).toBe(inRegion);
  });

  it('lets admins and national executives read every region', () => {
    for (const region of REGION_CODES) {
      expect(canReadRegion(buildUser({ role: 'admin' }), region)).toBe(true);
      expect(canReadRegion(buildUser({ role: 'executive' }), region)).toBe(true);
    }
  });
});

describe('decide', () => {
  const everyone: [string, Principal][] = [
    ['admin', buildUser({ role: 'admin' })],
    ['national executive', buildUser({ role: 'executive' })],
    ['duty manager RX6', buildUser({ role: 'duty_manager', trust: 'RX6' })],
    ['executive RX6', buildUser({ role: 'executive', trust: 'RX6' })],
    ['coordinator Y63', buildUser({ role: 'coordinator', region: 'Y63' })],
    ['display RX6', display({ trust: 'RX6' })],
    ['feed RX6', feed('RX6')],
  ];

  it('answers not_signed_in to nobody for every rule but public', () => {
    const rules: AccessRule[] = [
      { kind: 'signedIn' },
      { kind: 'viewer' },
      { kind: 'admin' },
      { kind: 'readTrust', trust: 'RX6' },
      { kind: 'readRegion', region: 'Y63' },
      { kind: 'actForTrust', trust: 'RX6' },
      { kind: 'configureTrust', trust: 'RX6' },
      { kind: 'display' },
      { kind: 'feed' },
    ];
    for (const rule of rules) expect(decide(null, rule)).toBe('not_signed_in');
    expect(decide(null, { kind: 'public' })).toBe('allow');
  });

  it.each([
    [{ kind: 'admin' }, ['admin']],
    [{ kind: 'signedIn' }, ['admin', 'national executive', 'duty manager RX6', 'executive RX6', 'coordinator Y63']],
    [{ kind: 'viewer' }, ['admin', 'national executive', 'duty manager RX6', 'executive RX6', 'coordinator Y63', 'display RX6']],
    [{ kind: 'actForTrust', trust: 'RX6' }, ['duty manager RX6']],
    [{ kind: 'actForTrust', trust: 'RX8' }, []],
    [{ kind: 'configureTrust', trust: 'RX6' }, ['admin', 'duty manager RX6']],
    [{ kind: 'configureTrust', trust: 'RX8' }, ['admin']],
    [{ kind: 'readTrust', trust: 'RX8' }, ['admin', 'national executive', 'coordinator Y63']],
    [{ kind: 'readRegion', region: 'Y63' }, ['admin', 'national executive', 'duty manager RX6', 'executive RX6', 'coordinator Y63', 'display RX6']],
    [{ kind: 'readRegion', region: 'Y56' }, ['admin', 'national executive']],
    [{ kind: 'display' }, ['display RX6']],
    [{ kind: 'feed' }, ['feed RX6']],
  ] as [AccessRule, string[]][])('%j allows exactly %j and forbids the rest', (rule, allowed) => {
    for (const [name, principal] of everyone) expect(decide(principal, rule), name).toBe(allowed.includes(name) ? 'allow' : 'forbidden');
  });
});

import { describe, expect, it } from 'vitest';
import { expectedOrigin, originMatches, readBearer, readCookie } from './authenticate.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newToken, tokenKind, tokenPrefix } from './tokens.ts';

describe('passwords', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts each hash, so the same password hashes differently', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9-password');
    expect(await verifyPassword('cafe\u0301-password', stored)).toBe(true);
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});

describe('tokens', () => {
  it('makes 256-bit tokens that say what they are', () => {
    const key = newToken('feedKey');
    expect(key).toMatch(/^ofk_[\w-]{43}$/);
    expect(tokenKind(key)).toBe('feedKey');
    expect(tokenKind(newToken('display'))).toBe('display');
    expect(tokenKind(newToken('session'))).toBe('session');
    expect(tokenKind('xyz_abc')).toBeUndefined();
    expect(newToken('display')).not.toBe(newToken('display'));
  });

  it('stores a SHA-256 hex and shows only a short prefix', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(tokenPrefix('ofk_ABCDEFGHIJKLMNOP')).toBe('ofk_ABCDEF…');
  });
});

describe('reading credentials from headers', () => {
  it('finds the session cookie among others', () => {
    expect(readCookie('a=1; ops_session=oss_x%2By; b=2', 'ops_session')).toBe('oss_x+y');
    expect(readCookie('ops_sessionx=1', 'ops_session')).toBeUndefined();
    expect(readCookie(undefined, 'ops_session')).toBeUndefined();
    expect(readCookie('ops_session=%E0%A4%A', 'ops_session')).toBeUndefined();
  });

  it('reads a bearer token whatever the case of the scheme', () => {
    expect(readBearer('Bearer odl_abc')).toBe('odl_abc');
    expect(readBearer('bearer  odl_abc ')).toBe('odl_abc');
    expect(readBearer('Basic abc')).toBeUndefined();
    expect(readBearer(undefined)).toBeUndefined();
  });
});

describe('the Origin check', () => {
  it('expects PUBLIC_ORIGIN when set, otherwise the origin the request was addressed to', () => {
    expect(expectedOrigin('https://ops.example.nhs.uk', { protocol: 'http', host: '10.0.0.5:3000' })).toBe('https://ops.example.nhs.uk');
    expect(expectedOrigin(undefined, { protocol: 'http', host: 'localhost:3000' })).toBe('http://localhost:3000');
    expect(expectedOrigin(undefined, { protocol: 'http', host: undefined })).toBeUndefined();
  });

  it('compares origins exactly, after normalising default ports and case', () => {
    expect(originMatches('http://localhost:3000', 'http://localhost:3000')).toBe(true);
    expect(originMatches('https://OPS.example.nhs.uk:443', 'https://ops.example.nhs.uk')).toBe(true);
    expect(originMatches('http://localhost:3001', 'http://localhost:3000')).toBe(false);
    expect(originMatches('https://localhost:3000', 'http://localhost:3000')).toBe(false);
    expect(originMatches('null', 'http://localhost:3000')).toBe(false);
    expect(originMatches(undefined, 'http://localhost:3000')).toBe(false);
  });
});

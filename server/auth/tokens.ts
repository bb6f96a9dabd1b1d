import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed out once (session cookies, feed keys, display tokens) are 256 random bits,
 * stored only as their SHA-256. A fast hash is right here, unlike for passwords: the secret is
 * random, so there is nothing to guess from the hash.
 */
export const TOKEN_KINDS = {
  session: 'oss',
  feedKey: 'ofk',
  display: 'odl',
} as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

export function newToken(kind: TokenKind): string {
  return `${TOKEN_KINDS[kind]}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The part of a token safe to show in lists, so people can tell their keys apart. */
export function tokenPrefix(token: string): string {
  return `${token.slice(0, 10)}…`;
}

export function tokenKind(token: string): TokenKind | undefined {
  const prefix = token.slice(0, 4);
  for (const [kind, p] of Object.entries(TOKEN_KINDS)) if (prefix === `${p}_`) return kind as TokenKind;
  return undefined;
}

/**
 * Only a path of this site may follow sign-in: `?next=https://elsewhere` or `//elsewhere` would
 * turn the sign-in page into a way to send people to a look-alike site.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/signin')) return '/';
  return next;
}

export function signInPath(from: { pathname: string; search: string; hash: string }): string {
  const next = `${from.pathname}${from.search}${from.hash}`;
  return next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`;
}

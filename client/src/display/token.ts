/**
 * A wall screen opened through a display link keeps its token in this browser, so that it comes
 * back by itself after a reload, a power cut or a browser restart.
 */
export const DISPLAY_TOKEN_KEY = 'ops.displayToken';

const TOKEN_IN_HASH = /^#(odl_[A-Za-z0-9_-]+)$/;

export function readDisplayToken(): string | undefined {
  try {
    return localStorage.getItem(DISPLAY_TOKEN_KEY) ?? undefined;
  } catch {
    // Storage can be switched off by policy; the link then works until the page closes.
    return undefined;
  }
}

export function storeDisplayToken(token: string): void {
  try {
    localStorage.setItem(DISPLAY_TOKEN_KEY, token);
  } catch {
    // As above: nothing more to do without storage.
  }
}

/**
 * Takes a token from the address (`/display#odl_...`), keeps it, and removes it from the address
 * bar, so that it is not left on screen for a photo or in the browser's history. Idempotent:
 * a second call finds the address clean and returns the stored token.
 */
export function takeDisplayToken(): string | undefined {
  const match = TOKEN_IN_HASH.exec(window.location.hash);
  if (match?.[1]) {
    storeDisplayToken(match[1]);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    return match[1];
  }
  return readDisplayToken();
}

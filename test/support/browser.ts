import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (no browser download). Where none is found the
 * browser tests say so and skip, unless REQUIRE_BROWSER=1 (CI), where that fails the run.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));

export function chromiumPath(): string | undefined {
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`Chromium is required (REQUIRE_BROWSER=1) but none was found at ${CANDIDATES.join(', ')}. Install it with: apt-get install -y chromium`);
  console.warn(`\n  SKIPPED: browser tests, because no Chromium was found at ${CANDIDATES.join(', ')}. Install it with apt-get install -y chromium, or set CHROMIUM_PATH.\n`);
  return undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

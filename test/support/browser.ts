import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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

/**
 * A new page of `context` signed in through the sign-in form, as a person would, then at `path`
 * when one is given (the landing page otherwise). The session cookie is the context's: every
 * page opened in it afterwards is signed in too.
 */
export async function signIn(context: BrowserContext, baseUrl: string, person: { username: string; password: string }, path?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByTestId('signin-username').fill(person.username);
  await page.getByTestId('signin-password').fill(person.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('landing').waitFor();
  if (path) await page.goto(`${baseUrl}${path}`);
  return page;
}

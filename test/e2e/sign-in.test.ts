import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

describe.runIf(chromium)('in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    browser = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('signs in, reaches the landing page, and signs out', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      // Not signed in: the dashboard sends people to sign in.
      await page.getByTestId('signin-form').waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');

      await page.getByTestId('signin-username').fill('admin');
      await page.getByTestId('signin-password').fill('wrong password');
      await page.getByTestId('signin-submit').click();
      await expect.poll(() => page.getByTestId('signin-error').textContent()).toContain('wrong');

      await page.getByTestId('signin-password').fill(ADMIN_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('landing').waitFor();
      expect(await page.getByTestId('current-user').textContent()).toContain('Administrator');

      await page.getByTestId('signout').click();
      await page.getByTestId('signed-out-note').waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');
      // The session is gone on the server too, not just forgotten by the page.
      await page.goto(`${server.url}/`);
      await page.getByTestId('signin-form').waitFor();
    } finally {
      await page.close();
    }
  });

  it('opens a wall screen from a display link with no sign-in, and says so when the link is revoked', async () => {
    const admin = new ApiClient(server.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const link = (await admin.post<{ id: string; url: string }>('/api/v1/admin/display-links', { label: 'EOC wall', trust: 'RX6' })).body;

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    try {
      await page.goto(link.url.replace('localhost', '127.0.0.1'));
      await page.getByTestId('wall').waitFor();
      expect(new URL(page.url()).pathname).toBe('/wall/RX6');
      // The token does not stay in the address bar.
      expect(page.url()).not.toContain('odl_');
      expect(await page.getByTestId('wall-title').textContent()).toContain('North East Ambulance Service');
      await expect.poll(() => page.getByTestId('wall-connection').getAttribute('data-state')).toBe('live');

      expect((await admin.delete(`/api/v1/admin/display-links/${link.id}`)).status).toBe(200);
      await page.getByTestId('session-ended').waitFor();
    } finally {
      await context.close();
    }
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

describe.runIf(chromium)('the REAP level in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    browser = await launchChromium(chromium!);
    const admin = new ApiClient(server.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const created = await admin.post('/api/v1/admin/users', { username: 'dm-neas', displayName: 'Alex Duty', password: 'duty-manager-pw', role: 'duty_manager', trust: 'RX6' });
    if (created.status !== 201) throw new Error(`user: ${created.status}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('is set by the duty manager on the trust page with a reason, and shown on the wall screen at once', async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const desk = await context.newPage();
    try {
      await desk.goto(`${server.url}/signin`);
      await desk.getByTestId('signin-username').fill('dm-neas');
      await desk.getByTestId('signin-password').fill('duty-manager-pw');
      await desk.getByTestId('signin-submit').click();
      await desk.getByTestId('landing').waitFor();

      const wall = await context.newPage();
      await wall.goto(`${server.url}/wall/RX6`);
      await wall.getByTestId('wall-picture').waitFor();
      expect(await wall.getByTestId('wall').textContent()).toContain('REAP 1');

      await desk.goto(`${server.url}/trust/RX6`);
      await desk.getByTestId('reap-form').waitFor();
      // No reason: refused in the form, nothing set.
      await desk.getByTestId('reap-level-3').check();
      await desk.getByTestId('reap-submit').click();
      await desk.getByTestId('reap-reason-error').waitFor();
      await desk.getByTestId('reap-reason').fill('Three hospitals holding crews over an hour; 150 waiting.');
      await desk.getByTestId('reap-submit').click();
      await expect.poll(() => desk.getByTestId('reap-now').textContent()).toContain('REAP 3');
      expect(await desk.getByTestId('reap-now').textContent()).toContain('Alex Duty');
      expect(await desk.getByTestId('reap-history').textContent()).toContain('Three hospitals holding crews');
      await expect.poll(() => wall.getByTestId('wall').textContent(), { timeout: 10_000 }).toContain('REAP 3');
      await wall.close();
    } finally {
      await context.close();
    }
  });
});

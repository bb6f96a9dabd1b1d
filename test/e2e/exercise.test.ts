import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

describe.runIf(chromium)('a training exercise in Chromium', () => {
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

  it('is started from the admin page, shows EXERCISE on its wall screen, and says so when it is stopped', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await page.goto(`${server.url}/signin`);
      await page.getByTestId('signin-username').fill('admin');
      await page.getByTestId('signin-password').fill(ADMIN_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('landing').waitFor();
      await page.goto(`${server.url}/admin`);

      // Nothing chosen: the form says what is missing and starts nothing.
      await page.getByTestId('exercise-submit').click();
      await page.getByTestId('exercise-trust-error').waitFor();
      await page.getByTestId('exercise-trust').selectOption('R1F');
      await page.getByTestId('exercise-scenario').selectOption('winter-crisis');
      await page.getByTestId('exercise-speed').fill('10');
      await page.getByTestId('exercise-submit').click();
      const wallLink = page.locator('[data-testid^="exercise-wall-"]');
      await wallLink.waitFor();
      await wallLink.click();

      await page.getByTestId('exercise-banner').waitFor();
      expect(await page.getByTestId('exercise-banner').textContent()).toContain('EXERCISE');
      expect(await page.getByTestId('wall').getAttribute('data-exercise')).toBe('true');
      await page.getByTestId('wall-picture').waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByTestId('exercise-banner').textContent(), { timeout: 10_000 }).toContain('A winter handover crisis');
      expect(await page.getByTestId('exercise-no-history').isVisible()).toBe(true);
      expect(await page.title()).toContain('EXERCISE');

      // The landing page lists it, framed as an exercise.
      const landing = await browser.newPage();
      await landing.context().addCookies(await page.context().cookies());
      await landing.goto(`${server.url}/`);
      await landing.locator('[data-testid^="exercise-card-"]').waitFor();
      expect(await landing.locator('[data-testid^="exercise-card-"]').textContent()).toContain('EXERCISE');
      await landing.close();

      // The trust's real wall knows nothing of it.
      const real = await browser.newPage();
      await real.context().addCookies(await page.context().cookies());
      await real.goto(`${server.url}/wall/R1F`);
      await real.getByTestId('wall').waitFor();
      await real.getByTestId('wall-picture').waitFor();
      expect(await real.getByTestId('exercise-banner').count()).toBe(0);
      // No feed has ever sent it anything real.
      expect(await real.getByTestId('wall-picture').getAttribute('data-stale')).toBe('true');
      await real.close();

      // Stopped by an admin elsewhere: the exercise's screen says it has ended.
      const admin = await browser.newPage();
      await admin.context().addCookies(await page.context().cookies());
      admin.on('dialog', (dialog) => void dialog.accept());
      await admin.goto(`${server.url}/admin`);
      await admin.locator('[data-testid^="exercise-stop-"]').click();
      await page.getByTestId('exercise-ended').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('exercise-banner').isVisible()).toBe(true);
      await admin.close();
    } finally {
      await page.close();
    }
  });
});

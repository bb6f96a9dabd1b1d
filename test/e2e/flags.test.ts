import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

describe.runIf(chromium)('flags in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;
  let feed: ApiClient;
  let wallUrl: string;

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    browser = await launchChromium(chromium!);
    const admin = new ApiClient(server.url);
    await admin.login('admin', ADMIN_PASSWORD);
    await admin.post('/api/v1/admin/users', { username: 'dm-yas', displayName: 'Robin Duty', password: 'duty-manager-pw', role: 'duty_manager', trust: 'RX8' });
    const key = (await admin.post<{ key: string }>('/api/v1/admin/feed-keys', { trust: 'RX8', label: 'test CAD' })).body.key;
    feed = new ApiClient(server.url, { bearer: key, origin: null });
    wallUrl = (await admin.post<{ url: string }>('/api/v1/admin/display-links', { label: 'YAS EOC', trust: 'RX8' })).body.url;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const job = (id: string, type: 'job.created' | 'job.closed') => ({
    id: `${type}-${id}`,
    type,
    trust: 'RX8',
    at: new Date().toISOString(),
    jobId: id,
    ...(type === 'job.created' ? { category: 'C2' } : { outcome: 'cancelled' }),
  });

  it('takes a rule changed on the settings page, shows its flag and advice on the wall when the feed passes it, takes an acknowledgement, and clears when the figure comes back', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const desk = await context.newPage();
    try {
      await desk.goto(`${server.url}/signin`);
      await desk.getByTestId('signin-username').fill('dm-yas');
      await desk.getByTestId('signin-password').fill('duty-manager-pw');
      await desk.getByTestId('signin-submit').click();
      await desk.getByTestId('landing').waitFor();
      await desk.goto(`${server.url}/trust/RX8`);
      await desk.getByTestId('thresholds-link').click();
      await desk.getByTestId('rule-0-id').waitFor();
      // The first default rule, made a drill: over 2 waiting raises a flag at once.
      await desk.getByTestId('rule-0-id').fill('queue-exercise');
      await desk.getByTestId('rule-0-line').fill('2');
      await desk.getByTestId('rule-0-sustainMinutes').fill('0');
      await desk.getByTestId('rule-0-clearAt').fill('5');
      await desk.getByTestId('rule-0-clearMinutes').fill('0');
      await desk.getByTestId('rule-0-advice').fill('Consider declaring a critical incident.');
      await desk.getByTestId('thresholds-save').click();
      // A clear level past the line could never clear: refused, nothing changed.
      await desk.getByTestId('thresholds-invalid').waitFor();
      expect(await desk.getByTestId('rule-0').textContent()).toContain('must be at or below above');
      await desk.getByTestId('rule-0-clearAt').fill('1');
      await desk.getByTestId('thresholds-save').click();
      await desk.getByTestId('thresholds-saved').waitFor();

      await wall.goto(wallUrl.replace('localhost', '127.0.0.1'));
      await wall.getByTestId('wall-picture').waitFor();
      expect(await wall.getByTestId('flag-queue-exercise').count()).toBe(0);

      expect((await feed.post('/api/v1/feed/events', ['a', 'b', 'c'].map((id) => job(id, 'job.created')))).status).toBe(202);
      const chip = wall.getByTestId('flag-queue-exercise');
      await chip.waitFor({ timeout: 15_000 });
      expect(await chip.textContent()).toContain('CRITICAL');
      expect(await chip.textContent()).toContain('Consider declaring a critical incident.');

      await desk.goto(`${server.url}/trust/RX8`);
      await desk.getByTestId('acknowledge-queue-exercise').click();
      await wall.getByTestId('flag-ack-queue-exercise').waitFor({ timeout: 10_000 });
      expect(await wall.getByTestId('flag-ack-queue-exercise').textContent()).toContain('Robin Duty');
      // Seen, not cleared.
      expect(await chip.isVisible()).toBe(true);

      expect((await feed.post('/api/v1/feed/events', ['a', 'b', 'c'].map((id) => job(id, 'job.closed')))).status).toBe(202);
      await chip.waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await wall.close();
      await context.close();
    }
  });
});

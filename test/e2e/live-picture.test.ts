import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../server/picture/builders.ts';
import { chromiumPath, launchChromium } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

describe.runIf(chromium)('the wall screen in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;
  let feed: ApiClient;
  let linkUrl: string;

  beforeAll(async () => {
    // A short staleness limit, so that a quiet feed shows within the test.
    server = await startServerProcess({ ADMIN_PASSWORD, STALE_AFTER_SECONDS: '10' });
    const admin = new ApiClient(server.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const key = (await admin.post<{ key: string }>('/api/v1/admin/feed-keys', { trust: 'RX6' })).body.key;
    feed = new ApiClient(server.url, { bearer: key, origin: null });
    linkUrl = (await admin.post<{ url: string }>('/api/v1/admin/display-links', { label: 'EOC wall', trust: 'RX6' })).body.url.replace('localhost', '127.0.0.1');
    browser = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const text = (page: Page, testId: string) => page.getByTestId(testId).first().textContent().then((t) => (t ?? '').trim());
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

  it('shows what the feed sends, greys a quiet feed as stale, and recovers by itself after a server restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(linkUrl);
      await page.getByTestId('wall').waitFor();
      await expect.poll(() => page.getByTestId('wall-connection').getAttribute('data-state')).toBe('live');

      // The feed sends a queue, crews and an ambulance waiting at a hospital.
      const events = [
        build.jobCreated('wall-1', 'C2', minutesAgo(50)),
        build.jobCreated('wall-2', 'C2', minutesAgo(10)),
        build.jobCreated('wall-3', 'C1', minutesAgo(3)),
        build.callReceived('wall-call', minutesAgo(1)),
        build.status('crew-1', 'available', minutesAgo(5)),
        build.status('crew-2', 'available', minutesAgo(5)),
        build.status('crew-3', 'at_hospital', minutesAgo(70)),
        build.atHospital('crew-3', 'RTD02', minutesAgo(70)),
      ];
      expect((await feed.post('/api/v1/feed/events', events)).status).toBe(202);
      await expect.poll(() => text(page, 'queue-total')).toBe('3');
      expect(await text(page, 'queue-C2-waiting')).toBe('2');
      expect(await text(page, 'calls-waiting')).toBe('1');
      expect(await text(page, 'crews-available')).toBe('2');
      expect(await text(page, 'handover-RTD02-waiting')).toBe('1');

      // A resource reaches the C1 job: the queue goes down on the screen.
      expect((await feed.post('/api/v1/feed/events', [build.arrived('wall-3', 'crew-1', new Date().toISOString())])).status).toBe(202);
      await expect.poll(() => text(page, 'queue-total')).toBe('2');

      // The feed goes quiet: the screen says so rather than looking calm.
      await page.getByTestId('stale-banner').waitFor({ timeout: 30_000 });
      expect(await text(page, 'stale-banner')).toMatch(/NO DATA/);

      // The server restarts: the screen notices, retries, and comes back live by itself.
      await server.restart();
      await expect.poll(() => page.getByTestId('wall-connection').getAttribute('data-state'), { timeout: 30_000 }).toBe('live');
      expect((await feed.post('/api/v1/feed/events', [build.jobCreated('wall-4', 'C3', new Date().toISOString())])).status).toBe(202);
      await expect.poll(() => text(page, 'queue-total'), { timeout: 10_000 }).toBe('3');
      await expect.poll(() => page.getByTestId('stale-banner').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../shared/feed/events.ts';
import { build } from '../../server/picture/builders.ts';
import { chromiumPath, launchChromium, signIn } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';
const LIVE = { timeout: 10_000 };

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** The trusts on the wall, top to bottom (left to right), as their codes. */
const order = (page: Page) => page.getByTestId('region-trust').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-trust')));

describe.runIf(chromium)('the region wall in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;
  let admin: ApiClient;
  const feeds: Record<'RX6' | 'RX8', ApiClient> = {} as never;

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    admin = new ApiClient(server.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    for (const trust of ['RX6', 'RX8'] as const) {
      const key = (await admin.post<{ key: string }>('/api/v1/admin/feed-keys', { trust })).body.key;
      feeds[trust] = new ApiClient(server.url, { bearer: key, origin: null });
    }
    browser = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const send = async (trust: 'RX6' | 'RX8', events: FeedEvent[]) => {
    expect((await feeds[trust].post('/api/v1/feed/events', events.map((e) => ({ ...e, trust })))).status).toBe(202);
  };

  it('shows both trusts of the region worst first, a silent one as stale, the order following the feeds, and the open mutual aid', async () => {
    // NEAS's feed is live and calm; YAS's has never sent anything.
    await send('RX6', [build.status('neas-1', 'available', minutesAgo(5)), build.jobCreated('neas-job-1', 'C3', minutesAgo(10))]);
    const link = (await admin.post<{ url: string }>('/api/v1/admin/display-links', { label: 'Regional wall', region: 'Y63' })).body.url.replace('localhost', '127.0.0.1');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(link);
      await page.getByTestId('wall-picture').waitFor();
      await expect.poll(() => page.getByTestId('wall-connection').getAttribute('data-state')).toBe('live');
      expect(await page.getByTestId('wall-title').textContent()).toContain('North East and Yorkshire');

      // A trust that has never been heard from is first, and says NO DATA rather than look calm.
      await expect.poll(() => order(page), LIVE).toEqual(['RX8', 'RX6']);
      const yas = page.locator('[data-testid="region-trust"][data-trust="RX8"]');
      expect(await yas.getAttribute('data-stale')).toBe('true');
      expect(await yas.getByTestId('rg-stale').textContent()).toContain('NO DATA YET');

      // YAS's feed comes in, calm; NEAS's C2 patient has waited 50 minutes, past the 40-minute standard.
      await send('RX8', [build.status('yas-1', 'available', minutesAgo(5)), build.jobCreated('yas-job-1', 'C2', minutesAgo(5))]);
      await send('RX6', [build.jobCreated('neas-job-2', 'C2', minutesAgo(50))]);
      await expect.poll(() => order(page), LIVE).toEqual(['RX6', 'RX8']);
      const neas = page.locator('[data-testid="region-trust"][data-trust="RX6"]');
      expect(await neas.getByTestId('rg-c2').getAttribute('data-standing')).toBe('beyond');
      expect(await neas.getByTestId('rg-c2').textContent()).toContain('OVER 40 MIN');
      expect(await neas.getByTestId('rg-queue-value').textContent()).toBe('2');
      expect(await yas.getAttribute('data-stale')).toBe('false');
      expect(await page.getByTestId('wall-aid').textContent()).toContain('no request open');

      // NEAS asks for mutual aid: it appears along the bottom, with what is still needed.
      await admin.post('/api/v1/admin/users', { username: 'dm-neas', displayName: 'Jo North', password: 'duty-manager-neas', role: 'duty_manager', trust: 'RX6' });
      const dm = new ApiClient(server.url);
      await dm.login('dm-neas', 'duty-manager-neas');
      const asked = await dm.post('/api/v1/mutual-aid', { trust: 'RX6', resources: [{ kind: 'DSA', quantity: 3 }], neededFrom: inMinutes(15), reason: 'C2 waits past the standard' });
      expect(asked.status).toBe(201);
      const request = page.locator('[data-testid="wall-aid-request"][data-trust="RX6"]');
      await request.waitFor(LIVE);
      expect(await request.textContent()).toMatch(/NEAS.*asks 3 DSA.*STILL NEEDED: 3 DSA.*asked YAS/);
      expect(await page.getByTestId('wall-aid').textContent()).toContain('1 open');
    } finally {
      await page.close();
    }
  });

  it('shows every trust of England on the national wall for an admin', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await signIn(context, server.url, { username: 'admin', password: ADMIN_PASSWORD }, '/wall/national');
      await expect.poll(async () => (await order(page)).length, LIVE).toBe(11);
      // The nine trusts with no feed are stale, so first; the two heard from come last, the worse first.
      expect((await order(page)).slice(-2)).toEqual(['RX6', 'RX8']);
      expect(await page.getByTestId('wall-aid').textContent()).toContain('1 open');
    } finally {
      await context.close();
    }
  });
});

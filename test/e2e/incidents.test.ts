import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../server/picture/builders.ts';
import { chromiumPath, launchChromium, signIn } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';

const DECISION = 'Cancel all non-urgent patient transport and stand down training at Gateshead';
const RATIONALE = 'Queue over 150 with 40 crews held at the RVI; frees about 12 crews within the hour';

describe.runIf(chromium)('incidents in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    browser = await launchChromium(chromium!);
    const admin = new ApiClient(server.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    for (const user of [
      { username: 'dm-neas', displayName: 'Alex Duty', password: 'duty-manager-pw', role: 'duty_manager', trust: 'RX6' },
      { username: 'exec-neas', displayName: 'Sam Director', password: 'executive-pw-1', role: 'executive', trust: 'RX6' },
    ]) {
      const created = await admin.post('/api/v1/admin/users', user);
      if (created.status !== 201) throw new Error(`user ${user.username}: ${created.status}`);
    }
    // A picture worth freezing into the incident: patients waiting, crews held at a hospital.
    const key = (await admin.post<{ key: string }>('/api/v1/admin/feed-keys', { trust: 'RX6', label: 'test CAD' })).body.key;
    const feed = new ApiClient(server.url, { bearer: key, origin: null });
    const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const events = [build.jobCreated('inc-1', 'C2', ago(55)), build.jobCreated('inc-2', 'C2', ago(20)), build.jobCreated('inc-3', 'C3', ago(5)), build.status('crew-1', 'at_hospital', ago(70)), build.atHospital('crew-1', 'RTD02', ago(70))];
    expect((await feed.post('/api/v1/feed/events', events)).status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('is declared on the trust page, logged by keyboard, shown on the wall, escalated, stood down, exported, and found by an executive by a word in its log', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
    const execContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const desk = await signIn(context, server.url, { username: 'dm-neas', password: 'duty-manager-pw' });
      const wall = await context.newPage();
      await wall.goto(`${server.url}/wall/RX6`);
      await wall.getByTestId('wall-picture').waitFor();
      expect(await wall.getByTestId('incident-banner').count()).toBe(0);

      // Declare from the trust page: the form refuses a declaration without its reason.
      await desk.goto(`${server.url}/trust/RX6`);
      await desk.getByTestId('declare-open').click();
      await desk.getByTestId('declare-level-critical').check();
      await desk.getByTestId('declare-title').fill('Handover delays across the trust');
      await desk.getByTestId('declare-submit').click();
      await desk.getByTestId('declare-reason-error').waitFor();
      await desk.getByTestId('declare-reason').fill('Over 150 waiting, 40 crews held at hospitals, no resource free for C2.');
      await desk.getByTestId('declare-submit').click();
      await desk.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      const id = new URL(desk.url()).pathname.split('/').pop()!;
      await desk.getByTestId('incident-page').waitFor();
      expect(await text(desk, 'incident-level')).toContain('Critical incident');
      expect(await text(desk, 'incident-status')).toContain('Active');
      expect(await text(desk, 'entry-1')).toContain('System');

      // The executive of the trust has the incident open and reads the log as it grows.
      const exec = await signIn(execContext, server.url, { username: 'exec-neas', password: 'executive-pw-1' });
      await exec.goto(`${server.url}/incidents/${id}`);
      await exec.getByTestId('incident-page').waitFor();
      expect(await exec.getByTestId('quick-entry').count()).toBe(0);
      await expect.poll(() => exec.getByTestId('log-freshness').getAttribute('data-state'), { timeout: 10_000 }).toBe('live');

      // The wall of the trust shows the incident, its level and title, and how long it has run.
      await wall.getByTestId('incident-banner').waitFor({ timeout: 10_000 });
      const banner = await text(wall, 'incident-banner');
      expect(banner).toContain('CRITICAL INCIDENT');
      expect(banner).toContain('Handover delays across the trust');
      expect(banner).toMatch(/running \d+ s/);

      // A decision by keyboard alone: the entry box has focus on arrival; Alt+D chooses the kind.
      await expect.poll(() => focusedId(desk)).toBe('qe-text');
      await desk.keyboard.press('Alt+KeyD');
      expect(await desk.getByTestId('qe-kind-decision').isChecked()).toBe(true);
      await desk.keyboard.type(DECISION);
      // Without its rationale the decision is refused in the box, the text kept, focus on the rationale.
      await desk.keyboard.press('Control+Enter');
      await desk.getByTestId('qe-rationale-error').waitFor();
      expect(await focusedId(desk)).toBe('qe-rationale');
      expect(await desk.getByTestId('qe-text').inputValue()).toBe(DECISION);
      await desk.keyboard.type(RATIONALE);
      await desk.keyboard.press('Control+Enter');
      const decision = desk.getByTestId('entry-2');
      await decision.waitFor();
      expect(await decision.getAttribute('data-kind')).toBe('decision');
      expect(await decision.textContent()).toContain(DECISION);
      expect(await decision.textContent()).toContain(RATIONALE);
      expect(await decision.textContent()).toContain('Alex Duty');
      // The box is empty and ready for the next entry.
      expect(await desk.getByTestId('qe-text').inputValue()).toBe('');
      expect(await focusedId(desk)).toBe('qe-text');
      // Newest first: the decision is the first entry under the box.
      expect(await desk.getByTestId('incident-log').locator('li').first().getAttribute('data-testid')).toBe('entry-2');
      // …and the executive sees it arrive without reloading.
      await exec.getByTestId('entry-2').waitFor({ timeout: 10_000 });
      expect(await exec.getByTestId('entry-2').textContent()).toContain(RATIONALE);

      // A correction by keyboard, linked both ways.
      await desk.keyboard.press('Alt+KeyR');
      await desk.keyboard.type('Training stood down at Gateshead and Hebburn, not Gateshead alone');
      await desk.keyboard.press('Tab');
      expect(await focusedId(desk)).toBe('qe-corrects');
      await desk.keyboard.type('2');
      await desk.keyboard.press('Control+Enter');
      await desk.getByTestId('entry-3').waitFor();
      expect(await desk.getByTestId('entry-3').textContent()).toContain('Corrects #2');
      expect(await text(desk, 'entry-2-corrected-by')).toContain('#3');

      // Escalate to a major incident: the header and the wall follow.
      await desk.getByTestId('level-open').click();
      await desk.getByTestId('level-new').selectOption('major');
      await desk.getByTestId('level-reason').fill('Mass-casualty RTC on the A1 on top of the delays');
      await desk.getByTestId('level-submit').click();
      await expect.poll(() => text(desk, 'incident-level')).toContain('Major incident');
      await expect.poll(() => text(wall, 'incident-banner'), { timeout: 10_000 }).toContain('MAJOR INCIDENT');
      await expect.poll(() => text(exec, 'incident-level'), { timeout: 10_000 }).toContain('Major incident');

      // Stand down, after a confirmation: nothing more can be logged.
      await desk.getByTestId('standdown-open').click();
      await desk.getByTestId('standdown-reason').fill('Queue under 40, handovers back under 30 minutes');
      await desk.getByTestId('standdown-submit').click();
      await desk.getByTestId('standdown-confirm').click();
      await expect.poll(() => text(desk, 'incident-status')).toContain('Stood down');
      expect(await desk.getByTestId('quick-entry').count()).toBe(0);
      expect(await desk.getByTestId('incident-actions').count()).toBe(0);
      expect(await text(desk, 'incident-stood-down')).toContain('Queue under 40');
      const refused = await desk.evaluate(async (incident) => {
        const answer = await fetch(`/api/v1/incidents/${incident}/entries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'information', text: 'too late' }) });
        return { status: answer.status, body: (await answer.json()) as { error: string } };
      }, id);
      expect(refused).toEqual({ status: 409, body: expect.objectContaining({ error: 'incident_stood_down' }) });
      await wall.getByTestId('incident-banner').waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => text(exec, 'incident-status'), { timeout: 10_000 }).toContain('Stood down');

      // The log verifies, and both exports download.
      await desk.getByTestId('verify').click();
      await desk.getByTestId('verify-result').waitFor();
      expect(await desk.getByTestId('verify-result').getAttribute('data-ok')).toBe('true');
      const [csv] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('export-csv').click()]);
      expect(csv.suggestedFilename()).toMatch(/\.csv$/);
      const csvText = await readFile(await csv.path(), 'utf8');
      expect(csvText).toContain(DECISION);
      expect(csvText).toContain(RATIONALE);
      const [pdf] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('export-pdf').click()]);
      expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
      const pdfBytes = await readFile(await pdf.path());
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The executive finds the incident on the review by a word that is only in its log.
      await exec.getByTestId('nav-incidents').click();
      await exec.getByTestId('incidents-review').waitFor();
      await exec.getByTestId('review-q').fill('Hebburn');
      await exec.keyboard.press('Enter');
      await exec.waitForURL(/[?&]q=Hebburn/);
      const row = exec.getByTestId(`review-row-${id}`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Handover delays across the trust');
      expect(await row.getByTestId('review-match').textContent()).toContain('Hebburn');
      // The search is in the URL: a shared link opens the same list.
      const shared = await execContext.newPage();
      await shared.goto(`${server.url}/incidents?q=Hebburn&status=stood_down`);
      await shared.getByTestId(`review-row-${id}`).waitFor();
      await shared.goto(`${server.url}/incidents?q=nowhere-in-any-log`);
      await expect.poll(() => text(shared, 'review-count')).toBe('No incident matches.');
      await shared.close();
      // …and reads it beside its charts, every entry marked.
      await row.getByTestId('review-link').click();
      await exec.getByTestId('incident-charts').waitFor();
      expect(await exec.getByTestId('incident-log').locator('li').first().getAttribute('data-testid')).toBe('entry-1');
      // Declaration, decision, correction, level change, stand-down, and any flags the feed raised.
      await expect.poll(() => exec.getByTestId('chart-queue').locator('.inc-mark').count()).toBeGreaterThanOrEqual(5);
      expect(await exec.getByTestId('chart-queue').locator('.inc-mark-decision').count()).toBe(1);
    } finally {
      await context.close();
      await execContext.close();
    }
  }, 120_000);
});

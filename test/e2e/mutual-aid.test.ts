import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/schemas.ts';
import { chromiumPath, launchChromium, signIn } from '../support/browser.ts';
import { ApiClient } from '../support/http.ts';
import { startServerProcess, type ServerProcess } from '../support/process.ts';

const chromium = chromiumPath();
const ADMIN_PASSWORD = 'e2e-admin-password';
/** Each step must reach the other screens live: well within this, with no reload. */
const LIVE = { timeout: 5_000 };

const PEOPLE = [
  { username: 'dm-neas', displayName: 'Jo North', password: 'duty-manager-neas', role: 'duty_manager', trust: 'RX6' },
  { username: 'dm-yas', displayName: 'Sam Yorkshire', password: 'duty-manager-yas', role: 'duty_manager', trust: 'RX8' },
  { username: 'coord-ney', displayName: 'Pat Region', password: 'coordinator-ney', role: 'coordinator', region: 'Y63' },
] as const;

describe.runIf(chromium)('mutual aid between three people in three browsers', () => {
  let browser: Browser;
  let server: ServerProcess;
  let incident: Incident;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ ADMIN_PASSWORD });
    const admin = new ApiClient(server.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    for (const person of PEOPLE) expect((await admin.post('/api/v1/admin/users', person)).status).toBe(201);
    // NEAS runs a critical incident: the request links it, and its log tells the story.
    const neas = new ApiClient(server.url);
    await neas.login('dm-neas', 'duty-manager-neas');
    const declared = await neas.post<Incident>('/api/v1/incidents', { trust: 'RX6', level: 'critical', title: 'Handover delays', reason: 'Over 200 waiting' });
    expect(declared.status).toBe(201);
    incident = declared.body;
    browser = await launchChromium(chromium!);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.dispose();
  });

  async function signedInPage(username: string, password: string, path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    contexts.push(context);
    return signIn(context, server.url, { username, password }, path);
  }

  /** The request of NEAS as a card on a page, within the board named by `board`. */
  const requestOn = (page: Page, board: string): Locator => page.getByTestId(board).locator('[data-testid="aid-request"][data-trust="RX6"]');
  const offerIn = (card: Locator, status: string): Locator => card.locator(`[data-testid="aid-offer"][data-trust="RX8"][data-status="${status}"]`);

  it('runs from the ask to fulfilment, each person seeing the others’ steps live, and the incident log tells the story', async () => {
    const neas = await signedInPage('dm-neas', 'duty-manager-neas', '/trust/RX6');
    const yas = await signedInPage('dm-yas', 'duty-manager-yas', '/trust/RX8');
    const region = await signedInPage('coord-ney', 'coordinator-ney', '/region/Y63');
    for (const page of [neas, yas]) await expect.poll(() => page.getByTestId('aid-live').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => region.getByTestId('wall-connection').getAttribute('data-state'), { timeout: 15_000 }).toBe('live');
    await region.getByTestId('aid-board-empty').waitFor();

    // 1. NEAS's duty manager asks, from the trust page; a bad quantity is refused beside its field first.
    await neas.getByTestId('aid-request-open').click();
    await neas.getByTestId('aid-request-q-DSA').fill('600');
    await neas.getByTestId('aid-request-q-call_handlers').fill('2');
    await neas.getByTestId('aid-request-reason').fill('Over 200 waiting; 40 crews held at hospitals.');
    await neas.getByTestId('aid-request-submit').click();
    expect(await neas.getByTestId('aid-request-q-DSA-error').textContent()).toContain('at most 500');
    expect(await neas.getByTestId('aid-request-reason').inputValue()).toBe('Over 200 waiting; 40 crews held at hospitals.');
    await neas.getByTestId('aid-request-q-DSA').fill('6');
    // YAS, the rest of the region, is asked by default, with its crews free beside its name.
    expect(await neas.getByTestId('aid-ask-RX8').isChecked()).toBe(true);
    await neas.getByTestId('aid-request-submit').click();
    await neas.getByTestId('aid-request-done').waitFor();
    await requestOn(neas, 'aid-ours').waitFor();

    // 2. YAS sees what is asked of it appear, and offers; the coordinator sees the request on the board.
    const askedOfYas = requestOn(yas, 'aid-asked');
    await askedOfYas.waitFor(LIVE);
    expect(await askedOfYas.getByTestId('aid-unfilled').textContent()).toContain('6 DSA, 2 call handlers');
    const onBoard = requestOn(region, 'aid-board');
    await onBoard.waitFor(LIVE);
    await askedOfYas.getByTestId('aid-offer-open').click();
    await askedOfYas.getByTestId('aid-offer-q-DSA').fill('4');
    await askedOfYas.getByTestId('aid-offer-note').fill('Four crews from Leeds.');
    await askedOfYas.getByTestId('aid-offer-submit').click();
    await offerIn(askedOfYas, 'pending').waitFor(LIVE);
    await yas.getByTestId('aid-committed-offer').waitFor(LIVE);

    // 3. The offer arrives at NEAS and on the board; NEAS accepts it.
    const ours = requestOn(neas, 'aid-ours');
    await offerIn(ours, 'pending').waitFor(LIVE);
    // It is said at the top of NEAS's page too, with a link down to the panel, so nobody need scroll to see it.
    await expect.poll(() => neas.getByTestId('aid-notice').textContent(), LIVE).toContain('1 offer waiting for your decision');
    expect(await neas.getByTestId('aid-notice').locator('[data-kind="decide"] a').getAttribute('href')).toBe('#mutual-aid');
    await offerIn(onBoard, 'pending').waitFor(LIVE);
    await offerIn(ours, 'pending').getByTestId('aid-offer-accept').click();
    await offerIn(ours, 'accepted').waitFor(LIVE);
    await offerIn(onBoard, 'accepted').waitFor(LIVE);
    await offerIn(askedOfYas, 'accepted').waitFor(LIVE);
    await expect.poll(() => yas.getByTestId('aid-committed-offer').getAttribute('data-status'), LIVE).toBe('accepted');
    await expect.poll(() => onBoard.getByTestId('aid-unfilled-DSA').textContent(), LIVE).toContain('2');

    // 4. NEAS starts to withdraw it while the coordinator closes it as fulfilled: the coordinator
    // is first, and NEAS's form says so in words, keeping the note typed.
    await ours.getByTestId('aid-close-open').click();
    await ours.getByTestId('aid-close-withdrawn').check();
    await ours.getByTestId('aid-close-note').fill('No longer needed');
    await onBoard.getByTestId('aid-close-open').click();
    await onBoard.getByTestId('aid-close-fulfilled').check();
    await onBoard.getByTestId('aid-close-note').fill('Four crews on the road; the rest covered locally.');
    await onBoard.getByTestId('aid-close-submit').click();
    const closedOnBoard = region.getByTestId('aid-board').locator('[data-testid="aid-request"][data-trust="RX6"][data-status="fulfilled"]');
    await closedOnBoard.waitFor(LIVE);
    const closedAtNeas = neas.getByTestId('aid-ours').locator('[data-testid="aid-request"][data-trust="RX6"][data-status="fulfilled"]');
    await closedAtNeas.waitFor(LIVE);
    await yas.getByTestId('aid-asked').locator('[data-testid="aid-request"][data-trust="RX6"][data-status="fulfilled"]').waitFor(LIVE);
    await neas.getByTestId('aid-close-submit').click();
    await expect.poll(() => neas.getByTestId('aid-close-error').textContent(), LIVE).toContain('already closed');
    expect(await neas.getByTestId('aid-close-note').inputValue()).toBe('No longer needed');

    // Afterwards NEAS's incident log tells the story, in order.
    const reader = new ApiClient(server.url);
    await reader.login('coord-ney', 'coordinator-ney');
    const log = (await reader.get<Incident>(`/api/v1/incidents/${incident.id}`)).body.log.filter((e) => e.kind === 'system').map((e) => e.text);
    const story = ['Mutual aid requested by Jo North for NEAS: 6 DSA, 2 call handlers', 'YAS offers 4 DSA to NEAS', 'NEAS accepted the offer of 4 DSA from YAS (Jo North)', 'Mutual aid request of NEAS closed as fulfilled by Pat Region'];
    const positions = story.map((start) => log.findIndex((text) => text.startsWith(start)));
    expect(positions.every((p) => p >= 0), JSON.stringify(log)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

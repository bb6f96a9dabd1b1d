// `npm run screenshots`: runs the built server with an empty database, feeds North East Ambulance
// Service (RX6) a busy winter afternoon through the feed API, and photographs the wall screen
// (1920×1080 and 3840×2160), the desk trust page, a training exercise's wall (RYE), a stale wall
// (RX7, no feed) and a wall that has lost its connection, into screenshots/. Build first: `npm run build`.
/* global document, window -- page.evaluate runs its function in the browser */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(root, 'dist', 'node', 'server', 'main.js');
const OUT = path.join(root, 'screenshots');
const ADMIN_PASSWORD = 'screenshots-admin-password';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const needed = [
  [MAIN, 'is missing: build the server first with `npm run build`.'],
  [path.join(root, 'dist', 'client', 'index.html'), 'is missing: build the client first with `npm run build`.'],
  [CHROMIUM, 'is missing: install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.'],
];
for (const [file, problem] of needed.filter(([file]) => !existsSync(file))) {
  console.error(`${file.startsWith(root) ? path.relative(root, file) : file} ${problem}`);
  process.exit(1);
}

function startServer(dataDir) {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD, SIMULATOR: 'off', LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const collect = (chunk) => {
      output += chunk.toString();
      const match = /running: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1].replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it started:\n${output}`)));
  });
}

function stopServer(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()).kill('SIGTERM'));
}

/** The API as the admin's browser calls it: the session cookie, and Origin on changes. */
function apiClient(url) {
  let cookie;
  return {
    cookie: () => cookie,
    async call(method, route, body, bearer) {
      const headers = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET') headers.origin = url;
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      else if (cookie) headers.cookie = cookie;
      const response = await fetch(url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const set = response.headers.getSetCookie().find((c) => c.startsWith('ops_session='));
      if (set) cookie = set.split(';')[0];
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
  };
}

/** A seeded random source, so every run draws the same afternoon. */
function random(seed) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, between: (a1, b1) => a1 + (b1 - a1) * next(), logNormal: (median, sigma) => median * Math.exp(sigma * normal()), pick: (list) => list[Math.floor(next() * list.length)] };
}

/** Seconds since midnight in London now: "today" in the picture starts there. */
function londonSecondsSinceMidnight(now) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(now);
  const get = (type) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 3600 + get('minute') * 60 + get('second');
}

/** A busy winter afternoon for RX6, as a CAD system would report it. */
function winterEvents(hospitalCodes, now) {
  const MIN = 60_000;
  const [r, events] = [random(20221219), []];
  let n = 0;
  const at = (ms) => new Date(Math.min(ms, now - 1000)).toISOString();
  const add = (type, when, fields) => events.push({ id: `ss-${++n}`, type, trust: 'RX6', at: at(when), ...fields });
  // Today's figures spread over the day so far (at most 10 hours), whatever the time of day.
  const midnight = now - londonSecondsSinceMidnight(new Date(now)) * 1000;
  const dayFrom = Math.max(midnight + MIN, now - 10 * 60 * MIN);
  const dayTo = now - 2 * MIN;
  const inDay = () => r.between(dayFrom, Math.max(dayFrom + MIN, dayTo));

  add('rota.planned', now - 5 * 60 * MIN, { from: at(now - 4 * 60 * MIN), to: new Date(now + 8 * 60 * MIN).toISOString(), resources: 90 });

  // 80 vehicles: 67 on shift against 90 planned, few free, many stuck at hospitals.
  const spread = { available: 4, mobile: 11, on_scene: 15, conveying: 6, at_hospital: 22, clearing: 6, unavailable: 3, off_shift: 13 };
  const fleet = Object.entries(spread).flatMap(([status, count]) => Array.from({ length: count }, () => ({ status })));
  fleet.forEach((v, i) => Object.assign(v, { id: `RX6-V${101 + i}`, kind: i % 6 === 5 ? 'RRV' : i === 40 ? 'HART' : 'DSA' }));

  // Ambulances waiting at hospitals now, by minutes waited: the longest first.
  const waits = { RTRAT: [131, 97, 74, 52, 38, 12], RTD02: [108, 86, 61, 44, 21], R0B01: [72, 55, 33, 9], RR7EN: [41, 26, 14], RVWAE: [28, 7], RTF86: [18, 4] };
  const atHospital = fleet.filter((v) => v.status === 'at_hospital');
  const stays = Object.entries(waits).flatMap(([hospital, minutes]) => (hospitalCodes.includes(hospital) ? minutes.map((m) => [hospital, m]) : []));
  stays.slice(0, atHospital.length).forEach(([hospital, m], i) => {
    atHospital[i].since = now - m * MIN - r.between(0, 50_000);
    add('handover.arrived', atHospital[i].since, { resourceId: atHospital[i].id, hospital });
  });
  for (const v of fleet) add('resource.status', v.since ?? now - r.between(1, 45) * MIN, { resourceId: v.id, kind: v.kind, status: v.status });

  // Handovers completed today: most past 15 minutes, many past 30, a few past 60.
  for (let i = 0; i < 120; i++) {
    const arrived = inDay();
    const took = Math.min(170, Math.max(7, r.logNormal(33, 0.55))) * MIN;
    if (arrived + took > now - MIN) continue;
    const [resourceId, hospital] = [`RX6-EARLIER-${i}`, r.pick(hospitalCodes)];
    add('handover.arrived', arrived, { resourceId, hospital });
    add('handover.completed', arrived + took, { resourceId, hospital });
  }

  // Jobs reached today, for response times: C1 a little past its 90th-centile standard, C2 far past.
  const shape = { C1: [8.6, 0.42], C2: [36, 0.72], C3: [105, 0.8], C4: [140, 0.7] };
  const outcomes = ['conveyed_ed', 'conveyed_ed', 'see_and_treat', 'conveyed_other', 'hear_and_treat'];
  for (let i = 0; i < 300; i++) {
    const x = r.next();
    const category = x < 0.11 ? 'C1' : x < 0.67 ? 'C2' : x < 0.92 ? 'C3' : 'C4';
    const arrived = inDay();
    const response = Math.max(2, r.logNormal(...shape[category])) * MIN;
    const jobId = `J-${i}`;
    add('job.created', arrived - response, { jobId, category, callId: `C-${i}` });
    add('job.resourceArrived', arrived, { jobId, resourceId: r.pick(fleet).id });
    if (arrived + 70 * MIN < now) add('job.closed', arrived + r.between(35, 70) * MIN, { jobId, outcome: r.pick(outcomes) });
  }

  // Patients waiting now: a couple of C1, mostly C2 and C3, some for hours.
  const queue = { C1: [2, 11], C2: [27, 150], C3: [23, 290], C4: [6, 320], C5: [7, 180] };
  for (const [category, [count, longest]] of Object.entries(queue)) {
    for (let i = 0; i < count; i++) add('job.created', now - (i === 0 ? longest : r.between(1, longest * 0.8)) * MIN, { jobId: `W-${category}-${i}`, category });
  }

  // 999 calls: answered today (mostly within seconds), and some ringing now.
  for (let i = 0; i < 420; i++) {
    const received = inDay();
    add('call.received', received, { callId: `C-${i}`, line: '999' });
    add('call.answered', received + Math.min(240, r.logNormal(6, 1.1)) * 1000, { callId: `C-${i}` });
  }
  for (let i = 0; i < 9; i++) add('call.received', now - r.between(3, 140) * 1000, { callId: `C-RING-${i}`, line: '999' });
  return events;
}

/** Waits for the live picture (or the stale banner), then for charts and fonts to settle. */
async function settle(page) {
  await page.getByTestId('queue-total').or(page.getByTestId('stale-banner')).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
}

/** Says which panels of a wall overflow: the wall must show everything without scrolling. */
async function checkFits(page, name) {
  const problems = await page.evaluate(() => {
    const doc = document.documentElement;
    const found = doc.scrollHeight > window.innerHeight + 1 || doc.scrollWidth > window.innerWidth + 1 ? ['the page scrolls'] : [];
    for (const el of document.querySelectorAll('[data-panel], [data-panel] .pp-tile, .wall-header')) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) found.push(`${el.className} overflows (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
    }
    return found;
  });
  for (const problem of problems) console.warn(`  warning (${name}): ${problem}`);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'ops-screenshots-'));
let server;
let browser;
const written = [];
try {
  server = await startServer(dataDir);
  console.log(`Server at ${server.url}`);
  const admin = apiClient(server.url);
  await admin.call('POST', '/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  const { key } = await admin.call('POST', '/api/v1/admin/feed-keys', { trust: 'RX6', label: 'Screenshots CAD' });
  const wallRX6 = await admin.call('POST', '/api/v1/admin/display-links', { label: 'EOC wall (screenshots)', trust: 'RX6' });
  const wallRX7 = await admin.call('POST', '/api/v1/admin/display-links', { label: 'Stale wall (screenshots)', trust: 'RX7' });
  const hospitals = (await admin.call('GET', '/api/v1/trusts/RX6/hospitals')).map((h) => h.code);

  const events = winterEvents(hospitals, Date.now());
  console.log(`Fed RX6 ${(await admin.call('POST', '/api/v1/feed/events', events, key)).accepted} events`);
  // The history is recorded at each minute's turn: wait for the first, so the chart has a point
  // (`npm run screenshots -- --quick` skips the wait).
  if (!process.argv.includes('--quick')) process.stdout.write('Waiting for the first recorded minute of history (up to 65 s)…\n');
  for (const deadline = process.argv.includes('--quick') ? 0 : Date.now() + 65_000; Date.now() < deadline; ) {
    const history = await admin.call('GET', '/api/v1/trusts/RX6/history');
    if (history.some((p) => !p.stale)) break;
    await admin.call('POST', '/api/v1/feed/events', [], key); // a heartbeat keeps the feed fresh
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }

  await mkdir(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const [cookieName, cookieValue] = admin.cookie().split('=');
  /** A page of its own browser context (a display token is kept per browser), at a size, signed in or not. */
  const open = async (url, width, height, { scale = 1, signedIn = false } = {}) => {
    const context = await browser.newContext({ viewport: { width: width / scale, height: height / scale }, deviceScaleFactor: scale });
    if (signedIn) await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    const page = await context.newPage();
    await page.goto(url.replace('localhost', '127.0.0.1'));
    await settle(page);
    return page;
  };
  const shoot = async (page, file, { fullPage = false, check = true } = {}) => {
    if (check) await checkFits(page, file);
    await page.screenshot({ path: path.join(OUT, file), fullPage });
    written.push(path.join(OUT, file));
  };

  const livePage = await open(wallRX6.url, 1920, 1080);
  await shoot(livePage, 'wall-RX6-1920x1080.png');
  await shoot(await open(wallRX6.url, 3840, 2160), 'wall-RX6-3840x2160.png');
  // A desk at 4K runs at 200% scaling: the same page as at 1080p, with twice the pixels.
  await shoot(await open(`${server.url}/trust/RX6`, 1920, 1080, { signedIn: true }), 'trust-page-RX6-1920x1080.png', { fullPage: true, check: false });
  await shoot(await open(`${server.url}/trust/RX6`, 3840, 2160, { signedIn: true, scale: 2 }), 'trust-page-RX6-3840x2160.png', { fullPage: true, check: false });
  // A training exercise for RYE at 12 times real time, on its own screen.
  const exercise = await admin.call('POST', '/api/v1/trusts/RYE/exercises', { scenario: 'winter-crisis', speed: 12 });
  const exerciseUrl = `${server.url}/wall/RYE/exercise/${exercise.id}`;
  await shoot(await open(exerciseUrl, 1920, 1080, { signedIn: true }), 'wall-RYE-exercise-1920x1080.png');
  await shoot(await open(exerciseUrl, 3840, 2160, { signedIn: true }), 'wall-RYE-exercise-3840x2160.png');
  const stalePage = await open(wallRX7.url, 1920, 1080);
  await stalePage.getByTestId('stale-banner').waitFor({ timeout: 30_000 });
  await shoot(stalePage, 'wall-RX7-stale-1920x1080.png');

  // Last: the server goes away under the open RX6 wall, which keeps its figures, marked not current.
  await stopServer(server.child);
  await livePage.getByTestId('connection-banner').waitFor({ timeout: 30_000 });
  await livePage.waitForTimeout(1000);
  await shoot(livePage, 'wall-RX6-connection-lost-1920x1080.png');
} finally {
  await browser?.close();
  if (server) await stopServer(server.child);
  await rm(dataDir, { recursive: true, force: true });
}
console.log(`Screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);

// The simulator's part of the benchmark: how fast the model runs headless, and how long a new
// install takes from start to every trust live on its screens.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { adminSession, MAIN, startServer } from './server.mjs';
import { round } from './stats.mjs';

const dist = path.join(path.dirname(MAIN), 'simulator');
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds to simulate one day of each trust (no warm-up), the median of `repeats` runs. */
export async function modelSpeed(repeats = 5) {
  const [{ runModel }, { resolveParams }, data, trusts] = await Promise.all([load('model.js'), load('params.js'), load('data.js'), import(pathToFileURL(path.join(path.dirname(MAIN), '..', 'shared', 'reference', 'trusts.js')).href)]);
  const dayOf = (trust, seed) => {
    const params = resolveParams({ trust, start: '2025-01-06T00:00:00Z', days: 1, seed }, data.aqiRows(), data.calibration());
    let events = 0;
    const started = performance.now();
    const records = runModel(params, { warmUpHours: 0, emit: () => events++ });
    return { ms: performance.now() - started, events, incidents: records.jobs.length };
  };
  dayOf('RX6', 0); // warm the JIT
  const perTrust = {};
  for (const { code } of trusts.TRUSTS) {
    const runs = Array.from({ length: repeats }, (_, i) => dayOf(code, i + 1));
    perTrust[code] = { ms: round(median(runs.map((r) => r.ms))), incidents: runs[0].incidents, events: runs[0].events };
  }
  const elevenTrusts = Array.from({ length: repeats }, (_, i) => trusts.TRUSTS.reduce((ms, t) => ms + dayOf(t.code, 100 + i).ms, 0));
  const sizes = Object.values(perTrust).map((t) => t.ms);
  return {
    trustDayMs: { median: round(median(sizes)), max: round(Math.max(...sizes)), byTrust: perTrust },
    elevenTrustsOneDayMs: round(median(elevenTrusts)),
    eventsPerSecond: round(Object.values(perTrust).reduce((n, t) => n + t.events, 0) / (median(elevenTrusts) / 1000)),
  };
}

/** Seconds from starting a fresh install with the simulator on until every trust has a live, warm picture. */
export async function liveStart() {
  const started = performance.now();
  const server = await startServer({ SIMULATOR: 'on', LOG_LEVEL: 'warn' });
  const listeningS = (performance.now() - started) / 1000;
  try {
    const admin = await adminSession(server.url);
    const codes = (await admin.get('/trusts')).map((t) => t.code);
    const liveAt = new Map();
    const deadline = performance.now() + 180_000;
    while (liveAt.size < codes.length && performance.now() < deadline) {
      for (const code of codes) {
        if (liveAt.has(code)) continue;
        const picture = await admin.get(`/trusts/${code}/picture`);
        const fresh = picture.lastEventAt && Date.now() - Date.parse(picture.lastEventAt) < 10_000;
        if (fresh && !picture.stale && picture.responseToday.C2.count > 0) liveAt.set(code, (performance.now() - started) / 1000);
      }
      await sleep(250);
    }
    const times = [...liveAt.values()];
    return { listeningSeconds: round(listeningS), trustsLive: liveAt.size, allLiveSeconds: liveAt.size === codes.length ? round(Math.max(...times)) : null, firstLiveSeconds: times.length ? round(Math.min(...times)) : null };
  } finally {
    await server.stop();
  }
}

// `npm run bench`: the real server on PGlite, 1,000 wall screens, a feeder offering 5,000 mixed
// events a second through the feed API; then the same against a naive server that pushes the
// whole picture after every event; then durable ingest alone and a rebuild of the stored events.
// Prints one JSON object on stdout; progress goes to stderr.
import { cpus } from 'node:os';
import { Screens } from './bench/clients.mjs';
import { TrustFeed, postEvents } from './bench/feeder.mjs';
import { adminSession, assertBuilt, processUsage, startServer } from './bench/server.mjs';
import { incidentSearch } from './bench/incidents.mjs';
import { liveStart, modelSpeed } from './bench/simulator.mjs';
import { round, weightedPercentile } from './bench/stats.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const RATE = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 5000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const NAIVE_RATE = Number(process.env.BENCH_NAIVE_EVENTS_PER_SECOND ?? 500);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 10);
const INGEST_EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 300_000);
const BATCH_EVERY_MS = 500;

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function setUp(server) {
  const admin = await adminSession(server.url);
  const trusts = await admin.get('/trusts');
  const feeds = [];
  const tokens = new Map();
  for (const [i, trust] of trusts.entries()) {
    const hospitals = (await admin.get(`/trusts/${trust.code}/hospitals`)).map((h) => h.code);
    const { key } = await admin.post('/admin/feed-keys', { trust: trust.code, label: 'bench' });
    const { token } = await admin.post('/admin/display-links', { label: `bench ${trust.code}`, trust: trust.code });
    tokens.set(trust.code, token);
    feeds.push({ trust: trust.code, key, feed: new TrustFeed(trust.code, hospitals, 1000 + i) });
  }
  return { admin, feeds, tokens };
}

/** Offers `rate` events a second for `seconds`, each trust a batch every 500 ms, staggered. */
async function feedFor(server, feeds, screens, rate, seconds) {
  const perBatch = Math.max(1, Math.round((rate * BATCH_EVERY_MS) / 1000 / feeds.length));
  const until = performance.now() + seconds * 1000;
  let accepted = 0;
  let lateBatches = 0;
  await Promise.all(
    feeds.map(async ({ trust, key, feed }, i) => {
      await sleep((i * BATCH_EVERY_MS) / feeds.length);
      let due = performance.now();
      while (due < until) {
        const events = feed.batch(perBatch, new Date().toISOString());
        const batch = { target: feed.answered, events: events.length, postedAt: performance.now(), ackAt: null, seen: new Map() };
        screens?.fed(trust, batch);
        const result = await postEvents(server.url, key, events);
        batch.ackAt = performance.now();
        accepted += result.accepted;
        due += BATCH_EVERY_MS;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        else lateBatches++;
      }
    }),
  );
  return { accepted, lateBatches };
}

/**
 * Per event, the time from the feed's 202 to each screen of its trust holding a picture that
 * reflects it (`p50`, `p99`, `max`), and from the moment the feed began to post it (`fromPost*`),
 * which also counts a server slow to answer the feed.
 */
function latencies(screens) {
  const samples = [];
  const fromPost = [];
  let missing = 0;
  const perTrust = new Map();
  for (const { screen } of screens.sockets) perTrust.set(screen.trust, (perTrust.get(screen.trust) ?? 0) + 1);
  for (const [trust, batches] of screens.batches) {
    for (const batch of batches) {
      if (batch.ackAt === null) continue;
      for (const seenAt of batch.seen.values()) {
        samples.push({ value: Math.max(0, seenAt - batch.ackAt), weight: batch.events });
        fromPost.push({ value: seenAt - batch.postedAt, weight: batch.events });
      }
      missing += (perTrust.get(trust) ?? 0) - batch.seen.size;
    }
  }
  const max = (list) => round(list.reduce((m, s) => Math.max(m, s.value), 0));
  return {
    p50: round(weightedPercentile(samples, 50)),
    p99: round(weightedPercentile(samples, 99)),
    max: max(samples),
    fromPostP50: round(weightedPercentile(fromPost, 50)),
    fromPostP99: round(weightedPercentile(fromPost, 99)),
    fromPostMax: max(fromPost),
    samples: samples.length,
    notSeen: missing,
  };
}

async function liveRun(label, env, rate, seconds) {
  log(`${label}: starting the server`);
  const server = await startServer(env);
  try {
    const { admin, feeds, tokens } = await setUp(server);
    const screens = new Screens();
    log(`${label}: connecting ${CLIENTS} screens`);
    await screens.open(server.url, tokens, CLIENTS);
    log(`${label}: warming up`);
    await feedFor(server, feeds, null, rate, 3);
    await sleep(1000);
    screens.resetCounters();
    await admin.get('/admin/metrics');
    let rssMax = 0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, processUsage(server.pid).rssBytes)), 500);
    const before = processUsage(server.pid);
    const started = performance.now();
    log(`${label}: offering ${rate} events/s for ${seconds} s`);
    const fed = await feedFor(server, feeds, screens, rate, seconds);
    const elapsed = (performance.now() - started) / 1000;
    const after = processUsage(server.pid);
    // Let the last updates land (bounded: a server that cannot keep up does not hold the run).
    await sleep(Math.min(10_000, 1000 + 200 * NAIVE_SECONDS));
    clearInterval(sampler);
    const metrics = await admin.get('/admin/metrics');
    const result = {
      clients: screens.sockets.length,
      seconds: round(elapsed),
      offeredEventsPerSecond: rate,
      acceptedEventsPerSecond: round(fed.accepted / elapsed),
      batchesPostedLate: fed.lateBatches,
      latencyMs: latencies(screens),
      messagesPerSecond: round(screens.messages / elapsed),
      bytesPerClientPerSecond: round(screens.bytes / elapsed / screens.sockets.length),
      versionGaps: screens.gaps,
      server: {
        cpuPercent: round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
        cpuSecondsPer1000Events: round(((after.cpuSeconds - before.cpuSeconds) / Math.max(1, fed.accepted)) * 1000, 3),
        rssMaxBytes: Math.max(rssMax, after.rssBytes),
        eventLoopDelayP99Ms: metrics.eventLoopDelayP99Ms,
        eventLoopDelayMaxMs: metrics.eventLoopDelayMaxMs,
      },
    };
    screens.close();
    return result;
  } finally {
    await server.stop();
  }
}

async function ingestAndRebuild() {
  log(`ingest: posting ${INGEST_EVENTS} events with no screens`);
  const server = await startServer();
  const { feeds } = await setUp(server);
  const started = performance.now();
  let stored = 0;
  let next = 0;
  // Two posters at once: the embedded database writes one transaction at a time anyway.
  await Promise.all(
    [0, 1].map(async () => {
      while (stored < INGEST_EVENTS) {
        const { key, feed } = feeds[next++ % feeds.length];
        const { accepted } = await postEvents(server.url, key, feed.batch(5000, new Date().toISOString()));
        stored += accepted;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await server.stop({ keepData: true });
  log('rebuild: restarting on the stored events');
  const restartedAt = performance.now();
  const again = await startServer({}, server.dataDir);
  const startMs = performance.now() - restartedAt;
  const rebuilt = again.logs().find((l) => l.msg === 'picture rebuilt from the event store');
  await again.stop();
  return {
    ingest: { events: stored, seconds: round(seconds), eventsPerSecond: round(stored / seconds) },
    rebuild: { events: rebuilt?.events ?? null, ms: rebuilt?.ms ?? null, processStartMs: round(startMs) },
  };
}

assertBuilt();
const cpu = cpus();
const coalesced = await liveRun('coalesced', {}, RATE, SECONDS);
const naive = await liveRun('naive', { PICTURE_PUSH: 'per-event' }, NAIVE_RATE, NAIVE_SECONDS);
const { ingest, rebuild } = await ingestAndRebuild();
log('simulator: one day of each trust, headless');
const simulatorModel = await modelSpeed();
log('simulator: a fresh install until every trust is live');
const simulatorStart = await liveStart();
log('incidents: text search over three years of logs');
const incidents = await incidentSearch();
const perEvent = (run) => run.bytesPerClientPerSecond / Math.max(1, run.acceptedEventsPerSecond);
console.log(
  JSON.stringify(
    {
      machine: { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', node: process.version, date: new Date().toISOString() },
      coalesced,
      naive,
      ratios: {
        naiveToCoalescedBytesPerClientPerEvent: round(perEvent(naive) / perEvent(coalesced)),
        naiveToCoalescedServerCpuPerEvent: round(naive.server.cpuSecondsPer1000Events / coalesced.server.cpuSecondsPer1000Events),
        naiveToCoalescedFromPostLatencyP99: round(naive.latencyMs.fromPostP99 / Math.max(1, coalesced.latencyMs.fromPostP99)),
      },
      ingest,
      rebuild,
      simulator: { model: simulatorModel, start: simulatorStart },
      incidents,
    },
    null,
    2,
  ),
);
process.exit(0);

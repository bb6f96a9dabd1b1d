import { describe, expect, it } from 'vitest';
import type { Picture } from '../../shared/picture/picture.ts';
import { build, event } from '../../server/picture/builders.ts';
import { TestClock } from '../support/clock.ts';
import { connectFeed, ndjson } from '../support/feed.ts';
import { ApiClient } from '../support/http.ts';
import { createStorage, databaseKinds, startTestServer, useTestServer } from '../support/server.ts';

const kinds = await databaseKinds();
const NOW = '2025-01-15T10:30:00Z';

describe.each(kinds)('the feed on %s', (kind) => {
  const clock = new TestClock(NOW);
  const t = useTestServer(kind, { now: clock.now });
  const picture = async (trust = 'RX6') => (await t.admin.get<Picture>(`/api/v1/trusts/${trust}/picture`)).body;
  const stored = async () => (await t.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feed_events'))[0]!.n;

  it('stores a JSON array and reflects it in the picture read right after the answer', async () => {
    const feed = await connectFeed(t);
    const answer = await feed.send([build.jobCreated('job-1', 'C2', '2025-01-15T10:00:00Z'), build.jobCreated('job-2', 'C1', '2025-01-15T10:20:00Z'), build.callReceived('call-1', '2025-01-15T10:29:00Z')]);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ accepted: 3, duplicates: 0 });
    const p = await picture();
    expect(p.queue.C2).toEqual({ waiting: 1, longestWaitSeconds: 1800 });
    expect(p.queue.C1).toEqual({ waiting: 1, longestWaitSeconds: 600 });
    expect(p.calls.waiting).toBe(1);
    expect(p.stale).toBe(false);
    expect(p.lastEventAt).toBe(new Date(NOW).toISOString());
  });

  it('takes NDJSON, blank lines and all', async () => {
    const feed = await connectFeed(t);
    const body = `${ndjson([build.arrived('job-1', 'r1', '2025-01-15T10:25:00Z')])}\n\n${ndjson([build.status('r1', 'on_scene', '2025-01-15T10:25:00Z')])}`;
    const answer = await feed.request('POST', '/api/v1/feed/events', { body, headers: { 'content-type': 'application/x-ndjson' } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ accepted: 2, duplicates: 0 });
    const p = await picture();
    expect(p.queue.C2.waiting).toBe(0);
    expect(p.responseToday.C2).toEqual({ count: 1, meanSeconds: 1500, p90Seconds: 1500 });
    expect(p.resources.onScene).toBe(1);
  });

  it('counts a repeated event id as a duplicate, within a batch and across batches, and changes nothing', async () => {
    const feed = await connectFeed(t);
    const once = build.jobCreated('job-dup', 'C3', '2025-01-15T10:10:00Z');
    expect((await feed.send([once, once])).body).toEqual({ accepted: 1, duplicates: 1 });
    const before = await picture();
    const count = await stored();
    expect((await feed.send([once])).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await stored()).toBe(count);
    expect((await picture()).queue).toEqual(before.queue);
  });

  it('refuses a batch with any bad event, with an issue per bad event, and applies none of it', async () => {
    const feed = await connectFeed(t);
    const before = await picture();
    const count = await stored();
    const answer = await feed.send([
      build.jobCreated('fine', 'C1', '2025-01-15T10:00:00Z'),
      { ...build.jobCreated('bad-category', 'C1', '2025-01-15T10:00:00Z'), category: 'C9' },
      { ...build.callReceived('no-offset', '2025-01-15T10:00:00Z'), at: '2025-01-15T10:00:00' },
      build.atHospital('r9', 'RRU01-not-ours', '2025-01-15T10:00:00Z'),
      { type: 'job.teleported', id: 'x', trust: 'RX6', at: '2025-01-15T10:00:00Z' },
      'not an object',
    ]);
    expect(answer.status).toBe(400);
    const body = answer.body as { error: string; issues: { path: string }[] };
    expect(body.error).toBe('invalid_events');
    expect(body.issues.map((i) => i.path)).toEqual(['1.category', '2.at', '3.hospital', '4.type', '5']);
    expect(await stored()).toBe(count);
    expect((await picture()).queue).toEqual(before.queue);
  });

  it('refuses, as 403 wrong_trust, a batch with an event for another trust, and applies none of it', async () => {
    const feed = await connectFeed(t, 'RX6');
    const count = await stored();
    const answer = await feed.send([build.jobCreated('ours', 'C1', '2025-01-15T10:00:00Z'), event({ type: 'job.created', jobId: 'theirs', category: 'C1', at: '2025-01-15T10:00:00Z', trust: 'RYC' })]);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'wrong_trust' });
    expect(await stored()).toBe(count);
  });

  it('refuses bodies of the wrong type, broken JSON, and anything but an array', async () => {
    const feed = await connectFeed(t);
    expect((await feed.request('POST', '/api/v1/feed/events', { body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const broken = await feed.request('POST', '/api/v1/feed/events', { body: '[{', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: 'invalid_json' });
    const object = await feed.send({ events: [] } as unknown as unknown[]);
    expect(object.status).toBe(400);
    const line = await feed.request('POST', '/api/v1/feed/events', { body: `${ndjson([build.callReceived('c', NOW)])}{oops\n`, headers: { 'content-type': 'application/x-ndjson' } });
    expect(line.status).toBe(400);
    expect((line.body as { issues: { path: string }[] }).issues).toEqual([{ path: '1', message: 'this line is not valid JSON' }]);
  });

  it('refuses more than 5,000 events or 5 MB with 413', async () => {
    const feed = await connectFeed(t);
    const many = Array.from({ length: 5001 }, (_, i) => build.callReceived(`c${i}`, NOW));
    const tooMany = await feed.send(many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ error: 'payload_too_large' });
    const big = await feed.request('POST', '/api/v1/feed/events', { body: JSON.stringify([{ pad: 'x'.repeat(5 * 1024 * 1024) }]), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
  });

  it('takes 5,000 events in one request', async () => {
    const feed = await connectFeed(t, 'RX7');
    const events = Array.from({ length: 5000 }, (_, i) => event({ type: 'call.received', callId: `bulk-${i}`, line: '999', at: NOW, trust: 'RX7' }));
    expect((await feed.send(events)).body).toEqual({ accepted: 5000, duplicates: 0 });
    expect((await picture('RX7')).calls.waiting).toBe(5000);
  });

  it('refuses a revoked key and anyone who is not a feed', async () => {
    expect((await new ApiClient(t.url, { bearer: 'ofk_not-a-key' }).post('/api/v1/feed/events', [])).status).toBe(401);
    expect((await t.admin.post('/api/v1/feed/events', [])).status).toBe(403);
  });

  it('shows a quiet feed as stale after STALE_AFTER_SECONDS, and an empty batch keeps it fresh', async () => {
    const feed = await connectFeed(t, 'RX8');
    await feed.send([build.status('x', 'available', NOW)].map((e) => ({ ...e, trust: 'RX8' })));
    clock.advance(121);
    expect((await picture('RX8')).stale).toBe(true);
    expect((await feed.send([])).status).toBe(202);
    expect((await picture('RX8')).stale).toBe(false);
  });
});

describe.each(kinds)('restarting on %s', (kind) => {
  it('rebuilds the picture from the event store with nothing lost', async () => {
    const storage = await createStorage(kind);
    const clock = new TestClock(NOW);
    try {
      const first = await startTestServer(storage, { now: clock.now });
      const feed = await connectFeed(first);
      await feed.send([
        build.jobCreated('a', 'C2', '2025-01-15T10:00:00Z'),
        build.jobCreated('b', 'C1', '2025-01-15T10:05:00Z'),
        build.arrived('b', 'r1', '2025-01-15T10:12:00Z'),
        build.atHospital('r2', 'RTD02', '2025-01-15T09:00:00Z'),
        build.status('r1', 'on_scene', '2025-01-15T10:12:00Z'),
        build.rota('2025-01-15T07:00:00Z', '2025-01-15T19:00:00Z', 40),
        build.callReceived('c1', '2025-01-15T10:29:00Z'),
      ]);
      const before = (await first.admin.get<Picture>('/api/v1/trusts/RX6/picture')).body;
      await first.close();
      const second = await startTestServer(storage, { now: clock.now });
      const after = (await second.admin.get<Picture>('/api/v1/trusts/RX6/picture')).body;
      // The figures come from the store; flags come from the rules' evaluation, on its own clock
      // (their survival across a restart is tested with the thresholds).
      const figures = (p: Picture) => ({ ...p, flags: undefined, forecasts: undefined });
      expect(figures(after)).toEqual(figures(before));
      expect(after.queue.C2.waiting).toBe(1);
      await second.close();
    } finally {
      await storage.dispose();
    }
  });
});

describe.each(kinds)('reading the store back on %s', (kind) => {
  const t = useTestServer(kind);

  it('reads every event since a time, in the order stored, across pages', async () => {
    const feed = await connectFeed(t, 'RYA');
    const events = Array.from({ length: 7 }, (_, i) => ({ ...build.callReceived(`page-${i}`, `2025-01-15T10:0${i}:00Z`), trust: 'RYA' }));
    const old = { ...build.callReceived('too-old', '2025-01-10T10:00:00Z'), trust: 'RYA' };
    await feed.send([events[0], old, ...events.slice(1)]);
    const { readEvents } = await import('../../server/feed/store.ts');
    const pages: string[][] = [];
    const read = await readEvents(t.server.db, { since: new Date('2025-01-15T00:00:00Z') }, (page) => pages.push(page.map((e) => e.id)), 3);
    expect(read.events).toBe(7);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(events.map((e) => e.id));
  });
});

describe('feed request limits', () => {
  it('answers 429 past the requests a key may make in a minute', async () => {
    const storage = await createStorage('pglite');
    const t = await startTestServer(storage);
    try {
      const feed = await connectFeed(t);
      const { FEED_REQUESTS_PER_MINUTE } = await import('../../server/feed/routes.ts');
      for (let i = 0; i < FEED_REQUESTS_PER_MINUTE; i++) {
        const answer = await feed.send([]);
        if (answer.status !== 202) throw new Error(`request ${i}: ${answer.status}`);
      }
      const limited = await feed.send([]);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: 'too_many_requests' });
    } finally {
      await t.close();
      await storage.dispose();
    }
    // Many requests (and, for sign-ins, many password hashes): seconds on a quiet machine, more on a busy one.
  }, 90_000);
});

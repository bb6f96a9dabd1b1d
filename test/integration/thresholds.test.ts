import { describe, expect, it } from 'vitest';
import type { Flag, Picture } from '../../shared/picture/picture.ts';
import type { ReapStatus } from '../../shared/reap/schemas.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import { build } from '../../server/picture/builders.ts';
import { TestClock } from '../support/clock.ts';
import { connectFeed } from '../support/feed.ts';
import { until } from '../support/until.ts';
import { createStorage, databaseKinds, startTestServer, useTestServer, type TestServer } from '../support/server.ts';
import { connected, openSocket } from '../support/socket.ts';

const kinds = await databaseKinds();


const queueRule: ThresholdRule = { id: 'queue-test', metric: 'queue.total.waiting', above: 1, sustainSeconds: 0, clearAt: 0, clearSeconds: 0, severity: 'critical', advice: 'Consider declaring a critical incident.' };
const picture = async (t: TestServer, trust: string) => (await t.admin.get<Picture>(`/api/v1/trusts/${trust}/picture`)).body;
const flagged = (p: Picture, id: string) => p.flags.find((f) => f.id === id);

describe.each(kinds)('thresholds and flags on %s', (kind) => {
  const t = useTestServer(kind);

  it('serves a trust’s default rules, refuses a bad list whole with what is wrong, and keeps the rules in force', async () => {
    const defaults = (await t.admin.get<ThresholdRule[]>('/api/v1/trusts/RX8/thresholds')).body;
    expect(defaults.map((r) => r.id)).toContain('queue-critical');
    const bad = await t.admin.put('/api/v1/trusts/RX8/thresholds', [queueRule, { ...queueRule, id: 'two', metric: 'queue.nope', clearAt: 5 }]);
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['1.metric', '1.clearAt']);
    expect((await t.admin.get<ThresholdRule[]>('/api/v1/trusts/RX8/thresholds')).body).toEqual(defaults);
    const dm = await t.signedIn({ username: 'dm-rx8', role: 'duty_manager', trust: 'RX8' });
    expect((await dm.put('/api/v1/trusts/RX8/thresholds', [queueRule])).status).toBe(200);
    expect((await t.admin.get<ThresholdRule[]>('/api/v1/trusts/RX8/thresholds')).body).toEqual([queueRule]);
  });

  it('raises a flag with its advice in the picture and on the socket when the feed drives a figure past a rule, and clears it when the figure comes back', async () => {
    expect((await t.admin.put('/api/v1/trusts/RX6/thresholds', [queueRule])).status).toBe(200);
    const link = (await t.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'wall', trust: 'RX6' })).body;
    const socket = openSocket(t.url, { token: link.token });
    try {
      await connected(socket);
      await socket.emitWithAck('picture.subscribe', { trust: 'RX6' });
      const raisedOnSocket = new Promise<{ trust: string; flag: Flag }>((resolve) => socket.on('flag.raised', (p) => p.flag.id === 'queue-test' && resolve(p)));
      const feed = await connectFeed(t);
      const now = Date.now();
      await feed.send([build.jobCreated('th-1', 'C2', new Date(now - 60_000).toISOString()), build.jobCreated('th-2', 'C3', new Date(now - 30_000).toISOString())]);
      const raised = await until('the flag', () => picture(t, 'RX6'), (p) => flagged(p, 'queue-test') !== undefined);
      expect(flagged(raised, 'queue-test')).toMatchObject({ severity: 'critical', value: 2, threshold: 1, advice: 'Consider declaring a critical incident.', message: 'Patients waiting (C1-C4): 2, over 1' });
      expect(await raisedOnSocket).toMatchObject({ trust: 'RX6', flag: { id: 'queue-test' } });

      // A duty manager acknowledges it: seen, with who and when, and still raised.
      const dm = await t.signedIn({ username: 'dm-rx6-ack', role: 'duty_manager', trust: 'RX6', displayName: 'Jo Manager' });
      expect((await t.admin.post('/api/v1/trusts/RX6/flags/queue-test/acknowledge')).status).toBe(403);
      expect((await dm.post('/api/v1/trusts/RX6/flags/not-raised/acknowledge')).status).toBe(404);
      const acked = await dm.post<Flag>('/api/v1/trusts/RX6/flags/queue-test/acknowledge');
      expect(acked.status).toBe(200);
      expect(acked.body.acknowledged).toMatchObject({ by: 'Jo Manager' });
      expect(flagged(await picture(t, 'RX6'), 'queue-test')?.acknowledged?.by).toBe('Jo Manager');

      const cleared = new Promise<{ flag: Flag }>((resolve) => socket.on('flag.cleared', (p) => p.flag.id === 'queue-test' && resolve(p)));
      await feed.send([build.closed('th-1', new Date().toISOString()), build.closed('th-2', new Date().toISOString())]);
      await until('the flag to clear', () => picture(t, 'RX6'), (p) => flagged(p, 'queue-test') === undefined);
      await cleared;
      const history = (await t.admin.get<{ flagId: string; kind: string }[]>('/api/v1/trusts/RX6/flags/history')).body.filter((h) => h.flagId === 'queue-test');
      expect(history.map((h) => h.kind)).toEqual(['raised', 'cleared']);
    } finally {
      socket.close();
    }
  });

  it('sets the REAP level with a reason, by a duty manager of the trust only, and shows who set it in the picture', async () => {
    const dm = await t.signedIn({ username: 'dm-ryc', role: 'duty_manager', trust: 'RYC', displayName: 'Sam Duty' });
    const exec = await t.signedIn({ username: 'exec-ryc', role: 'executive', trust: 'RYC' });
    expect((await exec.put('/api/v1/trusts/RYC/reap', { level: 3, reason: 'x' })).status).toBe(403);
    const bad = await dm.put('/api/v1/trusts/RYC/reap', { level: 5, reason: '' });
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['level', 'reason']);
    const set = await dm.put<ReapStatus>('/api/v1/trusts/RYC/reap', { level: 3, reason: 'Two hospitals on divert; 180 waiting.' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ level: 3, setBy: 'Sam Duty', history: [{ level: 3, reason: 'Two hospitals on divert; 180 waiting.', setBy: 'Sam Duty' }] });
    expect((await picture(t, 'RYC')).reap).toMatchObject({ level: 3, setBy: 'Sam Duty' });
    const region = (await t.admin.get<{ trusts: { trust: { code: string }; reapLevel: number }[] }>('/api/v1/regions/Y61/picture')).body;
    expect(region.trusts.find((s) => s.trust.code === 'RYC')?.reapLevel).toBe(3);
  });
});

describe.each(kinds)('flags across a restart on %s', (kind) => {
  it('keeps a raised flag, and its time, through a restart without raising it again', async () => {
    const storage = await createStorage(kind);
    let t = await startTestServer(storage);
    try {
      await t.admin.put('/api/v1/trusts/RX7/thresholds', [queueRule]);
      const feed = await connectFeed(t, 'RX7');
      await feed.send([{ ...build.jobCreated('r-1', 'C2', new Date().toISOString()), trust: 'RX7' }, { ...build.jobCreated('r-2', 'C2', new Date().toISOString()), trust: 'RX7' }]);
      const before = flagged(await until('the flag', () => picture(t, 'RX7'), (p) => flagged(p, 'queue-test') !== undefined), 'queue-test')!;
      await t.close();
      t = await startTestServer(storage);
      const after = await picture(t, 'RX7');
      expect(flagged(after, 'queue-test')?.since).toBe(before.since);
      await new Promise((resolve) => setTimeout(resolve, 6000));
      const history = (await t.admin.get<{ flagId: string; kind: string }[]>('/api/v1/trusts/RX7/flags/history')).body.filter((h) => h.flagId === 'queue-test');
      expect(history.map((h) => h.kind)).toEqual(['raised']);
    } finally {
      await t.close();
      await storage.dispose();
    }
    // Two starts of a server and a wait for evaluation rounds after the second.
  }, 90_000);
});

describe.each(kinds)('the forecast on %s', (kind) => {
  const clock = new TestClock('2026-01-15T10:00:00Z');
  const t = useTestServer(kind, { now: clock.now });
  const line: ThresholdRule = { id: 'queue-200', metric: 'queue.total.waiting', above: 200, sustainSeconds: 0, clearAt: 150, clearSeconds: 0, severity: 'critical', advice: 'Consider declaring a critical incident.' };

  it('says when a rising queue will cross its line at this rate, and falls silent when the queue stops rising', async () => {
    expect((await t.admin.put('/api/v1/trusts/RX9/thresholds', [line])).status).toBe(200);
    const feed = await connectFeed(t, 'RX9');
    let jobs = 0;
    // Ten more waiting every 100 seconds (six a minute), from 10 to 90, over 13 minutes.
    for (let round = 0; round < 9; round++) {
      const at = clock.now().toISOString();
      await feed.send(Array.from({ length: 10 }, () => ({ ...build.jobCreated(`fc-${jobs++}`, 'C3', at), trust: 'RX9' })));
      await t.server.evaluateFlags();
      clock.advance(100);
    }
    const rising = await picture(t, 'RX9');
    expect(rising.queue.total.waiting).toBe(90);
    // 110 to go at 6 a minute: about 18 minutes, said to the nearest 5. (The evaluator's own
    // 5-second rounds add samples of their own between these steps, so not to the minute.)
    expect(rising.forecasts).toHaveLength(1);
    const [forecast] = rising.forecasts!;
    expect(forecast).toMatchObject({ rule: 'queue-200', severity: 'critical' });
    expect(forecast!.minutes).toBeGreaterThanOrEqual(14);
    expect(forecast!.minutes).toBeLessThanOrEqual(22);
    expect(forecast!.message).toMatch(/^At this rate: patients waiting \(C1-C4\) over 200 in about (15|20) min$/);
    // Every job reached: the queue falls to nothing and the trend no longer points at the line.
    await feed.send(Array.from({ length: jobs }, (_, i) => ({ ...build.closed(`fc-${i}`, clock.now().toISOString()), trust: 'RX9' })));
    for (let round = 0; round < 8; round++) {
      await feed.send([]);
      await t.server.evaluateFlags();
      clock.advance(100);
    }
    expect((await picture(t, 'RX9')).forecasts ?? []).toEqual([]);
  });
});

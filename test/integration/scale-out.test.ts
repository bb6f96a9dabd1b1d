import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../shared/picture/mergePatch.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import { build } from '../../server/picture/builders.ts';
import { connectFeed } from '../support/feed.ts';
import { ApiClient } from '../support/http.ts';
import { postgresAvailable } from '../support/postgres.ts';
import { REDIS_URL, redisAvailable } from '../support/redis.ts';
import { connected, nextDisconnect, openSocket } from '../support/socket.ts';
import { createStorage, startTestServer, type TestServer, type TestStorage } from '../support/server.ts';

const ready = (await postgresAvailable()) && (await redisAvailable());

/**
 * Two instances behind one PostgreSQL and one Redis, as a region would run them: what one
 * instance does reaches the connections held by the other.
 */
describe.runIf(ready)('two instances on PostgreSQL and Redis', () => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    storage = await createStorage('postgres');
    [a, b] = await Promise.all([startTestServer(storage, { config: { redisUrl: REDIS_URL } }), startTestServer(storage, { config: { redisUrl: REDIS_URL } })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await storage?.dispose();
  });

  it('migrates once and creates one admin when both start together', async () => {
    const rows = await a.server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE username = 'admin'");
    expect(rows[0]!.n).toBe(1);
  });

  it('accepts on one instance a session made on the other', async () => {
    const onB = new ApiClient(b.url);
    onB.cookie = a.admin.cookie;
    expect((await onB.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('closes a connection held by one instance when the session signs out on the other', async () => {
    const dm = await a.signedIn({ username: 'dm-two', role: 'duty_manager', trust: 'RX8' });
    const onB = new ApiClient(b.url);
    onB.cookie = dm.cookie;
    const socket = openSocket(b.url, { client: onB });
    await connected(socket);
    const ended = nextDisconnect(socket);
    expect((await dm.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await ended).toEqual({ reason: 'io server disconnect', ended: 'signed_out' });
  });

  it('shows on every instance what the feed sent to one of them, live', async () => {
    const feed = await connectFeed(a, 'RYE');
    const link = (await a.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'Wall', trust: 'RYE' })).body;
    const socket = openSocket(b.url, { token: link.token });
    try {
      await connected(socket);
      const answer = await socket.emitWithAck('picture.subscribe', { trust: 'RYE' });
      if (!answer.ok) throw new Error(answer.error);
      let version = answer.version;
      let held = answer.data as Picture;
      socket.on('picture.update', (update) => {
        if (!('trust' in update)) return;
        if ('picture' in update) held = update.picture;
        else if (update.version === version + 1) held = applyMergePatch(held, update.patch) as Picture;
        version = update.version;
      });
      const at = new Date().toISOString();
      expect((await feed.send([{ ...build.jobCreated('across', 'C2', at), trust: 'RYE' }])).status).toBe(202);
      await expect.poll(async () => (await b.admin.get<Picture>('/api/v1/trusts/RYE/picture')).body.queue.C2.waiting).toBe(1);
      await expect.poll(() => held.queue.C2.waiting).toBe(1);
    } finally {
      socket.close();
    }
  });

  it('catches up at start with what other instances stored', async () => {
    const feed = await connectFeed(a, 'RYF');
    await feed.send([{ ...build.jobCreated('before-c', 'C1', new Date().toISOString()), trust: 'RYF' }]);
    const c = await startTestServer(storage, { config: { redisUrl: REDIS_URL } });
    try {
      expect((await c.admin.get<Picture>('/api/v1/trusts/RYF/picture')).body.queue.C1.waiting).toBe(1);
    } finally {
      await c.close();
    }
  });

  it('closes a wall screen on one instance when its link is revoked on the other', async () => {
    const link = (await a.admin.post<{ id: string; token: string }>('/api/v1/admin/display-links', { label: 'Wall', trust: 'RX8' })).body;
    const socket = openSocket(b.url, { token: link.token });
    await connected(socket);
    const ended = nextDisconnect(socket);
    expect((await a.admin.delete(`/api/v1/admin/display-links/${link.id}`)).status).toBe(200);
    expect((await ended).ended).toBe('revoked');
  });

  it('shows an incident declared and a mutual-aid step taken on one instance on the other, live', async () => {
    const dm = await a.signedIn({ username: 'dm-rx6-two', role: 'duty_manager', trust: 'RX6' });
    const dmOnB = new ApiClient(b.url);
    dmOnB.cookie = dm.cookie;
    const coord = await a.signedIn({ username: 'coord-two', role: 'coordinator', region: 'Y63' });
    const coordOnB = new ApiClient(b.url);
    coordOnB.cookie = coord.cookie;
    const socket = openSocket(b.url, { client: coordOnB });
    try {
      await connected(socket);
      const updates: string[] = [];
      socket.on('mutualAid.updated', ({ request }) => updates.push(request.status));
      await socket.emitWithAck('picture.subscribe', { region: 'Y63' });
      const incident = (await dm.post<{ id: string }>('/api/v1/incidents', { trust: 'RX6', level: 'critical', title: 'Across instances', reason: 'Two instances' })).body;
      await expect.poll(async () => (await dmOnB.get<Picture>('/api/v1/trusts/RX6/picture')).body.incident?.id).toBe(incident.id);
      const logged = new Promise<string>((resolve) => socket.on('incident.logged', ({ entry }) => resolve(entry.text)));
      expect(await socket.emitWithAck('incident.subscribe', { id: incident.id })).toMatchObject({ ok: true });
      expect((await dm.post('/api/v1/incidents/' + incident.id + '/entries', { kind: 'information', text: 'Written on A.' })).status).toBe(201);
      expect(await logged).toBe('Written on A.');
      const asked = await dm.post<{ id: string }>('/api/v1/mutual-aid', { trust: 'RX6', resources: [{ kind: 'DSA', quantity: 3 }], neededFrom: new Date().toISOString(), reason: 'Across instances' });
      expect(asked.status).toBe(201);
      await expect.poll(() => updates).toEqual(['open']);
      await expect.poll(async () => (await coordOnB.get<{ mutualAid: { id: string }[] }>('/api/v1/regions/Y63/picture')).body.mutualAid.map((r) => r.id)).toEqual([asked.body.id]);
    } finally {
      socket.close();
    }
  });
});

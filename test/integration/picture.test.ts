import { describe, expect, it } from 'vitest';
import { applyMergePatch } from '../../shared/picture/mergePatch.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import type { RegionPicture } from '../../shared/picture/region.ts';
import type { PictureUpdate, RegionPictureUpdate } from '../../shared/realtime/events.ts';
import { build } from '../../server/picture/builders.ts';
import { recordMinute } from '../../server/picture/history.ts';
import { connectFeed } from '../support/feed.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';
import { connected, openSocket } from '../support/socket.ts';

const kinds = await databaseKinds();

describe.each(kinds)('live pictures on %s', (kind) => {
  const t = useTestServer(kind);

  it('answers a subscription with the picture and its version, then pushes patches that keep it right', async () => {
    const feed = await connectFeed(t);
    const link = (await t.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'wall', trust: 'RX6' })).body;
    const socket = openSocket(t.url, { token: link.token });
    try {
      await connected(socket);
      const answer = await socket.emitWithAck('picture.subscribe', { trust: 'RX6' });
      if (!answer.ok) throw new Error(answer.error);
      let picture = answer.data as Picture;
      let version = answer.version;
      expect(picture.trust.code).toBe('RX6');
      const received = new Promise<void>((resolve) => {
        socket.on('picture.update', (update: PictureUpdate | RegionPictureUpdate) => {
          if (!('trust' in update)) return;
          if ('picture' in update) picture = update.picture;
          else {
            expect(update.version).toBe(version + 1);
            picture = applyMergePatch(picture, update.patch) as unknown as Picture;
          }
          version = update.version;
          if (picture.queue.C1.waiting === 2) resolve();
        });
      });
      const now = new Date().toISOString();
      expect((await feed.send([build.jobCreated('live-1', 'C1', now), build.jobCreated('live-2', 'C1', now)])).status).toBe(202);
      await received;
      const rest = (await t.admin.get<Picture>('/api/v1/trusts/RX6/picture')).body;
      expect({ ...picture, asOf: undefined, queue: undefined, flags: undefined, forecasts: undefined }).toEqual({ ...rest, asOf: undefined, queue: undefined, flags: undefined, forecasts: undefined });
      expect(picture.queue.C1.waiting).toBe(rest.queue.C1.waiting);
    } finally {
      socket.close();
    }
  });

  it('refuses a subscription outside the scope, by the same policy as the REST picture', async () => {
    const dm = await t.signedIn({ username: 'dm-sub', role: 'duty_manager', trust: 'RX6' });
    const socket = openSocket(t.url, { client: dm });
    try {
      await connected(socket);
      expect(await socket.emitWithAck('picture.subscribe', { trust: 'RYC' })).toMatchObject({ ok: false, error: 'forbidden' });
      expect((await dm.get('/api/v1/trusts/RYC/picture')).status).toBe(403);
      expect(await socket.emitWithAck('picture.subscribe', { trust: 'RX6' })).toMatchObject({ ok: true, version: expect.any(Number) });
      expect(await socket.emitWithAck('picture.subscribe', { trust: 'NOPE' } as never)).toMatchObject({ ok: false, error: 'invalid_input' });
    } finally {
      socket.close();
    }
  });

  it('serves a region’s view of its trusts over REST and as a subscription, to those who may read it', async () => {
    const feed = await connectFeed(t, 'RX8');
    await feed.send([{ ...build.jobCreated('region-1', 'C2', new Date(Date.now() - 600_000).toISOString()), trust: 'RX8' }]);
    const region = (await t.admin.get<RegionPicture>('/api/v1/regions/Y63/picture')).body;
    expect(region.region).toEqual({ code: 'Y63', name: 'North East and Yorkshire' });
    expect(region.trusts.map((s) => s.trust.code)).toEqual(['RX6', 'RX8']);
    expect(region.trusts[1]).toMatchObject({ queueTotal: 1, reapLevel: 1, incident: null, stale: false });
    expect(region.mutualAid).toEqual([]);

    const dm = await t.signedIn({ username: 'dm-region', role: 'duty_manager', trust: 'RX6' });
    expect((await dm.get('/api/v1/regions/Y63/picture')).status).toBe(200);
    expect((await dm.get('/api/v1/regions/Y61/picture')).status).toBe(403);
    const socket = openSocket(t.url, { client: dm });
    try {
      await connected(socket);
      const answer = await socket.emitWithAck('picture.subscribe', { region: 'Y63' });
      expect(answer).toMatchObject({ ok: true, version: expect.any(Number), data: { region: { code: 'Y63' } } });
      expect(await socket.emitWithAck('picture.subscribe', { region: 'Y61' })).toMatchObject({ ok: false, error: 'forbidden' });
    } finally {
      socket.close();
    }
  });

  it('keeps each minute’s key figures and serves them by time', async () => {
    const feed = await connectFeed(t, 'RX7');
    // A minute in the past, which the server's own recorder (writing the current minute) never touches.
    const now = new Date(Date.now() - 10 * 60_000);
    await feed.send([{ ...build.jobCreated('h1', 'C2', new Date(now.getTime() - 5 * 60_000).toISOString()), trust: 'RX7' }]);
    await recordMinute(t.server.db, t.server.pictures, now);
    // A second instance writing the same minute changes nothing.
    await recordMinute(t.server.db, t.server.pictures, now);
    const from = new Date(now.getTime() - 3600_000).toISOString();
    const to = new Date(now.getTime() + 60_000).toISOString();
    const answer = await t.admin.get<{ at: string; queueTotal: number; C2Waiting: number }[]>(`/api/v1/trusts/RX7/history?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(1);
    expect(answer.body[0]).toMatchObject({ queueTotal: 1, C2Waiting: 1, at: new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString() });
  });

  it('refuses a history period that ends before it starts, or is longer than 31 days', async () => {
    const bad = await t.admin.get('/api/v1/trusts/RX6/history?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_input', issues: [{ path: 'to' }] });
    expect((await t.admin.get('/api/v1/trusts/RX6/history?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z')).status).toBe(400);
    expect((await t.admin.get('/api/v1/trusts/RX6/history?from=yesterday')).status).toBe(400);
  });

  it('lets a display link read its trust’s picture and history with its token, and no other trust’s', async () => {
    const link = (await t.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'wall', trust: 'RX6' })).body;
    const screen = t.client({ bearer: link.token });
    expect((await screen.get('/api/v1/trusts/RX6/picture')).status).toBe(200);
    expect((await screen.get('/api/v1/trusts/RX6/history')).status).toBe(200);
    expect((await screen.get('/api/v1/trusts/RX7/picture')).status).toBe(403);
  });
});

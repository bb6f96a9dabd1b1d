import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../shared/exercises/schemas.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import type { PictureUpdate, RegionPictureUpdate } from '../../shared/realtime/events.ts';
import { until } from '../support/until.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';
import { connected, openSocket } from '../support/socket.ts';

const kinds = await databaseKinds();


describe.each(kinds)('training exercises on %s', (kind) => {
  const t = useTestServer(kind);

  it('runs a scenario for a trust apart from its real picture, tagged as an exercise, until it is stopped', async () => {
    const started = await t.admin.post<Exercise>('/api/v1/trusts/R1F/exercises', { scenario: 'winter-crisis', speed: 10 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ trust: 'R1F', scenario: 'winter-crisis', speed: 10, endedAt: null, startedBy: 'admin' });
    const id = started.body.id;
    expect((await t.admin.post('/api/v1/trusts/R1F/exercises', { scenario: 'strike-day' })).body).toMatchObject({ error: 'exercise_active' });

    const path = `/api/v1/trusts/R1F/exercises/${id}/picture`;
    const exercisePicture = await until('the exercise to be fed', async () => (await t.admin.get<Picture>(path)).body, (p) => p.resources.onShift > 0 && p.lastEventAt !== null);
    expect(exercisePicture.exercise).toMatchObject({ id, scenario: 'winter-crisis', title: 'A winter handover crisis', speed: 10 });
    expect(exercisePicture.trust.code).toBe('R1F');

    // Nothing of it in the trust's real picture, store or history.
    const real = (await t.admin.get<Picture>('/api/v1/trusts/R1F/picture')).body;
    expect(real.lastEventAt).toBeNull();
    expect(real.resources.onShift).toBe(0);
    expect(real.exercise).toBeUndefined();
    expect(await t.server.db.query('SELECT 1 FROM feed_events')).toHaveLength(0);
    expect((await t.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM exercise_events WHERE exercise_id = $1', [id]))[0]!.n).toBeGreaterThan(0);

    // Live, to those who may read the trust, and only as the exercise.
    const dm = await t.signedIn({ username: 'dm-r1f', role: 'duty_manager', trust: 'R1F' });
    const socket = openSocket(t.url, { client: dm });
    try {
      await connected(socket);
      const answer = await socket.emitWithAck('picture.subscribe', { trust: 'R1F', exercise: id });
      expect(answer).toMatchObject({ ok: true, data: { exercise: { id } } });
      expect(await socket.emitWithAck('picture.subscribe', { trust: 'RX6', exercise: id })).toMatchObject({ ok: false, error: 'forbidden' });
      const update = new Promise<PictureUpdate>((resolve) => socket.on('picture.update', (u: PictureUpdate | RegionPictureUpdate) => 'trust' in u && resolve(u)));
      expect(await update).toMatchObject({ trust: 'R1F', exercise: id });

      // A duty manager may watch it but not stop it.
      expect((await dm.post(`/api/v1/trusts/R1F/exercises/${id}/stop`)).status).toBe(403);
      const ended = new Promise<{ exercise: string }>((resolve) => socket.on('exercise.ended', resolve));
      const stopped = await t.admin.post<Exercise>(`/api/v1/trusts/R1F/exercises/${id}/stop`);
      expect(stopped.status).toBe(200);
      expect(stopped.body.endedBy).toBe('admin');
      expect(await ended).toEqual({ exercise: id });
    } finally {
      socket.close();
    }
    expect((await t.admin.get(path)).body).toMatchObject({ error: 'exercise_ended' });
    expect((await t.admin.post(`/api/v1/trusts/R1F/exercises/${id}/stop`)).status).toBe(409);
    // Its feed key is revoked with it.
    const keys = (await t.admin.get<{ label: string; revokedAt: string | null }[]>('/api/v1/admin/feed-keys')).body.filter((k) => k.label.startsWith('Exercise'));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.revokedAt !== null)).toBe(true);
    const list = (await t.admin.get<Exercise[]>('/api/v1/trusts/R1F/exercises')).body;
    expect(list.map((e) => [e.id, e.endedAt !== null])).toEqual([[id, true]]);
  });

  it('refuses an unknown scenario or speed with what is wrong, and an exercise of another trust as unknown', async () => {
    const bad = await t.admin.post('/api/v1/trusts/RX6/exercises', { scenario: 'alien-invasion', speed: 500 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_input' });
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['scenario', 'speed']);
    const other = await t.admin.post<Exercise>('/api/v1/trusts/RX8/exercises', { scenario: 'ordinary-day' });
    expect(other.status).toBe(201);
    expect((await t.admin.get(`/api/v1/trusts/RX6/exercises/${other.body.id}`)).status).toBe(404);
    expect((await t.admin.post(`/api/v1/trusts/RX8/exercises/${other.body.id}/stop`)).status).toBe(200);
  });
});
